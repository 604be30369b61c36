import type { GapCoverage } from '../answering/coverage.js';
import type { Locale } from '../locale.js';
import type Database from 'better-sqlite3';
import type { AnswerReadyPayload, FeedbackReason, GapGroup, GapStore, WaitingQuestion } from '../answering/knowledge-gaps.js';
import { FEEDBACK_REASONS } from '../answering/knowledge-gaps.js';
import type { DocumentRegistryStore, KnowledgeAuditEntry, NewUploadedDocument, UploadAction, UploadedDocument } from '../knowledge/maintenance/store.js';
import { migrate } from './migrations.js';

/** Examples kept per knowledge gap (the newest). */
const EXAMPLES_PER_GAP = 5;

/**
 * Document registry, knowledge audit, upload actions, knowledge gaps, answer watches and 👎 reasons over the
 * bot's SQLite file (migration 5). The "answered + notify" step writes the outbox row of the enrolment
 * outbox in the same transaction, so the existing dispatcher delivers it durably.
 */
export class SqliteKnowledgeStores implements DocumentRegistryStore, GapStore {
  private readonly sql;

  constructor(private readonly db: Database.Database) {
    migrate(db);
    this.sql = prepare(db);
  }

  // Documents ----------------------------------------------------------------------------------------------
  async listUploadedDocuments(): Promise<UploadedDocument[]> {
    return this.sql.listDocs.all() as UploadedDocument[];
  }

  async getUploadedDocument(idOrFile: number | string): Promise<UploadedDocument | null> {
    const row = typeof idOrFile === 'number' ? this.sql.docById.get(idOrFile) : this.sql.docByFile.get(idOrFile);
    return (row as UploadedDocument | undefined) ?? null;
  }

  async findUploadedByIdentity(identityKey: string): Promise<UploadedDocument[]> {
    return this.sql.docsByIdentity.all(identityKey) as UploadedDocument[];
  }

  async saveUploadedDocument(doc: NewUploadedDocument, audit: Omit<KnowledgeAuditEntry, 'id'>): Promise<UploadedDocument> {
    return this.db.transaction(() => {
      this.sql.upsertDoc.run(doc);
      this.audit(audit);
      return this.sql.docByFile.get(doc.file) as UploadedDocument;
    }).immediate();
  }

  async deleteUploadedDocuments(files: string[], audit: Omit<KnowledgeAuditEntry, 'id'>): Promise<void> {
    this.db.transaction(() => {
      for (const f of files) this.sql.deleteDoc.run(f);
      this.audit(audit);
    }).immediate();
  }

  async restoreUploadedDocuments(docs: NewUploadedDocument[], audit: Omit<KnowledgeAuditEntry, 'id'>): Promise<void> {
    this.db.transaction(() => {
      for (const d of docs) this.sql.upsertDoc.run(d);
      this.audit(audit);
    }).immediate();
  }

  async appendKnowledgeAudit(entry: Omit<KnowledgeAuditEntry, 'id'>): Promise<void> {
    this.audit(entry);
  }

  async listKnowledgeAudit(limit = 100): Promise<KnowledgeAuditEntry[]> {
    return (this.sql.listAudit.all(limit) as Array<KnowledgeAuditEntry & { detail: string }>).map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }

  async saveUploadAction(action: UploadAction): Promise<void> {
    this.sql.insertAction.run({ ...action, data: JSON.stringify(action.data) });
  }

  async takeUploadAction(token: string, kind: UploadAction['kind']): Promise<UploadAction | null> {
    const row = this.sql.takeAction.get(token, kind) as (Omit<UploadAction, 'data'> & { data: string }) | undefined;
    return row ? { ...row, data: JSON.parse(row.data) as Record<string, unknown> } : null;
  }

  async takeUploadActionsBefore(before: string): Promise<UploadAction[]> {
    return (this.sql.takeActionsBefore.all(before) as Array<Omit<UploadAction, 'data'> & { data: string }>).map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
  }

  private audit(entry: Omit<KnowledgeAuditEntry, 'id'>): void {
    this.sql.insertAudit.run({ ...entry, detail: JSON.stringify(entry.detail ?? {}) });
  }

  // Gaps ---------------------------------------------------------------------------------------------------
  async recordGap(input: { groupKey: string; question: string; coverage: GapCoverage; now: string }): Promise<void> {
    this.db.transaction(() => {
      const { id } = this.sql.upsertGap.get({ ...input, partial: input.coverage === 'partial' ? 1 : 0 }) as { id: number };
      this.sql.insertExample.run({ gapId: id, question: input.question, coverage: input.coverage, now: input.now });
      this.sql.trimExamples.run({ gapId: id, keep: EXAMPLES_PER_GAP });
    }).immediate();
  }

