/**
 * Evaluation arithmetic for `npm run eval` (format in DESIGN.md).
 *
 * A passage or answer *hits* when it contains any string of `expect_any` (or when that
 * list is empty) and all strings of `expect_all`, compared case-insensitively with
 * whitespace collapsed.
 */
export interface EvalQuestion {
  id: string;
  question: string;
  expect_any?: string[];
  expect_all?: string[];
  answerable: boolean;
}

export interface EvalOutcome {
  question: EvalQuestion;
  /** Rank (1-based) of the first hitting passage, or undefined. */
  firstHitRank: number | undefined;
  refused: boolean;
  answerHit: boolean | undefined;
  latencyMs: number;
}

export interface EvalReport {
  n: number;
  answerable: number;
  hit_at_1: number;
  hit_at_3: number;
  hit_at_5: number;
  mrr: number;
  answer_hit: number | null;
  refusal: { correct: number; missed: number; false: number };
  latency_ms: { p50: number; p95: number };
}

const collapse = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

export function hits(text: string, q: Pick<EvalQuestion, 'expect_any' | 'expect_all'>): boolean {
  const t = collapse(text);
  const any = q.expect_any ?? [];
  const all = q.expect_all ?? [];
  if (any.length === 0 && all.length === 0) return false;
  const anyOk = any.length === 0 || any.some((e) => t.includes(collapse(e)));
  return anyOk && all.every((e) => t.includes(collapse(e)));
}

export function firstHitRank(passages: string[], q: EvalQuestion): number | undefined {
  const i = passages.findIndex((p) => hits(p, q));
  return i >= 0 ? i + 1 : undefined;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

const r4 = (x: number) => Math.round(x * 10000) / 10000;

export function summarise(outcomes: EvalOutcome[]): EvalReport {
  const answerable = outcomes.filter((o) => o.question.answerable);
  const unanswerable = outcomes.filter((o) => !o.question.answerable);
  const at = (k: number) => (answerable.length ? answerable.filter((o) => o.firstHitRank !== undefined && o.firstHitRank <= k).length / answerable.length : 0);
  const mrr = answerable.length ? answerable.reduce((s, o) => s + (o.firstHitRank ? 1 / o.firstHitRank : 0), 0) / answerable.length : 0;
  const withAnswer = answerable.filter((o) => o.answerHit !== undefined);
  const lat = outcomes.map((o) => o.latencyMs);
  return {
    n: outcomes.length,
    answerable: answerable.length,
    hit_at_1: r4(at(1)),
    hit_at_3: r4(at(3)),
    hit_at_5: r4(at(5)),
    mrr: r4(mrr),
    answer_hit: withAnswer.length ? r4(withAnswer.filter((o) => o.answerHit).length / withAnswer.length) : null,
    refusal: {
      correct: unanswerable.filter((o) => o.refused).length,
      missed: unanswerable.filter((o) => !o.refused).length,
      false: answerable.filter((o) => o.refused).length,
    },
    latency_ms: { p50: r4(percentile(lat, 50)), p95: r4(percentile(lat, 95)) },
  };
}

export class EvalFileError extends Error {
  constructor(file: string, line: number, detail: string) {
    super(`${file} baris ${line}: ${detail}`);
    this.name = 'EvalFileError';
  }
}

export function parseEvalFile(text: string, file: string): EvalQuestion[] {
  const out: EvalQuestion[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('//')) return;
    let q: EvalQuestion;
    try {
      q = JSON.parse(line) as EvalQuestion;
    } catch (err) {
      throw new EvalFileError(file, i + 1, `JSON tidak valid (${(err as Error).message})`);
    }
    if (typeof q.question !== 'string' || !q.question.trim()) throw new EvalFileError(file, i + 1, '"question" wajib berupa teks');
    if (typeof q.answerable !== 'boolean') q.answerable = (q.expect_any?.length ?? 0) + (q.expect_all?.length ?? 0) > 0;
    q.id = q.id ?? `line${i + 1}`;
    out.push(q);
  });
  return out;
}
