import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chunkDocument, embeddingText, type Chunk } from './chunker.js';
import { EmbeddingCache, type EmbeddingsProvider } from './embeddings.js';
import { loadGlossary } from './glossary.js';
import {
  buildsDir,
  cacheDir,
  currentBuildId,
  ENGINE_VERSION,
  fsyncDir,
  indexRoot,
  publishBuild,
  readChunks,
  readManifest,
  writeFileDurable,
  type Manifest,
  type ManifestFile,
} from './index-store.js';
import { LexicalIndex } from './lexical-index.js';
import { loadDocument, LoaderError } from './loaders.js';
import { sidecarBytes } from './regulation/document.js';
import { analyse } from './text.js';
import { VectorIndex, writeVectors } from './vector-index.js';

/**
 * Incremental, atomic index builds.
 *
 * - A file whose content hash is unchanged is not parsed again: its chunks come from the
 *   previous build.
 * - Chunk embeddings come from the {@link EmbeddingCache} keyed by (provider, model, chunk
 *   hash): only new or changed chunks are sent to the embeddings provider.
 * - The build is written to a temporary directory and published by an atomic rename of
 *   `current.json`; a failure (or SIGKILL) at any point leaves the serving index intact.
 * - A bad file (empty, corrupt, unsupported, unreadable) is skipped with one warning.
 */
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
  if (manifest.engineVersion !== ENGINE_VERSION) return 'versi mesin indeks berubah';
  if (manifest.embeddings.provider !== opts.embeddings.provider || manifest.embeddings.model !== opts.embeddings.model) {
    return `penyedia embeddings berubah (${manifest.embeddings.provider}/${manifest.embeddings.model} → ${opts.embeddings.provider}/${opts.embeddings.model})`;
  }
  if (opts.embeddings.dimension !== undefined && manifest.embeddings.dimension !== opts.embeddings.dimension) return 'dimensi embeddings berubah';
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

