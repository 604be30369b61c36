import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalHashEmbeddings } from '../../src/knowledge/embeddings.js';
import { buildsDir, currentBuildId, ENGINE_VERSION, loadIndex, readManifest } from '../../src/knowledge/index-store.js';
import { buildIndex, staleReason } from '../../src/knowledge/indexer.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { MAX_PENDING } from '../../src/knowledge/vector-index.js';
import { makeTmpDir, SAMPLE_DOCS, writeFiles } from '../helpers/tmp.js';

/** SAMPLE_DOCS plus a dozen small documents, so the HNSW graph has some size. */
function corpus(): Record<string, string> {
  const topics = ['arsip elektronik', 'tanda tangan elektronik', 'pusat data nasional', 'jaringan intra pemerintah', 'layanan aduan', 'satu data', 'keamanan informasi', 'aplikasi umum', 'manajemen risiko', 'audit teknologi', 'literasi digital', 'kepegawaian digital'];
  const docs: Record<string, string> = { ...SAMPLE_DOCS };
  topics.forEach((t, i) => {
    docs[`topik-${i}.md`] = `# Pedoman ${t}\n\n## Ruang lingkup ${t}\nPedoman ${t} berlaku bagi perangkat daerah di Kalimantan Timur sejak tahun ${2015 + i}.\n\n## Pelaksana ${t}\nPelaksana ${t} adalah unit kerja yang ditunjuk kepala daerah, dengan ${10 + i} petugas.\n`;
  });
  return docs;
}

const QUERIES = ['sertifikat GTA', 'biaya pelatihan GTA', 'kuota peserta GTA', 'indeks SPBE Kaltim 2024', 'pelaksana arsip elektronik', 'ruang lingkup satu data'];

let tmp: { dir: string; cleanup: () => void };
let knowledgeDir: string;
let dataDir: string;
const emb = new LocalHashEmbeddings();

beforeEach(() => {
  tmp = makeTmpDir();
  knowledgeDir = path.join(tmp.dir, 'knowledge');
  dataDir = path.join(tmp.dir, 'data');
  writeFiles(knowledgeDir, corpus());
});
afterEach(() => tmp.cleanup());

function labelsById(dir: string): Map<string, number> {
  const idx = loadIndex(dir);
  return new Map(idx.chunks.map((c, i) => [c.id, idx.vectors.labels[i]]));
}

async function results(kb: KnowledgeBase) {
  const out = [];
  for (const q of QUERIES) {
    const r = await kb.retrieve(q, 5);
    out.push({ q, relevant: r.relevant, passages: r.passages.map((p) => [p.chunkId, p.score, p.relevance, p.similarity]) });
  }
  return out;
}

describe('a new engine version', () => {
  it('rebuilds an index of an older engine and embeds every chunk again: local vectors come from its own tokeniser', async () => {
    const first = await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    expect(first.embedded).toBe(first.chunks);
    // An index left by the previous engine version, its local embedding cache beside it.
    const manifestFile = path.join(buildsDir(dataDir), currentBuildId(dataDir)!, 'manifest.json');
    fs.writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(manifestFile, 'utf8')), engineVersion: ENGINE_VERSION - 1 }));
    const caches = fs.readdirSync(path.join(dataDir, 'embedding-cache'));
    expect(caches).toEqual([`local-e${ENGINE_VERSION}__${emb.model}.bin`]);
    fs.renameSync(path.join(dataDir, 'embedding-cache', caches[0]), path.join(dataDir, 'embedding-cache', `local-e${ENGINE_VERSION - 1}__${emb.model}.bin`));
    expect(staleReason({ knowledgeDir, dataDir, embeddings: emb })).toBe('versi mesin indeks berubah');
    const second = await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    expect(second.fullRebuildReason).toBe('versi mesin indeks berubah');
    expect(second.embedded).toBe(second.chunks);
    // The older version's cache is gone; only this version's remains.
    expect(fs.readdirSync(path.join(dataDir, 'embedding-cache'))).toEqual([`local-e${ENGINE_VERSION}__${emb.model}.bin`]);
    // The same engine reuses its own cache.
    fs.rmSync(buildsDir(dataDir), { recursive: true, force: true });
    const third = await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    expect(third.cached).toBe(third.chunks);
  });
});

