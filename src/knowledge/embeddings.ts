/**
 * Embeddings providers. The default is {@link LocalHashEmbeddings}: deterministic, offline
 * and corpus-independent (a changed document never changes another document's vector,
 * which is what makes the embedding cache and incremental re-indexing sound).
 * `EMBEDDINGS=openai` uses any OpenAI-compatible `/embeddings` endpoint.
 */
import fs from 'node:fs';
import path from 'node:path';
import OpenAI from 'openai';
import { Embeddings } from '@langchain/core/embeddings';
import { foldText, isStopword, rawTokens, stem } from './text.js';

export interface EmbeddingsProvider {
  readonly provider: 'local' | 'openai' | string;
  readonly model: string;
  /** Known up front for local; learnt from the first response for remote providers. */
  dimension: number | undefined;
  embedDocuments(texts: string[]): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
  /** Synchronous query embedding when the provider can do it (local): avoids a microtask hop on the hot path. */
  embedQuerySync?(text: string): Float32Array;
}

/** FNV-1a 32-bit. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Hashed character n-gram + word features, sublinear tf, signed feature hashing, L2-normalised.
 * Word stems carry the meaning; character trigrams of the folded words carry typo tolerance
 * ("pelatiahn" still shares most trigrams with "pelatihan").
 */
export class LocalHashEmbeddings implements EmbeddingsProvider {
  readonly provider = 'local';
  readonly model: string;
  dimension: number;

  constructor(opts: { dimension?: number; model?: string } = {}) {
    this.dimension = opts.dimension ?? 512;
    this.model = opts.model ?? 'hash-ngram-v1';
  }

  embedQuerySync(text: string): Float32Array {
    const dim = this.dimension;
    const feats = new Map<number, number>();
    const add = (key: string, w: number) => {
      const h = fnv1a(key);
      const idx = h % dim;
      const sign = h & 0x80000000 ? -1 : 1;
      feats.set(idx, (feats.get(idx) ?? 0) + sign * w);
    };
    const counts = new Map<string, number>();
    for (const raw of rawTokens(foldText(text))) {
      if (isStopword(raw) || (raw.length === 1 && !/\d/.test(raw))) continue;
      counts.set(raw, (counts.get(raw) ?? 0) + 1);
    }
    for (const [raw, c] of counts) {
      const tf = 1 + Math.log(c);
      add(`w:${stem(raw)}`, 2 * tf);
      if (raw.length >= 4 && !/^\d+$/.test(raw)) {
        const padded = `#${raw}#`;
        const grams = padded.length - 2;
        const w = tf / Math.sqrt(grams);
        for (let i = 0; i + 3 <= padded.length; i++) add(`c:${padded.slice(i, i + 3)}`, w);
      }
    }
    const v = new Float32Array(dim);
    let norm = 0;
    for (const [i, x] of feats) {
      v[i] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < dim; i++) v[i] /= norm;
    return v;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.embedQuerySync(text);
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedQuerySync(t));
  }
}

export class EmbeddingsError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'EmbeddingsError';
  }
}

/** Any OpenAI-compatible embeddings server (OpenAI, Ollama, vLLM, LM Studio, TEI …). */
export class OpenAIEmbeddingsProvider implements EmbeddingsProvider {
  readonly provider = 'openai';
  dimension: number | undefined;
  private readonly client: OpenAI;

  constructor(
    readonly model: string,
    opts: { apiKey?: string; baseURL?: string; batchSize?: number; timeoutMs?: number; dimension?: number } = {},
  ) {
    this.client = new OpenAI({ apiKey: opts.apiKey ?? 'not-needed', baseURL: opts.baseURL, timeout: opts.timeoutMs ?? 60_000, maxRetries: 2 });
    this.batchSize = opts.batchSize ?? 64;
    this.dimension = opts.dimension;
  }

  private readonly batchSize: number;

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize);
      let res;
      try {
        // encoding_format 'float': many compatible servers do not implement base64.
        res = await this.client.embeddings.create({ model: this.model, input: batch, encoding_format: 'float' });
      } catch (err) {
        throw new EmbeddingsError(`Server embeddings gagal (${this.model}): ${(err as Error).message}`, err);
      }
      const data = [...res.data].sort((a, b) => a.index - b.index);
      if (data.length !== batch.length) throw new EmbeddingsError(`Server embeddings mengembalikan ${data.length} vektor untuk ${batch.length} teks`);
      for (const d of data) {
        const v = normalise(Float32Array.from(d.embedding as number[]));
        if (this.dimension === undefined) this.dimension = v.length;
        else if (v.length !== this.dimension) throw new EmbeddingsError(`Dimensi embeddings berubah: ${v.length}, sebelumnya ${this.dimension}`);
        out.push(v);
      }
    }
    return out;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return (await this.embedDocuments([text]))[0];
  }
}

export function normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  n = Math.sqrt(n);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] /= n;
  return v;
}

