import fs from 'node:fs';
import os from 'node:os';
import hnswlib from 'hnswlib-node';

/**
 * Dense vector index: HNSW (hnswlib-node) over L2-normalised vectors, cosine space.
 *
 * - **Labels are not chunk positions.** Each point carries a stable label; `labels[i]` is the
 *   label of chunk `i` of the build. An incremental build loads the previous build's graph,
 *   marks the labels of removed chunks deleted and adds only the new chunks under fresh labels,
 *   so one changed document costs a handful of insertions instead of a rebuild of the graph.
 *   Deleted points stay in the graph (hnswlib skips them in results) until
 *   {@link VectorIndex.needsCompaction} says a rebuild pays off.
 * - hnswlib does not persist the search breadth `ef` (it resets to 10, which costs recall),
 *   so {@link VectorIndex} sets it after every build and every load.
 * - Parameters, measured on the benchmark's 100k-chunk corpus (recall@10 against exact search):
 *   M 16 / efConstruction 200 / ef 160 gave 0.916; M 32 / 200 gave 0.957 at ef 160 and 0.973 at
 *   ef 240; M 24 / 120 gave 0.960 at ef 240, 0.971 at 320 and 0.985 at 480 — the same recall per
 *   query cost as M 32 (ef × 2M neighbour visits) for a third of the build time. On the current
 *   bench corpus (its words come from `knowledge/`, which has grown) ef 360 gave 0.9645 (0.9695
 *   with BM25's candidates re-scored, see `denseRanking`); ef 420 keeps the margin above 0.97
 *   (+0.006 on the cached corpus of `scripts/dev/hnsw-lab.ts`). On that cached corpus a denser
 *   graph reaches the same recall with fewer neighbour visits: M 24 / 120 gave 0.9793 at ef 420
 *   (≈ 420 × 48 distance computations per query), M 24 / 200 0.9800 at ef 380 (380 × 48) and
 *   M 20 / 200 0.9800 at ef 400 (400 × 40, a fifth less work) for a build about a third longer.
 *   Paired on one 100k corpus (`scripts/dev/hnsw-pair.ts`, both graphs searched query by query
 *   in one process, huge pages): the dense ranking took 3.46 ms at M 24 / 120 / ef 420 and 3.01 ms
 *   at M 20 / 200 / ef 400 (−13 %), recall@10 0.9820 → 0.9813 (HNSW alone 0.9790 → 0.9780).
 *   See `npm run bench -- --sizes 100000`.
 */
export interface VectorHit {
  index: number;
  /** Cosine similarity in [-1, 1]. */
  similarity: number;
}

export const HNSW_PARAMS = { m: 20, efConstruction: 200, ef: 400, seed: 42 } as const;

/** Compact the graph (full rebuild) once this share of its points are deleted ones. */
const MAX_DELETED_SHARE = 0.2;

type Hnsw = InstanceType<typeof hnswlib.HierarchicalNSW>;

export interface VectorIndexStats {
  /** Points in the graph, deleted ones included. */
  elements: number;
  deleted: number;
  nextLabel: number;
  /**
   * Changes not yet written into the graph file, which is then an earlier build's (linked): labels
   * to mark deleted and labels to insert, whose vectors are rows of `vectors.f32`. Applied in
   * memory when the index is loaded (see {@link VectorIndex.load}).
   */
  pending?: PendingChanges;
}

export interface PendingChanges {
  deleted: number[];
  added: number[];
}

/**
 * An incremental build leaves the graph file as it is (linked from the previous build) while its
 * changes stay this small: loading and rewriting a 100k-point graph takes longer than the rest of
 * a re-index, and inserting this many points when the index is loaded takes under a second.
 */
export const MAX_PENDING = 400;

/** How an incremental update maps the previous build onto the new one. */
export interface VectorUpdate {
  /** For each chunk of the new build: its index in the previous build, or -1 when it is new. */
  previousIndex: Int32Array;
  /** Vectors of the new build (same order); only those with `previousIndex` -1 are read. */
  vectors: ArrayLike<Float32Array>;
}

export class VectorIndex {
  private readonly labelToIndex: Int32Array;

