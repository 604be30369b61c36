/**
 * Personal data (UU PDP No. 27/2022) detection and redaction.
 *
 * Used by the logger (nothing personal ever reaches a log line) and by the answering
 * guardrails (a question carrying personal data is never echoed back). Kept free of
 * any framework so every layer can share it.
 */

export type PiiKind = 'nip' | 'nik' | 'phone' | 'email';

// Order matters: 18-digit NIP before 16-digit NIK before phone numbers.
const PATTERNS: Array<{ kind: PiiKind; re: RegExp; mask: string }> = [
  { kind: 'email', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, mask: '[email]' },
  // NIP: 18 digits, often written 8 6 1 3 with spaces.
  { kind: 'nip', re: /(?<!\d)\d{8}[ .-]?\d{6}[ .-]?\d[ .-]?\d{3}(?!\d)/g, mask: '[NIP]' },
  // NIK: 16 digits, also written in groups of four (6472 0101 0101 0001).
  { kind: 'nik', re: /(?<!\d)\d{4}(?:[ .-]?\d{4}){3}(?!\d)/g, mask: '[NIK]' },
  { kind: 'phone', re: /(?<![\d])(?:\+?62|0)[ .-]?8\d{1,3}[ .-]?\d{3,4}[ .-]?\d{2,5}(?!\d)/g, mask: '[telepon]' },
];

/** Cheap pre-check: every pattern needs an '@' or a run of at least 8 digits (with separators). */
function mayContainPii(text: string): boolean {
  return text.includes('@') || /\d[\d .-]{7,}/.test(text);
}

/** Which kinds of personal data a text contains (empty when none). */
export function detectPii(text: string): PiiKind[] {
  if (!mayContainPii(text)) return [];
  const found = new Set<PiiKind>();
  let rest = text;
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    if (p.re.test(rest)) found.add(p.kind);
    p.re.lastIndex = 0;
    rest = rest.replace(p.re, ' ');
  }
  return [...found];
}

/** Replace every piece of personal data with a neutral marker such as `[NIP]`. */
export function redactPii(text: string): string {
  if (!mayContainPii(text)) return text;
  let out = text;
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    out = out.replace(p.re, p.mask);
  }
  return out;
}

/** Deeply redact strings inside a log object (arrays and plain objects). */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (depth > 6) return value;
  if (typeof value === 'string') return redactPii(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, depth + 1);
    return out;
  }
  return value;
}
