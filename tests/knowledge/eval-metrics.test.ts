import { describe, expect, it } from 'vitest';
import {
  firstHitRank,
  hits,
  isDialogueFile,
  parseDialogueFile,
  parseEvalFile,
  percentile,
  summarise,
  summariseDialogues,
  type EvalOutcome,
  type EvalQuestion,
} from '../../src/knowledge/eval-metrics.js';

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

  it('counts coverage outcomes: an honest partial is right for an unanswerable question, apart for an answerable one', () => {
    const base = { firstHitRank: 1, answerHit: undefined, latencyMs: 1 };
    const r = summarise([
      { ...base, question: { id: 'a', question: 'x', answerable: true }, refused: false, coverage: 'full', answerChars: 300, answerHit: true },
      { ...base, question: { id: 'b', question: 'x', answerable: true }, refused: false, coverage: 'partial', answerChars: 200, answerHit: false },
      { ...base, question: { id: 'c', question: 'x', answerable: false }, refused: false, coverage: 'partial', answerChars: 100 },
      { ...base, question: { id: 'd', question: 'x', answerable: false }, refused: true, coverage: 'none', answerChars: 900 },
    ]);
    expect(r.refusal).toEqual({ correct: 2, missed: 0, false: 0 });
    expect(r.coverage).toEqual({ full: 1, partial: 2, none: 1, partial_answerable: 1 });
    // Refusals do not count towards answer length.
    expect(r.answer_chars.median).toBe(200);
  });

  it('reads dialogue files and counts follow-ups apart from first turns', () => {
    const text = '{"id":"d1","turns":[{"question":"a","expect_any":["x"]},{"question":"b","expect_any":["y"]}]}\n';
    expect(isDialogueFile(text)).toBe(true);
    expect(isDialogueFile('{"id":"q1","question":"a"}')).toBe(false);
    expect(parseDialogueFile(text, 'd.jsonl')[0].turns).toHaveLength(2);
    expect(() => parseDialogueFile('{"id":"d1","turns":[{"question":"a"}]}', 'd.jsonl')).toThrow(/d\.jsonl baris 1/);
    expect(summariseDialogues([[true, false], [true, true], [false, true]])).toEqual({ dialogues: 3, all_right: 1, follow_ups: { right: 2, total: 3 }, first_turns: { right: 2, total: 3 } });
  });
});
