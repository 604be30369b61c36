import { LEVELS, type Level } from '../enrolment/types.js';
import { WIZARD_FIELDS, type EnrolmentDraft, type WizardField } from '../enrolment/wizard.js';
import type { Locale } from '../locale.js';

/**
 * Every button's `callback_data`, in one table, so that builders and parsers cannot drift apart.
 * Telegram allows 1–64 *bytes*; the longest value here is `w:<9>:p:<24-char programme id>` = 38 bytes.
 *
 * | data                      | meaning                                                       |
 * | ------------------------- | ------------------------------------------------------------- |
 * | `menu:<entry>`            | /start menu: example, programmes, enrol, help, language       |
 * | `lang:id` / `lang:en`     | /bahasa: choose the interface language                        |
 * | `prog:list`               | programmes: back to the list                                  |
 * | `prog:<programme>`        | programmes: one programme's detail page                       |
 * | `enrol:<programme>`       | "enrol in this programme" (from its detail page)              |
 * | `fb:u:<answer>` / `fb:d:<answer>` | 👍 / 👎 on an answer                                   |
 * | `w:<tok>:p:<programme>`   | wizard: programme chosen                                      |
 * | `w:<tok>:l:<level>`       | wizard: level chosen                                          |
 * | `w:<tok>:s`               | wizard: skip the optional phone number                        |
 * | `w:<tok>:ok`              | wizard: submit from the summary                               |
 * | `w:<tok>:ed`              | wizard: show the "which field?" keyboard                      |
 * | `w:<tok>:e:<field>`       | wizard: edit one field                                        |
 * | `w:<tok>:sum`             | wizard: back from the field keyboard to the summary buttons   |
 * | `w:<tok>:x`               | wizard: cancel the draft                                      |
 * | `rq:c:<id>` / `rq:y:<id>` / `rq:n:<id>` | applicant: ask to cancel / confirm / keep a request |
 * | `pd:y` / `pd:n`           | /hapusdata: confirm / keep                                    |
 * | `adm:a:<id>`              | admin card: approve                                           |
 * | `adm:r:<id>`              | admin card: reject (asks for the reason)                      |
 * | `adm:i:<id>`              | admin card: ask the applicant for information                 |
 * | `adm:v:<id>`              | queue: show one request's card                                |
 * | `adm:q:<page>`            | queue: go to page                                             |
 * | `up:r:<tok>` / `up:k:<tok>` | upload: replace the existing document / keep it             |
 * | `up:u:<tok>`              | upload report: undo the upload                                |
 * | `dok:<page>:<query>`      | /dokumen: go to page (query cut to fit 64 bytes)              |
 * | `hd:<doc>` / `hd:y:<doc>` / `hd:n` | /hapusdokumen: choose / confirm / keep                |
 * | `gap:x:<gap>`             | /celah: examples of one gap group                             |
 * | `watch:<id>`              | "🔔 Kabari saya" under a refusal or partial answer            |
 * | `fr:<answer>:<w|o|i|r>`   | 👎 reason: wrong, outdated, incomplete, irrelevant            |
 *
 * `<tok>` identifies the draft a wizard button belongs to (its start time in base 36): a button of a
 * finished or cancelled draft can never act on a newer one, and is answered as expired instead.
 */
export const MAX_CALLBACK_BYTES = 64;

export const MENU_ENTRIES = ['example', 'programmes', 'enrol', 'help', 'language'] as const;
export type MenuEntry = (typeof MENU_ENTRIES)[number];
export const menuData = (entry: MenuEntry): string => `menu:${entry}`;

export const languageData = (locale: Locale): string => `lang:${locale}`;
export const LANGUAGE_DATA = /^lang:(id|en)$/;

export const PROGRAMME_LIST_DATA = 'prog:list';
export const programmeData = (programmeId: string): string => checked(`prog:${programmeId}`);
export const PROGRAMME_DATA = /^prog:([a-z0-9-]{1,24})$/;
export const enrolData = (programmeId: string): string => checked(`enrol:${programmeId}`);
export const ENROL_DATA = /^enrol:([a-z0-9-]{1,24})$/;

export type FeedbackVerdict = 'u' | 'd';
export const feedbackData = (verdict: FeedbackVerdict, answerId: string): string => checked(`fb:${verdict}:${answerId}`);
export const FEEDBACK_DATA = /^fb:([ud]):([A-Za-z0-9_-]{1,16})$/;

export type WizardAction =
  | { kind: 'programme'; programmeId: string }
  | { kind: 'level'; level: Level }
  | { kind: 'skip' }
  | { kind: 'submit' }
  | { kind: 'edit_menu' }
  | { kind: 'edit'; field: WizardField }
  | { kind: 'summary' }
  | { kind: 'cancel' };

/** Short, stable token of a draft: its start instant in base 36 (8–9 characters). */
export function draftToken(draft: Pick<EnrolmentDraft, 'startedAt'>): string {
  const ms = Date.parse(draft.startedAt);
  return Number.isFinite(ms) ? ms.toString(36) : '0';
}

