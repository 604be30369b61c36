/**
 * Offline follow-up rewriting: "kalau untuk ASN?" after "Apa itu DLA?" becomes a
 * standalone query by carrying the previous question's key terms. Deterministic, so the
 * same conversation always retrieves the same passages.
 */
export interface Turn {
  role: 'user' | 'assistant';
  text: string;
}

const REFERS_BACK = [
  /^(kalau|kalo|klo|bagaimana dengan|gimana dengan|terus|lalu|trus|dan|serta|untuk|bagi|apakah juga|berarti|jadi)\b/i,
  /\b(itu|tersebut|tsb|ini|nya|dia|mereka|program ini|program itu|hal itu)\b[?!.]*$/i,
  /^(and|what about|how about|also|so|then|is it|are they|does it|can they|for)\b/i,
  /\b(it|that|this|they|them|those|its|their)\b/i,
];

/** Stemmed terms that do not name a topic on their own (requirements, dates, cost …). */
const GENERIC = new Set([
  'syarat', 'daftar', 'biaya', 'gratis', 'jadwal', 'kapan', 'siapa', 'peserta', 'cara', 'sertifikat', 'durasi', 'lokasi', 'tempat', 'lama',
  'buka', 'tutup', 'kuota', 'link', 'tautan', 'materi', 'tahun', 'asn', 'pns', 'pejabat', 'eselon', 'staf', 'join', 'apply', 'require',
  'requirement', 'requirements', 'cost', 'fee', 'free', 'when', 'where', 'who', 'certificate', 'duration', 'deadline', 'online', 'offline',
  'ikut', 'latih', 'nilai', 'hasil', 'contoh', 'tujuan', 'manfaat', 'benefit', 'pimpin', 'kepala', 'daerah', 'lain', 'lagi', 'tingkat',
]);

/**
 * Returns the standalone query: the question itself, or the question followed by the
 * previous user question's key terms when it refers back or names no topic of its own.
 * `terms(text)` gives analysed terms (the index's view), used to decide and to carry.
 */
export function rewriteFollowUp(
  question: string,
  history: Turn[],
  terms: (text: string) => string[],
  /** Terms that name a topic on their own (the glossary's acronyms: dts, gta, dla …). */
  isTopic: (term: string) => boolean = () => false,
): string {
  const prev = [...history].reverse().find((t) => t.role === 'user' && t.text.trim() !== question.trim());
  if (!prev) return question;
  const own = terms(question);
  const prevTerms = terms(prev.text);
  if (prevTerms.length === 0) return question;
  // A question that names its own topic ("Apakah DTS ada sertifikatnya?") stands alone.
  if (own.some(isTopic)) return question;
  const refers = REFERS_BACK.some((re) => re.test(question.trim()));
  const noTopic = own.length <= 3 && own.every((t) => GENERIC.has(t));
  if (!(refers && own.length <= 4) && !noTopic) return question;
  const carry = prevTerms.filter((t) => !own.includes(t) && !GENERIC.has(t));
  if (carry.length === 0) return question;
  // Carry the previous question's own words (unstemmed) so every analyser sees them.
  const prevWords = prev.text.replace(/[?!.]+$/, '');
  return `${question.trim()} (${prevWords})`;
}