  private constructor(
    private readonly hnsw: Hnsw | undefined,
    readonly dimension: number,
    /** Label of each chunk (chunk order). */
    readonly labels: Int32Array,
    private readonly stats_: VectorIndexStats,
    private ef_: number,
    /** A graph not read into memory ({@link VectorIndex.load} with `defer`): its file, for {@link update} and {@link save}. */
    private readonly graphFile?: string,
  ) {
    hnsw?.setEf(ef_);
    this.labelToIndex = new Int32Array(stats_.nextLabel).fill(-1);
    labels.forEach((label, i) => {
      this.labelToIndex[label] = i;
    });
  }

  /** The search breadth in use. */
  get ef(): number {
    return this.ef_;
  }

  get count(): number {
    return this.labels.length;
  }

  get stats(): VectorIndexStats {
    return { ...this.stats_ };
  }

  static build(vectors: ArrayLike<Float32Array>, dimension: number, params: { m?: number; efConstruction?: number; ef?: number; onProgress?: (done: number) => void } = {}): VectorIndex {
    const n = vectors.length;
    const labels = Int32Array.from({ length: n }, (_x, i) => i);
    if (n === 0) return new VectorIndex(undefined, dimension, labels, { elements: 0, deleted: 0, nextLabel: 0 }, params.ef ?? HNSW_PARAMS.ef);
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dimension);
    hnsw.initIndex(n, params.m ?? HNSW_PARAMS.m, params.efConstruction ?? HNSW_PARAMS.efConstruction, HNSW_PARAMS.seed);
    for (let i = 0; i < n; i++) {
      addPoint(hnsw, vectors[i], i, dimension);
      if (params.onProgress && (i + 1) % 10_000 === 0) params.onProgress(i + 1);
    }
    return new VectorIndex(hnsw, dimension, labels, { elements: n, deleted: 0, nextLabel: n }, params.ef ?? HNSW_PARAMS.ef);
  }

  /**
   * The index of a build: its graph file, with the build's pending changes applied in memory
   * (`vectors`: the build's vectors, in chunk order). With `defer` the graph is not read at all:
   * such an index can only be {@link update}d and {@link save}d, as the next incremental build does.
   */
  static load(
    file: string,
    dimension: number,
    labels: Int32Array,
    stats: VectorIndexStats,
    ef: number = HNSW_PARAMS.ef,
    opts: { vectors?: ArrayLike<Float32Array>; defer?: boolean } = {},
  ): VectorIndex {
    if (stats.elements === 0) return new VectorIndex(undefined, dimension, labels, stats, ef);
    if (opts.defer) return new VectorIndex(undefined, dimension, labels, stats, ef, file);
    const { pending, ...rest } = stats;
    const index = new VectorIndex(readGraph(file, dimension), dimension, labels, rest, ef);
    if (pending) index.apply(pending, opts.vectors ?? []);
    return index;
  }

  /** True when so many points are deleted that a full rebuild is the better deal. */
  needsCompaction(newCount: number, removed: number): boolean {
    const deleted = this.stats_.deleted + removed;
    return (this.hnsw === undefined && this.graphFile === undefined) || deleted > MAX_DELETED_SHARE * Math.max(newCount + deleted, 1);
  }

  /**
   * The next build's index from this one: removed chunks are marked deleted, new chunks are
   * inserted; kept chunks keep their label and their place in the graph. Consumes this
   * instance (its graph is reused, so do not search it afterwards).
   */
  update(change: VectorUpdate): { index: VectorIndex; added: number; deleted: number; pending: number } {
    if (!this.hnsw && !this.graphFile) throw new Error('indeks vektor kosong tidak dapat diperbarui; bangun ulang');
    const n = change.previousIndex.length;
    const kept = new Uint8Array(this.count);
    const labels = new Int32Array(n);
    let next = this.stats_.nextLabel;
    const fresh: number[] = [];
    for (let i = 0; i < n; i++) {
      const p = change.previousIndex[i];
      if (p >= 0) {
        kept[p] = 1;
        labels[i] = this.labels[p];
      } else {
        labels[i] = next++;
        fresh.push(labels[i]);
      }
    }
    // The changes the graph file does not have yet: this build's on top of the earlier pending ones
    // (none when the graph is in memory: loading applied them). A label inserted by a pending change
    // and removed now was never in the graph: it is dropped.
    const earlier = this.stats_.pending ?? { deleted: [], added: [] };
    const addedBefore = new Set(earlier.added);
    const deletedNow: number[] = [];
    for (let p = 0; p < this.count; p++) {
      if (kept[p]) continue;
      const label = this.labels[p];
      if (!addedBefore.delete(label)) deletedNow.push(label);
    }
    const pending: PendingChanges = { deleted: [...earlier.deleted, ...deletedNow], added: [...addedBefore, ...fresh] };
    const deleted = this.count - (n - fresh.length);
    const stats = { elements: this.stats_.elements + fresh.length, deleted: this.stats_.deleted + deleted, nextLabel: next };
    const counts = { added: fresh.length, deleted };
    if (!this.hnsw && pending.added.length <= MAX_PENDING)
      return { index: new VectorIndex(undefined, this.dimension, labels, { ...stats, pending }, this.ef_, this.graphFile), ...counts, pending: pending.added.length + pending.deleted.length };
    // Too many changes to keep pending (or the graph is in memory already): the graph takes them.
    const index = new VectorIndex(this.hnsw ?? readGraph(this.graphFile!, this.dimension), this.dimension, labels, stats, this.ef_);
    index.apply(pending, change.vectors);
    return { index, ...counts, pending: 0 };
  }

  /** Marks the deleted labels and inserts the added ones, each with its chunk's vector (chunk order; the graph grows when it is full). */
  private apply(changes: PendingChanges, vectors: ArrayLike<Float32Array>): void {
    const hnsw = this.hnsw!;
    for (const label of changes.deleted) hnsw.markDelete(label);
    const needed = hnsw.getCurrentCount() + changes.added.length;
    if (needed > hnsw.getMaxElements()) hnsw.resizeIndex(Math.ceil(needed * 1.1) + 16);
    for (const label of changes.added) {
      const v = vectors[this.labelToIndex[label]];
      if (!v) throw new Error(`vektor berlabel ${label} (perubahan tertunda graf HNSW) tidak ada`);
      addPoint(hnsw, v, label, this.dimension);
    }
  }

  /**
   * Writes the graph (not fsynced: a build fsyncs all its files before it publishes them); a graph
   * kept with pending changes is the earlier file, linked (copied where links are impossible).
   */
  save(file: string): void {
    if (this.hnsw) this.hnsw.writeIndexSync(file);
    else if (this.graphFile) {
      try {
        fs.linkSync(this.graphFile, file);
      } catch {
        fs.copyFileSync(this.graphFile, file);
      }
    }
  }

  setEf(ef: number): void {
    this.ef_ = ef;
    this.hnsw?.setEf(ef);
  }

  search(query: Float32Array | number[], k: number): VectorHit[] {
    if (!this.hnsw && this.graphFile) throw new Error('graf HNSW belum dimuat (indeks untuk pembaruan saja)');
    if (!this.hnsw || this.count === 0) return [];
    const n = Math.min(k, this.count);
    if (this.ef_ < n) this.hnsw.setEf(n);
    const res = this.hnsw.searchKnn(Array.isArray(query) ? query : Array.from(query), n);
    if (this.ef_ < n) this.hnsw.setEf(this.ef_);
    const hits: VectorHit[] = [];
    res.neighbors.forEach((label, i) => {
      const index = this.labelToIndex[label];
      if (index >= 0) hits.push({ index, similarity: 1 - res.distances[i] });
    });
    return hits;
  }
}