export function wizardData(draft: Pick<EnrolmentDraft, 'startedAt'>, action: WizardAction): string {
  const tok = draftToken(draft);
  switch (action.kind) {
    case 'programme': return checked(`w:${tok}:p:${action.programmeId}`);
    case 'level': return checked(`w:${tok}:l:${action.level}`);
    case 'skip': return checked(`w:${tok}:s`);
    case 'submit': return checked(`w:${tok}:ok`);
    case 'edit_menu': return checked(`w:${tok}:ed`);
    case 'edit': return checked(`w:${tok}:e:${action.field}`);
    case 'summary': return checked(`w:${tok}:sum`);
    case 'cancel': return checked(`w:${tok}:x`);
  }
}

/** Anything under `w:` (so malformed or stale wizard data is still answered, as expired). */
export const ANY_WIZARD_DATA = /^w:/;
export const WIZARD_DATA = /^w:([0-9a-z]{1,12}):(p|l|s|ok|ed|e|sum|x)(?::([a-z0-9_-]{1,24}))?$/;

/** Parses `w:…` data; `null` for anything malformed (answered as expired by the caller). */
export function parseWizardData(data: string): { token: string; action: WizardAction } | null {
  const m = WIZARD_DATA.exec(data);
  if (!m) return null;
  const [, token, verb, arg] = m as unknown as [string, string, string, string | undefined];
  switch (verb) {
    case 'p': return arg ? { token, action: { kind: 'programme', programmeId: arg } } : null;
    case 'l': return arg && (LEVELS as readonly string[]).includes(arg) ? { token, action: { kind: 'level', level: arg as Level } } : null;
    case 'e': return arg && (WIZARD_FIELDS as readonly string[]).includes(arg) ? { token, action: { kind: 'edit', field: arg as WizardField } } : null;
    case 's': return arg ? null : { token, action: { kind: 'skip' } };
    case 'ok': return arg ? null : { token, action: { kind: 'submit' } };
    case 'ed': return arg ? null : { token, action: { kind: 'edit_menu' } };
    case 'sum': return arg ? null : { token, action: { kind: 'summary' } };
    case 'x': return arg ? null : { token, action: { kind: 'cancel' } };
    default: return null;
  }
}

export const requestData = (verb: 'c' | 'y' | 'n', requestId: number): string => checked(`rq:${verb}:${requestId}`);
export const REQUEST_DATA = /^rq:(c|y|n):(\d{1,15})$/;

export const PRIVACY_DATA = { confirm: 'pd:y', keep: 'pd:n' } as const;

export type AdminVerb = 'a' | 'r' | 'i' | 'v';
export const adminData = (verb: AdminVerb, requestId: number): string => checked(`adm:${verb}:${requestId}`);
export const adminQueueData = (page: number): string => checked(`adm:q:${page}`);
export const ADMIN_DATA = /^adm:(a|r|i|v):(\d{1,15})$/;
export const ADMIN_QUEUE_DATA = /^adm:q:(\d{1,6})$/;
/** Anything under `adm:` (so malformed admin data is still answered, and refused to non-admins). */
export const ANY_ADMIN_DATA = /^adm:/;

export type UploadVerb = 'r' | 'k' | 'u';
export const uploadData = (verb: UploadVerb, token: string): string => checked(`up:${verb}:${token}`);
export const UPLOAD_DATA = /^up:([rku]):([A-Za-z0-9_-]{8,20})$/;

export const documentsPageData = (page: number, query: string): string => checked(`dok:${page}:${fitBytes(query, 50)}`);
export const DOCUMENTS_PAGE_DATA = /^dok:(\d{1,4}):(.*)$/;

export const removeDocumentData = (documentId: number, confirmed = false): string => checked(`hd:${confirmed ? 'y:' : ''}${documentId}`);
export const REMOVE_DOCUMENT_KEEP_DATA = 'hd:n';
export const REMOVE_DOCUMENT_DATA = /^hd:(?:(y):)?(\d{1,9})$|^hd:n$/;

export const gapExamplesData = (gapId: number): string => checked(`gap:x:${gapId}`);
export const GAP_EXAMPLES_DATA = /^gap:x:(\d{1,9})$/;

export const watchData = (watchId: number): string => checked(`watch:${watchId}`);
export const WATCH_DATA = /^watch:(\d{1,12})$/;

export type ReasonCode = 'w' | 'o' | 'i' | 'r';
export const feedbackReasonData = (answerId: string, code: ReasonCode): string => checked(`fr:${answerId}:${code}`);
export const FEEDBACK_REASON_DATA = /^fr:([A-Za-z0-9_-]{1,16}):([woir])$/;

/** The longest prefix of `text` that fits in `max` UTF-8 bytes. */
function fitBytes(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > max) break;
    out += ch;
  }
  return out;
}

function checked(data: string): string {
  if (Buffer.byteLength(data, 'utf8') > MAX_CALLBACK_BYTES) {
    throw new RangeError(`callback_data "${data}" exceeds ${MAX_CALLBACK_BYTES} bytes; shorten the programme id`);
  }
  return data;
}