export async function buildIndex(opts: BuildOptions): Promise<BuildReport> {
  const t0 = performance.now();
  const progress = opts.onProgress ?? (() => {});
  const warn = opts.onWarning ?? (() => {});
  if (!fs.existsSync(opts.knowledgeDir)) throw new Error(`Direktori pengetahuan ${opts.knowledgeDir} tidak ada (atur KNOWLEDGE_DIR).`);
  const release = acquireLock(opts.dataDir);
  try {
    const prevId = currentBuildId(opts.dataDir);
    const prev = readManifest(opts.dataDir, prevId);
    let fullRebuildReason: string | undefined;
    if (prev && prev.engineVersion !== ENGINE_VERSION) fullRebuildReason = 'versi mesin indeks berubah';
    else if (prev && (prev.embeddings.provider !== opts.embeddings.provider || prev.embeddings.model !== opts.embeddings.model)) {
      fullRebuildReason = `penyedia embeddings berubah dari ${prev.embeddings.provider}/${prev.embeddings.model} ke ${opts.embeddings.provider}/${opts.embeddings.model}`;
    } else if (prev && opts.embeddings.dimension !== undefined && prev.embeddings.dimension !== opts.embeddings.dimension) {
      fullRebuildReason = `dimensi embeddings berubah dari ${prev.embeddings.dimension} ke ${opts.embeddings.dimension}`;
    } else if (opts.full) fullRebuildReason = 'diminta (--full)';
    if (fullRebuildReason && prev) progress(`Membangun ulang seluruh indeks: ${fullRebuildReason}.`);
    const reusable = prev && !fullRebuildReason ? prev : undefined;
    const prevChunks = reusable && prevId ? groupByFile(readChunks(opts.dataDir, prevId)) : new Map<string, Chunk[]>();

    // 1. Scan and parse (only changed files).
    const files = listKnowledgeFiles(opts.knowledgeDir);
    progress(`Memindai ${files.length} berkas di ${opts.knowledgeDir} …`);
    const manifestFiles: Record<string, ManifestFile> = {};
    const chunks: Chunk[] = [];
    const report: Omit<BuildReport, 'ms' | 'buildId' | 'chunks' | 'embedded' | 'cached'> = { added: [], changed: [], removed: [], unchanged: 0, errors: [], fullRebuildReason };
    let parsed = 0;
    let reused = 0;
    for (const [i, rel] of files.entries()) {
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
      const sidecars = sidecarBytes(abs);
      const hash = sha256(sidecars.length ? Buffer.concat([buf, ...sidecars]) : buf);
      const before = prev?.files[rel];
      const old = reusable?.files[rel];
      if (old && old.hash === hash && (old.error || prevChunks.has(rel))) {
        const fileChunks = prevChunks.get(rel) ?? [];
        chunks.push(...fileChunks);
        manifestFiles[rel] = { ...old, size: st.size, mtimeMs: st.mtimeMs };
        if (old.error) report.errors.push({ file: rel, message: old.error });
        reused++;
        report.unchanged++;
        continue;
      }
      if (!before) report.added.push(rel);
      else if (before.hash !== hash) report.changed.push(rel);
      else report.unchanged++;
      try {
        const doc = await loadDocument(abs, rel);
        const fileChunks = chunkDocument(doc);
        chunks.push(...fileChunks);
        manifestFiles[rel] = { hash, size: st.size, mtimeMs: st.mtimeMs, chunks: fileChunks.length, title: doc.title };
        parsed++;
      } catch (err) {
        const message = err instanceof LoaderError ? err.message.replace(`${rel}: `, '') : `gagal diproses (${(err as Error).message})`;
        warn(`⚠ Melewati ${rel}: ${message}`);
        report.errors.push({ file: rel, message });
        manifestFiles[rel] = { hash, size: st.size, mtimeMs: st.mtimeMs, chunks: 0, error: message };
      }
      if ((i + 1) % 25 === 0) progress(`  ${i + 1}/${files.length} berkas diperiksa`);
    }
    if (prev) for (const f of Object.keys(prev.files)) if (!manifestFiles[f] && !files.includes(f)) report.removed.push(f);

    // 2. Embeddings (cache first).
    const cache = new EmbeddingCache(cacheDir(opts.dataDir), opts.embeddings.provider, opts.embeddings.model);
    const vectors: Float32Array[] = new Array(chunks.length);
    const missing: number[] = [];
    chunks.forEach((c, i) => {
      const v = cache.get(c.hash);
      if (v && (opts.embeddings.dimension === undefined || v.length === opts.embeddings.dimension)) vectors[i] = v;
      else missing.push(i);
    });
    const cached = chunks.length - missing.length;
    if (missing.length > 0) progress(`Membuat embeddings untuk ${missing.length} potongan (${cached} dari cache) …`);
    const batch = 64;
    for (let s = 0; s < missing.length; s += batch) {
      const idx = missing.slice(s, s + batch);
      const vs = await opts.embeddings.embedDocuments(idx.map((i) => embeddingText(chunks[i])));
      idx.forEach((ci, j) => {
        vectors[ci] = vs[j];
        cache.set(chunks[ci].hash, vs[j]);
      });
      if (missing.length > batch * 4 && (s / batch) % 8 === 0) progress(`  embeddings ${Math.min(s + batch, missing.length)}/${missing.length}`);
    }
    cache.save();
    await opts.hooks?.afterEmbed?.();
    const dimension = vectors[0]?.length ?? opts.embeddings.dimension ?? 0;

    // 3. Indexes.
    progress(`Menyusun indeks leksikal dan HNSW untuk ${chunks.length} potongan …`);
    const glossary = loadGlossary(glossaryPath(opts.knowledgeDir));
    const canon = glossary.canonicalise;
    const lexical = LexicalIndex.build(
      chunks.map((c) => ({
        body: analyse(c.text, canon),
        // A regulation part is found by its own heading (Pasal, defined term), not by the BAB and
        // Bagian titles it shares with dozens of articles.
        heading: analyse((c.regulation ? c.headingPath.slice(-1) : c.headingPath).join(' '), canon),
        title: analyse(c.title, canon),
        keywords: analyse(c.keywords.join(' '), canon),
      })),
    );
    const vindex = VectorIndex.build(vectors, dimension);

    // 4. Write to a temporary directory, then publish atomically.
    const buildId = `${new Date().toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 15)}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
    const tmpDir = path.join(buildsDir(opts.dataDir), `${buildId}.tmp`);
    fs.mkdirSync(tmpDir, { recursive: true });
    const manifest: Manifest = {
      engineVersion: ENGINE_VERSION,
      buildId,
      builtAt: new Date().toISOString(),
      buildMs: 0,
      knowledgeDir: path.resolve(opts.knowledgeDir),
      glossaryHash: glossaryHash(opts.knowledgeDir),
      embeddings: { provider: opts.embeddings.provider, model: opts.embeddings.model, dimension },
      chunkCount: chunks.length,
      files: manifestFiles,
      stats: { embedded: missing.length, cached, parsed, reused },
    };
    writeFileDurable(path.join(tmpDir, 'chunks.json'), JSON.stringify(chunks));
    writeFileDurable(path.join(tmpDir, 'lexical.json'), JSON.stringify(lexical.toJSON()));
    writeVectors(path.join(tmpDir, 'vectors.f32'), vectors, dimension);
    if (chunks.length > 0) vindex.save(path.join(tmpDir, 'vectors.hnsw'));
    manifest.buildMs = Math.round(performance.now() - t0);
    writeFileDurable(path.join(tmpDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    fsyncDir(tmpDir);
    await opts.hooks?.beforePublish?.();
    const finalDir = path.join(buildsDir(opts.dataDir), buildId);
    fs.renameSync(tmpDir, finalDir);
    fsyncDir(buildsDir(opts.dataDir));
    publishBuild(opts.dataDir, buildId);
    cleanupBuilds(opts.dataDir, [buildId, ...(prevId ? [prevId] : [])]);
    const ms = Math.round(performance.now() - t0);
    progress(
      `Indeks siap: ${chunks.length} potongan dari ${files.length - report.errors.length} dokumen ` +
        `(baru ${report.added.length}, berubah ${report.changed.length}, dihapus ${report.removed.length}; ` +
        `embeddings baru ${missing.length}, dari cache ${cached}) dalam ${ms} ms.`,
    );
    return { ...report, buildId, chunks: chunks.length, embedded: missing.length, cached, ms };
  } finally {
    release();
  }
}

function groupByFile(chunks: Chunk[]): Map<string, Chunk[]> {
  const m = new Map<string, Chunk[]>();
  for (const c of chunks) {
    const arr = m.get(c.file);
    if (arr) arr.push(c);
    else m.set(c.file, [c]);
  }
  return m;
}
