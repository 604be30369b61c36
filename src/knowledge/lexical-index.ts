import os from 'node:os';
import { type Canonicaliser, colloquialStems } from './text.js';

/**
 * BM25 lexical index over analysed tokens (see `text.ts`), stored as one compact binary file
 * and updated incrementally (see {@link LexicalIndex.update}).
 *
 * Field weighting is done by repetition: headings count three times, title and front-matter
 * keywords once, body text once. Query terms unknown to the index are matched to an
 * indexed term at edit distance 1 (typos such as "pelatiahn"), through a deletion
 * neighbourhood built lazily on the first unknown term.
 */
export interface LexicalDoc {
  body: string[];
  heading: string[];
  title: string[];
  keywords: string[];
}

export interface LexicalHit {
  index: number;
  score: number;
}

/** How an incremental update maps the previous build onto the new one (see {@link LexicalIndex.update}). */
export interface LexicalUpdate {
  /** For each document of the new build: its index in the previous build, or -1 when it is new. */
  previousIndex: Int32Array;
  /** Analysed fields of a new document (called once, in ascending order, only for new ones). */
  analyseNew: (index: number) => LexicalDoc;
}

const MAGIC = 0x4c584931; // "LXI1"

export class LexicalIndex {
  private readonly docLengths: Float32Array;
  private readonly avgLength: number;
  private readonly postings: Map<string, Int32Array>;
  private scores: Float32Array;
  private deletes: Map<string, string[]> | undefined;

  private constructor(
    docLengths: Float32Array,
    postings: Map<string, Int32Array>,
    readonly k1 = 1.2,
    readonly b = 0.75,
  ) {
    this.docLengths = docLengths;
    let total = 0;
    for (const l of docLengths) total += l;
    this.avgLength = docLengths.length ? total / docLengths.length : 1;
    this.postings = postings;
    this.scores = new Float32Array(docLengths.length);
  }

  get size(): number {
    return this.docLengths.length;
  }

  /** Index documents given one at a time (their token arrays are not all held at once). */
  static build(count: number, docAt: (index: number) => LexicalDoc): LexicalIndex {
    return LexicalIndex.update(undefined, { previousIndex: new Int32Array(count).fill(-1), analyseNew: docAt });
  }

