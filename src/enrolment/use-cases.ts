import { anonymousApplicantId } from './anonymise.js';
import { wibDateTime, wibDayEnd, wibDayStart, parseIsoDate } from './calendar.js';
import type { Catalogue } from './catalogue.js';
import { nipCell, safeCell, toCsv } from './csv.js';
import type { Anonymisation, EnrolmentStore, EraseOutcome, RequestFilter } from './enrolment-store.js';
import { decidableStatuses } from './status-rules.js';
import { charLength, cleanLine, cleanText } from './text.js';
import {
  ACTIVE_STATUSES,
  ERASED,
  REQUEST_STATUSES,
  type AdminDestinations,
  type AdminMessageRef,
  type AuditAction,
  type CardRef,
  type Decision,
  type EnrolmentRequest,
  type Level,
  type NewAuditEntry,
  type NewOutboxMessage,
  type RequestStatus,
} from './types.js';
import { checkDraft, type EnrolmentDraft, type WizardErrorCode, type WizardField } from './wizard.js';

/*
 * Use cases of the enrolment flow. Each function reads as the story of one flow; the rules live in the
 * domain helpers, the atomicity in the store (one store call per state change), and rendering in the bot.
 */

// ---------------------------------------------------------------------------------------------------------
// Submitting

export type SubmitResult =
  | { ok: true; request: EnrolmentRequest }
  | { ok: false; code: 'duplicate'; existing: { id: number; status: RequestStatus } }
  | { ok: false; code: 'draft_incomplete' | WizardErrorCode; field: WizardField; allowed?: Level[] };

/**
 * The applicant confirms the summary.
 *
 * 1. The whole draft is checked again (the programme may have closed while it sat in the database).
 * 2. In one transaction: refuse if this NIP already has an active request for the programme; store the
 *    request as pending; audit `submitted`; queue the card for the admins and the acknowledgement for the
 *    applicant; delete the draft.
 */
