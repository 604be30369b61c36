import { describe, expect, it } from 'vitest';
import { LexicalIndex, type LexicalDoc } from '../../src/knowledge/lexical-index.js';
import { rng } from '../../scripts/synthetic-corpus.js';

/**
 * Documents whose words follow a steep Zipf-like distribution: a few words occur in nearly every
 * document (long postings lists, the ones MaxScore pruning skips) and most are rare.
 */
function corpus(n: number, seed: number): string[][] {
  const r = rng(seed);
  const vocab = Array.from({ length: 400 }, (_x, i) => `kata${i}`);
  return Array.from({ length: n }, () => Array.from({ length: 20 + Math.floor(r() * 60) }, () => vocab[Math.floor(vocab.length * Math.pow(r(), 3))]));
}

/** BM25 over every posting, as the textbook writes it (body field only, so tf is the word count). */
function reference(docs: string[][], terms: Array<{ term: string; weight: number }>, k: number): Array<{ index: number; score: number }> {
  const k1 = 1.2;
  const b = 0.75;
  const avg = docs.reduce((a, d) => a + d.length, 0) / docs.length;
  const seen = new Set<string>();
  const weighted = terms.filter((t) => !seen.has(t.term) && seen.add(t.term));
  const dfs = new Map(weighted.map((t) => [t.term, docs.filter((d) => d.includes(t.term)).length]));
  const df = (t: string) => dfs.get(t)!;
  const idf = (t: string) => Math.log(1 + (docs.length - df(t) + 0.5) / (df(t) + 0.5));
  const present = weighted.filter((t) => df(t.term) > 0);
  const informative = present.filter((t) => idf(t.term) >= 0.15);
  const used = informative.length > 0 ? informative : present;
  const scored = docs.map((d, index) => {
    let score = 0;
    for (const { term, weight } of used) {
      const tf = d.filter((w) => w === term).length;
      if (tf > 0) score += (idf(term) * weight * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * d.length) / avg));
    }
    return { index, score };
  });
  return scored.filter((s) => s.score > 0).sort((x, y) => y.score - x.score).slice(0, k);
}

describe('LexicalIndex.search', () => {
  const docs = corpus(3000, 5);
  const index = LexicalIndex.build(docs.length, (i): LexicalDoc => ({ body: docs[i], heading: [], title: [], keywords: [] }));
  const r = rng(9);
  const word = () => `kata${Math.floor(400 * Math.pow(r(), 1.5))}`;

  it('returns the same top k and scores as scoring every posting, also when common terms are pruned', () => {
    for (let q = 0; q < 60; q++) {
      // Rare and common words mixed, expansion-like lower weights, a duplicate and an unknown word.
      const terms = Array.from({ length: 2 + (q % 6) }, (_x, i) => ({ term: word(), weight: i % 3 === 2 ? 0.4 : 1 }));
      terms.push({ term: terms[0].term, weight: 1 }, { term: 'tidakada', weight: 1 });
      const k = q % 2 ? 10 : 40;
      const got = index.search(terms, k);
      const ranked = reference(docs, terms, docs.length);
      const want = ranked.slice(0, k);
      const all = new Map(ranked.map((h) => [h.index, h.score]));
      const label = `kueri ${q}: ${terms.map((t) => t.term).join(' ')}`;
      // Equal scores (same tf, same length) may come in any order: the k best scores must match,
      // and every hit must carry its document's true score.
      expect(got.length, label).toBe(want.length);
      got.forEach((h, i) => {
        expect(h.score, label).toBeCloseTo(want[i].score, 3);
        expect(all.get(h.index), label).toBeCloseTo(h.score, 3);
      });
    }
  });

  it('leaves no score behind between searches', () => {
    const terms = [{ term: 'kata0', weight: 1 }, { term: 'kata399', weight: 1 }, { term: 'kata1', weight: 1 }];
    expect(index.search(terms, 5)).toEqual(index.search(terms, 5));
    const again = index.search([{ term: 'kata399', weight: 1 }], 5);
    expect(again.map((h) => h.score)).toEqual(reference(docs, [{ term: 'kata399', weight: 1 }], 5).map((h) => expect.closeTo(h.score, 3)));
  });
});
