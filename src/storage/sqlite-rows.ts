import type {
  AuditEntry,
  CardRef,
  EnrolmentRequest,
  Level,
  OutboxMessage,
  OutboxStatus,
  RequestStatus,
} from '../enrolment/types.js';
import type { Locale } from '../locale.js';

/*
 * Row shapes as SQLite returns them, and their mapping to domain objects. Kept apart so the store reads as
 * queries, not as column juggling.
 */

export interface RequestRow {
  id: number;
  programme_id: string;
  applicant_id: number;
  applicant_chat_id: number;
  locale: Locale;
  full_name: string;
  nip: string;
  instansi: string;
  jabatan: string;
  level: Level;
  email: string;
  phone: string | null;
  motivation: string;
  status: RequestStatus;
  created_at: string;
  updated_at: string;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: string | null;
  reason: string | null;
  anonymised: number;
}

export interface AuditRow {
  id: number;
  request_id: number | null;
  action: AuditEntry['action'];
  actor_id: number | null;
  actor_name: string | null;
  detail: string;
  created_at: string;
}

export interface OutboxRow {
  id: number;
  kind: OutboxMessage['kind'];
  chat_id: number;
  request_id: number | null;
  locale: Locale | null;
  payload: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface CardRow {
  request_id: number;
  chat_id: number;
  message_id: number;
}

export function toRequest(row: RequestRow): EnrolmentRequest {
  return {
    id: row.id,
    programmeId: row.programme_id,
    applicantId: row.applicant_id,
    applicantChatId: row.applicant_chat_id,
    locale: row.locale,
    fullName: row.full_name,
    nip: row.nip,
    instansi: row.instansi,
    jabatan: row.jabatan,
    level: row.level,
    email: row.email,
    phone: row.phone,
    motivation: row.motivation,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    decidedBy: row.decided_by,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
    reason: row.reason,
    anonymised: row.anonymised === 1,
  };
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    requestId: row.request_id,
    action: row.action,
    actorId: row.actor_id,
    actorName: row.actor_name,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    createdAt: row.created_at,
  };
}

export function toOutboxMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    kind: row.kind,
    payload: JSON.parse(row.payload),
    chatId: row.chat_id,
    requestId: row.request_id,
    locale: row.locale,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
  } as OutboxMessage;
}

export function toCardRef(row: CardRow): CardRef {
  return { requestId: row.request_id, chatId: row.chat_id, messageId: row.message_id };
}
