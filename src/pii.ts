/**
 * Personal data (UU PDP No. 27/2022) detection and redaction.
 *
 * Used by the logger (nothing personal ever reaches a log line) and by the answering
 * guardrails (a question carrying personal data is never echoed back). Kept free of
 * any framework so every layer can share it.
 */

export type PiiKind = 'nip' | 'nik' | 'phone' | 'email' | 'name';

/** Words that follow "nama saya" without being a name ("nama saya belum tercantum di SIASN"). */
const NOT_A_NAME =
  'adalah|belum|tidak|sudah|salah|di|dan|dari|ke|yang|untuk|pada|ingin|mau|mohon|tercantum|terdaftar|ada|bisa|kok|kenapa|mengapa|apakah|nip|nik|email|is|not';
const NAME_WORD = String.raw`(?!(?:${NOT_A_NAME})\b)[\p{L}][\p{L}'’.-]*`;

/** Total digits of a phone-number candidate: Indonesian numbers have 9–14 (0541 777889, +62 812 3456 7890). */
const phoneDigits = (match: string) => match.replace(/\D/g, '').length;

// Order matters: 18-digit NIP before 16-digit NIK before phone numbers.
const PATTERNS: Array<{ kind: PiiKind; re: RegExp; mask: string; accept?: (match: string) => boolean }> = [
  { kind: 'email', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, mask: '[email]' },
  // NIP: 18 digits, often written 8 6 1 3 with spaces.
  { kind: 'nip', re: /(?<!\d)\d{8}[ .-]?\d{6}[ .-]?\d[ .-]?\d{3}(?!\d)/g, mask: '[NIP]' },
  // NIK: 16 digits, also written in groups of four (6472 0101 0101 0001).
  { kind: 'nik', re: /(?<!\d)\d{4}(?:[ .-]?\d{4}){3}(?!\d)/g, mask: '[NIK]' },
  // Mobile and landline numbers: 0812-3456-7890, (0813) 5555-7777, 0541 7778899, +62 541 777 8899, 62812….
  {
    kind: 'phone',
    re: /(?<![\d\p{L}])(?:\+62[ .-]?\(?|62[ .-]?\(?|\(0|0)\d{2,4}\)?(?:[ .-]{0,2}\d{2,5}){1,3}(?!\d)/gu,
    mask: '[telepon]',
    accept: (m) => phoneDigits(m) >= 9 && phoneDigits(m) <= 14,
  },
  // "nama saya Budi Santoso", "saya bernama Siti", "my name is …": up to four words after the phrase.
  {
    kind: 'name',
    re: new RegExp(String.raw`(?<=\b(?:nama\s+(?:lengkap\s+)?saya(?:\s+adalah)?|saya\s+bernama|my\s+name\s+is|nama\s+lengkap\s*:)\s+)${NAME_WORD}(?:\s+${NAME_WORD}){0,3}`, 'giu'),
    mask: '[nama]',
  },
];

const NAME_HINT = /\b(?:nama|bernama|name)\b/i;

/** Cheap pre-check: every pattern needs an '@', a run of at least 8 digits (with separators), or a name phrase. */
function mayContainPii(text: string): boolean {
  return text.includes('@') || /\d[\d .()-]{7,}/.test(text) || NAME_HINT.test(text);
}

function replaceAll(text: string, p: (typeof PATTERNS)[number], by: string): { out: string; found: boolean } {
  let found = false;
  p.re.lastIndex = 0;
  const out = text.replace(p.re, (m) => {
    if (p.accept && !p.accept(m)) return m;
    found = true;
    return by;
  });
  p.re.lastIndex = 0;
  return { out, found };
}

/** Which kinds of personal data a text contains (empty when none). */
export function detectPii(text: string): PiiKind[] {
  if (!mayContainPii(text)) return [];
  const found = new Set<PiiKind>();
  let rest = text;
  for (const p of PATTERNS) {
    const r = replaceAll(rest, p, ' ');
    if (r.found) found.add(p.kind);
    rest = r.out;
  }
  return [...found];
}

/** Replace every piece of personal data with a neutral marker such as `[NIP]`. */
export function redactPii(text: string): string {
  if (!mayContainPii(text)) return text;
  let out = text;
  for (const p of PATTERNS) out = replaceAll(out, p, p.mask).out;
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
