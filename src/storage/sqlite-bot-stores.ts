import type { GapCoverage } from '../answering/coverage.js';
import type Database from 'better-sqlite3';
import type { Locale } from '../locale.js';
import type { AdminPrompt, AnswerCoverage, AnswerFeedback, BotStores, FeedbackCounts, UnansweredQuestion, Vote } from '../bot/stores.js';
import { redactPii } from '../pii.js';
import { migrate } from './migrations.js';

const DEFAULT_PROMPT_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Folds a question to the key under which repeats are counted: lower case, punctuation dropped,
 * whitespace collapsed. "Apa itu SPBE?" and "apa itu  spbe" are the same question.
 */
export function unansweredKey(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The bot's small stores over the same SQLite file as the enrolment store. */
export class SqliteBotStores implements BotStores {
  private readonly sql;

  constructor(private readonly db: Database.Database) {
    migrate(db);
    this.sql = prepareStatements(db);
  }

  async getLocale(userId: number): Promise<Locale | null> {
    return (this.sql.getLocale.get(userId) as { locale: Locale } | undefined)?.locale ?? null;
  }

  async setLocale(userId: number, locale: Locale): Promise<void> {
    this.sql.upsertLocale.run({ userId, locale, now: new Date().toISOString() });
  }

  async recordFeedback(input: {
    answerId: string;
    userId: number;
    vote: Vote;
    question?: string | null;
    coverage?: AnswerCoverage;
    now?: Date;
  }): Promise<FeedbackCounts> {
    const now = (input.now ?? new Date()).toISOString();
    return this.db.transaction(() => {
      this.sql.rememberAnswer.run({ answerId: input.answerId, question: input.question ?? null, coverage: input.coverage ?? 'full', now });
      this.sql.upsertVote.run({ answerId: input.answerId, userId: input.userId, vote: input.vote === 'up' ? 1 : -1, now });
      return this.counts(input.answerId);
    }).immediate();
  }

  async feedbackCounts(answerId: string): Promise<FeedbackCounts> {
    return this.counts(answerId);
  }

  async worstRatedAnswers(limit: number): Promise<AnswerFeedback[]> {
    return this.sql.worstRatedAnswers.all(limit) as AnswerFeedback[];
  }

  async logUnanswered(question: string, now: Date = new Date(), askedBy?: number, coverage: GapCoverage = 'none'): Promise<number> {
    const clean = redactPii(question.trim()).slice(0, 500);
    const key = unansweredKey(clean);
    if (key === '') return 0;
    return this.db.transaction(() => {
      const row = this.sql.countUnanswered.get({ key, question: clean, coverage, now: now.toISOString() }) as { count: number };
      if (askedBy !== undefined) this.sql.rememberAsker.run({ key, userId: askedBy });
      return row.count;
    }).immediate();
  }

  async topUnanswered(n: number): Promise<UnansweredQuestion[]> {
    return this.sql.topUnanswered.all(n) as UnansweredQuestion[];
  }

  async setLastSources(chatId: number, sources: unknown, now: Date = new Date()): Promise<void> {
    this.sql.upsertLastSources.run({ chatId, data: JSON.stringify(sources ?? null), now: now.toISOString() });
  }

  async getLastSources<T = unknown>(chatId: number): Promise<T | null> {
    const row = this.sql.getLastSources.get(chatId) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as T) : null;
  }

  async setAdminPrompt(
    adminId: number,
    prompt: { requestId: number; action: AdminPrompt['action']; chatId?: number; messageId?: number },
    now: Date = new Date(),
  ): Promise<void> {
    this.sql.upsertAdminPrompt.run({
      adminId,
      requestId: prompt.requestId,
      action: prompt.action,
      chatId: prompt.chatId ?? null,
      messageId: prompt.messageId ?? null,
      now: now.toISOString(),
    });
  }

  async attachAdminPromptMessage(adminId: number, requestId: number, messageId: number): Promise<void> {
    this.sql.attachPromptMessage.run({ adminId, requestId, messageId });
  }

  async takeAdminPrompt(
    adminId: number,
    options: { now?: Date; maxAgeMs?: number; chatId?: number; replyToMessageId?: number } = {},
  ): Promise<AdminPrompt | null> {
    const row = this.sql.takeAdminPrompt.get({ adminId, chatId: options.chatId ?? null, replyTo: options.replyToMessageId ?? null }) as AdminPrompt | undefined;
    if (!row) return null;
    const age = (options.now ?? new Date()).getTime() - Date.parse(row.createdAt);
    return age > (options.maxAgeMs ?? DEFAULT_PROMPT_MAX_AGE_MS) ? null : row;
  }

  async forgetUser(userId: number): Promise<void> {
    this.db.transaction(() => {
      this.sql.deleteLocale.run(userId);
      this.sql.deleteVotesOfUser.run(userId);
      this.sql.deleteAdminPrompt.run(userId);
      // A private chat has the user's id as chat id.
      this.sql.deleteLastSources.run(userId);
      for (const { key } of this.sql.questionsOfUser.all(userId) as Array<{ key: string }>) {
        this.sql.forgetAsker.run({ key, userId });
        const others = (this.sql.countAskers.get(key) as { n: number }).n;
        if (others === 0) this.sql.deleteUnanswered.run(key);
        else this.sql.decrementUnanswered.run(key);
      }
    }).immediate();
  }

  private counts(answerId: string): FeedbackCounts {
    return this.sql.voteCounts.get(answerId) as FeedbackCounts;
  }
}