describe('incremental re-index', () => {
  it('adds only the changed document’s vectors to the previous HNSW graph, and answers like a full rebuild', async () => {
    const first = await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    expect(first.vectors.mode).toBe('full');
    const before = labelsById(dataDir);
    const oldGta = [...before.keys()].filter((id) => id.startsWith('gta.md#'));
    const graphBefore = readManifest(dataDir)!.vectorIndex;

    fs.writeFileSync(
      path.join(knowledgeDir, 'gta.md'),
      `${SAMPLE_DOCS['gta.md'].replace('mendapat sertifikat penyelesaian dari Komdigi', 'mendapat sertifikat kompetensi digital dari BPSDM Kaltim')}\n## Kuota GTA\nKuota peserta GTA tahun ini 500 orang ASN.\n`,
    );
    const report = await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    const after = labelsById(dataDir);
    const newGta = [...after.keys()].filter((id) => id.startsWith('gta.md#'));

    expect(report.changed).toEqual(['gta.md']);
    expect(report.lexical).toBe('incremental');
    expect(report.vectors).toMatchObject({ mode: 'incremental', added: newGta.length, deleted: oldGta.length });
    expect(report.embedded).toBe(2); // the edited section and the new one; the unchanged GTA section comes from the cache
    // Every other chunk keeps its place (label) in the graph; the changed document's chunks are new points.
    for (const [id, label] of after) {
      if (id.startsWith('gta.md#')) expect(label).toBeGreaterThanOrEqual(graphBefore.nextLabel);
      else expect(label).toBe(before.get(id));
    }
    expect(readManifest(dataDir)!.vectorIndex).toMatchObject({ elements: graphBefore.elements + newGta.length, deleted: oldGta.length });

    // The same knowledge built from scratch elsewhere: same chunks, identical BM25 index, same answers.
    const fullDir = path.join(tmp.dir, 'full');
    const full = await buildIndex({ knowledgeDir, dataDir: fullDir, embeddings: emb });
    expect(full.vectors.mode).toBe('full');
    const inc = loadIndex(dataDir);
    const ref = loadIndex(fullDir);
    expect(inc.chunks).toEqual(ref.chunks);
    expect(inc.lexical.toBuffer().equals(ref.lexical.toBuffer())).toBe(true);
    const incKb = await KnowledgeBase.open({ knowledgeDir, dataDir, embeddings: emb });
    const fullKb = await KnowledgeBase.open({ knowledgeDir, dataDir: fullDir, embeddings: emb });
    expect(await results(incKb)).toEqual(await results(fullKb));
    const kuota = await incKb.retrieve('berapa kuota peserta GTA', 3);
    expect(kuota.passages[0].text).toContain('500 orang');
    expect((await incKb.retrieve('sertifikat GTA dari siapa', 3)).passages[0].text).toContain('BPSDM Kaltim');
  });

  it('keeps the previous graph file and applies small changes when the index is loaded; many changes are written into the graph', async () => {
    await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    const graphOf = () => path.join(buildsDir(dataDir), currentBuildId(dataDir)!, 'vectors.hnsw');
    const firstGraph = fs.statSync(graphOf()).ino;
    // A new document: its chunks wait beside the same graph file (linked, not rewritten).
    fs.writeFileSync(path.join(knowledgeDir, 'baru.md'), '# Pedoman kanal siaran\n\n## Kanal siaran\nKanal siaran pemerintah daerah memakai frekuensi 99,1 MHz.\n');
    const added = await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    expect(added.vectors).toMatchObject({ mode: 'incremental', added: 1, deleted: 0, pending: 1 });
    expect(fs.statSync(graphOf()).ino).toBe(firstGraph);
    const pending = readManifest(dataDir)!.vectorIndex.pending!;
    expect(pending.added).toHaveLength(1);
    const kb = await KnowledgeBase.open({ knowledgeDir, dataDir, embeddings: emb });
    const at = kb.index.chunks.findIndex((c) => c.file === 'baru.md');
    expect(kb.index.vectors.search(emb.embedQuerySync('kanal siaran pemerintah daerah frekuensi'), 3)[0].index).toBe(at);
    // An edit of another document on top: the pending insertion of baru.md stays, gta.md's old points are deleted.
    fs.writeFileSync(path.join(knowledgeDir, 'gta.md'), `${SAMPLE_DOCS['gta.md']}\n## Kuota GTA\nKuota peserta GTA tahun ini 500 orang ASN.\n`);
    await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    const second = readManifest(dataDir)!.vectorIndex.pending!;
    expect(second.added).toEqual(expect.arrayContaining(pending.added));
    expect(second.deleted.length).toBeGreaterThan(0);
    // A pending point removed again was never in the graph: it is dropped, not marked deleted.
    fs.rmSync(path.join(knowledgeDir, 'baru.md'));
    await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    const third = readManifest(dataDir)!.vectorIndex.pending!;
    expect(third.added).not.toContain(pending.added[0]);
    expect(third.deleted).not.toContain(pending.added[0]);
    expect(fs.statSync(graphOf()).ino).toBe(firstGraph);
    // The result answers like a build from scratch.
    const fullDir = path.join(tmp.dir, 'full');
    await buildIndex({ knowledgeDir, dataDir: fullDir, embeddings: emb });
    expect(await results(await KnowledgeBase.open({ knowledgeDir, dataDir, embeddings: emb }))).toEqual(await results(await KnowledgeBase.open({ knowledgeDir, dataDir: fullDir, embeddings: emb })));
    // More new chunks than may wait: the graph takes them all and is written anew.
    const sections = Array.from({ length: MAX_PENDING + 20 }, (_x, i) => `## Butir ${i}\nButir ${i} pedoman besar memuat ketentuan nomor ${i * 7}.\n`).join('\n');
    fs.writeFileSync(path.join(knowledgeDir, 'besar.md'), `# Pedoman besar\n\n${sections}`);
    const big = await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    expect(big.vectors).toMatchObject({ mode: 'incremental', pending: 0 });
    expect(big.vectors.added).toBeGreaterThan(MAX_PENDING);
    expect(fs.statSync(graphOf()).ino).not.toBe(firstGraph);
    expect(readManifest(dataDir)!.vectorIndex.pending).toBeUndefined();
    const bigKb = await KnowledgeBase.open({ knowledgeDir, dataDir, embeddings: emb });
    expect(bigKb.index.vectors.stats.elements).toBe(readManifest(dataDir)!.vectorIndex.elements);
    expect((await bigKb.retrieve('kanal siaran frekuensi', 5)).passages.some((p) => p.file === 'baru.md')).toBe(false);
  });

  it('removes a deleted document’s passages from both indexes', async () => {
    await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    const kb = await KnowledgeBase.open({ knowledgeDir, dataDir, embeddings: emb });
    expect((await kb.retrieve('sertifikat GTA Komdigi', 3)).passages[0].file).toBe('gta.md');
    const gtaText = kb.index.chunks.find((c) => c.file === 'gta.md')!.text;

    fs.rmSync(path.join(knowledgeDir, 'gta.md'));
    const report = await kb.reindex();
    expect(report.removed).toEqual(['gta.md']);
    expect(report.vectors).toMatchObject({ mode: 'incremental', added: 0, deleted: 2 });
    expect(kb.index.chunks.some((c) => c.file === 'gta.md')).toBe(false);
    const r = await kb.retrieve('sertifikat GTA Komdigi', 5);
    expect(r.passages.some((p) => p.file === 'gta.md')).toBe(false);
    // Dense search for the deleted passage's own text finds only other documents.
    const dense = kb.index.vectors.search(emb.embedQuerySync(gtaText), 10);
    expect(dense.length).toBeGreaterThan(0);
    expect(dense.every((h) => kb.index.chunks[h.index].file !== 'gta.md')).toBe(true);
    expect(kb.index.lexical.docFreq('komdigi')).toBe(0);
  });

  it('compacts the graph once most of it is deleted, and re-analyses everything when the glossary changes', async () => {
    await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    for (let i = 0; i < 8; i++) fs.rmSync(path.join(knowledgeDir, `topik-${i}.md`));
    const compacted = await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    expect(compacted.vectors.mode).toBe('full');
    expect(compacted.vectors.reason).toMatch(/dipadatkan/);
    expect(readManifest(dataDir)!.vectorIndex.deleted).toBe(0);

    fs.appendFileSync(path.join(knowledgeDir, 'glossary.yaml'), '\n# diubah: glosarium baru\n');
    const glossary = await buildIndex({ knowledgeDir, dataDir, embeddings: emb });
    expect(glossary.lexical).toBe('full');
    expect(glossary.vectors).toMatchObject({ mode: 'incremental', added: 0, deleted: 0 });
    expect(glossary.embedded).toBe(0);
  });
});
