/**
 * Shared vocabulary of the enrolment domain.
 *
 * Everything here is plain data (no classes, no I/O) so that it can be stored as JSON, sent across worker
 * boundaries and rendered by the bot layer with its own i18n. The domain returns *codes*, never sentences.
 */
import type { Locale } from '../locale.js';

/** Position levels of an ASN, ordered from staff to the top. */
export const LEVELS = ['pelaksana', 'fungsional', 'pengawas', 'administrator', 'pimpinan_tinggi'] as const;

/**
 * Position level of the applicant.
 * - `pelaksana`: staff (jabatan pelaksana)
 * - `fungsional`: functional positions (jabatan fungsional)
 * - `pengawas`: eselon IV
 * - `administrator`: eselon III
 * - `pimpinan_tinggi`: eselon I/II (JPT pratama, madya, utama)
 */
export type Level = (typeof LEVELS)[number];


export const REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'needs_info', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * Statuses that still "occupy" a seat: while a request is in one of these, the same NIP cannot submit
 * another request for the same programme.
 */
export const ACTIVE_STATUSES: readonly RequestStatus[] = ['pending', 'needs_info'];

/**
 * A request in one of these states blocks a new request for the same NIP and programme: one still
 * being decided, or one already approved (nobody enrols twice). Rejected or cancelled requests do
 * not block, so an official can apply again.
 */
export const BLOCKING_STATUSES: readonly RequestStatus[] = ['pending', 'needs_info', 'approved'];

/** What an admin can decide on a pending request. */
export type Decision = 'approve' | 'reject' | 'needs_info';

/** Placeholder written over personal data when a request is anonymised (UU PDP No. 27/2022). */
export const ERASED = '[dihapus]';

/** One enrolment request as stored. Timestamps are ISO 8601 strings in UTC. */
export interface EnrolmentRequest {
  id: number;
  programmeId: string;
  /** Telegram user id of the applicant; after anonymisation a negative salted hash (never a real id). */
  applicantId: number;
  /** Private chat with the applicant; `0` once anonymised. */
  applicantChatId: number;
  locale: Locale;
  fullName: string;
  nip: string;
  instansi: string;
  jabatan: string;
  level: Level;
  email: string;
  phone: string | null;
  motivation: string;
  status: RequestStatus;
  createdAt: string;
  updatedAt: string;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string | null;
  /** Reason of a rejection, the question of a needs_info, or an optional note on approval. */
  reason: string | null;
  anonymised: boolean;
}

/** The validated answers of a finished wizard, ready to be stored: the applicant's part of a request. */
export type EnrolmentSubmission = Pick<
  EnrolmentRequest,
  'programmeId' | 'applicantId' | 'applicantChatId' | 'locale' | 'fullName' | 'nip' | 'instansi' | 'jabatan' | 'level' | 'email' | 'phone' | 'motivation'
>;

export type AuditAction =
  | 'submitted'
  | 'approved'
  | 'rejected'
  | 'needs_info'
  | 'info_provided'
  | 'cancelled'
  | 'data_deleted'
  | 'retention_anonymised';

/** Append-only record of who did what; kept after anonymisation (with the actor id hashed). */
export interface AuditEntry {
  id: number;
  /** `null` for entries about a person rather than one request (e.g. `data_deleted`). */
  requestId: number | null;
  action: AuditAction;
  actorId: number | null;
  actorName: string | null;
  detail: Record<string, unknown>;
  createdAt: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

/** Where admin cards and forwarded replies go. */
export interface AdminDestinations {
  /** Group chat for cards (`ADMIN_CHAT_ID`); when absent, each admin gets the card privately. */
  adminChatId?: number;
  adminIds: readonly number[];
}

/**
 * Another message to admins that shows an applicant's personal data (not a card: it is never re-rendered,
 * only erased when the data is): the forwarded information reply, a /lihat reply, a queue page.
 */
export interface AdminMessageRef {
  requestId: number;
  chatId: number;
  messageId: number;
  kind: 'info_forwarded' | 'view' | 'queue';
}

/** A posted admin card, so later changes can edit it in place. */
export interface CardRef {
  requestId: number;
  chatId: number;
  messageId: number;
}

export type OutboxKind = 'admin_card' | 'submitted_ack' | 'decision_notice' | 'card_update' | 'info_forwarded' | 'answer_ready' | 'message_erase';

/**
 * The kind-specific part of an outbox message. The bot renders each kind with its own i18n; it receives
 * the current state of the request alongside (see `OutboxDelivery`), so payloads carry only what the request
 * itself does not say.
 */
export type OutboxBody =
  | { kind: 'admin_card'; payload: Record<string, never> }
  | { kind: 'submitted_ack'; payload: Record<string, never> }
  | {
      kind: 'decision_notice';
      payload: { status: 'approved' | 'rejected' | 'needs_info'; reason: string | null };
    }
  | { kind: 'card_update'; payload: { messageId: number } }
  /** The applicant's answer to an admin's question, forwarded to the admins; `question` is what was asked. */
  | { kind: 'info_forwarded'; payload: { text: string; question: string | null } }
  /**
   * A question the asker asked to be told about ("🔔 Kabari saya") now has a full answer (queued by the
   * knowledge-gap recheck, `src/answering/knowledge-gaps.ts`; no request involved).
   */
  | {
      kind: 'answer_ready';
      payload: {
        watchId: number;
        question: string;
        text: string;
        notes: string[];
        citations: Array<{ n: number; title: string; heading: string; url?: string; page?: number }>;
      };
    }
  /** An admin message showing an applicant's personal data (forwarded reply, /lihat reply) becomes "[dihapus]". */
  | { kind: 'message_erase'; payload: { messageId: number } };

/**
 * - `pending`: waiting (possibly until `nextAttemptAt` after a retryable failure)
 * - `sending`: leased by a dispatcher until `leaseUntil`
 * - `sent`, `blocked` (the user blocked the bot), `failed` (fatal or out of attempts): final
 * - `dropped`: discarded before sending because the recipient asked for their data to be deleted
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'blocked' | 'failed' | 'dropped';

export type NewOutboxMessage = OutboxBody & {
  chatId: number;
  requestId: number | null;
  /** Language to render in; `null` means the bot's default (admin messages). */
  locale: Locale | null;
};

export type OutboxMessage = NewOutboxMessage & {
  id: number;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
};

/** What the dispatcher hands to the bot's `send` port: the message and the request as it is *now*. */
export type OutboxDelivery = OutboxMessage & { request: EnrolmentRequest | null };

/**
 * Result of the bot's `send` port.
 * - ok: for `admin_card`, return the posted `{ chatId, messageId }` so later updates can edit the card.
 * - `blocked`: 403, the user blocked the bot or the bot was removed from the chat; never retried.
 * - `retry`: 429, 5xx or a network error; retried with exponential backoff (honouring `retryAfterSec`).
 * - `fatal`: 400 and other errors that will not go away by retrying.
 */
export type SendResult =
  /** `fingerprint`: of what a posted or edited card shows now (see `card_update`: an unchanged card is not edited). */
  | { ok: true; chatId?: number; messageId?: number; fingerprint?: string }
  | { ok: false; kind: 'blocked' | 'retry' | 'fatal'; retryAfterSec?: number; description?: string };