  async topGaps(limit: number): Promise<GapGroup[]> {
    return this.sql.topGaps.all(limit) as GapGroup[];
  }

  async gapExamples(gapId: number, limit: number) {
    const group = this.sql.gapById.get(gapId) as GapGroup | undefined;
    if (!group) return null;
    const examples = this.sql.examples.all(gapId, limit) as Array<{ question: string; coverage: string; askedAt: string }>;
    return { group, examples };
  }

  // Watches ------------------------------------------------------------------------------------------------
  async offerWatch(input: { userId: number; chatId: number; locale: Locale; question: string; now: string; expiresAt: string }): Promise<number> {
    return Number(this.sql.insertWatch.run(input).lastInsertRowid);
  }

  async confirmWatch(input: { id: number; userId: number; now: string; expiresAt: string }): Promise<boolean> {
    return this.sql.confirmWatch.run(input).changes === 1;
  }

  async listWaiting(now: string): Promise<WaitingQuestion[]> {
    return this.sql.listWaiting.all(now) as WaitingQuestion[];
  }

  async markAnsweredAndNotify(input: { id: number; now: string; notifyAt: string; payload: AnswerReadyPayload }): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.sql.markAnswered.get({ id: input.id, now: input.now }) as { chatId: number; locale: string } | undefined;
      if (!row) return false;
      this.sql.enqueueAnswerReady.run({ chatId: row.chatId, locale: row.locale, payload: JSON.stringify({ ...input.payload, watchId: input.id }), notifyAt: input.notifyAt, now: input.now });
      return true;
    }).immediate();
  }

  async deleteExpiredWatches(now: string): Promise<number> {
    return this.sql.deleteExpired.run(now).changes;
  }

  async countWaiting(now: string): Promise<number> {
    return (this.sql.countWaiting.get(now) as { n: number }).n;
  }

  async forgetWatchesOf(userId: number): Promise<number> {
    return this.db.transaction(() => {
      const n = this.sql.deleteWatchesOf.run(userId).changes;
      // A private chat has the user's id: undelivered "your answer is ready" messages go, their text included.
      this.sql.dropAnswerReady.run({ chatId: userId, now: new Date().toISOString() });
      return n;
    }).immediate();
  }

  // 👎 reasons ---------------------------------------------------------------------------------------------
  async setFeedbackReason(input: { answerId: string; userId: number; reason: FeedbackReason }): Promise<boolean> {
    return this.sql.setReason.run(input).changes === 1;
  }

  async feedbackReasonCounts(): Promise<Record<FeedbackReason, number>> {
    const counts = Object.fromEntries(FEEDBACK_REASONS.map((r) => [r, 0])) as Record<FeedbackReason, number>;
    for (const r of this.sql.reasonCounts.all() as Array<{ reason: FeedbackReason; n: number }>) counts[r.reason] = r.n;
    return counts;
  }
}

const DOC_COLUMNS = `id, file, title, identity_key AS identityKey, uploaded_by AS uploadedBy, uploaded_by_name AS uploadedByName,
  uploaded_at AS uploadedAt, size, sha256`;
const GAP_COLUMNS = `id, example, count, partial_count AS partialCount, first_seen AS firstSeen, last_seen AS lastSeen`;