  /**
   * The next build's index from the previous one: postings of kept documents are renumbered,
   * those of removed documents dropped, and only new documents are analysed. Every term's
   * postings are a merge of two sorted lists, so the cost is linear in the index size and
   * the result is identical to a full build over the same documents.
   */
  static update(prev: LexicalIndex | undefined, change: LexicalUpdate): LexicalIndex {
    const n = change.previousIndex.length;
    const lengths = new Float32Array(n);
    const remap = new Int32Array(prev?.size ?? 0).fill(-1);
    const added = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const p = change.previousIndex[i];
      if (p >= 0) {
        if (!prev || p >= prev.size) throw new Error(`dokumen ${p} tidak ada di indeks sebelumnya`);
        remap[p] = i;
        lengths[i] = prev.docLengths[p];
        continue;
      }
      const tf = termFrequencies(change.analyseNew(i));
      let len = 0;
      for (const [t, f] of tf) {
        len += f;
        let list = added.get(t);
        if (!list) added.set(t, (list = []));
        list.push(i, f);
      }
      lengths[i] = len;
    }
    const postings = new Map<string, Int32Array>();
    if (prev) {
      for (const [t, old] of prev.postings) {
        const merged = mergePostings(old, remap, added.get(t));
        if (merged.length > 0) postings.set(t, merged);
        added.delete(t);
      }
    }
    for (const [t, list] of added) postings.set(t, Int32Array.from(list));
    return new LexicalIndex(lengths, postings, prev?.k1, prev?.b);
  }

  /**
   * Binary form: header, document lengths, the terms (sorted, newline-separated UTF-8), one
   * offset per term and all postings in one Int32Array — no JSON of millions of numbers.
   */
  toBuffer(): Buffer {
    const terms = [...this.postings.keys()].sort();
    const termBytes = Buffer.from(terms.join('\n'), 'utf8');
    let total = 0;
    for (const t of terms) total += this.postings.get(t)!.length;
    const offsets = new Int32Array(terms.length + 1);
    const flat = new Int32Array(total);
    let at = 0;
    terms.forEach((t, i) => {
      const p = this.postings.get(t)!;
      offsets[i] = at;
      flat.set(p, at);
      at += p.length;
    });
    offsets[terms.length] = at;
    const header = Buffer.alloc(32);
    header.writeUInt32LE(MAGIC, 0);
    header.writeFloatLE(this.k1, 4);
    header.writeFloatLE(this.b, 8);
    header.writeUInt32LE(this.size, 12);
    header.writeUInt32LE(terms.length, 16);
    header.writeUInt32LE(termBytes.length, 20);
    header.writeUInt32LE(total, 24);
    const pad = Buffer.alloc((4 - (termBytes.length % 4)) % 4);
    return Buffer.concat([header, le(this.docLengths), le(offsets), le(flat), termBytes, pad]);
  }

  static fromBuffer(buf: Buffer): LexicalIndex {
    if (buf.length < 32 || buf.readUInt32LE(0) !== MAGIC) throw new Error('berkas indeks leksikal tidak dikenal');
    const k1 = buf.readFloatLE(4);
    const b = buf.readFloatLE(8);
    const docs = buf.readUInt32LE(12);
    const termCount = buf.readUInt32LE(16);
    const termLength = buf.readUInt32LE(20);
    const total = buf.readUInt32LE(24);
    let off = 32;
    const lengths = Float32Array.from(readF32(buf, off, docs));
    off += docs * 4;
    const offsets = readI32(buf, off, termCount + 1);
    off += (termCount + 1) * 4;
    // Every term's list is a view into the file's buffer: no second copy of the postings.
    const flat = readI32(buf, off, total);
    off += total * 4;
    const terms = termCount ? buf.toString('utf8', off, off + termLength).split('\n') : [];
    if (terms.length !== termCount) throw new Error('berkas indeks leksikal rusak (jumlah istilah)');
    const postings = new Map<string, Int32Array>();
    terms.forEach((t, i) => postings.set(t, flat.subarray(offsets[i], offsets[i + 1])));
    return new LexicalIndex(lengths, postings, Math.round(k1 * 1000) / 1000, Math.round(b * 1000) / 1000);
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  docFreq(term: string): number {
    const p = this.postings.get(term);
    return p ? p.length / 2 : 0;
  }

  /** BM25 idf; a term absent from the index gets the highest possible value. */
  idf(term: string): number {
    const n = this.size;
    const df = this.docFreq(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** True when some document holding `term` satisfies `pred` (postings are scanned until one does). */
  someDocument(term: string, pred: (index: number) => boolean): boolean {
    const p = this.postings.get(term);
    if (!p) return false;
    for (let i = 0; i < p.length; i += 2) if (pred(p[i])) return true;
    return false;
  }

  /** Term frequency of `term` in document `index` (0 when absent). */
  termFrequency(term: string, index: number): number {
    const p = this.postings.get(term);
    return p ? postingFrequency(p, index) : 0;
  }

  /**
   * Map query terms to indexed terms: known terms as they are, unknown ones to a term at
   * edit distance 1 when exactly one candidate family exists (longest shared prefix wins).
   */
  resolveTerms(terms: string[], canon?: Canonicaliser): Array<{ term: string; from: string; fuzzy: boolean }> {
    const out: Array<{ term: string; from: string; fuzzy: boolean }> = [];
    for (const t of terms) {
      if (this.postings.has(t) || t.length < 5 || /\d/.test(t)) {
        out.push({ term: t, from: t, fuzzy: false });
        continue;
      }
      // A chat verb form ("dicantumin", "nyediain", "ngatur") stands for a formal word the index knows.
      const formal = colloquialStems(t, canon).find((c) => this.postings.has(c));
      if (formal) {
        out.push({ term: formal, from: t, fuzzy: true });
        continue;
      }
      const candidate = this.fuzzyMatch(t);
      out.push(candidate ? { term: candidate, from: t, fuzzy: true } : { term: t, from: t, fuzzy: false });
    }
    return out;
  }

  private fuzzyMatch(term: string): string | undefined {
    if (!this.deletes) {
      this.deletes = new Map();
      for (const t of this.postings.keys()) {
        if (t.length < 4 || /\d/.test(t)) continue;
        for (const d of deletions(t)) {
          const arr = this.deletes.get(d);
          if (arr) {
            if (arr.length < 8) arr.push(t);
          } else this.deletes.set(d, [t]);
        }
      }
    }
    const candidates = new Set<string>();
    for (const t of this.deletes.get(term) ?? []) candidates.add(t); // insertion in the query
    for (const d of deletions(term)) {
      if (this.postings.has(d)) candidates.add(d); // deletion in the query
      for (const t of this.deletes.get(d) ?? []) candidates.add(t); // substitution / transposition-ish
    }
    let best: string | undefined;
    let bestScore = -1;
    for (const c of candidates) {
      if (Math.abs(c.length - term.length) > 1) continue;
      // Prefer frequent terms sharing a longer prefix.
      let prefix = 0;
      while (prefix < c.length && c[prefix] === term[prefix]) prefix++;
      const score = prefix * 1000 + this.docFreq(c);
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }

  /**
   * BM25 search; `weights` lets expansion terms count less than the user's own words.
   *
   * Exact top-k with MaxScore pruning: terms are scored in order of their highest possible
   * contribution (rare terms first). Once the contributions still to come cannot lift a
   * document that no scored term has touched above the k-th best score so far, the remaining
   * (common, long-listed) terms are only looked up for the documents that can still make the
   * top k. At 100k chunks a common word's postings list is tens of thousands of entries long;
   * this skips scanning it, with the same hits and scores as scoring every posting
   * (`exhaustive`, kept as the benchmark's baseline).
   */
  search(terms: Array<{ term: string; weight: number }>, k: number, opts: { exhaustive?: boolean } = {}): LexicalHit[] {
    const scores = this.scores;
    const touched: number[] = [];
    const { k1, b } = this;
    const base = k1 * (1 - b);
    const slope = (k1 * b) / this.avgLength;
    const seen = new Set<string>();
    const present = terms.filter((t) => this.postings.has(t.term));
    // Terms found in nearly every chunk carry almost no information but cost a full scan.
    const informative = present.filter((t) => this.idf(t.term) >= 0.15);
    const list: Array<{ postings: Int32Array; k1p1: number }> = [];
    for (const { term, weight } of informative.length > 0 ? informative : present) {
      if (seen.has(term)) continue;
      seen.add(term);
      // tf·k1p1 / (tf + …) stays below k1p1: the term's highest possible contribution.
      list.push({ postings: this.postings.get(term)!, k1p1: this.idf(term) * weight * (k1 + 1) });
    }
    list.sort((x, y) => y.k1p1 - x.k1p1);
    let remaining = 0;
    for (const t of list) remaining += t.k1p1;
    let next = 0;
    for (; next < list.length; next++) {
      const p = list[next].postings;
      // Checking the bound costs a pass over the touched documents: worth it before a long list.
      if (!opts.exhaustive && touched.length >= k && p.length > 2 * touched.length && remaining < kthScore(scores, touched, k)) break;
      const k1p1 = list[next].k1p1;
      for (let i = 0; i < p.length; i += 2) {
        const d = p[i];
        const tf = p[i + 1];
        if (scores[d] === 0) touched.push(d);
        scores[d] += (tf * k1p1) / (tf + base + slope * this.docLengths[d]);
      }
      remaining -= k1p1;
    }
    let candidates = touched;
    if (next < list.length) {
      // The remaining terms, only for documents that can still reach the k-th score.
      const floor = kthScore(scores, touched, k);
      candidates = [];
      for (const d of touched) {
        if (scores[d] + remaining >= floor) candidates.push(d);
        else scores[d] = 0;
      }
      for (let t = next; t < list.length; t++) {
        const { postings, k1p1 } = list[t];
        for (const d of candidates) {
          const tf = postingFrequency(postings, d);
          if (tf > 0) scores[d] += (tf * k1p1) / (tf + base + slope * this.docLengths[d]);
        }
      }
    }
    // Top-k with a small min-heap instead of sorting every touched document.
    const heap: LexicalHit[] = [];
    for (const d of candidates) {
      const score = scores[d];
      scores[d] = 0;
      if (heap.length < k) {
        heap.push({ index: d, score });
        siftUp(heap, heap.length - 1);
      } else if (score > heap[0].score) {
        heap[0] = { index: d, score };
        siftDown(heap, 0);
      }
    }
    return heap.sort((x, y) => y.score - x.score);
  }
}

/** The k-th highest score among `docs` (a k-sized min-heap of numbers; k is small). */
function kthScore(scores: Float32Array, docs: number[], k: number): number {
  const heap = new Float64Array(k);
  let size = 0;
  for (const d of docs) {
    const s = scores[d];
    if (size < k) {
      let i = size++;
      heap[i] = s;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent] <= heap[i]) break;
        [heap[parent], heap[i]] = [heap[i], heap[parent]];
        i = parent;
      }
    } else if (s > heap[0]) {
      heap[0] = s;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < k && heap[l] < heap[m]) m = l;
        if (r < k && heap[r] < heap[m]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
  }
  return size < k ? 0 : heap[0];
}

/** Term frequency of document `d` in a sorted [doc, tf, …] postings list (0 when absent). */
function postingFrequency(p: Int32Array, d: number): number {
  let lo = 0;
  let hi = p.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = p[mid * 2];
    if (x === d) return p[mid * 2 + 1];
    if (x < d) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

function siftUp(h: LexicalHit[], i: number): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (h[parent].score <= h[i].score) return;
    [h[parent], h[i]] = [h[i], h[parent]];
    i = parent;
  }
}

