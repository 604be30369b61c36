import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  Anonymisation,
  ClaimCommand,
  Effects,
  EnrolmentStore,
  EraseCommand,
  EraseOutcome,
  OutboxSettlement,
  RequestFilter,
  RetentionCommand,
  SubmitCommand,
  SubmitOutcome,
  TransitionCommand,
  TransitionOutcome,
} from '../enrolment/enrolment-store.js';
import type {
  AdminMessageRef,
  AuditEntry,
  CardRef,
  EnrolmentRequest,
  OutboxMessage,
  OutboxStatus,
  RequestStatus,
} from '../enrolment/types.js';
import { canCancel, DECIDED_STATUSES, sqlStatusList } from '../enrolment/status-rules.js';
import { ACTIVE_STATUSES, BLOCKING_STATUSES } from '../enrolment/types.js';
import type { EnrolmentDraft } from '../enrolment/wizard.js';
import { migrate } from './migrations.js';
import {
  toAuditEntry,
  toCardRef,
  toOutboxMessage,
  toRequest,
  type AuditRow,
  type CardRow,
  type OutboxRow,
  type RequestRow,
} from './sqlite-rows.js';

const json = (value: unknown): string => JSON.stringify(value);
/** Messages addressed to the applicant; dropped if still unsent when the applicant's data is erased. */
const APPLICANT_KINDS = ['submitted_ack', 'decision_notice'];

/**
 * `EnrolmentStore` over better-sqlite3.
 *
 * Every state change runs in a `BEGIN IMMEDIATE` transaction: it takes the write lock up front, so two
 * processes racing on the same request queue behind `busy_timeout` instead of failing with
 * SQLITE_BUSY_SNAPSHOT on the upgrade from read to write. Decisions are compare-and-set
 * (`UPDATE … WHERE id = ? AND status IN (…)`), so the loser of a race sees zero changed rows.
 *
 * The methods are synchronous underneath and wrapped in promises to fit the async port.
 */
export class SqliteEnrolmentStore implements EnrolmentStore {
  private readonly sql;

  constructor(private readonly db: Database.Database) {
    migrate(db);
    this.sql = prepareStatements(db);
  }

  // Requests ---------------------------------------------------------------------------------------------

