import { checkEligibility, findProgramme, isOpen, type Catalogue } from './catalogue.js';
import { validateNip, type NipErrorCode } from './nip.js';
import { cleanLine } from './text.js';
import type { Locale } from '../locale.js';
import type { EnrolmentSubmission, Level } from './types.js';
import {
  validateEmail,
  validateFullName,
  validateInstansi,
  validateJabatan,
  validateLevel,
  validateMotivation,
  validatePhone,
  type FieldErrorCode,
  type FieldResult,
  type FieldWarningCode,
} from './validation.js';

/** Steps of /daftar in the order they are asked. `summary` is where the user confirms or edits. */
export const WIZARD_STEPS = [
  'programme',
  'full_name',
  'nip',
  'instansi',
  'jabatan',
  'level',
  'email',
  'phone',
  'motivation',
  'summary',
] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
/** A step that asks for one answer (every step but `summary`). */
export type WizardField = Exclude<WizardStep, 'summary'>;
export const WIZARD_FIELDS: readonly WizardField[] = WIZARD_STEPS.filter(
  (step): step is WizardField => step !== 'summary',
);

export interface DraftAnswers {
  programmeId?: string;
  fullName?: string;
  nip?: string;
  instansi?: string;
  jabatan?: string;
  level?: Level;
  email?: string;
  /** `null` = the user chose to skip; `undefined` = not asked yet. */
  phone?: string | null;
  motivation?: string;
}

/**
 * The state of one /daftar conversation. Plain JSON on purpose: the store persists it after every answer,
 * so a restart of the bot in the middle of the flow loses nothing.
 */
export interface EnrolmentDraft {
  version: 1;
  userId: number;
  chatId: number;
  locale: Locale;
  step: WizardStep;
  answers: DraftAnswers;
  startedAt: string;
  updatedAt: string;
}

export type WizardErrorCode =
  | FieldErrorCode
  | NipErrorCode
  | 'programme_unknown'
  | 'programme_closed'
  | 'not_eligible'
  /** The answer is for another step than the one the draft is on (an old button was pressed). */
  | 'unexpected_step';

export type WizardWarningCode =
  | FieldWarningCode
  /** The programme was changed and the earlier level does not fit it: the level is asked again. */
  | 'level_reset';

export interface WizardContext {
  catalogue: Catalogue;
  now: Date;
}

export interface WizardOutcome {
  draft: EnrolmentDraft;
  /** Step to ask next; equal to the current step when `error` is set. */
  next: WizardStep;
  error?: WizardErrorCode;
  warning?: WizardWarningCode;
  /** With `not_eligible` (and `level_reset`): the levels the programme accepts. */
  allowed?: Level[];
}

const ANSWER_KEY = {
  programme: 'programmeId',
  full_name: 'fullName',
  nip: 'nip',
  instansi: 'instansi',
  jabatan: 'jabatan',
  level: 'level',
  email: 'email',
  phone: 'phone',
  motivation: 'motivation',
} as const satisfies Record<WizardField, keyof DraftAnswers>;

/** A fresh draft on the first step. */
export function startDraft(userId: number, chatId: number, locale: Locale, now: Date = new Date()): EnrolmentDraft {
  const at = now.toISOString();
  return { version: 1, userId, chatId, locale, step: 'programme', answers: {}, startedAt: at, updatedAt: at };
}

/**
 * Applies the user's answer for `step`.
 *
 * A refused value returns its specific error code and the draft unchanged (all earlier answers kept,
 * same step). An accepted value moves to the first step still unanswered, which is the next step in a
 * normal run and `summary` after an edit — so editing one field never re-asks the others.
 *
 * @example
 * let { draft, next, error } = applyInput(draft, 'nip', '19900115 201503 1 002', { catalogue, now });
 */
export function applyInput(draft: EnrolmentDraft, step: WizardStep, input: string, ctx: WizardContext): WizardOutcome {
  if (step !== draft.step || step === 'summary') return { draft, next: draft.step, error: 'unexpected_step' };

  const refuse = (error: WizardErrorCode, allowed?: Level[]): WizardOutcome =>
    allowed ? { draft, next: step, error, allowed } : { draft, next: step, error };

  switch (step) {
    case 'programme': {
      const programme = resolveProgramme(ctx.catalogue, input);
      if (!programme) return refuse('programme_unknown');
      if (!isOpen(programme, ctx.now)) return refuse('programme_closed');
      const answers: DraftAnswers = { ...draft.answers, programmeId: programme.id };
      const level = draft.answers.level;
      if (level && !checkEligibility(programme, level).eligible) {
        delete answers.level;
        const moved = advance(draft, answers, ctx.now);
        return { ...moved, warning: 'level_reset', allowed: [...programme.eligibility.levels] };
      }
      return advance(draft, answers, ctx.now);
    }
    case 'nip': {
      const nip = validateNip(input, ctx.now);
      return nip.ok ? advance(draft, { ...draft.answers, nip: nip.nip }, ctx.now) : refuse(nip.code);
    }
    case 'level': {
      const level = validateLevel(input);
      if (!level.ok) return refuse(level.code);
      const programme = draft.answers.programmeId ? findProgramme(ctx.catalogue, draft.answers.programmeId) : undefined;
      if (programme) {
        const eligibility = checkEligibility(programme, level.value);
        if (!eligibility.eligible) return refuse('not_eligible', eligibility.allowed);
      }
      return advance(draft, { ...draft.answers, level: level.value }, ctx.now);
    }
    default: {
      const result = FIELD_VALIDATORS[step](input);
      if (!result.ok) return refuse(result.code);
      const moved = advance(draft, { ...draft.answers, [ANSWER_KEY[step]]: result.value }, ctx.now);
      return result.warning ? { ...moved, warning: result.warning } : moved;
    }
  }
}