export async function submitRequest(
  store: EnrolmentStore,
  draft: EnrolmentDraft,
  catalogue: Catalogue,
  destinations: AdminDestinations,
  now: Date = new Date(),
): Promise<SubmitResult> {
  const check = checkDraft(draft, { catalogue, now });
  if (!check.ok) return check;

  const at = now.toISOString();
  return store.submitRequest({
    submission: check.submission,
    now: at,
    effects: (request) => ({
      audit: [audit(request.id, 'submitted', request.applicantId, null, { programmeId: request.programmeId }, at)],
      outbox: [
        ...adminChats(destinations).map((chatId) => adminMessage(chatId, request.id, { kind: 'admin_card', payload: {} })),
        applicantMessage(request, { kind: 'submitted_ack', payload: {} }),
      ],
    }),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Deciding

export interface DecideInput {
  requestId: number;
  adminId: number;
  adminName: string;
  decision: Decision;
  /** Required for `reject` and `needs_info` (it is what the applicant reads); optional note on approval. */
  reason?: string;
}

export type DecideResult =
  | { ok: true; request: EnrolmentRequest }
  | { ok: false; code: 'not_authorised' | 'reason_required' | 'reason_too_long' | 'not_found' }
  | {
      ok: false;
      code: 'already_decided';
      status: RequestStatus;
      decidedByName: string | null;
      decidedAt: string | null;
    };

/** Longest reason kept; leaves room in a 4096-character Telegram message for the rest of the notice. */
export const MAX_REASON_LENGTH = 1000;

const DECISION_STATUS = { approve: 'approved', reject: 'rejected', needs_info: 'needs_info' } as const;

/**
 * An admin approves, rejects or asks for information.
 *
 * Only ids in `adminIds` may decide (checked here, not only in the bot, so no other entry point can skip
 * it). The status changes only from `pending` (approve/reject also from `needs_info`), with a compare-and-set in the store: when two admins press
 * at the same moment exactly one wins and the other learns who decided first (`already_decided`). The
 * decision, its audit entry, the notice to the applicant (in their language) and the updates of every
 * posted card are written in one transaction.
 */
export async function decideRequest(
  store: EnrolmentStore,
  input: DecideInput,
  adminIds: readonly number[],
  now: Date = new Date(),
): Promise<DecideResult> {
  if (!adminIds.includes(input.adminId)) return { ok: false, code: 'not_authorised' };
  const reason = cleanText(input.reason ?? '');
  if (input.decision !== 'approve' && reason === '') return { ok: false, code: 'reason_required' };
  if (charLength(reason) > MAX_REASON_LENGTH) return { ok: false, code: 'reason_too_long' };

  const status = DECISION_STATUS[input.decision];
  const adminName = cleanLine(input.adminName).slice(0, 100) || String(input.adminId);
  const at = now.toISOString();
  const outcome = await store.transitionRequest({
    requestId: input.requestId,
    // A request waiting for the applicant's information can still be approved or rejected (the applicant
    // may never answer); asking again only makes sense from pending.
    expected: decidableStatuses(input.decision),
    patch: { status, decidedBy: input.adminId, decidedByName: adminName, decidedAt: at, reason: reason || null },
    now: at,
    effects: (request, cards) => ({
      audit: [audit(request.id, status, input.adminId, adminName, { reason: reason || null }, at)],
      outbox: [
        applicantMessage(request, { kind: 'decision_notice', payload: { status, reason: reason || null } }),
        ...cardUpdates(cards),
      ],
    }),
  });

  if (outcome.ok) return { ok: true, request: outcome.request };
  if (outcome.code === 'not_found') return { ok: false, code: 'not_found' };
  const { status: current, decidedByName, decidedAt } = outcome.current;
  return { ok: false, code: 'already_decided', status: current, decidedByName, decidedAt };
}

// ---------------------------------------------------------------------------------------------------------
// Answering an admin's question

export interface ProvideInfoInput {
  applicantId: number;
  text: string;
  /** Which request; defaults to the applicant's most recent request waiting for information. */
  requestId?: number;
}

export type ProvideInfoResult =
  | { ok: true; request: EnrolmentRequest }
  | { ok: false; code: 'text_required' | 'text_too_long' | 'not_found' }
  | { ok: false; code: 'not_awaiting_info'; status: RequestStatus };

/** Longest reply forwarded; keeps the admin message under Telegram's 4096 characters. */
export const MAX_INFO_LENGTH = 2000;

/**
 * The applicant answers an admin's question: the request goes back to `pending` (the queue), the answer is
 * forwarded to the admin destinations on the same request, and the cards are refreshed.
 */
export async function provideInfo(
  store: EnrolmentStore,
  input: ProvideInfoInput,
  destinations: AdminDestinations,
  now: Date = new Date(),
): Promise<ProvideInfoResult> {
  const text = cleanText(input.text);
  if (text === '') return { ok: false, code: 'text_required' };
  if (charLength(text) > MAX_INFO_LENGTH) return { ok: false, code: 'text_too_long' };

  const request =
    input.requestId === undefined
      ? await store.findLatestRequestOfApplicant(input.applicantId, ['needs_info'])
      : await store.getRequest(input.requestId);
  if (!request || request.applicantId !== input.applicantId) return { ok: false, code: 'not_found' };
  const question = request.reason;

  const at = now.toISOString();
  const outcome = await store.transitionRequest({
    requestId: request.id,
    applicantId: input.applicantId,
    expected: ['needs_info'],
    patch: { status: 'pending', decidedBy: null, decidedByName: null, decidedAt: null, reason: null },
    now: at,
    effects: (updated, cards) => ({
      audit: [audit(updated.id, 'info_provided', updated.applicantId, null, { length: charLength(text) }, at)],
      outbox: [
        ...adminChats(destinations).map((chatId) =>
          adminMessage(chatId, updated.id, { kind: 'info_forwarded', payload: { text, question } }),
        ),
        ...cardUpdates(cards),
      ],
    }),
  });

  if (outcome.ok) return { ok: true, request: outcome.request };
  if (outcome.code === 'not_found') return { ok: false, code: 'not_found' };
  return { ok: false, code: 'not_awaiting_info', status: outcome.current.status };
}

// ---------------------------------------------------------------------------------------------------------
// Cancelling

export type CancelResult =
  | { ok: true; request: EnrolmentRequest }
  | { ok: false; code: 'not_found' }
  | { ok: false; code: 'not_cancellable'; status: RequestStatus };

/**
 * The applicant withdraws their own request while it is still pending or waiting for information. Someone
 * else's request answers `not_found` (no hint that the id exists). Posted cards are refreshed.
 */
export async function cancelRequest(
  store: EnrolmentStore,
  input: { requestId: number; applicantId: number },
  now: Date = new Date(),
): Promise<CancelResult> {
  const at = now.toISOString();
  const outcome = await store.transitionRequest({
    requestId: input.requestId,
    applicantId: input.applicantId,
    expected: ACTIVE_STATUSES,
    patch: { status: 'cancelled', decidedBy: null, decidedByName: null, decidedAt: at },
    now: at,
    effects: (request, cards) => ({
      audit: [audit(request.id, 'cancelled', input.applicantId, null, {}, at)],
      outbox: cardUpdates(cards),
    }),
  });
  if (outcome.ok) return { ok: true, request: outcome.request };
  if (outcome.code === 'not_found') return { ok: false, code: 'not_found' };
  return { ok: false, code: 'not_cancellable', status: outcome.current.status };
}

// ---------------------------------------------------------------------------------------------------------
// Reading

/** The applicant's own requests, newest first (anonymised ones are no longer theirs). */
export async function listMyRequests(store: EnrolmentStore, input: { applicantId: number }): Promise<EnrolmentRequest[]> {
  return store.listRequestsOfApplicant(input.applicantId);
}

export interface QueuePage {
  items: EnrolmentRequest[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** Requests waiting for an admin (pending and needs_info), oldest first, one page (1-based). */
export async function listQueue(store: EnrolmentStore, input: { page?: number; pageSize?: number } = {}): Promise<QueuePage> {
  const pageSize = Math.min(Math.max(Math.trunc(input.pageSize ?? 10), 1), 100);
  const page = Math.max(Math.trunc(input.page ?? 1), 1);
  const { items, total } = await store.listQueue({ offset: (page - 1) * pageSize, limit: pageSize });
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export async function getRequest(store: EnrolmentStore, input: { requestId: number }): Promise<EnrolmentRequest | null> {
  return store.getRequest(input.requestId);
}

export interface ExportFilter {
  status?: RequestStatus | readonly RequestStatus[];
  programmeId?: string;
  /** Inclusive; `YYYY-MM-DD` means the whole WIB day, a Date or ISO string an exact instant. */
  from?: string | Date;
  to?: string | Date;
}

const CSV_HEADER = [
  'ID', 'ID Program', 'Program', 'Kode Status', 'Status', 'Nama Lengkap', 'NIP', 'Instansi', 'Jabatan', 'Jenjang', 'Email', 'Telepon',
  'Motivasi', 'Bahasa', 'Diajukan (WIB)', 'Diperbarui (WIB)', 'Diputuskan Oleh', 'Tanggal Keputusan (WIB)', 'Alasan',
];

/**
 * How codes read for people opening the export: status labels and programme names (the codes keep their own
 * columns, for filters and formulas). The bot passes its Indonesian catalogue; without labels, codes repeat.
 */
export interface ExportLabels {
  status?: (status: RequestStatus) => string;
  programme?: (programmeId: string) => string | undefined;
  level?: (level: EnrolmentRequest['level']) => string;
}

/**
 * The requests matching `filter` as a CSV document for spreadsheets (see `csv.ts`): BOM, CRLF, RFC 4180,
 * formulas neutralised, NIP kept as text, Indonesian header, times in WIB.
 */
export async function exportCsv(store: EnrolmentStore, filter: ExportFilter = {}, labels: ExportLabels = {}): Promise<string> {
  const query: RequestFilter = {};
  if (filter.status !== undefined) query.status = typeof filter.status === 'string' ? [filter.status] : filter.status;
  if (filter.programmeId !== undefined) query.programmeId = filter.programmeId;
  if (filter.from !== undefined) query.createdFrom = instant(filter.from, 'start');
  if (filter.to !== undefined) query.createdTo = instant(filter.to, 'end');

  const requests = await store.listRequests(query);
  const rows = requests.map((r) => [
    safeCell(r.id),
    safeCell(r.programmeId),
    safeCell(labels.programme?.(r.programmeId) ?? r.programmeId),
    safeCell(r.status),
    safeCell(labels.status?.(r.status) ?? r.status),
    safeCell(r.fullName),
    nipCell(r.nip),
    safeCell(r.instansi),
    safeCell(r.jabatan),
    safeCell(labels.level?.(r.level) ?? r.level),
    safeCell(r.email),
    safeCell(r.phone),
    safeCell(r.motivation),
    safeCell(r.locale),
    safeCell(wibDateTime(r.createdAt)),
    safeCell(wibDateTime(r.updatedAt)),
    safeCell(r.decidedByName),
    safeCell(r.decidedAt ? wibDateTime(r.decidedAt) : null),
    safeCell(r.reason),
  ]);
  return toCsv([CSV_HEADER, ...rows]);
}

export interface EnrolmentStats {
  total: number;
  byStatus: Record<RequestStatus, number>;
  byProgramme: Array<{ programmeId: string; total: number; byStatus: Record<RequestStatus, number> }>;
}

/** Counts by programme and status, for the admin dashboard. */
export async function stats(store: EnrolmentStore): Promise<EnrolmentStats> {
  const rows = await store.countRequestsByProgrammeAndStatus();
  const result: EnrolmentStats = { total: 0, byStatus: zeroCounts(), byProgramme: [] };
  const programmes = new Map<string, EnrolmentStats['byProgramme'][number]>();
  for (const { programmeId, status, count } of rows) {
    let programme = programmes.get(programmeId);
    if (!programme) {
      programme = { programmeId, total: 0, byStatus: zeroCounts() };
      programmes.set(programmeId, programme);
      result.byProgramme.push(programme);
    }
    programme.total += count;
    programme.byStatus[status] += count;
    result.total += count;
    result.byStatus[status] += count;
  }
  result.byProgramme.sort((a, b) => a.programmeId.localeCompare(b.programmeId));
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Personal data (UU PDP No. 27/2022)

/**
 * The user exercises the right to erasure: the wizard draft is deleted, requests still in progress are
 * cancelled (admins see the card change), and every request of the user is anonymised — personal fields
 * overwritten with "[dihapus]", the Telegram id replaced by a salted one-way hash — so that decisions
 * already taken keep an anonymous record for the audit. Undelivered messages to the user are dropped.
 */
export async function deleteUserData(
  store: EnrolmentStore,
  input: { userId: number },
  now: Date = new Date(),
): Promise<EraseOutcome> {
  const at = now.toISOString();
  return store.eraseApplicantData({
    userId: input.userId,
    now: at,
    anonymisation: await anonymisation(store),
    effects: ({ cancelled, anonymisedRequestIds, anonymisedCards, adminMessages, replacementId }) => ({
      audit: [
        ...cancelled.map(({ request }) => audit(request.id, 'cancelled', replacementId, null, { by: 'data_deletion' }, at)),
        audit(null, 'data_deleted', replacementId, null, { requestIds: [...anonymisedRequestIds].sort((a, b) => a - b), cancelled: cancelled.length }, at),
      ],
      // Every card of the user's requests is re-rendered from the anonymised record (UU PDP: no personal data left in admin chats).
      // …and the other admin messages that showed it (the forwarded reply, /lihat replies) become "[dihapus]".
      outbox: [...cardUpdates(anonymisedCards), ...messageErasures(adminMessages)],
    }),
  });
}

/**
 * Storage limitation: requests decided (approved, rejected, cancelled) more than `days` ago are anonymised
 * the same way as on request. Run daily.
 */
export async function applyRetention(
  store: EnrolmentStore,
  input: { days: number; now?: Date },
  now: Date = input.now ?? new Date(),
): Promise<{ anonymised: number }> {
  if (!Number.isFinite(input.days) || input.days < 0) {
    throw new RangeError(`applyRetention: days must be a non-negative number, got ${input.days}`);
  }
  const at = now.toISOString();
  const anonymised = await store.anonymiseDecidedRequests({
    decidedBefore: new Date(now.getTime() - input.days * 86_400_000).toISOString(),
    now: at,
    anonymisation: await anonymisation(store),
    effects: (ids, cards, adminMessages) => ({
      audit: ids.length > 0 ? [audit(null, 'retention_anonymised', null, null, { days: input.days, requestIds: [...ids] }, at)] : [],
      // The admins' copies of the cards lose the personal data too.
      outbox: [...cardUpdates(cards), ...messageErasures(adminMessages)],
    }),
  });
  return { anonymised };
}

// ---------------------------------------------------------------------------------------------------------
// Helpers

/** The chats that receive admin messages: the admin group if configured, else each admin privately. */
export function adminChats(destinations: AdminDestinations): number[] {
  return destinations.adminChatId !== undefined ? [destinations.adminChatId] : [...new Set(destinations.adminIds)];
}

function audit(
  requestId: number | null,
  action: AuditAction,
  actorId: number | null,
  actorName: string | null,
  detail: Record<string, unknown>,
  createdAt: string,
): NewAuditEntry {
  return { requestId, action, actorId, actorName, detail, createdAt };
}

function adminMessage(chatId: number, requestId: number, body: Pick<NewOutboxMessage, 'kind' | 'payload'>): NewOutboxMessage {
  return { ...body, chatId, requestId, locale: null } as NewOutboxMessage;
}

function applicantMessage(request: EnrolmentRequest, body: Pick<NewOutboxMessage, 'kind' | 'payload'>): NewOutboxMessage {
  return { ...body, chatId: request.applicantChatId, requestId: request.id, locale: request.locale } as NewOutboxMessage;
}

function cardUpdates(cards: readonly CardRef[]): NewOutboxMessage[] {
  return cards.map((card) => ({
    kind: 'card_update',
    payload: { messageId: card.messageId },
    chatId: card.chatId,
    requestId: card.requestId,
    locale: null,
  }));
}

function messageErasures(messages: readonly AdminMessageRef[]): NewOutboxMessage[] {
  return messages.map((m) => ({ kind: 'message_erase', payload: { messageId: m.messageId }, chatId: m.chatId, requestId: m.requestId, locale: null }));
}

async function anonymisation(store: EnrolmentStore): Promise<Anonymisation> {
  const salt = await store.anonymisationSalt();
  return { replacementId: (id) => anonymousApplicantId(id, salt), placeholder: ERASED };
}

function zeroCounts(): Record<RequestStatus, number> {
  return Object.fromEntries(REQUEST_STATUSES.map((status) => [status, 0])) as Record<RequestStatus, number>;
}

function instant(value: string | Date, edge: 'start' | 'end'): string {
  if (value instanceof Date) return value.toISOString();
  if (parseIsoDate(value)) return edge === 'start' ? wibDayStart(value) : wibDayEnd(value);
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) {
    throw new RangeError(`exportCsv: "${value}" is not a date; use YYYY-MM-DD (WIB day) or an ISO 8601 instant`);
  }
  return parsed.toISOString();
}
