/**
 * Knowledge gaps and the askers waiting for them to close.
 *
 * - Every refused or partial answer is counted in a group: questions with the same key terms (as the
 *   lexical index analyses them: stemmed, canonical, stopwords dropped) are one group, so "Apa itu
 *   SPBE?" and "spbe itu apa" count together. The text is redacted by the caller before it gets here.
 * - An asker may opt in ("🔔 Kabari saya …"): the question waits 90 days. After each new index the
 *   waiting questions are asked again; a full answer is queued in the durable outbox in the same
 *   transaction that marks the question answered, so each asker is told once.
 */
import type { Locale } from '../locale.js';
import type { Citation } from './extractive.js';
import type { Answer, AnswerService } from './answer-service.js';
import { isMaintainer, type MaintainerRoles } from '../knowledge/maintenance/roles.js';

import type { Coverage, GapCoverage } from './coverage.js';

/** `answer.coverage` once partial answers exist (issue 12); derived from the kind until then. */
export function coverageOf(a: Answer): Coverage | null {
  const explicit = (a as Answer & { coverage?: Coverage }).coverage;
  if (explicit) return explicit;
  if (a.kind === 'answer') return 'full';
  if (a.kind === 'not_found') return 'none';
  return null; // guardrail replies and small talk are no gaps
}

export const WATCH_DAYS = 90;
/** An offered (not yet pressed) 🔔 button stays usable this long. */
export const OFFER_HOURS = 24;
/** Notifications are spread out by this much each, well under Telegram's 30 messages/s. */
export const NOTIFY_SPACING_MS = 200;

export interface GapGroup {
  id: number;
  example: string;
  count: number;
  partialCount: number;
  firstSeen: string;
  lastSeen: string;
}

export interface WaitingQuestion {
  id: number;
  userId: number;
  chatId: number;
  locale: Locale;
  question: string;
}

/** What the outbox carries to the asker: the new answer as plain text with its sources. */
export interface AnswerReadyPayload {
  question: string;
  text: string;
  notes: string[];
  citations: Array<Pick<Citation, 'n' | 'title' | 'heading'> & { url?: string; page?: number }>;
}

export interface GapStore {
  recordGap(input: { groupKey: string; question: string; coverage: GapCoverage; now: string }): Promise<void>;
  topGaps(limit: number): Promise<GapGroup[]>;
  gapExamples(gapId: number, limit: number): Promise<{ group: GapGroup; examples: Array<{ question: string; coverage: string; askedAt: string }> } | null>;

  offerWatch(input: { userId: number; chatId: number; locale: Locale; question: string; now: string; expiresAt: string }): Promise<number>;
  /** offered → waiting (only by the asker); false when the offer is gone or belongs to someone else. */
  confirmWatch(input: { id: number; userId: number; now: string; expiresAt: string }): Promise<boolean>;
  listWaiting(now: string): Promise<WaitingQuestion[]>;
  /** waiting → answered and the notification queued, atomically; false when it was no longer waiting. */
  markAnsweredAndNotify(input: { id: number; now: string; notifyAt: string; payload: AnswerReadyPayload }): Promise<boolean>;
  deleteExpiredWatches(now: string): Promise<number>;
  countWaiting(now: string): Promise<number>;
  /** /hapusdata: the user's watches and their undelivered notifications. */
  forgetWatchesOf(userId: number): Promise<number>;

  setFeedbackReason(input: { answerId: string; userId: number; reason: FeedbackReason }): Promise<boolean>;
  feedbackReasonCounts(): Promise<Record<FeedbackReason, number>>;
}

