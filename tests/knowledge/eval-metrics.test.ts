import { describe, expect, it } from 'vitest';
import { firstHitRank, hits, parseEvalFile, percentile, summarise, type EvalOutcome, type EvalQuestion } from '../../src/knowledge/eval-metrics.js';

const q = (id: string, answerable: boolean, expect_any: string[] = ['3,79']): EvalQuestion => ({ id, question: id, expect_any, answerable });
const outcome = (question: EvalQuestion, firstHitRank: number | undefined, refused: boolean, answerHit?: boolean, latencyMs = 1): EvalOutcome => ({ question, firstHitRank, refused, answerHit, latencyMs });

describe('eval metrics', () => {
  it('matches case-insensitively with whitespace collapsed, any-of and all-of', () => {
    expect(hits('Nilai  SPBE\nKaltim 3,79', { expect_any: ['spbe kaltim'] })).toBe(true);
    expect(hits('3,79 Sangat Baik', { expect_any: ['3,79', '3.79'], expect_all: ['sangat baik'] })).toBe(true);
    expect(hits('3,79 Baik', { expect_any: ['3,79'], expect_all: ['sangat baik'] })).toBe(false);
    expect(hits('apa saja', { expect_any: [] })).toBe(false);
  });

  it('finds the first hitting rank', () => {
    expect(firstHitRank(['x', 'y 3,79', '3,79'], q('a', true))).toBe(2);
    expect(firstHitRank(['x'], q('a', true))).toBeUndefined();
  });

  it('computes hit@k, MRR, answer hit and refusal counts', () => {
    const r = summarise([
      outcome(q('a', true), 1, false, true, 10),
      outcome(q('b', true), 3, false, false, 20),
      outcome(q('c', true), undefined, true, false, 30),
      outcome(q('d', true), 5, false, true, 40),
      outcome(q('e', false, []), undefined, true, undefined, 50),
      outcome(q('f', false, []), undefined, false, undefined, 60),
    ]);
    expect(r.n).toBe(6);
    expect(r.answerable).toBe(4);
    expect(r.hit_at_1).toBe(0.25);
    expect(r.hit_at_3).toBe(0.5);
    expect(r.hit_at_5).toBe(0.75);
    expect(r.mrr).toBeCloseTo((1 + 1 / 3 + 0 + 1 / 5) / 4, 4);
    expect(r.answer_hit).toBe(0.5);
    expect(r.refusal).toEqual({ correct: 1, missed: 1, false: 1 });
    expect(r.latency_ms.p50).toBe(30);
    expect(r.latency_ms.p95).toBe(60);
  });

  it('percentile uses the nearest-rank method', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([], 50)).toBe(0);
  });

  it('parses JSONL and reports the bad line', () => {
    expect(parseEvalFile('{"id":"q1","question":"a","expect_any":["x"],"answerable":true}\n\n', 'f')).toHaveLength(1);
    expect(() => parseEvalFile('{"id":"q1","question":"a"}\n{rusak', 'f.jsonl')).toThrow(/f\.jsonl baris 2/);
  });
});
