import { InlineKeyboard } from 'grammy';
import { wibDateTime } from '../../enrolment/calendar.js';
import { findProgramme, openProgrammes, type Catalogue, type Programme } from '../../enrolment/catalogue.js';
import { canCancel } from '../../enrolment/status-rules.js';
import { LEVELS, type EnrolmentRequest, type Level, type RequestStatus } from '../../enrolment/types.js';
import {
  WIZARD_FIELDS,
  type DraftAnswers,
  type EnrolmentDraft,
  type WizardErrorCode,
  type WizardField,
  type WizardWarningCode,
} from '../../enrolment/wizard.js';
import { escapeHtml } from '../format.js';
import { wizardData } from '../callback-data.js';

/**
 * Rendering of the enrolment flow for the applicant: questions, errors, summary, /status lines.
 *
 * Every function takes a translator instead of a context so the outbox sender (which has no update) can
 * render the same texts in another user's language. Every dynamic value is HTML-escaped here, before it
 * reaches Fluent: the catalogues interpolate without escaping.
 */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** `2026-11-28 10:05 WIB`. */
export function formatWib(iso: string): string {
  return `${wibDateTime(iso).slice(0, 16)} WIB`;
}

export const levelLabel = (t: Translate, level: Level): string => t(`level-${level}`);
export const statusLabel = (t: Translate, status: RequestStatus): string => t(`status-${status}`);
export const fieldLabel = (t: Translate, field: WizardField): string => t(`field-${field}`);

export const STATUS_ICON: Record<RequestStatus, string> = {
  pending: '⏳',
  needs_info: '❓',
  approved: '✅',
  rejected: '❌',
  cancelled: '🚫',
};

/** The programme's name (escaped), or its id when it is no longer in the catalogue. */
export function programmeNameHtml(catalogue: Catalogue, programmeId: string): string {
  return escapeHtml(findProgramme(catalogue, programmeId)?.name ?? programmeId);
}

export function levelsHtml(t: Translate, levels: readonly Level[]): string {
  return levels.map((level) => escapeHtml(levelLabel(t, level))).join(', ');
}

/** Position of a field in the flow, 1-based (the programme is step 1 of 9). */
export function stepNumber(field: WizardField): number {
  return WIZARD_FIELDS.indexOf(field) + 1;
}

// ---------------------------------------------------------------------------------------------------------
// Questions

export interface Rendered {
  html: string;
  keyboard?: InlineKeyboard;
}

/** The programme list: only open programmes, each with the levels it accepts. */
export function programmeQuestion(t: Translate, draft: EnrolmentDraft, catalogue: Catalogue, now: Date): Rendered {
  const open = openProgrammes(catalogue, now);
  const keyboard = new InlineKeyboard();
  const lines = [stepHeader(t, 'programme'), t('wizard-ask-programme'), ''];
  for (const programme of open) {
    lines.push(programmeLine(t, programme));
    keyboard.text(truncate(programme.name, 48), wizardData(draft, { kind: 'programme', programmeId: programme.id })).row();
  }
  if (open.length === 0) lines.push(t('enrol-none-open'));
  keyboard.text(t('wizard-btn-cancel'), wizardData(draft, { kind: 'cancel' }));
  return { html: lines.join('\n'), keyboard };
}

function programmeLine(t: Translate, programme: Programme): string {
  const mode = escapeHtml(t(`mode-${programme.mode}`));
  const dates = t('wizard-programme-window', { closes: escapeHtml(programme.registration.closes) });
  return `• <b>${escapeHtml(programme.name)}</b>\n  ${t('wizard-programme-levels', { levels: levelsHtml(t, programme.eligibility.levels) })} · ${mode} · ${dates}`;
}

