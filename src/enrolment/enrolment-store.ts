import type { EnrolmentDraft } from './wizard.js';
import type {
  AdminMessageRef,
  AuditEntry,
  CardRef,
  EnrolmentRequest,
  EnrolmentSubmission,
  NewAuditEntry,
  NewOutboxMessage,
  OutboxMessage,
  OutboxStatus,
  RequestStatus,
} from './types.js';

/**
 * Side effects of a state change, computed by the use case from the request *as stored inside the
 * transaction* (so the applicant's chat and locale, and the posted cards, are never stale).
 */
export interface Effects {
  audit: NewAuditEntry[];
  outbox: NewOutboxMessage[];
}

export interface SubmitCommand {
  submission: EnrolmentSubmission;
  now: string;
  effects: (request: EnrolmentRequest) => Effects;
}

export type SubmitOutcome =
  | { ok: true; request: EnrolmentRequest }
  | { ok: false; code: 'duplicate'; existing: { id: number; status: RequestStatus } };

/** Fields a transition may set; `undefined` leaves a column alone, `null` clears it. */
export interface RequestPatch {
  status: RequestStatus;
  decidedBy?: number | null;
  decidedByName?: string | null;
  decidedAt?: string | null;
  reason?: string | null;
}

export interface TransitionCommand {
  requestId: number;
  /** Compare-and-set guard: the change happens only if the stored status is one of these. */
  expected: readonly RequestStatus[];
  /** Ownership guard for applicant actions; a request of someone else counts as not found. */
  applicantId?: number;
  patch: RequestPatch;
  now: string;
  effects: (updated: EnrolmentRequest, cards: CardRef[]) => Effects;
}

export type TransitionOutcome =
  | { ok: true; request: EnrolmentRequest }
  | { ok: false; code: 'not_found' }
  /** Someone else changed the request first; `current` is what they left. */
  | { ok: false; code: 'status_mismatch'; current: EnrolmentRequest };

/** How personal data is overwritten; the domain decides, the store applies. */
export interface Anonymisation {
  /** Replacement for the applicant id (a salted one-way hash, see `anonymousApplicantId`). */
  replacementId: (applicantId: number) => number;
  /** Text written over names, NIP, agency, position, e-mail and motivation. */
  placeholder: string;
}

export interface EraseCommand {
  userId: number;
  now: string;
  anonymisation: Anonymisation;
  /**
   * Called once everything is anonymised, with the requests that were still active (now cancelled and
   * anonymised) and their posted cards, the ids of all anonymised requests, and the user's replacement id.
   */
  effects: (erased: {
    cancelled: ReadonlyArray<{ request: EnrolmentRequest; cards: CardRef[] }>;
    anonymisedRequestIds: readonly number[];
    /** Admin cards of every anonymised request, so they can be re-rendered without the personal data. */
    anonymisedCards: readonly CardRef[];
    /** Other admin messages showing the data (forwarded replies, /lihat replies): to be erased. */
    adminMessages: readonly AdminMessageRef[];
    replacementId: number;
  }) => Effects;
}

export interface EraseOutcome {
  draftsDeleted: number;
  requestsCancelled: number;
  requestsAnonymised: number;
  outboxDropped: number;
}

export interface RetentionCommand {
  /** Requests decided (approved/rejected/cancelled) strictly before this instant are anonymised. */
  decidedBefore: string;
  now: string;
  anonymisation: Anonymisation;
  /** Called with the anonymised request ids and their posted admin cards (to re-render them without personal data). */
  effects: (anonymisedIds: readonly number[], cards: readonly CardRef[], adminMessages: readonly AdminMessageRef[]) => Effects;
}

export interface RequestFilter {
  status?: readonly RequestStatus[];
  programmeId?: string;
  /** Inclusive bounds on `createdAt` (ISO instants). */
  createdFrom?: string;
  createdTo?: string;
}

export interface ClaimCommand {
  /** Identifies the dispatcher holding the lease; settling is refused to anyone else. */
  owner: string;
  now: string;
  leaseUntil: string;
  limit: number;
}

export type OutboxSettlement =
  | {
      status: 'sent';
      at: string;
      card?: { chatId: number; messageId: number; fingerprint?: string };
      /** A sent `info_forwarded`: remembered so that erasure can blank it. */
      adminMessage?: { chatId: number; messageId: number };
    }
  | { status: 'pending'; nextAttemptAt: string; error: string; at: string }
  | { status: 'blocked' | 'failed'; error: string; at: string };

