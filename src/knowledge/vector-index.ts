import fs from 'node:fs';
import hnswlib from 'hnswlib-node';

/**
 * Dense vector index: HNSW (hnswlib-node) over L2-normalised vectors, cosine space.
 *
 * hnswlib does not persist the search breadth `ef` (it resets to 10, which costs recall),
 * so {@link VectorIndex} sets it after every build and every load.
 */
export interface VectorHit {
  index: number;
  /** Cosine similarity in [-1, 1]. */
  similarity: number;
}

export const HNSW_PARAMS = { m: 16, efConstruction: 200, ef: 160, seed: 42 } as const;

export class VectorIndex {
  private constructor(
    private readonly hnsw: InstanceType<typeof hnswlib.HierarchicalNSW>,
    readonly dimension: number,
    readonly count: number,
    private ef: number,
  ) {
    hnsw.setEf(ef);
  }

  static build(vectors: Float32Array[], dimension: number, params: { m?: number; efConstruction?: number; ef?: number } = {}): VectorIndex {
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dimension);
    hnsw.initIndex(Math.max(1, vectors.length), params.m ?? HNSW_PARAMS.m, params.efConstruction ?? HNSW_PARAMS.efConstruction, HNSW_PARAMS.seed);
    vectors.forEach((v, i) => {
      if (v.length !== dimension) throw new Error(`vektor ${i} berdimensi ${v.length}, diharapkan ${dimension}`);
      hnsw.addPoint(Array.from(v), i);
    });
    return new VectorIndex(hnsw, dimension, vectors.length, params.ef ?? HNSW_PARAMS.ef);
  }

  static load(file: string, dimension: number, count: number, ef: number = HNSW_PARAMS.ef): VectorIndex {
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dimension);
    hnsw.readIndexSync(file);
    return new VectorIndex(hnsw, dimension, count, ef);
  }

  save(file: string): void {
    this.hnsw.writeIndexSync(file);
    // writeIndexSync does not fsync; make the file durable before the atomic swap.
    const fd = fs.openSync(file, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  }

  setEf(ef: number): void {
    this.ef = ef;
    this.hnsw.setEf(ef);
  }

  search(query: Float32Array | number[], k: number): VectorHit[] {
    if (this.count === 0) return [];
    const n = Math.min(k, this.count);
    if (this.ef < n) this.hnsw.setEf(n);
    const res = this.hnsw.searchKnn(Array.isArray(query) ? query : Array.from(query), n);
    if (this.ef < n) this.hnsw.setEf(this.ef);
    return res.neighbors.map((index, i) => ({ index, similarity: 1 - res.distances[i] }));
  }
}

/** Exact (brute-force) cosine search over normalised vectors: the reference for recall. */
export function exactSearch(vectors: Float32Array[], query: Float32Array, k: number): VectorHit[] {
  const sims: VectorHit[] = vectors.map((v, index) => {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i] * query[i];
    return { index, similarity: s };
  });
  sims.sort((a, b) => b.similarity - a.similarity);
  return sims.slice(0, k);
}

/** Vectors as one little-endian float32 file (count × dimension), for rebuilding and exact search. */
export function writeVectors(file: string, vectors: Float32Array[], dimension: number): void {
  const buf = Buffer.alloc(vectors.length * dimension * 4);
  vectors.forEach((v, r) => {
    for (let i = 0; i < dimension; i++) buf.writeFloatLE(v[i], (r * dimension + i) * 4);
  });
  fs.writeFileSync(file, buf);
}

export function readVectors(file: string, dimension: number): Float32Array[] {
  const buf = fs.readFileSync(file);
  const n = buf.length / (dimension * 4);
  const out: Float32Array[] = [];
  for (let r = 0; r < n; r++) {
    const v = new Float32Array(dimension);
    for (let i = 0; i < dimension; i++) v[i] = buf.readFloatLE((r * dimension + i) * 4);
    out.push(v);
  }
  return out;
}
