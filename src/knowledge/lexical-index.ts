/**
 * BM25 lexical index over analysed tokens (see `text.ts`), serialisable to JSON.
 *
 * Field weighting is done by repetition: headings count twice, title and front-matter
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

export interface SerializedLexicalIndex {
  version: 1;
  k1: number;
  b: number;
  docLengths: number[];
  /** term → flat [docIndex, tf, docIndex, tf, …] */
  postings: Record<string, number[]>;
  /** Body-only term sets per doc would be large; coverage uses postings instead. */
}

export interface LexicalHit {
  index: number;
  score: number;
}

export class LexicalIndex {
  private readonly docLengths: Float32Array;
  private readonly avgLength: number;
  private readonly postings: Map<string, Int32Array>;
  private scores: Float32Array;
  private deletes: Map<string, string[]> | undefined;

  private constructor(
    docLengths: number[],
    postings: Map<string, Int32Array>,
    readonly k1 = 1.2,
    readonly b = 0.75,
  ) {
    this.docLengths = Float32Array.from(docLengths);
    this.avgLength = docLengths.length ? docLengths.reduce((a, c) => a + c, 0) / docLengths.length : 1;
    this.postings = postings;
    this.scores = new Float32Array(docLengths.length);
  }

  get size(): number {
    return this.docLengths.length;
  }

  static build(docs: LexicalDoc[]): LexicalIndex {
    const tmp = new Map<string, number[]>();
    const lengths: number[] = [];
    docs.forEach((d, i) => {
      const tf = new Map<string, number>();
      const add = (tokens: string[], w: number) => {
        for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + w);
      };
      add(d.body, 1);
      add(d.heading, 3);
      add(d.title, 1);
      add([...new Set(d.keywords)], 1); // document-wide keywords: once per chunk, so they do not drown the section's own words
      let len = 0;
      for (const [t, f] of tf) {
        len += f;
        let p = tmp.get(t);
        if (!p) tmp.set(t, (p = []));
        p.push(i, f);
      }
      lengths.push(len);
    });
    const postings = new Map<string, Int32Array>();
    for (const [t, p] of tmp) postings.set(t, Int32Array.from(p));
    return new LexicalIndex(lengths, postings);
  }

  static fromJSON(data: SerializedLexicalIndex): LexicalIndex {
    const postings = new Map<string, Int32Array>();
    for (const [t, p] of Object.entries(data.postings)) postings.set(t, Int32Array.from(p));
    return new LexicalIndex(data.docLengths, postings, data.k1, data.b);
  }

  toJSON(): SerializedLexicalIndex {
    const postings: Record<string, number[]> = {};
    for (const [t, p] of this.postings) postings[t] = Array.from(p);
    return { version: 1, k1: this.k1, b: this.b, docLengths: Array.from(this.docLengths), postings };
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

  /** Term frequency of `term` in document `index` (0 when absent). */
  termFrequency(term: string, index: number): number {
    const p = this.postings.get(term);
    if (!p) return 0;
    // Postings are sorted by doc index: binary search over pairs.
    let lo = 0;
    let hi = p.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = p[mid * 2];
      if (d === index) return p[mid * 2 + 1];
      if (d < index) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /**
   * Map query terms to indexed terms: known terms as they are, unknown ones to a term at
   * edit distance 1 when exactly one candidate family exists (longest shared prefix wins).
   */
  resolveTerms(terms: string[]): Array<{ term: string; from: string; fuzzy: boolean }> {
    const out: Array<{ term: string; from: string; fuzzy: boolean }> = [];
    for (const t of terms) {
      if (this.postings.has(t) || t.length < 5 || /\d/.test(t)) {
        out.push({ term: t, from: t, fuzzy: false });
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

  /** BM25 search; `weights` lets expansion terms count less than the user's own words. */
  search(terms: Array<{ term: string; weight: number }>, k: number): LexicalHit[] {
    const scores = this.scores;
    const touched: number[] = [];
    const { k1, b } = this;
    const avg = this.avgLength;
    const seen = new Set<string>();
    const present = terms.filter((t) => this.postings.has(t.term));
    // Terms found in nearly every chunk carry almost no information but cost a full scan.
    const informative = present.filter((t) => this.idf(t.term) >= 0.15);
    for (const { term, weight } of informative.length > 0 ? informative : present) {
      if (seen.has(term)) continue;
      seen.add(term);
      const p = this.postings.get(term)!;
      const idf = this.idf(term) * weight;
      const k1p1 = idf * (k1 + 1);
      const base = k1 * (1 - b);
      const slope = (k1 * b) / avg;
      for (let i = 0; i < p.length; i += 2) {
        const d = p[i];
        const tf = p[i + 1];
        if (scores[d] === 0) touched.push(d);
        scores[d] += (tf * k1p1) / (tf + base + slope * this.docLengths[d]);
      }
    }
    // Top-k with a small min-heap instead of sorting every touched document.
    const heap: LexicalHit[] = [];
    for (const d of touched) {
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

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
