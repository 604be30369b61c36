/**
 * Incremental, atomic index builds, in four steps: scan → embed → index → publish.
 *
 * - A file whose content hash is unchanged is not parsed again: its chunks come from the
 *   previous build.
 * - Vectors of kept chunks come from the previous build, others from the
 *   {@link EmbeddingCache} keyed by (provider, model, chunk hash): only new or changed chunks
 *   are sent to the embeddings provider.
 * - The previous build's BM25 index and HNSW graph are updated, not rebuilt: postings of
 *   kept chunks are renumbered, removed chunks' vectors are marked deleted and only new
 *   chunks' vectors are inserted. {@link planBuild} is the one place that decides when
 *   something must be built from scratch instead.
 * - The build is written to a temporary directory and published by an atomic rename of
 *   `current.json`; a failure (or SIGKILL) at any point leaves the serving index intact.
 * - A bad file (empty, corrupt, unsupported, unreadable) is skipped with one warning.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chunkDocument, embeddingText, type Chunk } from './chunker.js';
import { EmbeddingCache, type EmbeddingsProvider } from './embeddings.js';
import { loadGlossary } from './glossary.js';
import {
  buildDir,
  buildsDir,
  cacheDir,
  currentBuildId,
  ENGINE_VERSION,
  fsyncDir,
  fsyncFile,
  indexRoot,
  loadIndex,
  publishBuild,
  readManifest,
  writeChunks,
  writeLabels,
  type LoadedIndex,
  type Manifest,
  type ManifestFile,
} from './index-store.js';
import { LexicalIndex, type LexicalDoc } from './lexical-index.js';
import { loadDocument, LoaderError } from './loaders.js';
import { sidecarBytes } from './regulation/document.js';
import { analyse, type Canonicaliser } from './text.js';
import { extendVectors, HNSW_PARAMS, VectorIndex, writeVectors } from './vector-index.js';

export interface BuildOptions {
  knowledgeDir: string;
  dataDir: string;
  embeddings: EmbeddingsProvider;
  /** Force a full rebuild (re-parse everything; the embedding cache is still used). */
  full?: boolean;
  /** Progress and warnings for people (stderr in the CLIs). */
  onProgress?: (message: string) => void;
  onWarning?: (message: string) => void;
  /** Test hook: called between build stages, to simulate a crash half-way. */
  hooks?: { beforePublish?: () => void | Promise<void>; afterEmbed?: () => void | Promise<void> };
}

export interface BuildReport {
  buildId: string;
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
  errors: Array<{ file: string; message: string }>;
  chunks: number;
  embedded: number;
  cached: number;
  ms: number;
  fullRebuildReason?: string;
  /** How the search indexes were produced: updated from the previous build, or built from scratch. */
  lexical: 'incremental' | 'full';
  /** `pending`: changes kept beside the previous build's graph file (applied when the index is loaded) instead of written into it. */
  vectors: { mode: 'incremental' | 'full'; added: number; deleted: number; pending?: number; reason?: string };
  /** Duration of each step (`lexical` and `hnsw` together form the index step). */
  stepsMs: { scan: number; embed: number; lexical: number; hnsw: number; publish: number };
}

export class BuildLockedError extends Error {
  constructor(pid: number) {
    super(`Pembangunan indeks lain sedang berjalan (pid ${pid}). Tunggu sampai selesai, lalu coba lagi.`);
    this.name = 'BuildLockedError';
  }
}

/** Files in the knowledge directory that should be indexed (relative paths, sorted). */
export function listKnowledgeFiles(knowledgeDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const abs = path.join(dir, e.name);
      const rel = path.relative(knowledgeDir, abs).split(path.sep).join('/');
      if (e.isDirectory()) {
        if (rel === 'eval') continue;
        walk(abs);
      } else if (e.isFile() || e.isSymbolicLink()) {
        if (isAuxiliaryFile(rel)) continue;
        out.push(rel);
      }
    }
  };
  walk(knowledgeDir);
  return out.sort();
}

/** Files that configure the knowledge base rather than being documents. */
function isAuxiliaryFile(rel: string): boolean {
  const base = rel.toLowerCase();
  return base === 'glossary.yaml' || base === 'programmes.yaml' || base === 'readme.md' || base.endsWith('.yaml') || base.endsWith('.yml') || base.endsWith('.jsonl');
}

function sha256(buf: Buffer | string): string {
  return createHash('sha256').update(buf).digest('hex');
}