  async submitRequest(command: SubmitCommand): Promise<SubmitOutcome> {
    const submitAtomically = this.db.transaction((): SubmitOutcome => {
      const { submission: s, now } = command;
      const existing = this.sql.findActiveRequestForNip.get(s.nip, s.programmeId);
      if (existing) return { ok: false, code: 'duplicate', existing };

      const row = this.sql.insertPendingRequest.get({
        programmeId: s.programmeId,
        applicantId: s.applicantId,
        applicantChatId: s.applicantChatId,
        locale: s.locale,
        fullName: s.fullName,
        nip: s.nip,
        instansi: s.instansi,
        jabatan: s.jabatan,
        level: s.level,
        email: s.email,
        phone: s.phone,
        motivation: s.motivation,
        now,
      }) as RequestRow;
      const request = toRequest(row);
      this.writeEffects(command.effects(request), now);
      this.sql.deleteDraft.run(s.applicantId);
      return { ok: true, request };
    });
    try {
      return submitAtomically.immediate();
    } catch (error) {
      // Only reachable if someone writes without this store; the partial unique index still holds the line.
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        const existing = this.sql.findActiveRequestForNip.get(command.submission.nip, command.submission.programmeId);
        if (existing) return { ok: false, code: 'duplicate', existing };
      }
      throw error;
    }
  }

  async transitionRequest(command: TransitionCommand): Promise<TransitionOutcome> {
    const transitionAtomically = this.db.transaction((): TransitionOutcome => {
      const { patch } = command;
      const updated = this.sql.compareAndSetStatus.get({
        id: command.requestId,
        expected: json(command.expected),
        applicantId: command.applicantId ?? null,
        status: patch.status,
        now: command.now,
        setDecidedBy: patch.decidedBy === undefined ? 0 : 1,
        decidedBy: patch.decidedBy ?? null,
        setDecidedByName: patch.decidedByName === undefined ? 0 : 1,
        decidedByName: patch.decidedByName ?? null,
        setDecidedAt: patch.decidedAt === undefined ? 0 : 1,
        decidedAt: patch.decidedAt ?? null,
        setReason: patch.reason === undefined ? 0 : 1,
        reason: patch.reason ?? null,
      }) as RequestRow | undefined;

      if (!updated) {
        const current = this.sql.getRequest.get(command.requestId) as RequestRow | undefined;
        const visible = current && (command.applicantId === undefined || current.applicant_id === command.applicantId);
        return visible ? { ok: false, code: 'status_mismatch', current: toRequest(current) } : { ok: false, code: 'not_found' };
      }
      const request = toRequest(updated);
      this.writeEffects(command.effects(request, this.cardsOf(request.id)), command.now);
      return { ok: true, request };
    });
    return transitionAtomically.immediate();
  }

  async eraseApplicantData(command: EraseCommand): Promise<EraseOutcome> {
    const eraseAtomically = this.db.transaction((): EraseOutcome => {
      const { userId, now, anonymisation } = command;
      const requests = (this.sql.listLiveRequestsOfApplicant.all(userId) as RequestRow[]).map(toRequest);

      const cancelledIds = requests
        .filter((request) => canCancel(request.status))
        .filter((request) => this.sql.cancelActiveRequest.run({ id: request.id, now }).changes === 1)
        .map((request) => request.id);

      const outboxDropped = this.anonymiseRequests(requests, anonymisation, now);
      const draftsDeleted = this.sql.deleteDraft.run(userId).changes;

      const cancelled = cancelledIds.map((id) => ({
        request: toRequest(this.sql.getRequest.get(id) as RequestRow),
        cards: this.cardsOf(id),
      }));
      const adminMessages = requests.flatMap((request) => this.adminMessagesOf(request.id));
      this.writeEffects(
        command.effects({
          cancelled,
          anonymisedRequestIds: requests.map((request) => request.id),
          anonymisedCards: requests.flatMap((request) => this.cardsOf(request.id)),
          adminMessages,
          replacementId: anonymisation.replacementId(userId),
        }),
        now,
      );
      for (const request of requests) this.sql.forgetAdminMessages.run(request.id);
      return { draftsDeleted, requestsCancelled: cancelled.length, requestsAnonymised: requests.length, outboxDropped };
    });
    const outcome = eraseAtomically.immediate();
    this.checkpointAfterErasure();
    return outcome;
  }

  async anonymiseDecidedRequests(command: RetentionCommand): Promise<number> {
    const anonymiseAtomically = this.db.transaction((): number => {
      const requests = (
        this.sql.listRequestsDecidedBefore.all({ before: command.decidedBefore, decided: json(DECIDED_STATUSES) }) as RequestRow[]
      ).map(toRequest);
      this.anonymiseRequests(requests, command.anonymisation, command.now);
      this.writeEffects(
        command.effects(
          requests.map((request) => request.id),
          requests.flatMap((request) => this.cardsOf(request.id)),
          requests.flatMap((request) => this.adminMessagesOf(request.id)),
        ),
        command.now,
      );
      for (const request of requests) this.sql.forgetAdminMessages.run(request.id);
      return requests.length;
    });
    const count = anonymiseAtomically.immediate();
    if (count > 0) this.checkpointAfterErasure();
    return count;
  }

  async getRequest(id: number): Promise<EnrolmentRequest | null> {
    const row = this.sql.getRequest.get(id) as RequestRow | undefined;
    return row ? toRequest(row) : null;
  }

  async listRequestsOfApplicant(applicantId: number): Promise<EnrolmentRequest[]> {
    return (this.sql.listLiveRequestsOfApplicant.all(applicantId) as RequestRow[]).map(toRequest);
  }

  async findLatestRequestOfApplicant(
    applicantId: number,
    statuses: readonly RequestStatus[],
  ): Promise<EnrolmentRequest | null> {
    const row = this.sql.findLatestRequestOfApplicant.get({ applicantId, statuses: json(statuses) }) as RequestRow | undefined;
    return row ? toRequest(row) : null;
  }

  async listQueue(page: { offset: number; limit: number }): Promise<{ items: EnrolmentRequest[]; total: number }> {
    // One read transaction so the page and the total come from the same snapshot.
    return this.db.transaction(() => ({
      items: (this.sql.listQueuePage.all({ limit: page.limit, offset: page.offset }) as RequestRow[]).map(toRequest),
      total: (this.sql.countQueue.get() as { total: number }).total,
    }))();
  }

  async listRequests(filter: RequestFilter): Promise<EnrolmentRequest[]> {
    const rows = this.sql.listRequestsMatching.all({
      statuses: filter.status ? json(filter.status) : null,
      programmeId: filter.programmeId ?? null,
      from: filter.createdFrom ?? null,
      to: filter.createdTo ?? null,
    }) as RequestRow[];
    return rows.map(toRequest);
  }

  async countRequestsByProgrammeAndStatus(): Promise<Array<{ programmeId: string; status: RequestStatus; count: number }>> {
    return this.sql.countByProgrammeAndStatus.all() as Array<{ programmeId: string; status: RequestStatus; count: number }>;
  }

  async listAuditEntries(filter: { requestId?: number } = {}): Promise<AuditEntry[]> {
    return (this.sql.listAudit.all({ requestId: filter.requestId ?? null }) as AuditRow[]).map(toAuditEntry);
  }

  async listAdminCards(requestId: number): Promise<CardRef[]> {
    return this.cardsOf(requestId);
  }

  async recordAdminMessage(ref: AdminMessageRef, now: string): Promise<void> {
    this.sql.recordAdminMessage.run({ ...ref, now });
  }

  async listAdminMessages(requestId: number): Promise<AdminMessageRef[]> {
    return this.adminMessagesOf(requestId);
  }

  async cardFingerprint(chatId: number, messageId: number): Promise<string | null> {
    return (this.sql.getCardFingerprint.get(chatId, messageId) as { fp: string | null } | undefined)?.fp ?? null;
  }

  async setCardFingerprint(chatId: number, messageId: number, fingerprint: string | null): Promise<void> {
    this.sql.setCardFingerprint.run({ chatId, messageId, fingerprint });
  }

  // Drafts -----------------------------------------------------------------------------------------------

  async getDraft(userId: number): Promise<EnrolmentDraft | null> {
    const row = this.sql.getDraft.get(userId) as { data: string } | undefined;
    if (!row) return null;
    const draft = JSON.parse(row.data) as EnrolmentDraft;
    // A draft written by an older, incompatible wizard is dropped rather than misread.
    return draft.version === 1 ? draft : null;
  }

  async saveDraft(draft: EnrolmentDraft): Promise<void> {
    this.sql.upsertDraft.run({ userId: draft.userId, chatId: draft.chatId, data: json(draft), updatedAt: draft.updatedAt });
  }

  async deleteDraft(userId: number): Promise<boolean> {
    return this.sql.deleteDraft.run(userId).changes > 0;
  }

  async deleteDraftsUpdatedBefore(before: string): Promise<number> {
    return this.sql.deleteDraftsUpdatedBefore.run(before).changes;
  }

  // Outbox -----------------------------------------------------------------------------------------------

  async claimOutbox(command: ClaimCommand): Promise<OutboxMessage[]> {
    const claim = this.db.transaction(() => this.sql.leaseDueOutbox.all(command) as OutboxRow[]);
    return claim
      .immediate()
      .map(toOutboxMessage)
      .sort((a, b) => a.id - b.id);
  }

  async settleOutbox(id: number, owner: string, settlement: OutboxSettlement): Promise<boolean> {
    const settle = this.db.transaction((): boolean => {
      const base = { id, owner, at: settlement.at };
      switch (settlement.status) {
        case 'sent': {
          const row = this.sql.markOutboxSent.get(base) as { kind: string; request_id: number | null } | undefined;
          if (!row) return false;
          if (settlement.card && row.kind === 'admin_card' && row.request_id !== null) {
            const { chatId, messageId, fingerprint } = settlement.card;
            this.sql.recordAdminCard.run({ requestId: row.request_id, chatId, messageId, fingerprint: fingerprint ?? null, at: settlement.at });
          }
          if (settlement.adminMessage && row.kind === 'info_forwarded' && row.request_id !== null) {
            this.sql.recordAdminMessage.run({ requestId: row.request_id, ...settlement.adminMessage, kind: 'info_forwarded', now: settlement.at });
          }
          return true;
        }
        case 'pending':
          return this.sql.rescheduleOutbox.run({ ...base, nextAttemptAt: settlement.nextAttemptAt, error: settlement.error }).changes === 1;
        default:
          return this.sql.finishOutbox.run({ ...base, status: settlement.status, error: settlement.error }).changes === 1;
      }
    });
    return settle.immediate();
  }

  async deleteFinishedOutboxBefore(before: string): Promise<number> {
    return this.sql.deleteFinishedOutboxBefore.run(before).changes;
  }

  async listOutboxLeaseOwners(): Promise<string[]> {
    return (this.sql.listLeaseOwners.all() as Array<{ owner: string }>).map((row) => row.owner);
  }

  async releaseOutboxLeases(command: { owners: readonly string[]; now: string }): Promise<number> {
    return this.sql.releaseLeases.run({ owners: json(command.owners), now: command.now }).changes;
  }

  async listOutbox(filter: { requestId?: number; status?: OutboxStatus } = {}): Promise<OutboxMessage[]> {
    const rows = this.sql.listOutbox.all({ requestId: filter.requestId ?? null, status: filter.status ?? null }) as OutboxRow[];
    return rows.map(toOutboxMessage);
  }

  // Configuration ----------------------------------------------------------------------------------------

  async anonymisationSalt(): Promise<string> {
    const existing = this.sql.getMeta.get('anonymisation_salt') as { value: string } | undefined;
    if (existing) return existing.value;
    // INSERT OR IGNORE + re-read: if two processes create it at once, both end up with the same salt.
    this.sql.insertMetaIfMissing.run('anonymisation_salt', randomBytes(32).toString('hex'));
    return (this.sql.getMeta.get('anonymisation_salt') as { value: string }).value;
  }

  // Internals (always called inside a transaction) -------------------------------------------------------

  private adminMessagesOf(requestId: number): AdminMessageRef[] {
    return this.sql.listAdminMessages.all(requestId) as AdminMessageRef[];
  }

  /**
   * The erased rows' old images are still in the write-ahead log: copy it into the database (where
   * secure_delete has zeroed them) and truncate it. A failure (a long reader) is retried at shutdown.
   */
  private checkpointAfterErasure(): void {
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Retried by the next erasure and at shutdown; never fail the erasure itself over it.
    }
  }

  private cardsOf(requestId: number): CardRef[] {
    return (this.sql.listAdminCards.all(requestId) as CardRow[]).map(toCardRef);
  }

  private writeEffects(effects: Effects, now: string): void {
    for (const entry of effects.audit) {
      this.sql.appendAudit.run({
        requestId: entry.requestId,
        action: entry.action,
        actorId: entry.actorId,
        actorName: entry.actorName,
        detail: json(entry.detail),
        createdAt: entry.createdAt,
      });
    }
    for (const message of effects.outbox) {
      this.sql.enqueueOutbox.run({
        kind: message.kind,
        chatId: message.chatId,
        requestId: message.requestId,
        locale: message.locale,
        payload: json(message.payload),
        now,
      });
    }
  }

  /** Overwrites personal data of `requests` and everything that still points at the person; returns dropped messages. */
  private anonymiseRequests(requests: readonly EnrolmentRequest[], anonymisation: Anonymisation, now: string): number {
    let dropped = 0;
    for (const request of requests) {
      const replacementId = anonymisation.replacementId(request.applicantId);
      this.sql.anonymiseRequest.run({ id: request.id, replacementId, placeholder: anonymisation.placeholder, now });
      this.sql.anonymiseApplicantAuditActor.run({ requestId: request.id, applicantId: request.applicantId, replacementId });
      this.sql.scrubForwardedInfo.run({ requestId: request.id, placeholder: anonymisation.placeholder, now });
      dropped += this.sql.dropUnsentApplicantMessages.run({ requestId: request.id, kinds: json(APPLICANT_KINDS), now }).changes;
    }
    return dropped;
  }
}