function prepareStatements(db: Database.Database) {
  return {
    getLocale: db.prepare<[number]>(`SELECT locale FROM user_preferences WHERE user_id = ?`),
    upsertLocale: db.prepare(
      `INSERT INTO user_preferences (user_id, locale, updated_at) VALUES (@userId, @locale, @now)
       ON CONFLICT (user_id) DO UPDATE SET locale = excluded.locale, updated_at = excluded.updated_at`,
    ),
    deleteLocale: db.prepare<[number]>(`DELETE FROM user_preferences WHERE user_id = ?`),

    rememberAnswer: db.prepare(
      `INSERT INTO feedback_answers (answer_id, question, coverage, created_at) VALUES (@answerId, @question, @coverage, @now)
       ON CONFLICT (answer_id) DO UPDATE SET question = COALESCE(feedback_answers.question, excluded.question)`,
    ),
    upsertVote: db.prepare(
      `INSERT INTO feedback_votes (answer_id, user_id, vote, updated_at) VALUES (@answerId, @userId, @vote, @now)
       ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, updated_at = excluded.updated_at`,
    ),
    voteCounts: db.prepare<[string]>(
      `SELECT COALESCE(SUM(vote = 1), 0) AS up, COALESCE(SUM(vote = -1), 0) AS down
         FROM feedback_votes WHERE answer_id = ?`,
    ),
    worstRatedAnswers: db.prepare<[number]>(
      `SELECT a.answer_id AS answerId, a.question, a.coverage, a.created_at AS createdAt,
              COALESCE(SUM(v.vote = 1), 0) AS up, COALESCE(SUM(v.vote = -1), 0) AS down
         FROM feedback_answers a LEFT JOIN feedback_votes v ON v.answer_id = a.answer_id
        GROUP BY a.answer_id
        ORDER BY down DESC, a.created_at DESC
        LIMIT ?`,
    ),
    deleteVotesOfUser: db.prepare<[number]>(`DELETE FROM feedback_votes WHERE user_id = ?`),

    countUnanswered: db.prepare(
      `INSERT INTO unanswered_questions (question_key, question, count, coverage, first_seen, last_seen)
       VALUES (@key, @question, 1, @coverage, @now, @now)
       ON CONFLICT (question_key) DO UPDATE SET count = count + 1, question = excluded.question, coverage = excluded.coverage, last_seen = excluded.last_seen
       RETURNING count`,
    ),
    rememberAsker: db.prepare(`INSERT OR IGNORE INTO unanswered_askers (question_key, user_id) VALUES (@key, @userId)`),
    questionsOfUser: db.prepare<[number]>(`SELECT question_key AS key FROM unanswered_askers WHERE user_id = ?`),
    forgetAsker: db.prepare(`DELETE FROM unanswered_askers WHERE question_key = @key AND user_id = @userId`),
    countAskers: db.prepare<[string]>(`SELECT COUNT(*) AS n FROM unanswered_askers WHERE question_key = ?`),
    deleteUnanswered: db.prepare<[string]>(`DELETE FROM unanswered_questions WHERE question_key = ?`),
    decrementUnanswered: db.prepare<[string]>(`UPDATE unanswered_questions SET count = MAX(count - 1, 1) WHERE question_key = ?`),
    topUnanswered: db.prepare<[number]>(
      `SELECT question, count, coverage, first_seen AS firstSeen, last_seen AS lastSeen
         FROM unanswered_questions ORDER BY count DESC, last_seen DESC LIMIT ?`,
    ),

    upsertLastSources: db.prepare(
      `INSERT INTO last_sources (chat_id, data, updated_at) VALUES (@chatId, @data, @now)
       ON CONFLICT (chat_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    ),
    getLastSources: db.prepare<[number]>(`SELECT data FROM last_sources WHERE chat_id = ?`),
    deleteLastSources: db.prepare<[number]>(`DELETE FROM last_sources WHERE chat_id = ?`),

    upsertAdminPrompt: db.prepare(
      `INSERT INTO admin_prompts (admin_id, request_id, action, created_at, chat_id, message_id)
       VALUES (@adminId, @requestId, @action, @now, @chatId, @messageId)
       ON CONFLICT (admin_id) DO UPDATE SET request_id = excluded.request_id, action = excluded.action,
                                            created_at = excluded.created_at, chat_id = excluded.chat_id,
                                            message_id = excluded.message_id`,
    ),
    // The prompt answers only in its own chat, and in a group only as a reply to the prompt message.
    takeAdminPrompt: db.prepare(
      `DELETE FROM admin_prompts
        WHERE admin_id = @adminId
          AND (chat_id IS NULL OR @chatId IS NULL OR chat_id = @chatId)
          AND (message_id IS NULL OR @replyTo IS NULL OR message_id = @replyTo)
        RETURNING request_id AS requestId, action, created_at AS createdAt`,
    ),
    attachPromptMessage: db.prepare(`UPDATE admin_prompts SET message_id = @messageId WHERE admin_id = @adminId AND request_id = @requestId`),
    deleteAdminPrompt: db.prepare<[number]>(`DELETE FROM admin_prompts WHERE admin_id = ?`),
  };
}
