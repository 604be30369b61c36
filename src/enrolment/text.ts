/**
 * Input hygiene shared by every validator.
 *
 * Telegram clients happily forward zero-width joiners, bidi overrides (used to disguise text), BOMs and
 * stray control characters from copy-pasted documents. They are invisible to the admin reading a card but
 * break de-duplication, CSV exports and spreadsheets, so they are removed before any rule is checked.
 */

/** Format characters (zero-width, bidi controls, BOM, soft hyphen) and all C0/C1 controls. */
const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;
const INVISIBLE_EXCEPT_NEWLINE = /(?![\n])[\p{Cf}\p{Cc}]/gu;
/** Unicode spaces other than the plain one (NBSP, thin space, ideographic space, line/paragraph separators). */
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;

/**
 * Single-line clean-up: NFC, odd spaces and tabs/newlines → one space, invisible characters removed,
 * whitespace collapsed, trimmed.
 *
 * @example cleanLine('  Siti\u200b  Rahma\n') // 'Siti Rahma'
 */
export function cleanLine(input: string): string {
  return input
    .normalize('NFC')
    .replace(ODD_SPACES, ' ')
    .replace(/[\t\r\n\v\f]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * Multi-line clean-up for free text (motivation, replies to admins): keeps line breaks (at most one blank
 * line in a row), removes everything invisible, trims each line.
 */
export function cleanText(input: string): string {
  return input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(ODD_SPACES, ' ')
    .replace(/\t/g, ' ')
    .replace(INVISIBLE_EXCEPT_NEWLINE, '')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Length in user-perceived characters (code points), so "é" or an emoji counts once. */
export function charLength(text: string): number {
  return [...text].length;
}