/**
 * Persistence port of the enrolment domain. `src/storage/sqlite-enrolment-store.ts` implements it over
 * better-sqlite3; a PostgreSQL implementation can follow without touching the use cases.
 *
 * Why there is no general `transaction(fn)`: every change that must be atomic (a request change + its audit
 * entries + its outbox messages) is one method taking an `effects` callback. The callback is synchronous and
 * pure, so each implementation can run it inside its own transaction (better-sqlite3 transactions cannot span
 * an `await`; a PostgreSQL one can, but does not need to). Methods are async so that a networked database
 * fits the same shape.
 */
export interface EnrolmentStore {
  // Requests -------------------------------------------------------------------------------------------
  /**
   * Inserts a pending request unless the NIP already has an active (pending/needs_info) request for the
   * programme; writes the effects and deletes the applicant's draft in the same transaction.
   */
  submitRequest(command: SubmitCommand): Promise<SubmitOutcome>;
  /** Compare-and-set status change + effects, atomically. */
  transitionRequest(command: TransitionCommand): Promise<TransitionOutcome>;
  /** Right to erasure: cancel active requests, anonymise all of the user's requests, delete drafts. */
  eraseApplicantData(command: EraseCommand): Promise<EraseOutcome>;
  /** Anonymises long-decided requests; returns how many. */
  anonymiseDecidedRequests(command: RetentionCommand): Promise<number>;

  getRequest(id: number): Promise<EnrolmentRequest | null>;
  listRequestsOfApplicant(applicantId: number): Promise<EnrolmentRequest[]>;
  /** Most recently updated request of the applicant in one of `statuses`. */
  findLatestRequestOfApplicant(applicantId: number, statuses: readonly RequestStatus[]): Promise<EnrolmentRequest | null>;
  /** Pending and needs_info requests, oldest first. */
  listQueue(page: { offset: number; limit: number }): Promise<{ items: EnrolmentRequest[]; total: number }>;
  listRequests(filter: RequestFilter): Promise<EnrolmentRequest[]>;
  countRequestsByProgrammeAndStatus(): Promise<Array<{ programmeId: string; status: RequestStatus; count: number }>>;
  listAuditEntries(filter?: { requestId?: number }): Promise<AuditEntry[]>;
  listAdminCards(requestId: number): Promise<CardRef[]>;
  /** Remembers an admin message that shows a request's personal data (erased with it). */
  recordAdminMessage(ref: AdminMessageRef, now: string): Promise<void>;
  listAdminMessages(requestId: number): Promise<AdminMessageRef[]>;
  /** What a posted card shows now (its fingerprint), `null` if unknown. */
  cardFingerprint(chatId: number, messageId: number): Promise<string | null>;
  setCardFingerprint(chatId: number, messageId: number, fingerprint: string | null): Promise<void>;

  // Drafts ---------------------------------------------------------------------------------------------
  getDraft(userId: number): Promise<EnrolmentDraft | null>;
  saveDraft(draft: EnrolmentDraft): Promise<void>;
  deleteDraft(userId: number): Promise<boolean>;
  /** Housekeeping for abandoned wizards. */
  deleteDraftsUpdatedBefore(before: string): Promise<number>;

  // Outbox ---------------------------------------------------------------------------------------------
  /**
   * Leases up to `limit` due messages (pending and due, or `sending` with an expired lease), oldest first,
   * at most one per chat and never overtaking an older unfinished message to the same chat (per-chat order).
   * Increments `attempts`.
   */
  claimOutbox(command: ClaimCommand): Promise<OutboxMessage[]>;
  /**
   * Records the outcome of a leased message; for a sent `admin_card` also stores the card reference.
   * Returns false (and changes nothing) when the lease is no longer held by `owner`.
   */
  settleOutbox(id: number, owner: string, settlement: OutboxSettlement): Promise<boolean>;
  listOutbox(filter?: { requestId?: number; status?: OutboxStatus }): Promise<OutboxMessage[]>;
  /** Distinct owners of the leases currently held (`sending` rows). */
  listOutboxLeaseOwners(): Promise<string[]>;
  /** Makes the `sending` rows of these owners due again at `now` (their process died); returns how many. */
  releaseOutboxLeases(command: { owners: readonly string[]; now: string }): Promise<number>;
  /** Housekeeping: deletes finished (sent, blocked, failed, dropped) messages last touched before `before`. */
  deleteFinishedOutboxBefore(before: string): Promise<number>;

  // Configuration --------------------------------------------------------------------------------------
  /** Random salt created once per database, used to hash applicant ids when anonymising. */
  anonymisationSalt(): Promise<string>;
}
