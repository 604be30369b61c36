import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalHashEmbeddings, type EmbeddingsProvider } from '../../src/knowledge/embeddings.js';
import { currentBuildId, loadIndex, readManifest } from '../../src/knowledge/index-store.js';
import { buildIndex, staleReason } from '../../src/knowledge/indexer.js';
import { KnowledgeBase, ensureIndex } from '../../src/knowledge/knowledge-base.js';
import { makeTmpDir, SAMPLE_DOCS, writeFiles } from '../helpers/tmp.js';

/** Counts what it embeds, so tests can see that unchanged chunks are not embedded again. */
class CountingEmbeddings implements EmbeddingsProvider {
  readonly provider = 'local';
  readonly model: string;
  dimension: number;
  embedded: string[] = [];
  private readonly inner: LocalHashEmbeddings;
  constructor(model = 'hash-ngram-v1', dimension = 512) {
    this.inner = new LocalHashEmbeddings({ dimension, model });
    this.model = model;
    this.dimension = dimension;
  }
  async embedDocuments(texts: string[]) {
    this.embedded.push(...texts);
    return this.inner.embedDocuments(texts);
  }
  async embedQuery(text: string) {
    return this.inner.embedQuery(text);
  }
}

let tmp: { dir: string; cleanup: () => void };
let knowledgeDir: string;
let dataDir: string;

beforeEach(() => {
  tmp = makeTmpDir();
  knowledgeDir = path.join(tmp.dir, 'knowledge');
  dataDir = path.join(tmp.dir, 'data');
  writeFiles(knowledgeDir, SAMPLE_DOCS);
});
afterEach(() => tmp.cleanup());