/** All SQL of the store, each statement named for what it does. */
function prepareStatements(db: Database.Database) {
  const ACTIVE = sqlStatusList(ACTIVE_STATUSES);
  const BLOCKING = sqlStatusList(BLOCKING_STATUSES);
  return {
    findActiveRequestForNip: db.prepare<[string, string], { id: number; status: RequestStatus }>(
      `SELECT id, status FROM requests
        WHERE nip = ? AND programme_id = ? AND status IN ${BLOCKING} AND anonymised = 0
        ORDER BY id LIMIT 1`,
    ),
    insertPendingRequest: db.prepare(
      `INSERT INTO requests (programme_id, applicant_id, applicant_chat_id, locale, full_name, nip, instansi, jabatan,
                             level, email, phone, motivation, status, created_at, updated_at)
       VALUES (@programmeId, @applicantId, @applicantChatId, @locale, @fullName, @nip, @instansi, @jabatan,
               @level, @email, @phone, @motivation, 'pending', @now, @now)
       RETURNING *`,
    ),
    compareAndSetStatus: db.prepare(
      `UPDATE requests
          SET status          = @status,
              updated_at      = @now,
              decided_by      = CASE WHEN @setDecidedBy = 1 THEN @decidedBy ELSE decided_by END,
              decided_by_name = CASE WHEN @setDecidedByName = 1 THEN @decidedByName ELSE decided_by_name END,
              decided_at      = CASE WHEN @setDecidedAt = 1 THEN @decidedAt ELSE decided_at END,
              reason          = CASE WHEN @setReason = 1 THEN @reason ELSE reason END
        WHERE id = @id
          AND status IN (SELECT value FROM json_each(@expected))
          AND (@applicantId IS NULL OR applicant_id = @applicantId)
       RETURNING *`,
    ),
    cancelActiveRequest: db.prepare(
      `UPDATE requests
          SET status = 'cancelled', updated_at = @now, decided_at = @now, decided_by = NULL, decided_by_name = NULL
        WHERE id = @id AND status IN ${ACTIVE}`,
    ),
    anonymiseRequest: db.prepare(
      `UPDATE requests
          SET applicant_id = @replacementId, applicant_chat_id = 0,
              full_name = @placeholder, nip = @placeholder, instansi = @placeholder, jabatan = @placeholder,
              email = @placeholder, phone = NULL, motivation = @placeholder,
              anonymised = 1, updated_at = @now
        WHERE id = @id`,
    ),
    anonymiseApplicantAuditActor: db.prepare(
      `UPDATE audit_log SET actor_id = @replacementId, actor_name = NULL
        WHERE request_id = @requestId AND actor_id = @applicantId`,
    ),
    scrubForwardedInfo: db.prepare(
      `UPDATE outbox SET payload = json_set(payload, '$.text', @placeholder), updated_at = @now
        WHERE request_id = @requestId AND kind = 'info_forwarded'`,
    ),
    dropUnsentApplicantMessages: db.prepare(
      `UPDATE outbox SET status = 'dropped', lease_owner = NULL, lease_until = NULL, updated_at = @now
        WHERE request_id = @requestId AND status IN ('pending', 'sending')
          AND kind IN (SELECT value FROM json_each(@kinds))`,
    ),
    listRequestsDecidedBefore: db.prepare(
      `SELECT * FROM requests
        WHERE anonymised = 0 AND decided_at < @before AND status IN (SELECT value FROM json_each(@decided))
        ORDER BY id`,
    ),
    getRequest: db.prepare<[number]>(`SELECT * FROM requests WHERE id = ?`),
    listLiveRequestsOfApplicant: db.prepare<[number]>(
      `SELECT * FROM requests WHERE applicant_id = ? AND anonymised = 0 ORDER BY created_at DESC, id DESC`,
    ),
    findLatestRequestOfApplicant: db.prepare(
      `SELECT * FROM requests
        WHERE applicant_id = @applicantId AND anonymised = 0 AND status IN (SELECT value FROM json_each(@statuses))
        ORDER BY updated_at DESC, id DESC LIMIT 1`,
    ),
    listQueuePage: db.prepare(
      `SELECT * FROM requests WHERE status IN ${ACTIVE}
        ORDER BY created_at, id LIMIT @limit OFFSET @offset`,
    ),
    countQueue: db.prepare(`SELECT COUNT(*) AS total FROM requests WHERE status IN ${ACTIVE}`),
    listRequestsMatching: db.prepare(
      `SELECT * FROM requests
        WHERE (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))
          AND (@programmeId IS NULL OR programme_id = @programmeId)
          AND (@from IS NULL OR created_at >= @from)
          AND (@to IS NULL OR created_at <= @to)
        ORDER BY created_at, id`,
    ),
    countByProgrammeAndStatus: db.prepare(
      `SELECT programme_id AS programmeId, status, COUNT(*) AS count FROM requests
        GROUP BY programme_id, status ORDER BY programme_id, status`,
    ),
    appendAudit: db.prepare(
      `INSERT INTO audit_log (request_id, action, actor_id, actor_name, detail, created_at)
       VALUES (@requestId, @action, @actorId, @actorName, @detail, @createdAt)`,
    ),
    listAudit: db.prepare(`SELECT * FROM audit_log WHERE (@requestId IS NULL OR request_id = @requestId) ORDER BY id`),
    listAdminCards: db.prepare<[number]>(
      `SELECT request_id, chat_id, message_id FROM admin_cards WHERE request_id = ? ORDER BY created_at, chat_id, message_id`,
    ),
    recordAdminCard: db.prepare(
      `INSERT OR IGNORE INTO admin_cards (request_id, chat_id, message_id, created_at, rendered_hash)
       VALUES (@requestId, @chatId, @messageId, @at, @fingerprint)`,
    ),
    getCardFingerprint: db.prepare<[number, number]>(
      `SELECT rendered_hash AS fp FROM admin_cards WHERE chat_id = ? AND message_id = ? LIMIT 1`,
    ),
    setCardFingerprint: db.prepare(
      `UPDATE admin_cards SET rendered_hash = @fingerprint WHERE chat_id = @chatId AND message_id = @messageId`,
    ),
    recordAdminMessage: db.prepare(
      `INSERT OR IGNORE INTO admin_messages (chat_id, message_id, request_id, kind, created_at)
       VALUES (@chatId, @messageId, @requestId, @kind, @now)`,
    ),
    listAdminMessages: db.prepare<[number]>(
      `SELECT request_id AS requestId, chat_id AS chatId, message_id AS messageId, kind
         FROM admin_messages WHERE request_id = ? ORDER BY created_at, chat_id, message_id`,
    ),
    forgetAdminMessages: db.prepare<[number]>(`DELETE FROM admin_messages WHERE request_id = ?`),
    getDraft: db.prepare<[number]>(`SELECT data FROM drafts WHERE user_id = ?`),
    upsertDraft: db.prepare(
      `INSERT INTO drafts (user_id, chat_id, data, updated_at) VALUES (@userId, @chatId, @data, @updatedAt)
       ON CONFLICT (user_id) DO UPDATE SET chat_id = excluded.chat_id, data = excluded.data, updated_at = excluded.updated_at`,
    ),
    deleteDraft: db.prepare<[number]>(`DELETE FROM drafts WHERE user_id = ?`),
    deleteDraftsUpdatedBefore: db.prepare<[string]>(`DELETE FROM drafts WHERE updated_at < ?`),
    enqueueOutbox: db.prepare(
      `INSERT INTO outbox (kind, chat_id, request_id, locale, payload, status, attempts, next_attempt_at, created_at, updated_at)
       VALUES (@kind, @chatId, @requestId, @locale, @payload, 'pending', 0, @now, @now, @now)`,
    ),
    // Due rows, oldest first, skipping any row with an older unfinished row for the same chat (per-chat order,
    // and at most one message per chat per run, which also respects Telegram's ~1 message/s per chat).
    leaseDueOutbox: db.prepare(
      `UPDATE outbox
          SET status = 'sending', lease_owner = @owner, lease_until = @leaseUntil, attempts = attempts + 1, updated_at = @now
        WHERE id IN (
          SELECT o.id FROM outbox o
           WHERE ((o.status = 'pending' AND o.next_attempt_at <= @now) OR (o.status = 'sending' AND o.lease_until <= @now))
             AND NOT EXISTS (SELECT 1 FROM outbox earlier
                              WHERE earlier.chat_id = o.chat_id AND earlier.id < o.id
                                AND earlier.status IN ('pending', 'sending'))
           ORDER BY o.id
           LIMIT @limit)
       RETURNING *`,
    ),
    markOutboxSent: db.prepare(
      `UPDATE outbox SET status = 'sent', sent_at = @at, updated_at = @at, lease_owner = NULL, lease_until = NULL, last_error = NULL
        WHERE id = @id AND status = 'sending' AND lease_owner = @owner
       RETURNING kind, request_id`,
    ),
    rescheduleOutbox: db.prepare(
      `UPDATE outbox SET status = 'pending', next_attempt_at = @nextAttemptAt, last_error = @error, updated_at = @at,
                         lease_owner = NULL, lease_until = NULL
        WHERE id = @id AND status = 'sending' AND lease_owner = @owner`,
    ),
    finishOutbox: db.prepare(
      `UPDATE outbox SET status = @status, last_error = @error, updated_at = @at, lease_owner = NULL, lease_until = NULL
        WHERE id = @id AND status = 'sending' AND lease_owner = @owner`,
    ),
    listLeaseOwners: db.prepare(`SELECT DISTINCT lease_owner AS owner FROM outbox WHERE status = 'sending' AND lease_owner IS NOT NULL`),
    releaseLeases: db.prepare(
      `UPDATE outbox SET status = 'pending', lease_owner = NULL, lease_until = NULL, next_attempt_at = @now, updated_at = @now
        WHERE status = 'sending' AND lease_owner IN (SELECT value FROM json_each(@owners))`,
    ),
    listOutbox: db.prepare(
      `SELECT * FROM outbox WHERE (@requestId IS NULL OR request_id = @requestId) AND (@status IS NULL OR status = @status)
        ORDER BY id`,
    ),
    deleteFinishedOutboxBefore: db.prepare<[string]>(
      `DELETE FROM outbox WHERE status IN ('sent', 'blocked', 'failed', 'dropped') AND updated_at < ?`,
    ),
    insertMetaIfMissing: db.prepare<[string, string]>(`INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)`),
    getMeta: db.prepare<[string]>(`SELECT value FROM meta WHERE key = ?`),
  };
}