/** The question for `step` (with its keyboard); for `summary`, the summary with Confirm / Edit / Cancel. */
export function stepQuestion(t: Translate, draft: EnrolmentDraft, catalogue: Catalogue, now: Date): Rendered {
  const step = draft.step;
  if (step === 'summary') return summary(t, draft, catalogue);
  if (step === 'programme') return programmeQuestion(t, draft, catalogue, now);

  const lines = [stepHeader(t, step), t(`wizard-ask-${step}`)];
  const keyboard = new InlineKeyboard();
  if (step === 'level') {
    const programme = draft.answers.programmeId ? findProgramme(catalogue, draft.answers.programmeId) : undefined;
    if (programme) lines.push(t('wizard-level-allowed', { levels: levelsHtml(t, programme.eligibility.levels) }));
    LEVELS.forEach((level, i) => {
      keyboard.text(levelLabel(t, level), wizardData(draft, { kind: 'level', level }));
      if (i % 2 === 1) keyboard.row();
    });
    keyboard.row().text(t('wizard-btn-change-programme'), wizardData(draft, { kind: 'edit', field: 'programme' }));
  }
  if (step === 'phone') keyboard.text(t('wizard-btn-skip'), wizardData(draft, { kind: 'skip' }));
  const current = step === 'level' && draft.answers.level ? escapeHtml(levelLabel(t, draft.answers.level)) : currentValue(draft.answers, step);
  if (current !== undefined) lines.push(t('wizard-current-value', { value: current }));
  lines.push(`<i>${t('wizard-cancel-hint')}</i>`);
  keyboard.row().text(t('wizard-btn-cancel'), wizardData(draft, { kind: 'cancel' }));
  return { html: lines.join('\n'), keyboard };
}

function stepHeader(t: Translate, field: WizardField): string {
  return `<b>${t('wizard-step', { n: String(stepNumber(field)), total: String(WIZARD_FIELDS.length) })}</b>`;
}

/** When a field is being edited, its current value (escaped), so the user sees what they are replacing. */
function currentValue(answers: DraftAnswers, field: WizardField): string | undefined {
  const value = answerOf(answers, field);
  return value === undefined || value === null ? undefined : escapeHtml(value);
}

function answerOf(answers: DraftAnswers, field: WizardField): string | null | undefined {
  switch (field) {
    case 'programme': return answers.programmeId;
    case 'full_name': return answers.fullName;
    case 'nip': return answers.nip;
    case 'instansi': return answers.instansi;
    case 'jabatan': return answers.jabatan;
    case 'level': return answers.level;
    case 'email': return answers.email;
    case 'phone': return answers.phone;
    case 'motivation': return answers.motivation;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Summary

export function summary(t: Translate, draft: EnrolmentDraft, catalogue: Catalogue): Rendered {
  return { html: summaryHtml(t, draft, catalogue), keyboard: summaryKeyboard(t, draft) };
}

export function summaryHtml(t: Translate, draft: EnrolmentDraft, catalogue: Catalogue): string {
  const a = draft.answers;
  const row = (field: WizardField, valueHtml: string) => `<b>${escapeHtml(fieldLabel(t, field))}:</b> ${valueHtml}`;
  const lines = [
    `<b>${t('wizard-summary-title')}</b>`,
    t('wizard-summary-intro'),
    '',
    row('programme', a.programmeId ? programmeNameHtml(catalogue, a.programmeId) : '—'),
    row('full_name', escapeHtml(a.fullName ?? '—')),
    row('nip', a.nip ? `<code>${escapeHtml(a.nip)}</code>` : '—'),
    row('instansi', escapeHtml(a.instansi ?? '—')),
    row('jabatan', escapeHtml(a.jabatan ?? '—')),
    row('level', a.level ? escapeHtml(levelLabel(t, a.level)) : '—'),
    row('email', escapeHtml(a.email ?? '—')),
    row('phone', a.phone ? escapeHtml(a.phone) : escapeHtml(t('wizard-phone-skipped'))),
    row('motivation', escapeHtml(a.motivation ?? '—')),
    '',
    t('wizard-summary-actions'),
  ];
  return lines.join('\n');
}

export function summaryKeyboard(t: Translate, draft: EnrolmentDraft): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('wizard-btn-submit'), wizardData(draft, { kind: 'submit' }))
    .row()
    .text(t('wizard-btn-edit'), wizardData(draft, { kind: 'edit_menu' }))
    .text(t('wizard-btn-cancel'), wizardData(draft, { kind: 'cancel' }));
}

