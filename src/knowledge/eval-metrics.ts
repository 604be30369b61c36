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
  /** `full` | `partial` | `none` (DESIGN.md); absent = full unless refused. */
  coverage?: 'full' | 'partial' | 'none';
  /** Length of the answer text before the sources block. */
  answerChars?: number;
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
  /** Outcomes over all questions, and partial answers to answerable questions (counted apart, not as refusals). */
  coverage: { full: number; partial: number; none: number; partial_answerable: number };
  /** Median length of the answers given (not refused), before the sources. */
  answer_chars: { median: number };
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
  const coverageOf = (o: EvalOutcome) => o.coverage ?? (o.refused ? 'none' : 'full');
  // An honest partial answer ("… belum tercatat; yang terakhir tercatat: …") is a correct outcome for an unanswerable question.
  const declined = (o: EvalOutcome) => o.refused || coverageOf(o) === 'partial';
  const lengths = outcomes.filter((o) => !o.refused && o.answerChars !== undefined).map((o) => o.answerChars!);
  return {
    n: outcomes.length,
    answerable: answerable.length,
    hit_at_1: r4(at(1)),
    hit_at_3: r4(at(3)),
    hit_at_5: r4(at(5)),
    mrr: r4(mrr),
    answer_hit: withAnswer.length ? r4(withAnswer.filter((o) => o.answerHit).length / withAnswer.length) : null,
    refusal: {
      correct: unanswerable.filter(declined).length,
      missed: unanswerable.filter((o) => !declined(o)).length,
      false: answerable.filter((o) => o.refused).length,
    },
    coverage: {
      full: outcomes.filter((o) => coverageOf(o) === 'full').length,
      partial: outcomes.filter((o) => coverageOf(o) === 'partial').length,
      none: outcomes.filter((o) => coverageOf(o) === 'none').length,
      partial_answerable: answerable.filter((o) => coverageOf(o) === 'partial').length,
    },
    answer_chars: { median: percentile(lengths, 50) },
    latency_ms: { p50: r4(percentile(lat, 50)), p95: r4(percentile(lat, 95)) },
  };
}

export class EvalFileError extends Error {
  constructor(file: string, line: number, detail: string) {
    super(`${file} baris ${line}: ${detail}`);
    this.name = 'EvalFileError';
  }
}

/** A multi-turn dialogue: each turn is asked with the earlier turns as history. */
export interface EvalDialogue {
  id: string;
  turns: Array<{ question: string; expect_any?: string[]; expect_all?: string[]; answerable?: boolean }>;
}

export interface DialogueReport {
  dialogues: number;
  /** Dialogues whose every turn hit. */
  all_right: number;
  /** Turns after the first (the follow-ups) whose answer hit. */
  follow_ups: { right: number; total: number };
  first_turns: { right: number; total: number };
}

/** JSONL records (blank lines and `//` comments skipped), each checked by `check` (which throws with a reason). */
function parseJsonLines<T extends { id?: string }>(text: string, file: string, check: (record: T) => string | undefined): T[] {
  const out: T[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('//')) return;
    let record: T;
    try {
      record = JSON.parse(line) as T;
    } catch (err) {
      throw new EvalFileError(file, i + 1, `JSON tidak valid (${(err as Error).message})`);
    }
    const problem = check(record);
    if (problem) throw new EvalFileError(file, i + 1, problem);
    record.id = record.id ?? `line${i + 1}`;
    out.push(record);
  });
  return out;
}

export function parseDialogueFile(text: string, file: string): EvalDialogue[] {
  return parseJsonLines<EvalDialogue>(text, file, (d) =>
    !Array.isArray(d.turns) || d.turns.length < 2 || d.turns.some((t) => typeof t.question !== 'string')
      ? '"turns" wajib berupa daftar minimal dua {"question", "expect_any"}'
      : undefined,
  );
}

/** True when the file holds dialogues (its first record has "turns"). */
export function isDialogueFile(text: string): boolean {
  const first = text.split('\n').find((l) => l.trim() && !l.trim().startsWith('//'));
  return first !== undefined && /"turns"\s*:/.test(first);
}

export function summariseDialogues(results: boolean[][]): DialogueReport {
  const follow = results.flatMap((r) => r.slice(1));
  return {
    dialogues: results.length,
    all_right: results.filter((r) => r.every(Boolean)).length,
    follow_ups: { right: follow.filter(Boolean).length, total: follow.length },
    first_turns: { right: results.filter((r) => r[0]).length, total: results.length },
  };
}

export function parseEvalFile(text: string, file: string): EvalQuestion[] {
  return parseJsonLines<EvalQuestion>(text, file, (q) => {
    if (typeof q.question !== 'string' || !q.question.trim()) return '"question" wajib berupa teks';
    if (typeof q.answerable !== 'boolean') q.answerable = (q.expect_any?.length ?? 0) + (q.expect_all?.length ?? 0) > 0;
    return undefined;
  });
}