export const FEEDBACK_REASONS = ['wrong', 'outdated', 'incomplete', 'irrelevant'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/** The group of a question: its sorted key terms, or its folded text when it has none. */
export function gapGroupKey(question: string, terms: string[]): string {
  const t = [...new Set(terms.filter((x) => x.length > 1))].sort();
  if (t.length > 0) return `t:${t.join(' ')}`;
  return `q:${question.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim()}`;
}

/** Counts a refused or partial answer. `question` must already be redacted. */
export async function recordGap(store: GapStore, input: { question: string; terms: string[]; coverage: Coverage | null; now: Date }): Promise<boolean> {
  if (input.coverage !== 'none' && input.coverage !== 'partial') return false;
  const question = input.question.trim();
  if (!question) return false;
  await store.recordGap({ groupKey: gapGroupKey(question, input.terms), question: question.slice(0, 500), coverage: input.coverage, now: input.now.toISOString() });
  return true;
}

/** /celah: only maintainers see the gaps. */
export async function listGaps(store: GapStore, roles: MaintainerRoles, userId: number, limit = 10): Promise<GapGroup[] | null> {
  if (!isMaintainer(roles, userId)) return null;
  return store.topGaps(limit);
}

export async function offerWatch(store: GapStore, input: { userId: number; chatId: number; locale: Locale; question: string; now: Date }): Promise<number> {
  return store.offerWatch({ ...input, now: input.now.toISOString(), expiresAt: new Date(input.now.getTime() + OFFER_HOURS * 3600_000).toISOString() });
}

export async function confirmWatch(store: GapStore, input: { id: number; userId: number; now: Date }): Promise<boolean> {
  return store.confirmWatch({ ...input, now: input.now.toISOString(), expiresAt: new Date(input.now.getTime() + WATCH_DAYS * 86400_000).toISOString() });
}

/**
 * After a new index: ask every waiting question again; those with a full answer are marked answered and
 * their notification queued. Memoised per build id, so the upload report, /reindex and the hot-reload
 * watcher seeing the same build never re-ask (or notify) twice.
 */
export class WaitingQuestions {
  private readonly runs = new Map<string, Promise<number>>();

  constructor(private readonly deps: { store: GapStore; answers: AnswerService; now?: () => Date; onError?: (err: unknown) => void }) {}

  recheck(buildId: string): Promise<number> {
    let run = this.runs.get(buildId);
    if (!run) {
      run = this.run().catch((err: unknown) => {
        this.runs.delete(buildId);
        this.deps.onError?.(err);
        return 0;
      });
      this.runs.set(buildId, run);
      if (this.runs.size > 20) this.runs.delete(this.runs.keys().next().value as string);
    }
    return run;
  }

  private async run(): Promise<number> {
    const now = this.deps.now?.() ?? new Date();
    await this.deps.store.deleteExpiredWatches(now.toISOString());
    const waiting = await this.deps.store.listWaiting(now.toISOString());
    let answered = 0;
    for (const w of waiting) {
      const answer = await this.deps.answers.answer(w.question, { locale: w.locale });
      if (coverageOf(answer) !== 'full') continue;
      const payload: AnswerReadyPayload = {
        question: w.question,
        text: answer.text,
        notes: answer.notes,
        citations: answer.citations.map((c) => ({ n: c.n, title: c.title, heading: c.heading, ...(c.url ? { url: c.url } : {}), ...(c.page ? { page: c.page } : {}) })),
      };
      const notifyAt = new Date(now.getTime() + answered * NOTIFY_SPACING_MS).toISOString();
      if (await this.deps.store.markAnsweredAndNotify({ id: w.id, now: now.toISOString(), notifyAt, payload })) answered++;
    }
    return answered;
  }
}

/**
 * Polls for a new published index (e.g. `npm run reindex` in another process), hot-swaps it, and runs
 * `onNewBuild` once per build — including builds this process made itself (upload, /reindex).
 */
export function watchIndex(kb: { reload(): boolean; manifest: { buildId: string } }, onNewBuild: (buildId: string) => void, intervalMs = 3000): { stop(): void } {
  let seen = kb.manifest.buildId;
  const timer = setInterval(() => {
    try {
      kb.reload();
    } catch {
      return; // a half-written build is retried on the next tick
    }
    const id = kb.manifest.buildId;
    if (id !== seen) {
      seen = id;
      onNewBuild(id);
    }
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