function readGraph(file: string, dimension: number): Hnsw {
  const hnsw = new hnswlib.HierarchicalNSW('cosine', dimension);
  hnsw.readIndexSync(file);
  return hnsw;
}

function addPoint(hnsw: Hnsw, v: Float32Array, label: number, dimension: number): void {
  if (v.length !== dimension) throw new Error(`vektor berlabel ${label} berdimensi ${v.length}, diharapkan ${dimension}`);
  hnsw.addPoint(Array.from(v), label);
}

/**
 * Exact (brute-force) cosine search over normalised vectors: the reference for recall.
 * Keeps only a k-sized selection (no object per vector), so at 100k vectors it does not fill
 * the heap of the process that measures it.
 */
export function exactSearch(vectors: ArrayLike<Float32Array>, query: Float32Array, k: number): VectorHit[] {
  const top: VectorHit[] = [];
  let floor = -Infinity;
  for (let index = 0; index < vectors.length; index++) {
    const v = vectors[index];
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i] * query[i];
    if (top.length === k && s <= floor) continue;
    // Insertion into a sorted list of at most k hits (k is small).
    let at = top.length;
    while (at > 0 && top[at - 1].similarity < s) at--;
    top.splice(at, 0, { index, similarity: s });
    if (top.length > k) top.pop();
    if (top.length === k) floor = top[k - 1].similarity;
  }
  return top;
}