function siftDown(h: LexicalHit[], i: number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < h.length && h[l].score < h[m].score) m = l;
    if (r < h.length && h[r].score < h[m].score) m = r;
    if (m === i) return;
    [h[m], h[i]] = [h[i], h[m]];
    i = m;
  }
}

/** Field weighting by repetition: headings thrice, title and keywords once, body once. */
function termFrequencies(d: LexicalDoc): Map<string, number> {
  const tf = new Map<string, number>();
  const add = (tokens: string[], w: number) => {
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + w);
  };
  add(d.body, 1);
  add(d.heading, 3);
  add(d.title, 1);
  add([...new Set(d.keywords)], 1); // document-wide keywords: once per chunk, so they do not drown the section's own words
  return tf;
}

/** Renumber a sorted [doc, tf, …] list through `remap` (dropping -1) and merge in sorted new pairs. */
function mergePostings(old: Int32Array, remap: Int32Array, added: number[] | undefined): Int32Array {
  const out = new Int32Array(old.length + (added?.length ?? 0));
  let o = 0;
  let a = 0;
  const addedLength = added?.length ?? 0;
  for (let i = 0; i < old.length; i += 2) {
    const d = remap[old[i]];
    if (d < 0) continue;
    while (a < addedLength && added![a] < d) {
      out[o++] = added![a++];
      out[o++] = added![a++];
    }
    out[o++] = d;
    out[o++] = old[i + 1];
  }
  while (a < addedLength) out[o++] = added![a++];
  return o === out.length ? out : out.slice(0, o);
}

function le(a: Int32Array | Float32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const b = Buffer.alloc(a.length * 4);
  a.forEach((x, i) => (a instanceof Float32Array ? b.writeFloatLE(x, i * 4) : b.writeInt32LE(x, i * 4)));
  return b;
}

function readI32(buf: Buffer, off: number, n: number): Int32Array {
  if (LITTLE_ENDIAN && (buf.byteOffset + off) % 4 === 0) return new Int32Array(buf.buffer, buf.byteOffset + off, n);
  return Int32Array.from({ length: n }, (_x, i) => buf.readInt32LE(off + i * 4));
}

function readF32(buf: Buffer, off: number, n: number): Float32Array {
  if (LITTLE_ENDIAN && (buf.byteOffset + off) % 4 === 0) return new Float32Array(buf.buffer, buf.byteOffset + off, n);
  return Float32Array.from({ length: n }, (_x, i) => buf.readFloatLE(off + i * 4));
}

const LITTLE_ENDIAN = os.endianness() === 'LE';

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
