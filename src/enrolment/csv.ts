/**
 * CSV for spreadsheets (Excel, LibreOffice, Google Sheets), which is what admins open exports with.
 *
 * - UTF-8 with BOM, or Excel shows "Ã©" instead of "é".
 * - CRLF line ends and RFC 4180 quoting (quotes doubled, fields with `,` `"` CR LF quoted).
 * - Formula injection neutralised: a name such as `=HYPERLINK("http://evil")` or `+62…` would run or be
 *   reinterpreted, so cells starting with `=` `+` `-` `@` TAB or CR get a leading apostrophe (OWASP advice).
 */
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes `'` to a value a spreadsheet would evaluate. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting of one field. */
export function quoteCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * An 18-digit NIP written as the text formula `="…"` so spreadsheets keep every digit instead of showing
 * 1.99E+17. Only for values that are digits (guaranteed by validation); anything else goes through
 * `neutraliseFormula` like every other cell.
 */
export function nipCell(nip: string): string {
  return /^\d{18}$/.test(nip) ? `="${nip}"` : neutraliseFormula(nip);
}

/** Builds the whole document. Cells are written as given: neutralise them before (see `safeCell`). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(quoteCsvField).join(',')).join('\r\n') + '\r\n';
}

/** Default treatment of a cell: neutralised against formulas. */
export function safeCell(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : neutraliseFormula(String(value));
}
