import { buildIndex } from '../src/knowledge/indexer.js';
import { createEmbeddingsProvider } from '../src/knowledge/embeddings.js';
import { fail, loadCliConfig, progress } from './cli.js';

/** npm run reindex [-- --full] — incremental, atomic re-index of KNOWLEDGE_DIR into DATA_DIR. */
try {
  const config = loadCliConfig();
  const embeddings = createEmbeddingsProvider({ provider: config.embeddings.provider, model: config.embeddings.model, apiKey: config.openai.apiKey, baseURL: config.openai.baseUrl });
  const report = await buildIndex({
    knowledgeDir: config.knowledgeDir,
    dataDir: config.dataDir,
    embeddings,
    full: process.argv.includes('--full'),
    // Test hook (tests/knowledge/reindex-kill.test.ts): hold the finished build before publishing it,
    // so a test can SIGKILL the process at the worst moment.
    hooks: process.env.ASISTEN_TEST_PAUSE_BEFORE_PUBLISH_MS
      ? { beforePublish: () => new Promise((r) => setTimeout(r, Number(process.env.ASISTEN_TEST_PAUSE_BEFORE_PUBLISH_MS))) }
      : undefined,
    onProgress: progress,
    onWarning: progress,
  });
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : '-');
  process.stderr.write(`Ditambah: ${list(report.added)}\nBerubah: ${list(report.changed)}\nDihapus: ${list(report.removed)}\nGalat: ${report.errors.length ? report.errors.map((e) => `${e.file} (${e.message})`).join('; ') : '-'}\n`);
} catch (err) {
  fail(err);
}
