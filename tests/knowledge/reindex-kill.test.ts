import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalHashEmbeddings } from '../../src/knowledge/embeddings.js';
import { currentBuildId, loadIndex } from '../../src/knowledge/index-store.js';
import { buildIndex } from '../../src/knowledge/indexer.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { makeTmpDir, SAMPLE_DOCS, writeFiles } from '../helpers/tmp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let tmp: { dir: string; cleanup: () => void };
let knowledgeDir: string;
let dataDir: string;

beforeAll(() => {
  tmp = makeTmpDir();
  knowledgeDir = path.join(tmp.dir, 'knowledge');
  dataDir = path.join(tmp.dir, 'data');
  writeFiles(knowledgeDir, SAMPLE_DOCS);
});
afterAll(() => tmp.cleanup());

describe('npm run reindex killed with SIGKILL', () => {
  it('leaves the old index serving, and the next build recovers', async () => {
    const emb = new LocalHashEmbeddings();
    await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    const before = currentBuildId(dataDir);
    fs.appendFileSync(path.join(knowledgeDir, 'gta.md'), '\n## Kuota GTA\nKuota GTA tahun ini 500 peserta.\n');

    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/reindex.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: dataDir, ASISTEN_TEST_PAUSE_BEFORE_PUBLISH_MS: '30000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stderr.on('data', (d) => (out += d));
    // Wait until the new build is fully written but not yet published, then kill it.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no progress: ${out}`)), 30_000);
      const check = () => {
        if (out.includes('Menyusun indeks') && fs.readdirSync(path.join(dataDir, 'index', 'builds')).some((d) => d.endsWith('.tmp') && fs.existsSync(path.join(dataDir, 'index', 'builds', d, 'manifest.json')))) {
          clearTimeout(timer);
          resolve();
        } else setTimeout(check, 50);
      };
      check();
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));

    expect(currentBuildId(dataDir)).toBe(before);
    // The serving index still loads, with the old content.
    const serving = loadIndex(dataDir);
    expect(serving.manifest.buildId).toBe(before);
    expect(serving.chunks.some((c) => c.text.includes('500 peserta'))).toBe(false);
    const old = await KnowledgeBase.open({ knowledgeDir, dataDir, embeddings: emb });
    expect(old.manifest.buildId).not.toBe(before); // open() notices the change and rebuilds …
    expect(fs.existsSync(path.join(dataDir, 'index', 'build.lock'))).toBe(false); // … past the dead process's lock
    expect(fs.readdirSync(path.join(dataDir, 'index', 'builds')).filter((d) => d.endsWith('.tmp'))).toEqual([]);
    expect((await old.retrieve('kuota GTA', 1)).passages[0].text).toContain('500 peserta');
  }, 60_000);
});