const LITTLE_ENDIAN = os.endianness() === 'LE';

/**
 * Vectors as one little-endian float32 file (count × dimension, row r = label r: a full build's
 * labels are its chunk positions), for incremental builds and exact similarity. Written in
 * slices so no second full copy is held in memory (not fsynced: a build fsyncs all its files).
 */
export function writeVectors(file: string, vectors: ArrayLike<Float32Array>, dimension: number): void {
  const fd = fs.openSync(file, 'w');
  try {
    const rowsPerSlice = Math.max(1, Math.floor((4 << 20) / (dimension * 4)));
    const slice = Buffer.alloc(rowsPerSlice * dimension * 4);
    for (let start = 0; start < vectors.length; start += rowsPerSlice) {
      const end = Math.min(vectors.length, start + rowsPerSlice);
      for (let r = start; r < end; r++) putRow(vectors[r], r, dimension, slice, (r - start) * dimension * 4);
      fs.writeSync(fd, slice, 0, (end - start) * dimension * 4);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** One vector as little-endian float32 at `offset` of `out`; `row` names it in the error. */
function putRow(v: Float32Array, row: number, dimension: number, out: Buffer, offset: number): void {
  if (v.length !== dimension) throw new Error(`vektor ${row} berdimensi ${v.length}, diharapkan ${dimension}`);
  if (LITTLE_ENDIAN) Buffer.from(v.buffer, v.byteOffset, v.byteLength).copy(out, offset);
  else for (let i = 0; i < dimension; i++) out.writeFloatLE(v[i], offset + i * 4);
}

/**
 * The next build's vector file from the previous build's, for an incremental build: the
 * previous file is hard-linked (copied where links are impossible) and only the new vectors are
 * written, each at its label's offset. Labels only grow (`nextLabel`), so these writes land past
 * the previous build's last label: the first `nextLabel × dimension` floats every build reads
 * never change, and a build killed half-way leaves at most bytes beyond them. This replaces
 * rewriting count × dimension × 4 bytes (200 MB at 100k chunks) on every change.
 */
export function extendVectors(previousFile: string, file: string, fresh: Array<{ label: number; vector: Float32Array }>, dimension: number): void {
  try {
    fs.linkSync(previousFile, file);
  } catch {
    fs.copyFileSync(previousFile, file);
  }
  const fd = fs.openSync(file, 'r+');
  try {
    const row = Buffer.alloc(dimension * 4);
    for (const { label, vector } of fresh) {
      putRow(vector, label, dimension, row, 0);
      fs.writeSync(fd, row, 0, row.length, label * dimension * 4);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Read the vector file as views over one buffer: one allocation, no per-vector copies. The file
 * is in label order; with `labels` (label of each chunk) the views come back in chunk order,
 * else one per row of the file.
 */
export function readVectors(file: string, dimension: number, labels?: Int32Array): Float32Array[] {
  const buf = fs.readFileSync(file);
  const n = Math.floor(buf.length / (dimension * 4));
  let all: Float32Array;
  if (LITTLE_ENDIAN && buf.byteOffset % 4 === 0) all = new Float32Array(buf.buffer, buf.byteOffset, n * dimension);
  else {
    all = new Float32Array(n * dimension);
    for (let i = 0; i < all.length; i++) all[i] = buf.readFloatLE(i * 4);
  }
  const rows = labels ?? Int32Array.from({ length: n }, (_x, r) => r);
  const out: Float32Array[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r < 0 || r >= n) throw new Error(`vectors.f32 memuat ${n} vektor; label ${r} tidak ada`);
    out[i] = all.subarray(r * dimension, (r + 1) * dimension);
  }
  return out;
}
