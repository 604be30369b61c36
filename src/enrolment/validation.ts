import { normaliseLevel } from './level.js';
import { charLength, cleanLine, cleanText } from './text.js';
import type { Level } from './types.js';

/** Codes for refused field values; the bot maps each to a sentence in the user's language. */
export type FieldErrorCode =
  | 'full_name_length'
  | 'full_name_chars'
  | 'instansi_length'
  | 'jabatan_length'
  | 'level_invalid'
  | 'email_invalid'
  | 'phone_invalid'
  | 'motivation_length';

/** Codes for accepted values the user should still look at. */
export type FieldWarningCode = 'email_not_official';

export type FieldResult<T> = { ok: true; value: T; warning?: FieldWarningCode } | { ok: false; code: FieldErrorCode };

/**
 * Letters (any script, with combining marks), spaces and the punctuation of Indonesian names and academic
 * titles: "Dr. Siti Rahma, S.Kom., M.T.", "R.A. Kartini", "Ni Luh Made D'Ayu", "Abdul-Karim".
 */
const NAME_CHARS = /^[\p{L}\p{M} .,'-]+$/u;

/**
 * Full name as written on official documents (with titles), 3–100 characters, starting with a letter.
 * Typographic apostrophes are turned into `'` so the same name is stored the same way.
 */
export function validateFullName(input: string): FieldResult<string> {
  const name = cleanLine(input).replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/\s*,\s*/g, ', ').replace(/,\s*$/, ',').trim();
  const length = charLength(name);
  if (length < 3 || length > 100) return { ok: false, code: 'full_name_length' };
  if (!NAME_CHARS.test(name) || !/^\p{L}/u.test(name) || /[.,'-]{3,}|,,/.test(name)) {
    return { ok: false, code: 'full_name_chars' };
  }
  return { ok: true, value: name };
}

/** Agency name (e.g. "Dinas Kominfo Provinsi Kalimantan Timur"), 2–150 characters. */
export function validateInstansi(input: string): FieldResult<string> {
  return boundedLine(input, 2, 150, 'instansi_length');
}

/** Position title (e.g. "Pranata Komputer Ahli Muda"), 2–150 characters. */
export function validateJabatan(input: string): FieldResult<string> {
  return boundedLine(input, 2, 150, 'jabatan_length');
}

/** Level from a button value or free words ("eselon 3", "staf", "JPT"); see `normaliseLevel`. */
export function validateLevel(input: string): FieldResult<Level> {
  const level = normaliseLevel(input);
  return level ? { ok: true, value: level } : { ok: false, code: 'level_invalid' };
}

/** Pragmatic address syntax: one @, a dotted domain with a 2+ letter TLD, no spaces, ≤ 254 characters. */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$/;

/**
 * E-mail address; the domain is lower-cased. Government addresses end in `.go.id`; others (gmail…) are
 * accepted because many regional officials have no working official mailbox, but carry the warning
 * `email_not_official` so the wizard can ask them to double-check.
 */
export function validateEmail(input: string): FieldResult<string> {
  const raw = cleanLine(input).replace(/\s+/g, '');
  const at = raw.lastIndexOf('@');
  if (at < 1 || raw.length > 254) return { ok: false, code: 'email_invalid' };
  const local = raw.slice(0, at);
  const email = `${local}@${raw.slice(at + 1).toLowerCase()}`;
  if (!EMAIL.test(email) || local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return { ok: false, code: 'email_invalid' };
  }
  return email.endsWith('.go.id') ? { ok: true, value: email } : { ok: true, value: email, warning: 'email_not_official' };
}

/** Answers meaning "I'd rather not give a phone number". */
const SKIP_WORDS = new Set(['-', 'lewati', 'skip', 'tidak ada', 'tidak', 'none', 'no', 'kosong']);

/**
 * Optional Indonesian mobile number: `08…`, `628…` or `+628…`, 10–15 digits as written, separators
 * (space, dash, dot, parentheses) ignored. Normalised to E.164 (`+628…`) so admins can tap it. `-`,
 * "lewati" or "skip" mean no number (`value: null`).
 *
 * @example validatePhone('0812-3456-7890') // { ok: true, value: '+6281234567890' }
 */
export function validatePhone(input: string): FieldResult<string | null> {
  const text = cleanLine(input);
  if (text === '' || SKIP_WORDS.has(text.toLowerCase())) return { ok: true, value: null };
  const compact = text.replace(/[\s().-]/g, '');
  const match = /^(?:\+62|62|0)(8\d+)$/.exec(compact);
  if (!match) return { ok: false, code: 'phone_invalid' };
  const digits = compact.replace(/^\+/, '').length;
  if (digits < 10 || digits > 15) return { ok: false, code: 'phone_invalid' };
  return { ok: true, value: `+62${match[1]}` };
}

/** Why the official wants to join, 10–500 characters; line breaks are kept. */
export function validateMotivation(input: string): FieldResult<string> {
  const text = cleanText(input);
  const length = charLength(text);
  return length < 10 || length > 500 ? { ok: false, code: 'motivation_length' } : { ok: true, value: text };
}

function boundedLine(input: string, min: number, max: number, code: FieldErrorCode): FieldResult<string> {
  const text = cleanLine(input);
  const length = charLength(text);
  return length < min || length > max ? { ok: false, code } : { ok: true, value: text };
}