describe('index build', () => {
  it('writes the manifest, chunk store, lexical index and HNSW file', async () => {
    const emb = new CountingEmbeddings();
    const report = await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    const id = currentBuildId(dataDir)!;
    const dir = path.join(dataDir, 'index', 'builds', id);
    for (const f of ['manifest.json', 'chunks.json', 'lexical.bin', 'vectors.hnsw', 'vectors.f32', 'labels.i32']) expect(fs.existsSync(path.join(dir, f))).toBe(true);
    const m = readManifest(dataDir)!;
    expect(m.embeddings).toEqual({ provider: 'local', model: 'hash-ngram-v1', dimension: 512 });
    expect(Object.keys(m.files).sort()).toEqual(['gta.md', 'indeks-spbe.md']);
    expect(m.files['gta.md'].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(m.files['gta.md'].chunks).toBe(2);
    expect(report.added.sort()).toEqual(['gta.md', 'indeks-spbe.md']);
    expect(report.embedded).toBe(4);
  });

  it('re-embeds only the chunks of the file that changed', async () => {
    const emb = new CountingEmbeddings();
    await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    emb.embedded = [];
    fs.appendFileSync(path.join(knowledgeDir, 'gta.md'), '\n## Biaya GTA\nPelatihan GTA tidak dipungut biaya.\n');
    const report = await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    expect(report.changed).toEqual(['gta.md']);
    expect(report.unchanged).toBe(1);
    expect(report.embedded).toBe(1);
    expect(emb.embedded).toHaveLength(1);
    expect(emb.embedded[0]).toContain('tidak dipungut biaya');
    expect(report.cached).toBe(4);
  });


  it('an incremental build links the previous vector file, writes only new vectors past its rows, and loads the same vectors as a full build', async () => {
    // Enough chunks that two changed documents stay below the compaction threshold.
    for (let d = 0; d < 12; d++) fs.writeFileSync(path.join(knowledgeDir, `catatan-${d}.md`), `# Catatan ${d}\n\n## Bagian A\nRapat koordinasi ${d} membahas jaringan intra pemerintah.\n\n## Bagian B\nNotulen ${d} mencatat tindak lanjut layanan digital.\n`);
    const emb = new CountingEmbeddings();
    await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    const first = currentBuildId(dataDir)!;
    const firstFile = path.join(dataDir, 'index', 'builds', first, 'vectors.f32');
    const firstBytes = fs.readFileSync(firstFile);
    fs.appendFileSync(path.join(knowledgeDir, 'gta.md'), '\n## Biaya GTA\nPelatihan GTA tidak dipungut biaya.\n');
    fs.writeFileSync(path.join(knowledgeDir, 'indeks-spbe.md'), SAMPLE_DOCS['indeks-spbe.md'].replace('Indeks SPBE', 'Nilai indeks SPBE'));
    const report = await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    expect(readManifest(dataDir)!.stats.vectorMode).toBe('incremental');
    expect(report.embedded).toBeGreaterThan(1);
    const second = currentBuildId(dataDir)!;
    const secondFile = path.join(dataDir, 'index', 'builds', second, 'vectors.f32');
    expect(fs.statSync(secondFile).ino).toBe(fs.statSync(firstFile).ino);
    // The rows the first build reads are byte for byte what they were.
    expect(fs.readFileSync(firstFile).subarray(0, firstBytes.length).equals(firstBytes)).toBe(true);
    expect(loadIndex(dataDir, first).rawVectors.length).toBe(readManifest(dataDir, first)!.chunkCount);

    const fullDir = path.join(tmp.dir, 'data-full');
    await buildIndex({ knowledgeDir, dataDir: fullDir, embeddings: new CountingEmbeddings() });
    const inc = loadIndex(dataDir);
    const full = loadIndex(fullDir);
    const byId = new Map(full.chunks.map((c, i) => [c.id, full.rawVectors[i]]));
    expect(inc.chunks.map((c) => c.id).sort()).toEqual(full.chunks.map((c) => c.id).sort());
    inc.chunks.forEach((c, i) => expect(Array.from(inc.rawVectors[i])).toEqual(Array.from(byId.get(c.id)!)));
  });
  it('reports removed files and drops their chunks', async () => {
    const emb = new CountingEmbeddings();
    await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    fs.rmSync(path.join(knowledgeDir, 'gta.md'));
    const report = await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    expect(report.removed).toEqual(['gta.md']);
    expect(report.chunks).toBe(2);
  });

  it('skips a bad file with one warning and keeps building', async () => {
    writeFiles(knowledgeDir, { 'rusak.pdf': '%PDF-1.4 rusak', 'kosong.txt': '', 'gambar.png': 'x' });
    const warnings: string[] = [];
    const report = await buildIndex({ knowledgeDir, dataDir, embeddings: new CountingEmbeddings(), onWarning: (w) => warnings.push(w) });
    expect(report.errors.map((e) => e.file).sort()).toEqual(['gambar.png', 'kosong.txt', 'rusak.pdf']);
    expect(warnings).toHaveLength(3);
    expect(warnings.every((w) => /Melewati (rusak\.pdf|kosong\.txt|gambar\.png)/.test(w))).toBe(true);
    expect(report.chunks).toBe(4);
  });

  it('forces a full rebuild with a clear message when the embeddings model changes', async () => {
    await buildIndex({ knowledgeDir, dataDir, embeddings: new CountingEmbeddings() });
    const other = new CountingEmbeddings('hash-ngram-v2', 256);
    const messages: string[] = [];
    expect(staleReason({ knowledgeDir, dataDir, embeddings: other })).toMatch(/penyedia embeddings berubah/);
    const report = await buildIndex({ knowledgeDir, dataDir, embeddings: other, onProgress: (m) => messages.push(m) });
    expect(report.fullRebuildReason).toMatch(/hash-ngram-v1 ke local\/hash-ngram-v2/);
    expect(messages.some((m) => m.startsWith('Membangun ulang seluruh indeks'))).toBe(true);
    expect(other.embedded).toHaveLength(4);
    expect(readManifest(dataDir)!.embeddings.dimension).toBe(256);
  });

  it('leaves the previous index serving when a build fails half-way', async () => {
    const emb = new CountingEmbeddings();
    await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    const before = currentBuildId(dataDir);
    const kb = await KnowledgeBase.open({ knowledgeDir, dataDir, embeddings: emb });
    fs.appendFileSync(path.join(knowledgeDir, 'gta.md'), '\n## Baru\nBagian baru tentang kuota GTA.\n');
    await expect(
      buildIndex({ knowledgeDir, dataDir, embeddings: emb, hooks: { beforePublish: () => { throw new Error('disk penuh (simulasi)'); } } }),
    ).rejects.toThrow('disk penuh');
    expect(currentBuildId(dataDir)).toBe(before);
    expect(kb.reload()).toBe(false);
    const again = await KnowledgeBase.open({ knowledgeDir: path.join(tmp.dir, 'knowledge'), dataDir, embeddings: emb });
    expect(again.chunkCount).toBeGreaterThan(0);
    // The lock was released: the next build succeeds and publishes.
    await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    expect(currentBuildId(dataDir)).not.toBe(before);
  });

  it('ensureIndex builds when missing, and does nothing when fresh', async () => {
    const emb = new CountingEmbeddings();
    expect(await ensureIndex({ knowledgeDir, dataDir, embeddings: emb })).toBeDefined();
    expect(await ensureIndex({ knowledgeDir, dataDir, embeddings: emb })).toBeUndefined();
    fs.writeFileSync(path.join(knowledgeDir, 'baru.md'), '# Baru\n## A\nDokumen baru tentang Satu Data Indonesia.');
    expect(staleReason({ knowledgeDir, dataDir, embeddings: emb })).toBe('daftar dokumen berubah');
  });

  it('hot-reloads: a running knowledge base sees a new document after reindex()', async () => {
    const emb = new CountingEmbeddings();
    const kb = await KnowledgeBase.open({ knowledgeDir, dataDir, embeddings: emb });
    expect((await kb.retrieve('Satu Data Indonesia walidata', 3)).relevant).toBe(false);
    fs.writeFileSync(path.join(knowledgeDir, 'sdi.md'), '# Satu Data Indonesia\n## Walidata\nSatu Data Indonesia menunjuk walidata di setiap instansi pusat dan daerah.');
    const report = await kb.reindex();
    expect(report.added).toEqual(['sdi.md']);
    const r = await kb.retrieve('siapa walidata satu data indonesia', 3);
    expect(r.relevant).toBe(true);
    expect(r.passages[0].file).toBe('sdi.md');
  });
});
