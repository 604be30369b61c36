import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalHashEmbeddings } from '../../src/knowledge/embeddings.js';
import { exactSearch, readVectors, VectorIndex, writeVectors } from '../../src/knowledge/vector-index.js';
import { makeTmpDir } from '../helpers/tmp.js';

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Texts shaped like the benchmark's: topical documents, short queries cut out of them. */
function corpus(n: number, seed: number) {
  const r = rng(seed);
  const base = 'data layanan pemerintah digital aplikasi arsip jaringan keamanan pelatihan pegawai daerah provinsi anggaran sistem informasi elektronik integrasi audit risiko kebijakan'.split(' ');
  const topics = Array.from({ length: 40 }, () => Array.from({ length: 30 }, () => `${base[Math.floor(r() * base.length)]}${Math.floor(r() * 60)}`));
  const texts = Array.from({ length: n }, (_x, i) => Array.from({ length: 60 }, () => (r() < 0.6 ? topics[Math.floor(i / 10) % 40][Math.floor(r() * 30)] : base[Math.floor(base.length * r() ** 2)])).join(' '));
  const queries = Array.from({ length: 100 }, () => {
    const words = texts[Math.floor(r() * n)].split(' ');
    const s = Math.floor(r() * 50);
    return words.slice(s, s + 3 + Math.floor(r() * 4)).join(' ');
  });
  return { texts, queries };
}

function recallAt10(index: VectorIndex, vectors: Float32Array[], queries: Float32Array[]): number {
  let hits = 0;
  for (const q of queries) {
    const exact = new Set(exactSearch(vectors, q, 10).map((h) => h.index));
    hits += index.search(q, 10).filter((h) => exact.has(h.index)).length / 10;
  }
  return hits / queries.length;
}

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());

describe('HNSW vector index', () => {
  const emb = new LocalHashEmbeddings();
  const { texts, queries } = corpus(3000, 11);
  const vectors = texts.map((t) => emb.embedQuerySync(t));
  const qv = queries.map((q) => emb.embedQuerySync(q));

  it('reaches recall@10 ≥ 0.97 against exact search with the default parameters, also after an update', () => {
    const index = VectorIndex.build(vectors, emb.dimension);
    expect(recallAt10(index, vectors, qv)).toBeGreaterThanOrEqual(0.97);

    // Drop the first 300 chunks and append 300 new ones: the updated graph must be as good.
    const extra = corpus(300, 99).texts.map((t) => emb.embedQuerySync(t));
    const next = [...vectors.slice(300), ...extra];
    const previousIndex = Int32Array.from(next, (_v, i) => (i < vectors.length - 300 ? i + 300 : -1));
    const { index: updated, added, deleted } = index.update({ previousIndex, vectors: next });
    expect({ added, deleted }).toEqual({ added: 300, deleted: 300 });
    expect(updated.stats).toEqual({ elements: 3300, deleted: 300, nextLabel: 3300 });
    expect(recallAt10(updated, next, qv)).toBeGreaterThanOrEqual(0.97);
  });

  it('stores raw vectors losslessly in one file', () => {
    const file = path.join(tmp.dir, 'v.f32');
    writeVectors(file, vectors.slice(0, 50), emb.dimension);
    const back = readVectors(file, emb.dimension);
    expect(back).toHaveLength(50);
    back.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(vectors[i])));
  });
});
