import type { AnsweredCoverage, GapCoverage } from '../answering/coverage.js';
import type { Locale } from '../locale.js';

/*
 * Small persistence ports the bot layer needs besides enrolment. Interfaces only (no grammy types), so the
 * bot depends on these and `sqlite-bot-stores.ts` (or a future PostgreSQL version) provides them.
 */

/** The language a user picked with /bahasa; `null` until they pick one (the bot then guesses). */
export interface PreferenceStore {
  getLocale(userId: number): Promise<Locale | null>;
  setLocale(userId: number, locale: Locale): Promise<void>;
}

export type Vote = 'up' | 'down';

export interface FeedbackCounts {
  up: number;
  down: number;
}

/** How completely an answer covered its question: partial answers are counted apart from full ones. */
export type AnswerCoverage = AnsweredCoverage;

export interface AnswerFeedback extends FeedbackCounts {
  answerId: string;
  question: string | null;
  coverage: AnswerCoverage;
  createdAt: string;
}

/** 👍/👎 under each answer: one vote per user per answer (pressing again changes it). */
export interface FeedbackStore {
  /**
   * Records a vote. `question` (already redacted by the caller) is kept once per answer so maintainers can
   * see which questions got poor answers. Returns the counts after the vote, to update the buttons.
   */
  recordFeedback(input: { answerId: string; userId: number; vote: Vote; question?: string | null; coverage?: AnswerCoverage; now?: Date }): Promise<FeedbackCounts>;
  feedbackCounts(answerId: string): Promise<FeedbackCounts>;
  /** Answers with the most 👎 first (ties: most recent), for content review. */
  worstRatedAnswers(limit: number): Promise<AnswerFeedback[]>;
}

export interface UnansweredQuestion {
  question: string;
  count: number;
  /** `partial`: answered only with a labelled nearby fact (the last time it was asked). */
  coverage: GapCoverage;
  firstSeen: string;
  lastSeen: string;
}

/** Questions the bot could not answer: what content is missing. */
export interface UnansweredStore {
  /**
   * Counts one more occurrence. Personal data (NIP, NIK, phone, e-mail, "nama saya …") is redacted here too,
   * whatever the caller did. Questions equal after case/space/punctuation folding are counted together.
   * `askedBy` remembers who asked, so `forgetUser` can remove their questions. Returns the new count.
   */
  logUnanswered(question: string, now?: Date, askedBy?: number, coverage?: GapCoverage): Promise<number>;
  /** Most frequent first, then most recent. */
  topUnanswered(n: number): Promise<UnansweredQuestion[]>;
}

/** The sources of the last answer in each chat, for /sumber. Stored as an opaque JSON value. */
export interface AnswerSourcesStore {
  setLastSources(chatId: number, sources: unknown, now?: Date): Promise<void>;
  getLastSources<T = unknown>(chatId: number): Promise<T | null>;
}

export interface AdminPrompt {
  requestId: number;
  action: 'reject' | 'needs_info';
  createdAt: string;
}

/**
 * "Type the reason" state of an admin after pressing Reject / Ask for info on a card: the next text message
 * of that admin is the reason. One pending prompt per admin; a new one replaces the old.
 */
export interface AdminPromptStore {
  /**
   * `chatId` is where the prompt was asked: only a text in that chat answers it (in a group, only a reply to
   * the prompt message `messageId`), so an unrelated message elsewhere never becomes a rejection reason.
   */
  setAdminPrompt(
    adminId: number,
    prompt: { requestId: number; action: AdminPrompt['action']; chatId?: number; messageId?: number },
    now?: Date,
  ): Promise<void>;
  /**
   * Binds a stored prompt to the prompt message once it was sent (the prompt is stored *before* sending, so
   * a crash in between cannot turn the admin's reason into a question). No-op if the prompt is gone.
   */
  attachAdminPromptMessage(adminId: number, requestId: number, messageId: number): Promise<void>;
  /**
   * Returns and removes the admin's prompt (atomically, so a reason is used once). Prompts older than
   * `maxAgeMs` (default 1 hour) are discarded and `null` is returned: a stale prompt would otherwise turn an
   * unrelated message into a rejection reason.
   */
  takeAdminPrompt(adminId: number, options?: { now?: Date; maxAgeMs?: number; chatId?: number; replyToMessageId?: number }): Promise<AdminPrompt | null>;
}

/** Everything above, plus erasure of what these stores hold about one user (UU PDP). */
export interface BotStores
  extends PreferenceStore,
    FeedbackStore,
    UnansweredStore,
    AnswerSourcesStore,
    AdminPromptStore {
  /**
   * Deletes the user's language preference, votes (counts drop accordingly), admin prompt, the
   * last-sources entry of their private chat and the unanswered questions only they asked (a question
   * others asked too loses this user's count). Call it together with the enrolment `deleteUserData`.
   */
  forgetUser(userId: number): Promise<void>;
}