export function glossaryPath(knowledgeDir: string): string {
  return path.join(knowledgeDir, 'glossary.yaml');
}

function glossaryHash(knowledgeDir: string): string {
  try {
    return sha256(fs.readFileSync(glossaryPath(knowledgeDir))).slice(0, 16);
  } catch {
    return 'none';
  }
}

/** Why the current index cannot serve this configuration as it is, or undefined when it can. */
export function staleReason(opts: { knowledgeDir: string; dataDir: string; embeddings: EmbeddingsProvider }): string | undefined {
  const manifest = readManifest(opts.dataDir);
  if (!manifest) return 'belum ada indeks';
  const incompatible = incompatibility(manifest, opts);
  if (incompatible) return incompatible;
  if (path.resolve(manifest.knowledgeDir) !== path.resolve(opts.knowledgeDir)) return 'direktori pengetahuan berubah';
  if (manifest.glossaryHash !== glossaryHash(opts.knowledgeDir)) return 'glosarium berubah';
  const files = listKnowledgeFiles(opts.knowledgeDir);
  const known = Object.keys(manifest.files);
  if (files.length !== known.length || files.some((f) => !manifest.files[f])) return 'daftar dokumen berubah';
  for (const f of files) {
    const st = fs.statSync(path.join(opts.knowledgeDir, f));
    const m = manifest.files[f];
    if (st.size !== m.size) return `${f} berubah`;
    if (st.mtimeMs !== m.mtimeMs && sha256(fs.readFileSync(path.join(opts.knowledgeDir, f))) !== m.hash) return `${f} berubah`;
  }
  return undefined;
}

function acquireLock(dataDir: string): () => void {
  const root = indexRoot(dataDir);
  fs.mkdirSync(root, { recursive: true });
  const lock = path.join(root, 'build.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lock, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lock, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) throw new BuildLockedError(pid);
      fs.rmSync(lock, { force: true }); // stale lock from a killed build
    }
  }
  throw new Error('tidak dapat mengunci direktori indeks');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove leftovers of killed builds and all but the current and previous builds. */
function cleanupBuilds(dataDir: string, keep: string[]): void {
  const dir = buildsDir(dataDir);
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    if (keep.includes(e)) continue;
    fs.rmSync(path.join(dir, e), { recursive: true, force: true });
  }
}

/**
 * What a build can take over from the previous one. The one place that decides a rebuild
 * from scratch: called before the scan (format, embeddings, `--full`, glossary) and again
 * with the scan's outcome (an HNSW graph with too many deleted points is compacted).
 */
export interface BuildPlan {
  /** Why nothing of the previous build is reused (undefined: incremental, or no previous build). */
  fullReason?: string;
  reuseChunks: boolean;
  reuseLexical: boolean;
  reuseVectors: boolean;
  /** Why the HNSW graph is rebuilt although the rest is incremental. */
  vectorReason?: string;
}

export function planBuild(
  prev: Manifest | undefined,
  opts: Pick<BuildOptions, 'knowledgeDir' | 'embeddings' | 'full'>,
  outcome?: { chunks: number; removedChunks: number; vectors?: VectorIndex },
): BuildPlan {
  if (!prev) return { reuseChunks: false, reuseLexical: false, reuseVectors: false };
  const fullReason = incompatibility(prev, opts) ?? (opts.full ? 'diminta (--full)' : undefined);
  if (fullReason) return { fullReason, reuseChunks: false, reuseLexical: false, reuseVectors: false };
  const plan: BuildPlan = { reuseChunks: true, reuseLexical: prev.glossaryHash === glossaryHash(opts.knowledgeDir), reuseVectors: true };
  if (prev.vectorIndex.m !== HNSW_PARAMS.m || prev.vectorIndex.efConstruction !== HNSW_PARAMS.efConstruction) {
    plan.reuseVectors = false;
    plan.vectorReason = 'parameter HNSW berubah';
  } else if (outcome && !outcome.vectors) {
    plan.reuseVectors = false;
    plan.vectorReason = 'indeks sebelumnya tidak terbaca';
  } else if (outcome?.vectors?.needsCompaction(outcome.chunks, outcome.removedChunks)) {
    plan.reuseVectors = false;
    plan.vectorReason = 'graf HNSW dipadatkan (banyak titik terhapus)';
  }
  return plan;
}

