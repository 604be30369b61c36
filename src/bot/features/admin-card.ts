import { createHash } from 'node:crypto';
import { InlineKeyboard } from 'grammy';
import type { Catalogue } from '../../enrolment/catalogue.js';
import type { AuditEntry, EnrolmentRequest, OutboxBody } from '../../enrolment/types.js';
import { escapeHtml, TELEGRAM_TEXT_LIMIT } from '../format.js';
import { adminData } from '../callback-data.js';
import {
  fieldLabel,
  formatWib,
  levelLabel,
  programmeNameHtml,
  STATUS_ICON,
  statusLabel,
  truncate,
  type Translate,
} from './enrolment-render.js';

/**
 * What admins and applicants read about a request outside the wizard: the admin card (posted by the outbox,
 * refreshed when the request changes, shown by /lihat), the decision notice to the applicant, and the
 * applicant's answer forwarded to the admins. Valid Telegram HTML, every value escaped, under 4096
 * characters whatever the inputs (each free-text field is bounded by the domain; history is capped here).
 */

/** Audit entries worth showing on a card (the needs_info ↔ answer loop); the rest is on the request itself. */
const HISTORY_ACTIONS = new Set(['needs_info', 'info_provided']);
const MAX_HISTORY = 4;

export function adminCardHtml(t: Translate, request: EnrolmentRequest, catalogue: Catalogue, audit: readonly AuditEntry[] = []): string {
  const row = (label: string, valueHtml: string) => `<b>${escapeHtml(label)}:</b> ${valueHtml}`;
  const head = `📝 <b>${t('card-title', { id: String(request.id) })}</b> · ${STATUS_ICON[request.status]} ${escapeHtml(statusLabel(t, request.status))}`;
  const lines = [head, row(fieldLabel(t, 'programme'), `${programmeNameHtml(catalogue, request.programmeId)} (<code>${escapeHtml(request.programmeId)}</code>)`)];

  if (request.anonymised) {
    lines.push(`<i>${t('card-anonymised')}</i>`);
  } else {
    lines.push(
      row(fieldLabel(t, 'full_name'), escapeHtml(request.fullName)),
      row(fieldLabel(t, 'nip'), `<code>${escapeHtml(request.nip)}</code>`),
      row(fieldLabel(t, 'instansi'), escapeHtml(request.instansi)),
      row(fieldLabel(t, 'jabatan'), escapeHtml(request.jabatan)),
      row(fieldLabel(t, 'level'), escapeHtml(levelLabel(t, request.level))),
      row(fieldLabel(t, 'email'), escapeHtml(request.email)),
      row(fieldLabel(t, 'phone'), request.phone ? escapeHtml(request.phone) : '—'),
      `<b>${escapeHtml(fieldLabel(t, 'motivation'))}:</b>\n<blockquote>${escapeHtml(request.motivation)}</blockquote>`,
    );
    const profile = request.applicantId > 0 ? `<a href="tg://user?id=${request.applicantId}">${t('card-profile')}</a> · ` : '';
    lines.push(row(t('card-applicant'), `${profile}${escapeHtml(t(`card-locale-${request.locale}`))}`));
  }
  lines.push(row(t('card-submitted'), formatWib(request.createdAt)));

  const history = cardHistory(t, request, audit);
  if (history.length > 0) lines.push('', `<b>${t('card-history')}</b>`, ...history);
  const decision = decisionLines(t, request);
  if (decision.length > 0) lines.push('', ...decision);

  const html = lines.join('\n');
  // Defensive: with history capped this never triggers, but a card must never be refused by Telegram.
  return visibleLength(html) <= TELEGRAM_TEXT_LIMIT || audit.length === 0 ? html : adminCardHtml(t, request, catalogue, []);
}

function cardHistory(t: Translate, request: EnrolmentRequest, audit: readonly AuditEntry[]): string[] {
  let entries = audit.filter((entry) => entry.requestId === request.id && HISTORY_ACTIONS.has(entry.action));
  // The question currently waiting is shown in the decision block, not twice.
  if (request.status === 'needs_info' && entries.at(-1)?.action === 'needs_info') entries = entries.slice(0, -1);
  return entries.slice(-MAX_HISTORY).map((entry) => {
    if (entry.action === 'info_provided') return `💬 ${t('card-history-answered', { at: formatWib(entry.createdAt) })}`;
    const question = typeof entry.detail.reason === 'string' ? truncate(entry.detail.reason, 200) : '';
    return `❓ ${t('card-history-asked', { name: escapeHtml(entry.actorName ?? '—'), at: formatWib(entry.createdAt) })}${question ? `: <i>${escapeHtml(question)}</i>` : ''}`;
  });
}

