/**
 * On-disk layout of the index inside `DATA_DIR`:
 *
 * ```
 * data/index/current.json          {"build": "<id>"} — swapped atomically (write + rename)
 * data/index/builds/<id>/          one complete, immutable build
 *   manifest.json                  files (hash, chunks), embeddings provider/model/dimension, build time
 *   chunks.json                    the chunk store
 *   lexical.bin                    the BM25 index (binary, see LexicalIndex.toBuffer)
 *   vectors.hnsw                   the HNSW graph (may hold deleted points of earlier builds)
 *   labels.i32                     HNSW label of each chunk (int32 LE, chunk order)
 *   vectors.f32                    raw vectors in label order (exact similarity, incremental builds);
 *                                  hard-linked from the previous build and extended (see extendVectors)
 * data/embedding-cache/<provider>__<model>.bin
 * ```
 * A build is written into `builds/<id>.tmp`, fsynced, renamed to `builds/<id>`, and only
 * then does `current.json` point at it. A build killed at any moment leaves the previous
 * `current.json` and its build untouched. An incremental build reads the previous build's
 * files and writes a complete new build; the only file builds share is `vectors.f32`, by hard
 * link, and a build only writes past the rows its predecessor reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Chunk } from './chunker.js';
import { LexicalIndex } from './lexical-index.js';
import { readVectors, VectorIndex, type VectorIndexStats } from './vector-index.js';

export const ENGINE_VERSION = 17;

export interface ManifestFile {
  hash: string;
  size: number;
  mtimeMs: number;
  chunks: number;
  title?: string;
  /** Set when the file could not be loaded; it has no chunks. */
  error?: string;
}

export interface Manifest {
  engineVersion: number;
  buildId: string;
  builtAt: string;
  buildMs: number;
  knowledgeDir: string;
  glossaryHash: string;
  embeddings: { provider: string; model: string; dimension: number };
  chunkCount: number;
  /** HNSW graph parameters and state (points incl. deleted ones, next free label). */
  vectorIndex: VectorIndexStats & { m: number; efConstruction: number };
  files: Record<string, ManifestFile>;
  stats: { embedded: number; cached: number; parsed: number; reused: number; vectorsAdded: number; vectorsDeleted: number; vectorMode: 'full' | 'incremental' };
}

export function indexRoot(dataDir: string): string {
  return path.join(dataDir, 'index');
}

export function buildsDir(dataDir: string): string {
  return path.join(indexRoot(dataDir), 'builds');
}

export function cacheDir(dataDir: string): string {
  return path.join(dataDir, 'embedding-cache');
}

export function currentBuildId(dataDir: string): string | undefined {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(indexRoot(dataDir), 'current.json'), 'utf8')) as { build?: string };
    if (raw.build && fs.existsSync(path.join(buildsDir(dataDir), raw.build, 'manifest.json'))) return raw.build;
  } catch {
    /* no index yet */
  }
  return undefined;
}