/**
 * Goes back to one field from the summary. After it is answered, `applyInput` returns to `summary`
 * because every other field is still answered.
 */
export function editField(draft: EnrolmentDraft, field: WizardField, now: Date = new Date()): EnrolmentDraft {
  return { ...draft, step: field, updatedAt: now.toISOString() };
}

/** The first unanswered field, or `summary` when everything is answered. */
export function firstUnansweredStep(answers: DraftAnswers): WizardStep {
  return WIZARD_FIELDS.find((field) => answers[ANSWER_KEY[field]] === undefined) ?? 'summary';
}

export type SubmissionCheck =
  | { ok: true; submission: EnrolmentSubmission }
  | { ok: false; code: 'draft_incomplete'; field: WizardField }
  | { ok: false; code: WizardErrorCode; field: WizardField; allowed?: Level[] };

/**
 * Re-validates a whole draft before it becomes a request. Drafts live in the database for a while: the
 * programme may have closed since, and a stored draft is input like any other, so nothing is trusted.
 */
export function checkDraft(draft: EnrolmentDraft, ctx: WizardContext): SubmissionCheck {
  const missing = WIZARD_FIELDS.find((field) => draft.answers[ANSWER_KEY[field]] === undefined);
  if (missing) return { ok: false, code: 'draft_incomplete', field: missing };
  const a = draft.answers as Required<DraftAnswers>;

  const programme = findProgramme(ctx.catalogue, a.programmeId);
  if (!programme) return { ok: false, code: 'programme_unknown', field: 'programme' };
  if (!isOpen(programme, ctx.now)) return { ok: false, code: 'programme_closed', field: 'programme' };

  const nip = validateNip(a.nip, ctx.now);
  if (!nip.ok) return { ok: false, code: nip.code, field: 'nip' };
  const level = validateLevel(a.level);
  if (!level.ok) return { ok: false, code: level.code, field: 'level' };
  const eligibility = checkEligibility(programme, level.value);
  if (!eligibility.eligible) return { ok: false, code: 'not_eligible', field: 'level', allowed: eligibility.allowed };

  const fields = {
    fullName: ['full_name', validateFullName(a.fullName)],
    instansi: ['instansi', validateInstansi(a.instansi)],
    jabatan: ['jabatan', validateJabatan(a.jabatan)],
    email: ['email', validateEmail(a.email)],
    phone: ['phone', a.phone === null ? ({ ok: true, value: null } as const) : validatePhone(a.phone)],
    motivation: ['motivation', validateMotivation(a.motivation)],
  } as const;
  for (const [field, result] of Object.values(fields)) {
    if (!result.ok) return { ok: false, code: result.code, field };
  }
  const value = <T>(result: FieldResult<T>): T => (result as { value: T }).value;

  return {
    ok: true,
    submission: {
      programmeId: programme.id,
      applicantId: draft.userId,
      applicantChatId: draft.chatId,
      locale: draft.locale,
      fullName: value(fields.fullName[1]),
      nip: nip.nip,
      instansi: value(fields.instansi[1]),
      jabatan: value(fields.jabatan[1]),
      level: level.value,
      email: value(fields.email[1]),
      phone: value(fields.phone[1]),
      motivation: value(fields.motivation[1]),
    },
  };
}

const FIELD_VALIDATORS: Record<Exclude<WizardField, 'programme' | 'nip' | 'level'>, (input: string) => FieldResult<string | null>> = {
  full_name: validateFullName,
  instansi: validateInstansi,
  jabatan: validateJabatan,
  email: validateEmail,
  phone: validatePhone,
  motivation: validateMotivation,
};

function advance(draft: EnrolmentDraft, answers: DraftAnswers, now: Date): WizardOutcome {
  const next = firstUnansweredStep(answers);
  return { draft: { ...draft, answers, step: next, updatedAt: now.toISOString() }, next };
}

/** A programme chosen by button (its id) or typed (id or exact name, any case). */
function resolveProgramme(catalogue: Catalogue, input: string) {
  const wanted = cleanLine(input).toLowerCase();
  return catalogue.programmes.find(
    (programme) => programme.id === wanted || programme.name.toLowerCase() === wanted,
  );
}