function decisionLines(t: Translate, request: EnrolmentRequest): string[] {
  const who = { name: escapeHtml(request.decidedByName ?? '—'), at: request.decidedAt ? formatWib(request.decidedAt) : '—' };
  const reason = request.reason ? escapeHtml(request.reason) : '';
  switch (request.status) {
    case 'approved':
      return [`✅ ${t('card-decided-approved', who)}`, ...(reason ? [`${t('card-note')}: <i>${reason}</i>`] : [])];
    case 'rejected':
      return [`❌ ${t('card-decided-rejected', who)}`, `${t('card-reason')}: <i>${reason || '—'}</i>`];
    case 'needs_info':
      return [`❓ ${t('card-decided-needs_info', who)}`, `${t('card-question')}: <i>${reason || '—'}</i>`];
    case 'cancelled':
      return [`🚫 ${t('card-cancelled', { at: who.at })}`];
    case 'pending':
      return [];
  }
}

/** Approve / Reject / Ask for info, only while the request can still be decided. */
export function adminCardKeyboard(t: Translate, request: EnrolmentRequest): InlineKeyboard | undefined {
  // Waiting for the applicant's answer: the admins can still close the request either way.
  if (request.status === 'needs_info') {
    return new InlineKeyboard().text(t('card-btn-approve'), adminData('a', request.id)).text(t('card-btn-reject'), adminData('r', request.id));
  }
  if (request.status !== 'pending') return undefined;
  return new InlineKeyboard()
    .text(t('card-btn-approve'), adminData('a', request.id))
    .text(t('card-btn-reject'), adminData('r', request.id))
    .text(t('card-btn-info'), adminData('i', request.id));
}

export interface RenderedCard {
  html: string;
  keyboard: InlineKeyboard | undefined;
  /** Identifies what the card shows: two renderings with the same fingerprint would be a no-op edit. */
  fingerprint: string;
}

/**
 * The card as posted or edited, with its fingerprint. The pressed-card refresh and the outbox's `card_update`
 * both edit the same message; each skips the edit when the stored fingerprint equals the new one, so the
 * second never sends an identical edit (Telegram's 400 "message is not modified").
 */
export function renderAdminCard(t: Translate, request: EnrolmentRequest, catalogue: Catalogue, audit: readonly AuditEntry[] = []): RenderedCard {
  const html = adminCardHtml(t, request, catalogue, audit);
  const keyboard = adminCardKeyboard(t, request);
  const fingerprint = createHash('sha256').update(JSON.stringify([html, keyboard?.inline_keyboard ?? null])).digest('base64url').slice(0, 22);
  return { html, keyboard, fingerprint };
}

type DecisionPayload = Extract<OutboxBody, { kind: 'decision_notice' }>['payload'];
type InfoPayload = Extract<OutboxBody, { kind: 'info_forwarded' }>['payload'];

/** The outcome, in the applicant's language, from the payload frozen at decision time. */
export function decisionNoticeHtml(
  t: Translate,
  requestId: number,
  request: EnrolmentRequest | null,
  payload: DecisionPayload,
  catalogue: Catalogue,
): string {
  const id = String(requestId);
  const programme = request ? programmeNameHtml(catalogue, request.programmeId) : '—';
  const reason = payload.reason ? escapeHtml(truncate(payload.reason, 1500)) : '';
  const lines = [`<b>${t(`notice-${payload.status}-title`, { id })}</b>`, `${escapeHtml(fieldLabel(t, 'programme'))}: ${programme}`];
  if (payload.status === 'approved') {
    if (reason) lines.push(`${t('notice-note')}: <i>${reason}</i>`);
    lines.push('', t('notice-approved-next'));
  } else if (payload.status === 'rejected') {
    lines.push(`${t('notice-reason')}: <i>${reason || '—'}</i>`, '', t('notice-rejected-next'));
  } else {
    lines.push(`${t('notice-question')}:`, `<blockquote>${reason || '—'}</blockquote>`, '', t('notice-needs_info-next', { id }));
  }
  return lines.join('\n');
}

/** The applicant's answer to an admin's question, for the admins. */
export function infoForwardedHtml(
  t: Translate,
  requestId: number,
  request: EnrolmentRequest | null,
  payload: InfoPayload,
  catalogue: Catalogue,
): string {
  const id = String(requestId);
  const lines = [`💬 <b>${t('forward-title', { id })}</b>`];
  if (request) {
    lines.push(`${escapeHtml(fieldLabel(t, 'programme'))}: ${programmeNameHtml(catalogue, request.programmeId)}`);
    if (!request.anonymised) lines.push(`${escapeHtml(fieldLabel(t, 'full_name'))}: ${escapeHtml(request.fullName)}`);
  }
  if (payload.question) lines.push(`${t('forward-question')}: <i>${escapeHtml(truncate(payload.question, 1000))}</i>`);
  lines.push(`${t('forward-answer')}:`, `<blockquote>${escapeHtml(truncate(payload.text, 2000))}</blockquote>`, '', t('forward-next', { id }));
  return lines.join('\n');
}

/** Length of the text Telegram counts (tags removed, entities decoded). */
export function visibleLength(html: string): number {
  const text = html.replace(/<[^>]*>/g, '').replace(/&(?:lt|gt|amp|quot|#\d+);/g, '_');
  return [...text].length;
}