export function readManifest(dataDir: string, buildId = currentBuildId(dataDir)): Manifest | undefined {
  if (!buildId) return undefined;
  try {
    return JSON.parse(fs.readFileSync(path.join(buildsDir(dataDir), buildId, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

export function buildDir(dataDir: string, buildId: string): string {
  return path.join(buildsDir(dataDir), buildId);
}

/**
 * Read the chunk store one line (one chunk) at a time, as {@link writeChunks} lays it out: at
 * 100k chunks a single `JSON.parse` would first hold the whole file as one string (100–200 MB
 * that the serving process's RSS keeps long after the parse).
 */
export function readChunks(dataDir: string, buildId: string): Chunk[] {
  const file = path.join(buildDir(dataDir, buildId), 'chunks.json');
  const chunks: Chunk[] = [];
  const fd = fs.openSync(file, 'r');
  try {
    const block = Buffer.alloc(1 << 20);
    let carry: Buffer = Buffer.alloc(0);
    const take = (line: Buffer) => {
      let text = line.toString('utf8').trim();
      if (text.startsWith('[')) text = text.slice(1);
      if (text.endsWith(']')) text = text.slice(0, -1);
      if (text.endsWith(',')) text = text.slice(0, -1);
      if (text) chunks.push(JSON.parse(text) as Chunk);
    };
    for (;;) {
      const n = fs.readSync(fd, block, 0, block.length, null);
      if (n === 0) break;
      let data = carry.length ? Buffer.concat([carry, block.subarray(0, n)]) : block.subarray(0, n);
      let nl: number;
      while ((nl = data.indexOf(0x0a)) >= 0) {
        take(data.subarray(0, nl));
        data = data.subarray(nl + 1);
      }
      carry = Buffer.from(data);
    }
    if (carry.length) take(carry);
  } finally {
    fs.closeSync(fd);
  }
  return chunks;
}

/**
 * The chunk store as a JSON array, written in slices (no 100 MB string at 100k chunks). Not
 * fsynced: like every file of a build, the build fsyncs it before publishing (see `publish`).
 */
export function writeChunks(file: string, chunks: Chunk[]): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, '[');
    for (let s = 0; s < chunks.length; s += 1000) {
      const part = chunks.slice(s, s + 1000).map((c) => JSON.stringify(c)).join(',\n');
      fs.writeSync(fd, s === 0 ? part : `,\n${part}`);
    }
    fs.writeSync(fd, ']\n');
  } finally {
    fs.closeSync(fd);
  }
}

export function writeLabels(file: string, labels: Int32Array): void {
  fs.writeFileSync(file, Buffer.from(labels.buffer, labels.byteOffset, labels.byteLength));
}

export function readLabels(file: string, count: number): Int32Array {
  if (count === 0) return new Int32Array(0);
  const buf = fs.readFileSync(file);
  if (buf.length !== count * 4) throw new Error(`labels.i32 memuat ${buf.length / 4} label, diharapkan ${count}`);
  return Int32Array.from({ length: count }, (_x, i) => buf.readInt32LE(i * 4));
}

export interface LoadedIndex {
  manifest: Manifest;
  chunks: Chunk[];
  lexical: LexicalIndex;
  vectors: VectorIndex;
  rawVectors: Float32Array[];
}

export class IndexLoadError extends Error {
  constructor(dataDir: string, detail: string) {
    super(`Indeks di ${dataDir} tidak dapat dimuat: ${detail}. Jalankan "npm run reindex" untuk membangunnya ulang.`);
    this.name = 'IndexLoadError';
  }
}

/**
 * A build as the retriever needs it. `deferGraph` leaves its HNSW graph unread (the next
 * incremental build links it and only records its changes, see {@link VectorIndex.update}).
 */
export function loadIndex(dataDir: string, buildId = currentBuildId(dataDir), opts: { deferGraph?: boolean } = {}): LoadedIndex {
  if (!buildId) throw new IndexLoadError(dataDir, 'belum ada indeks');
  const dir = buildDir(dataDir, buildId);
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const chunks = readChunks(dataDir, buildId);
    const lexical = LexicalIndex.fromBuffer(fs.readFileSync(path.join(dir, 'lexical.bin')));
    const dim = manifest.embeddings.dimension;
    const labels = readLabels(path.join(dir, 'labels.i32'), chunks.length);
    const rawVectors = chunks.length ? readVectors(path.join(dir, 'vectors.f32'), dim, labels) : [];
    const vectors = VectorIndex.load(path.join(dir, 'vectors.hnsw'), dim, labels, manifest.vectorIndex, undefined, { vectors: rawVectors, defer: opts.deferGraph });
    if (rawVectors.length !== chunks.length) throw new Error(`jumlah vektor ${rawVectors.length} ≠ jumlah potongan ${chunks.length}`);
    if (lexical.size !== chunks.length) throw new Error(`indeks leksikal memuat ${lexical.size} dokumen ≠ jumlah potongan ${chunks.length}`);
    return { manifest, chunks, lexical, vectors, rawVectors };
  } catch (err) {
    if (err instanceof IndexLoadError) throw err;
    throw new IndexLoadError(dataDir, (err as Error).message);
  }
}

/** Write a file and fsync it, so a rename that follows publishes complete data. */
export function writeFileDurable(file: string, data: string | Buffer): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** fsync a file written earlier (through any descriptor): its data is on disk when this returns. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch {
    /* not supported everywhere */
  }
}

/** Point `current.json` at a finished build (atomic rename). */
export function publishBuild(dataDir: string, buildId: string): void {
  const root = indexRoot(dataDir);
  const tmp = path.join(root, `current.json.${process.pid}.tmp`);
  writeFileDurable(tmp, JSON.stringify({ build: buildId, publishedAt: new Date().toISOString() }));
  fs.renameSync(tmp, path.join(root, 'current.json'));
  fsyncDir(root);
}
