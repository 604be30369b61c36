import { buildIndex } from '../src/knowledge/indexer.js';
import { createEmbeddingsProvider } from '../src/knowledge/embeddings.js';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { removeDocument } from '../src/knowledge/maintenance/uploads.js';
import type { Config } from '../src/config.js';
import type { EmbeddingsProvider } from '../src/knowledge/embeddings.js';
import { openDatabase } from '../src/storage/sqlite.js';
import { SqliteKnowledgeStores } from '../src/storage/sqlite-knowledge-stores.js';
import { fail, loadCliConfig, progress } from './cli.js';

async function removeFromCli(config: Config, embeddings: EmbeddingsProvider, file: string, force: boolean): Promise<number> {
  const db = openDatabase(config.dataDir);
  try {
    const kb = await KnowledgeBase.open({ knowledgeDir: config.knowledgeDir, dataDir: config.dataDir, embeddings, onProgress: progress, onWarning: progress });
    const store = new SqliteKnowledgeStores(db);
    const result = await removeDocument({ kb, store, roles: { maintainerIds: [] }, knowledgeDir: config.knowledgeDir }, { file, force });
    if (result.ok) {
      progress(`Dihapus: ${result.file} (${result.title}). Bot yang berjalan memuat indeks baru dalam beberapa detik.`);
      return 0;
    }
    if (result.code === 'protected') progress(`${result.file} adalah dokumen bawaan. Ulangi dengan --force untuk menghapusnya.`);
    else if (result.code === 'not_found') progress(`${file} tidak ada di ${config.knowledgeDir}.`);
    else progress(`Gagal: ${'message' in result ? result.message : result.code}`);
    return 1;
  } finally {
    db.close();
  }
}

/**
 * npm run reindex [-- --full] — incremental, atomic re-index of KNOWLEDGE_DIR into DATA_DIR.
 * npm run reindex -- --remove FILE [--force] — removes a document (shipped ones need --force), audited;
 * a running bot hot-reloads the new index within seconds.
 */
try {
  const config = loadCliConfig();
  const embeddings = createEmbeddingsProvider({ provider: config.embeddings.provider, model: config.embeddings.model, apiKey: config.openai.apiKey, baseURL: config.openai.baseUrl });
  const removeAt = process.argv.indexOf('--remove');
  if (removeAt >= 0) {
    const file = process.argv[removeAt + 1];
    if (!file || file.startsWith('--')) throw new Error('--remove memerlukan nama berkas relatif terhadap KNOWLEDGE_DIR, mis. --remove unggahan/perpres.pdf');
    process.exit(await removeFromCli(config, embeddings, file, process.argv.includes('--force')));
  }
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