function prepare(db: Database.Database) {
  return {
    listDocs: db.prepare(`SELECT ${DOC_COLUMNS} FROM knowledge_documents ORDER BY uploaded_at DESC, id DESC`),
    docById: db.prepare<[number]>(`SELECT ${DOC_COLUMNS} FROM knowledge_documents WHERE id = ?`),
    docByFile: db.prepare<[string]>(`SELECT ${DOC_COLUMNS} FROM knowledge_documents WHERE file = ?`),
    docsByIdentity: db.prepare<[string]>(`SELECT ${DOC_COLUMNS} FROM knowledge_documents WHERE identity_key = ?`),
    upsertDoc: db.prepare(
      `INSERT INTO knowledge_documents (file, title, identity_key, uploaded_by, uploaded_by_name, uploaded_at, size, sha256)
       VALUES (@file, @title, @identityKey, @uploadedBy, @uploadedByName, @uploadedAt, @size, @sha256)
       ON CONFLICT (file) DO UPDATE SET title = excluded.title, identity_key = excluded.identity_key, uploaded_by = excluded.uploaded_by,
         uploaded_by_name = excluded.uploaded_by_name, uploaded_at = excluded.uploaded_at, size = excluded.size, sha256 = excluded.sha256`,
    ),
    deleteDoc: db.prepare<[string]>(`DELETE FROM knowledge_documents WHERE file = ?`),
    insertAudit: db.prepare(
      `INSERT INTO knowledge_audit (action, file, actor_id, actor_name, detail, created_at) VALUES (@action, @file, @actorId, @actorName, @detail, @createdAt)`,
    ),
    listAudit: db.prepare<[number]>(
      `SELECT id, action, file, actor_id AS actorId, actor_name AS actorName, detail, created_at AS createdAt FROM knowledge_audit ORDER BY id DESC LIMIT ?`,
    ),
    insertAction: db.prepare(`INSERT INTO upload_actions (token, kind, actor_id, data, created_at) VALUES (@token, @kind, @actorId, @data, @createdAt)`),
    takeAction: db.prepare<[string, string]>(
      `DELETE FROM upload_actions WHERE token = ? AND kind = ? RETURNING token, kind, actor_id AS actorId, data, created_at AS createdAt`,
    ),
    takeActionsBefore: db.prepare<[string]>(
      `DELETE FROM upload_actions WHERE created_at < ? RETURNING token, kind, actor_id AS actorId, data, created_at AS createdAt`,
    ),

    upsertGap: db.prepare(
      `INSERT INTO knowledge_gaps (group_key, example, count, partial_count, first_seen, last_seen)
       VALUES (@groupKey, @question, 1, @partial, @now, @now)
       ON CONFLICT (group_key) DO UPDATE SET count = count + 1, partial_count = partial_count + excluded.partial_count,
         example = excluded.example, last_seen = excluded.last_seen
       RETURNING id`,
    ),
    insertExample: db.prepare(`INSERT INTO knowledge_gap_examples (gap_id, question, coverage, asked_at) VALUES (@gapId, @question, @coverage, @now)`),
    trimExamples: db.prepare(
      `DELETE FROM knowledge_gap_examples WHERE gap_id = @gapId AND id NOT IN
         (SELECT id FROM knowledge_gap_examples WHERE gap_id = @gapId ORDER BY id DESC LIMIT @keep)`,
    ),
    topGaps: db.prepare<[number]>(`SELECT ${GAP_COLUMNS} FROM knowledge_gaps ORDER BY count DESC, last_seen DESC LIMIT ?`),
    gapById: db.prepare<[number]>(`SELECT ${GAP_COLUMNS} FROM knowledge_gaps WHERE id = ?`),
    examples: db.prepare<[number, number]>(
      `SELECT question, coverage, asked_at AS askedAt FROM knowledge_gap_examples WHERE gap_id = ? ORDER BY id DESC LIMIT ?`,
    ),

    insertWatch: db.prepare(
      `INSERT INTO answer_watches (user_id, chat_id, locale, question, status, created_at, expires_at)
       VALUES (@userId, @chatId, @locale, @question, 'offered', @now, @expiresAt)`,
    ),
    confirmWatch: db.prepare(
      `UPDATE answer_watches SET status = 'waiting', expires_at = @expiresAt
        WHERE id = @id AND user_id = @userId AND status IN ('offered', 'waiting') AND expires_at > @now`,
    ),
    listWaiting: db.prepare<[string]>(
      `SELECT id, user_id AS userId, chat_id AS chatId, locale, question FROM answer_watches
        WHERE status = 'waiting' AND expires_at > ? ORDER BY id`,
    ),
    markAnswered: db.prepare(
      `UPDATE answer_watches SET status = 'answered', answered_at = @now WHERE id = @id AND status = 'waiting'
       RETURNING chat_id AS chatId, locale`,
    ),
    enqueueAnswerReady: db.prepare(
      `INSERT INTO outbox (kind, chat_id, request_id, locale, payload, status, attempts, next_attempt_at, created_at, updated_at)
       VALUES ('answer_ready', @chatId, NULL, @locale, @payload, 'pending', 0, @notifyAt, @now, @now)`,
    ),
    // Answered watches are kept only as long as a waiting one would have been (no one needs them after).
    deleteExpired: db.prepare<[string]>(`DELETE FROM answer_watches WHERE expires_at <= ?`),
    countWaiting: db.prepare<[string]>(`SELECT COUNT(*) AS n FROM answer_watches WHERE status = 'waiting' AND expires_at > ?`),
    deleteWatchesOf: db.prepare<[number]>(`DELETE FROM answer_watches WHERE user_id = ?`),
    dropAnswerReady: db.prepare(
      `UPDATE outbox SET status = 'dropped', payload = '{}', lease_owner = NULL, lease_until = NULL, updated_at = @now
        WHERE kind = 'answer_ready' AND chat_id = @chatId AND status IN ('pending', 'sending')`,
    ),

    setReason: db.prepare(
      `UPDATE feedback_votes SET reason = @reason WHERE answer_id = @answerId AND user_id = @userId AND vote = -1`,
    ),
    reasonCounts: db.prepare(`SELECT reason, COUNT(*) AS n FROM feedback_votes WHERE vote = -1 AND reason IS NOT NULL GROUP BY reason`),
  };
}