/** "Which field?" keyboard shown in place of the summary buttons. */
export function editKeyboard(t: Translate, draft: EnrolmentDraft): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  WIZARD_FIELDS.forEach((field, i) => {
    keyboard.text(fieldLabel(t, field), wizardData(draft, { kind: 'edit', field }));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard.row().text(t('wizard-btn-back'), wizardData(draft, { kind: 'summary' }));
}

// ---------------------------------------------------------------------------------------------------------
// Errors and warnings

export interface ErrorDetails {
  /** What the user typed (raw), for messages that quote a count. */
  input?: string;
  /** Levels the programme accepts (`not_eligible`, `level_reset`). */
  allowed?: readonly Level[];
  /** The level the user picked (`not_eligible`). */
  level?: Level;
  programmeId?: string;
}

/** The specific sentence for a refused answer (HTML). */
export function errorHtml(t: Translate, code: WizardErrorCode | 'draft_incomplete', catalogue: Catalogue, details: ErrorDetails = {}): string {
  const vars: Record<string, string> = {};
  if (code === 'nip_length') vars.count = String([...(details.input ?? '').replace(/\s+/g, '')].length);
  if (code === 'not_eligible') {
    vars.programme = details.programmeId ? programmeNameHtml(catalogue, details.programmeId) : '';
    vars.levels = levelsHtml(t, details.allowed ?? []);
    vars.level = details.level ? escapeHtml(levelLabel(t, details.level)) : '';
  }
  return `⚠️ ${t(`err-${code}`, vars)}`;
}

export function warningHtml(t: Translate, code: WizardWarningCode, details: ErrorDetails = {}): string {
  if (code === 'level_reset') return `ℹ️ ${t('warn-level_reset', { levels: levelsHtml(t, details.allowed ?? []) })}`;
  return `ℹ️ ${t(`warn-${code}`)}`;
}

// ---------------------------------------------------------------------------------------------------------
// The applicant's requests

/** One request as the applicant sees it in /status. */
export function requestStatusHtml(t: Translate, request: EnrolmentRequest, catalogue: Catalogue): string {
  const lines = [
    `${STATUS_ICON[request.status]} <b>#${request.id}</b> · ${programmeNameHtml(catalogue, request.programmeId)}`,
    `${t('status-label')}: <b>${escapeHtml(statusLabel(t, request.status))}</b>`,
    `${t('status-submitted')}: ${formatWib(request.createdAt)}`,
  ];
  if (request.decidedAt && request.status !== 'pending') lines.push(`${t('status-updated')}: ${formatWib(request.decidedAt)}`);
  else if (request.updatedAt !== request.createdAt) lines.push(`${t('status-updated')}: ${formatWib(request.updatedAt)}`);
  if (request.reason) {
    const label = request.status === 'needs_info' ? t('status-question') : request.status === 'approved' ? t('status-note') : t('status-reason');
    lines.push(`${label}: <i>${escapeHtml(request.reason)}</i>`);
  }
  if (request.status === 'needs_info') lines.push(t('status-reply-hint'));
  if (canCancel(request.status)) lines.push(t('status-cancel-hint', { id: String(request.id) }));
  return lines.join('\n');
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** How a Telegram user is named on cards and in the audit log (no username: it may change). */
export function displayName(user: { first_name: string; last_name?: string; id: number }): string {
  return [user.first_name, user.last_name].filter(Boolean).join(' ').trim() || String(user.id);
}