/** Why an index built with `manifest` cannot be reused at all with these embeddings. */
function incompatibility(manifest: Manifest, opts: Pick<BuildOptions, 'embeddings'>): string | undefined {
  if (manifest.engineVersion !== ENGINE_VERSION) return 'versi mesin indeks berubah';
  const was = manifest.embeddings;
  const now = opts.embeddings;
  if (was.provider !== now.provider || was.model !== now.model) return `penyedia embeddings berubah dari ${was.provider}/${was.model} ke ${now.provider}/${now.model}`;
  if (now.dimension !== undefined && was.dimension !== now.dimension) return `dimensi embeddings berubah dari ${was.dimension} ke ${now.dimension}`;
  return undefined;
}

export async function buildIndex(opts: BuildOptions): Promise<BuildReport> {
  const t0 = performance.now();
  const progress = opts.onProgress ?? (() => {});
  if (!fs.existsSync(opts.knowledgeDir)) throw new Error(`Direktori pengetahuan ${opts.knowledgeDir} tidak ada (atur KNOWLEDGE_DIR).`);
  const release = acquireLock(opts.dataDir);
  try {
    const prevId = currentBuildId(opts.dataDir);
    const prevManifest = readManifest(opts.dataDir, prevId);
    const plan = planBuild(prevManifest, opts);
    if (plan.fullReason) progress(`Membangun ulang seluruh indeks: ${plan.fullReason}.`);
    const prev = prevId && (plan.reuseChunks || plan.reuseVectors) ? loadPrevious(opts.dataDir, prevId, progress) : undefined;

    const scan = await scanFiles(opts, prevManifest, plan.reuseChunks ? prev : undefined);
    const tScan = performance.now();
    const embedded = await embedChunks(opts, scan.chunks, scan.previousIndex, prev?.rawVectors);
    await opts.hooks?.afterEmbed?.();
    const tEmbed = performance.now();

    const removedChunks = prev ? prev.chunks.length - scan.previousIndex.filter((p) => p >= 0).length : 0;
    const finalPlan = planBuild(prevManifest, opts, { chunks: scan.chunks.length, removedChunks, vectors: prev?.vectors });
    const indexes = buildSearchIndexes(opts, scan, embedded, finalPlan.reuseLexical ? prev?.lexical : undefined, finalPlan.reuseVectors ? prev?.vectors : undefined, progress);
    if (finalPlan.vectorReason && prev) progress(`Graf HNSW dibangun ulang: ${finalPlan.vectorReason}.`);
    const tIndex = performance.now();

    const buildId = await publish(opts, prevId, {
      chunks: scan.chunks,
      manifestFiles: scan.manifestFiles,
      vectors: embedded.vectors,
      previousIndex: scan.previousIndex,
      dimension: embedded.dimension,
      lexical: indexes.lexical,
      vindex: indexes.vindex,
      stats: {
        embedded: embedded.embedded,
        cached: scan.chunks.length - embedded.embedded,
        parsed: scan.parsed,
        reused: scan.report.unchanged,
        vectorsAdded: indexes.vectors.added,
        vectorsDeleted: indexes.vectors.deleted,
        vectorMode: indexes.vectors.mode,
      },
      t0,
    });
    const tPublish = performance.now();
    const ms = Math.round(tPublish - t0);
    const { report } = scan;
    progress(
      `Indeks siap: ${scan.chunks.length} potongan dari ${scan.files - report.errors.length} dokumen ` +
        `(baru ${report.added.length}, berubah ${report.changed.length}, dihapus ${report.removed.length}; ` +
        `embeddings baru ${embedded.embedded}, dari cache ${scan.chunks.length - embedded.embedded}; ` +
        `HNSW ${indexes.vectors.mode === 'incremental' ? `diperbarui: +${indexes.vectors.added} −${indexes.vectors.deleted} vektor${indexes.vectors.pending ? `, ${indexes.vectors.pending} perubahan diterapkan saat dimuat` : ''}` : 'dibangun penuh'}) dalam ${ms} ms.`,
    );
    return {
      ...report,
      fullRebuildReason: plan.fullReason,
      buildId,
      chunks: scan.chunks.length,
      embedded: embedded.embedded,
      cached: scan.chunks.length - embedded.embedded,
      ms,
      lexical: indexes.lexicalMode,
      vectors: { ...indexes.vectors, reason: finalPlan.vectorReason },
      stepsMs: { scan: Math.round(tScan - t0), embed: Math.round(tEmbed - tScan), lexical: indexes.lexicalMs, hnsw: Math.round(tIndex - tEmbed - indexes.lexicalMs), publish: Math.round(tPublish - tIndex) },
    };
  } finally {
    release();
  }
}