export function createEmbeddingsProvider(cfg: {
  provider: 'local' | 'openai';
  model: string;
  apiKey?: string;
  baseURL?: string;
}): EmbeddingsProvider {
  if (cfg.provider === 'openai') return new OpenAIEmbeddingsProvider(cfg.model, { apiKey: cfg.apiKey, baseURL: cfg.baseURL });
  return new LocalHashEmbeddings({ model: cfg.model === 'hash-ngram-v1' ? undefined : cfg.model });
}

/** LangChain adapter, so LangChain vector stores (HNSWLib, MemoryVectorStore) can use our providers. */
export class LangChainEmbeddingsAdapter extends Embeddings {
  constructor(private readonly inner: EmbeddingsProvider) {
    super({});
  }
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.inner.embedDocuments(texts)).map((v) => Array.from(v));
  }
  override async embedQuery(text: string): Promise<number[]> {
    return Array.from(await this.inner.embedQuery(text));
  }
}

/**
 * Persistent embedding cache keyed by (provider, model, chunk hash), so a re-index embeds
 * only chunks whose text changed. One append-only binary file per provider/model:
 * records of [32 ASCII hash bytes][uint32 dimension][float32 × dimension]. A torn last
 * record (killed process) is ignored on load and overwritten on the next save.
 *
 * Opening reads only the record headers (hash → file offset); a vector is read when asked
 * for. At 100k chunks the file holds 200 MB of floats that an incremental build never needs.
 */
export class EmbeddingCache {
  private readonly offsets = new Map<string, { off: number; dim: number }>();
  private readonly pending = new Map<string, Float32Array>();
  readonly file: string;
  private validBytes = 0;
  private fd: number | undefined;

  constructor(dir: string, provider: string, model: string) {
    this.file = path.join(dir, `${provider}__${model.replace(/[^A-Za-z0-9._-]/g, '_')}.bin`);
    this.load();
  }

  private load(): void {
    if (!fs.existsSync(this.file)) return;
    this.fd = fs.openSync(this.file, 'r');
    const size = fs.fstatSync(this.fd).size;
    // Headers are found by reading the file in large blocks (one read per 8 MB, not one per record).
    const block = Buffer.alloc(8 << 20);
    let blockStart = 0;
    let blockLength = 0;
    const header = (off: number): Buffer | undefined => {
      if (off < blockStart || off + 36 > blockStart + blockLength) {
        blockStart = off;
        blockLength = fs.readSync(this.fd!, block, 0, block.length, off);
        if (blockLength < 36) return undefined;
      }
      return block.subarray(off - blockStart, off - blockStart + 36);
    };
    let off = 0;
    while (off + 36 <= size) {
      const head = header(off);
      if (!head) break;
      const hash = head.toString('latin1', 0, 32);
      const dim = head.readUInt32LE(32);
      const end = off + 36 + dim * 4;
      if (dim === 0 || dim > 100_000 || end > size) break;
      this.offsets.set(hash, { off: off + 36, dim });
      off = end;
    }
    this.validBytes = off;
  }

  get size(): number {
    return this.offsets.size + this.pending.size;
  }

  get(hash: string): Float32Array | undefined {
    const p = this.pending.get(hash);
    if (p) return p;
    const at = this.offsets.get(hash);
    if (!at || this.fd === undefined) return undefined;
    const buf = Buffer.alloc(at.dim * 4);
    fs.readSync(this.fd, buf, 0, buf.length, at.off);
    const v = new Float32Array(at.dim);
    for (let i = 0; i < at.dim; i++) v[i] = buf.readFloatLE(i * 4);
    return v;
  }

  set(hash: string, v: Float32Array): void {
    if (this.offsets.has(hash) || this.pending.has(hash)) return;
    this.pending.set(hash, v);
  }

  /** Append new entries durably (fsync) after truncating any torn tail; written in slices. */
  save(): void {
    if (this.pending.size === 0) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const fd = fs.openSync(this.file, fs.existsSync(this.file) ? 'r+' : 'w');
    try {
      fs.ftruncateSync(fd, this.validBytes);
      let at = this.validBytes;
      const parts: Buffer[] = [];
      let partBytes = 0;
      const flush = () => {
        const data = Buffer.concat(parts);
        fs.writeSync(fd, data, 0, data.length, at);
        at += data.length;
        parts.length = 0;
        partBytes = 0;
      };
      for (const [hash, v] of this.pending) {
        const b = Buffer.alloc(36 + v.length * 4);
        b.write(hash.padEnd(32, '0').slice(0, 32), 0, 'latin1');
        b.writeUInt32LE(v.length, 32);
        for (let i = 0; i < v.length; i++) b.writeFloatLE(v[i], 36 + i * 4);
        this.offsets.set(hash.padEnd(32, '0').slice(0, 32), { off: at + partBytes + 36, dim: v.length });
        parts.push(b);
        partBytes += b.length;
        if (partBytes >= 4 << 20) flush();
      }
      flush();
      fs.fsyncSync(fd);
      this.validBytes = at;
    } finally {
      fs.closeSync(fd);
    }
    this.pending.clear();
    // Reads after a save go to the file just written.
    if (this.fd === undefined) this.fd = fs.openSync(this.file, 'r');
  }

  /** Release the file handle. */
  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}