/** The previous build, to take its chunks, vectors and indexes over; undefined when it cannot be read. */
function loadPrevious(dataDir: string, buildId: string, progress: (m: string) => void): LoadedIndex | undefined {
  try {
    return loadIndex(dataDir, buildId, { deferGraph: true });
  } catch (err) {
    progress(`Indeks sebelumnya tidak dapat dibaca (${(err as Error).message}); membangun dari awal.`);
    return undefined;
  }
}

interface ScanResult {
  files: number;
  chunks: Chunk[];
  /** For each chunk: its index in the previous build, or -1 when it was parsed now. */
  previousIndex: Int32Array;
  manifestFiles: Record<string, ManifestFile>;
  parsed: number;
  report: Pick<BuildReport, 'added' | 'changed' | 'removed' | 'unchanged' | 'errors'>;
}

/** Step 1: list the files, take unchanged ones from the previous build, parse the others. */
async function scanFiles(opts: BuildOptions, prevManifest: Manifest | undefined, prev: LoadedIndex | undefined): Promise<ScanResult> {
  const progress = opts.onProgress ?? (() => {});
  const warn = opts.onWarning ?? (() => {});
  const files = listKnowledgeFiles(opts.knowledgeDir);
  progress(`Memindai ${files.length} berkas di ${opts.knowledgeDir} …`);
  const prevChunks = prev ? chunkIndicesByFile(prev.chunks) : new Map<string, number[]>();
  const manifestFiles: Record<string, ManifestFile> = {};
  const chunks: Chunk[] = [];
  const previousIndex: number[] = [];
  const report: ScanResult['report'] = { added: [], changed: [], removed: [], unchanged: 0, errors: [] };
  const tick = throttle(2000);
  let parsed = 0;
  const listing = new Map<string, Set<string>>();
  const exists = (p: string): boolean => {
    const dir = path.dirname(p);
    let names = listing.get(dir);
    if (!names) {
      try {
        names = new Set(fs.readdirSync(dir));
      } catch {
        names = new Set();
      }
      listing.set(dir, names);
    }
    return names.has(path.basename(p));
  };
  for (const [i, rel] of files.entries()) {
    if (tick()) progress(`  ${i}/${files.length} berkas diperiksa (${parsed} diurai)`);
    const abs = path.join(opts.knowledgeDir, rel);
    let buf: Buffer;
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
      buf = fs.readFileSync(abs);
    } catch (err) {
      const message = `tidak dapat dibaca (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
      warn(`⚠ Melewati ${rel}: ${message}`);
      report.errors.push({ file: rel, message });
      continue;
    }
    // A sidecar (`file.pdf.meta.yaml`) is part of the document: changing it re-parses the file.
    const sidecars = sidecarBytes(abs, exists);
    const hash = sha256(sidecars.length ? Buffer.concat([buf, ...sidecars]) : buf);
    const before = prevManifest?.files[rel];
    const old = prev ? prev.manifest.files[rel] : undefined;
    if (prev && old && old.hash === hash && (old.error || prevChunks.has(rel))) {
      for (const p of prevChunks.get(rel) ?? []) {
        chunks.push(prev.chunks[p]);
        previousIndex.push(p);
      }
      manifestFiles[rel] = { ...old, size: st.size, mtimeMs: st.mtimeMs };
      if (old.error) report.errors.push({ file: rel, message: old.error });
      report.unchanged++;
      continue;
    }
    if (!before) report.added.push(rel);
    else if (before.hash !== hash) report.changed.push(rel);
    else report.unchanged++;
    try {
      const doc = await loadDocument(abs, rel);
      const fileChunks = chunkDocument(doc);
      for (const c of fileChunks) {
        chunks.push(c);
        previousIndex.push(-1);
      }
      manifestFiles[rel] = { hash, size: st.size, mtimeMs: st.mtimeMs, chunks: fileChunks.length, title: doc.title };
      parsed++;
    } catch (err) {
      const message = err instanceof LoaderError ? err.message.replace(`${rel}: `, '') : `gagal diproses (${(err as Error).message})`;
      warn(`⚠ Melewati ${rel}: ${message}`);
      report.errors.push({ file: rel, message });
      manifestFiles[rel] = { hash, size: st.size, mtimeMs: st.mtimeMs, chunks: 0, error: message };
    }
  }
  const listed = new Set(files);
  if (prevManifest) for (const f of Object.keys(prevManifest.files)) if (!manifestFiles[f] && !listed.has(f)) report.removed.push(f);
  return { files: files.length, chunks, previousIndex: Int32Array.from(previousIndex), manifestFiles, parsed, report };
}

/** Older engine versions' local vector caches: never read again. */
function removeStaleLocalCaches(dir: string, current: string): void {
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  // Same model only: another local model's cache may still be in use.
  const model = current.slice(current.indexOf('__'));
  for (const name of names) if (/^local(?:-e\d+)?__/.test(name) && name.endsWith(model) && name !== current) fs.rmSync(path.join(dir, name), { force: true });
}

/** Step 2: a vector per chunk — from the previous build, the cache, or the embeddings provider. */
async function embedChunks(opts: BuildOptions, chunks: Chunk[], previousIndex: Int32Array, prevVectors: Float32Array[] | undefined) {
  const progress = opts.onProgress ?? (() => {});
  // Local vectors come from this engine's own tokeniser (stopwords, number forms): a new engine
  // version may embed the same text differently, so their cache is kept per engine version.
  const provider = opts.embeddings.provider === 'local' ? `local-e${ENGINE_VERSION}` : opts.embeddings.provider;
  const cache = new EmbeddingCache(cacheDir(opts.dataDir), provider, opts.embeddings.model);
  if (opts.embeddings.provider === 'local') removeStaleLocalCaches(cacheDir(opts.dataDir), path.basename(cache.file));
  try {
    const vectors: Float32Array[] = new Array(chunks.length);
    const missing: number[] = [];
    const wanted = opts.embeddings.dimension;
    for (let i = 0; i < chunks.length; i++) {
      const p = previousIndex[i];
      const v = p >= 0 && prevVectors ? prevVectors[p] : cache.get(chunks[i].hash);
      if (v && (wanted === undefined || v.length === wanted)) vectors[i] = v;
      else missing.push(i);
    }
    if (missing.length > 0) progress(`Membuat embeddings untuk ${missing.length} potongan (${chunks.length - missing.length} dari indeks sebelumnya/cache) …`);
    const batch = 64;
    const tick = throttle(2000);
    for (let s = 0; s < missing.length; s += batch) {
      const idx = missing.slice(s, s + batch);
      const vs = await opts.embeddings.embedDocuments(idx.map((i) => embeddingText(chunks[i])));
      idx.forEach((ci, j) => {
        vectors[ci] = vs[j];
        cache.set(chunks[ci].hash, vs[j]);
      });
      if (tick()) progress(`  embeddings ${Math.min(s + batch, missing.length)}/${missing.length}`);
    }
    cache.save();
    const dimension = vectors[0]?.length ?? opts.embeddings.dimension ?? 0;
    const bad = vectors.findIndex((v) => v.length !== dimension);
    if (bad >= 0) throw new Error(`potongan ${chunks[bad].id}: vektor berdimensi ${vectors[bad].length}, diharapkan ${dimension}`);
    return { vectors, dimension, embedded: missing.length };
  } finally {
    cache.close();
  }
}

/** Step 3: BM25 and HNSW — updated from the previous build's when given, else built from scratch. */
function buildSearchIndexes(
  opts: BuildOptions,
  scan: ScanResult,
  embedded: { vectors: Float32Array[]; dimension: number },
  prevLexical: LexicalIndex | undefined,
  prevVectors: VectorIndex | undefined,
  progress: (m: string) => void,
) {
  const n = scan.chunks.length;
  const fresh = scan.previousIndex.filter((p) => p < 0).length;
  progress(`Menyusun indeks leksikal dan HNSW untuk ${n} potongan (${prevVectors ? `memperbarui: ${fresh} potongan baru` : 'dari awal'}) …`);
  const canon = loadGlossary(glossaryPath(opts.knowledgeDir)).canonicalise;
  const docAt = (i: number) => lexicalDoc(scan.chunks[i], canon);
  const t0 = performance.now();
  const lexical = prevLexical
    ? LexicalIndex.update(prevLexical, { previousIndex: scan.previousIndex, analyseNew: docAt })
    : LexicalIndex.build(n, docAt);
  const common = { lexical, lexicalMode: prevLexical ? ('incremental' as const) : ('full' as const), lexicalMs: Math.round(performance.now() - t0) };
  if (prevVectors) {
    const { index, added, deleted, pending } = prevVectors.update({ previousIndex: scan.previousIndex, vectors: embedded.vectors });
    return { ...common, vindex: index, vectors: { mode: 'incremental' as const, added, deleted, pending } };
  }
  const started = performance.now();
  const vindex = VectorIndex.build(embedded.vectors, embedded.dimension, {
    onProgress: (done) => progress(`  HNSW ${done}/${n} (${Math.round((performance.now() - started) / 1000)} s)`),
  });
  return { ...common, vindex, vectors: { mode: 'full' as const, added: n, deleted: 0 } };
}

function lexicalDoc(c: Chunk, canon: Canonicaliser): LexicalDoc {
  return {
    body: analyse(c.text, canon),
    // A regulation part is found by its own heading (Pasal, defined term), not by the BAB and
    // Bagian titles it shares with dozens of articles.
    heading: analyse((c.regulation ? c.headingPath.slice(-1) : c.headingPath).join(' '), canon),
    title: analyse(c.title, canon),
    keywords: analyse(c.keywords.join(' '), canon),
  };
}

/** Step 4: write the build to a temporary directory, fsync, rename, point `current.json` at it. */
async function publish(
  opts: BuildOptions,
  prevId: string | undefined,
  b: {
    chunks: Chunk[];
    manifestFiles: Record<string, ManifestFile>;
    vectors: Float32Array[];
    previousIndex: Int32Array;
    dimension: number;
    lexical: LexicalIndex;
    vindex: VectorIndex;
    stats: Manifest['stats'];
    t0: number;
  },
): Promise<string> {
  const buildId = `${new Date().toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 15)}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  const tmpDir = path.join(buildsDir(opts.dataDir), `${buildId}.tmp`);
  fs.mkdirSync(tmpDir, { recursive: true });
  // Every file is written first and fsynced together below, before the rename publishes them (the
  // kernel writes one back while the next is serialised, instead of a wait for the disk per file).
  writeChunks(path.join(tmpDir, 'chunks.json'), b.chunks);
  fs.writeFileSync(path.join(tmpDir, 'lexical.bin'), b.lexical.toBuffer());
  const vectorFile = path.join(tmpDir, 'vectors.f32');
  const previousVectors = prevId ? path.join(buildDir(opts.dataDir, prevId), 'vectors.f32') : undefined;
  if (b.stats.vectorMode === 'incremental' && previousVectors && fs.existsSync(previousVectors)) {
    // Only the new chunks' vectors are written; the rest is the previous build's file (linked).
    const fresh: Array<{ label: number; vector: Float32Array }> = [];
    b.previousIndex.forEach((p, i) => {
      if (p < 0) fresh.push({ label: b.vindex.labels[i], vector: b.vectors[i] });
    });
    extendVectors(previousVectors, vectorFile, fresh, b.dimension);
  } else writeVectors(vectorFile, b.vectors, b.dimension);
  writeLabels(path.join(tmpDir, 'labels.i32'), b.vindex.labels);
  b.vindex.save(path.join(tmpDir, 'vectors.hnsw'));
  const manifest: Manifest = {
    engineVersion: ENGINE_VERSION,
    buildId,
    builtAt: new Date().toISOString(),
    buildMs: Math.round(performance.now() - b.t0),
    knowledgeDir: path.resolve(opts.knowledgeDir),
    glossaryHash: glossaryHash(opts.knowledgeDir),
    embeddings: { provider: opts.embeddings.provider, model: opts.embeddings.model, dimension: b.dimension },
    chunkCount: b.chunks.length,
    vectorIndex: { ...b.vindex.stats, m: HNSW_PARAMS.m, efConstruction: HNSW_PARAMS.efConstruction },
    files: b.manifestFiles,
    stats: b.stats,
  };
  fs.writeFileSync(path.join(tmpDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  for (const f of fs.readdirSync(tmpDir)) fsyncFile(path.join(tmpDir, f));
  fsyncDir(tmpDir);
  await opts.hooks?.beforePublish?.();
  const finalDir = path.join(buildsDir(opts.dataDir), buildId);
  fs.renameSync(tmpDir, finalDir);
  fsyncDir(buildsDir(opts.dataDir));
  publishBuild(opts.dataDir, buildId);
  cleanupBuilds(opts.dataDir, [buildId, ...(prevId ? [prevId] : [])]);
  return buildId;
}

function chunkIndicesByFile(chunks: Chunk[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  chunks.forEach((c, i) => {
    const arr = m.get(c.file);
    if (arr) arr.push(i);
    else m.set(c.file, [i]);
  });
  return m;
}

/** True at most once per `ms`: progress lines for people, not for every file. */
function throttle(ms: number): () => boolean {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < ms) return false;
    last = now;
    return true;
  };
}
