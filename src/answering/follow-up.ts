/**
 * Offline follow-up rewriting: "kalau untuk ASN?" after "Apa itu DLA?" becomes a
 * standalone query by carrying the previous question's key terms. Deterministic, so the
 * same conversation always retrieves the same passages.
 */
import { parseQuestion, subjectOf, type Question } from '../knowledge/question.js';
import { analyse } from '../knowledge/text.js';

export interface Turn {
  role: 'user' | 'assistant';
  text: string;
}

const REFERS_BACK = [
  /^(kalau|kalo|klo|bagaimana dengan|gimana dengan|terus|lalu|trus|dan|serta|untuk|bagi|apakah juga|berarti|jadi)\b/i,
  /\b(itu|tersebut|tsb|ini|nya|dia|mereka|program ini|program itu|hal itu)\b[?!.]*$/i,
  /^(and|what about|how about|also|so|then|is it|are they|does it|can they|for)\b/i,
  // A pronoun subject: "dia pernah jd narasumber di mana?", "beliau menjabat sejak kapan?".
  // (Not "ia": in chat it is also "iya", yes.)
  /^(dia|beliau|mereka|doi|he|she)\b/i,
  /\b(it|that|this|they|them|those|its|their)\b/i,
  // A possessive "-nya" points at the previous subject: "syaratnya?", "dasar hukumnya apa?", "kantornya di mana?".
  /\b[a-z]{3,}nya\b/i,
];

/** Stemmed terms that do not name a topic on their own (requirements, dates, cost …). */
const GENERIC = new Set([
  'syarat', 'daftar', 'biaya', 'gratis', 'jadwal', 'kapan', 'siapa', 'peserta', 'cara', 'sertifikat', 'durasi', 'lokasi', 'tempat', 'lama',
  'buka', 'tutup', 'kuota', 'link', 'tautan', 'materi', 'tahun', 'asn', 'pns', 'pejabat', 'eselon', 'staf', 'join', 'apply', 'require',
  'requirement', 'requirements', 'cost', 'fee', 'free', 'when', 'where', 'who', 'certificate', 'duration', 'deadline', 'online', 'offline',
  'ikut', 'latih', 'nilai', 'hasil', 'contoh', 'tujuan', 'manfaat', 'benefit', 'pimpin', 'kepala', 'daerah', 'lain', 'lagi', 'tingkat',
  'mitra', 'kerjasama', 'kampus', 'universitas', 'target', 'alamat', 'kantor', 'tema', 'selenggara', 'luncur', 'resmi', 'lantik', 'undang', 'umum',
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
  /** True when the knowledge base has the term (an ellipsis in words it lacks is another question). */
  known: (term: string) => boolean = () => true,
): string {
  const prev = [...history].reverse().find((t) => t.role === 'user' && t.text.trim() !== question.trim());
  if (!prev) return question;
  const ordinal = pickFromList(question, history);
  if (ordinal) return ordinal;
  const changed = changeConstraints(question, prev.text);
  if (changed) return changed;
  const own = terms(question);
  const prevTerms = terms(prev.text);
  if (prevTerms.length === 0) return question;
  const f = parseQuestion(question);
  // A place ("kalo yg di sulbar?") is a constraint the place rule changes, never the topic or a modifier.
  const swapped = f.places.length > 0 ? undefined : (swapTopic(question, prev.text, terms, isTopic) ?? swapModifier(question, prev.text, terms, isTopic));
  if (swapped) return swapped;
  const refers = REFERS_BACK.some((re) => re.test(question.trim()));
  // A question that names its own topic ("Apakah DTS ada sertifikatnya?") stands alone — unless it
  // picks the topic up from the last answer: "kalo penilaian sementara dr kemenpan?" after an answer
  // that names KemenPANRB's interim score still asks about the same evaluation.
  const lastAnswer = [...history].reverse().find((t) => t.role === 'assistant');
  // (Only what the answer added: a topic the previous question named too is the follow-up's own again.)
  const answered = new Set(refers && lastAnswer ? terms(lastAnswer.text).filter((t) => !prevTerms.includes(t)) : []);
  if (own.some((t) => isTopic(t) && !answered.has(t))) return question;
  const noTopic = own.length <= 3 && own.every((t) => GENERIC.has(t));
  // An ellipsis with an aspect but no subject of its own ("diundangkan di lembaran negara nomor brp?"
  // after "Perpres SPBE nomor berapa?"): no topic, no place, no name — it asks about the same subject.
  // ("Bagaimana resep rendang padang?" is not: its words are not the knowledge base's.)
  const subjectless = own.length <= 4 && own.every(known) && f.places.length === 0 && f.years.length === 0 && !/\s\p{Lu}/u.test(` ${question.trim().slice(1)}`) && prevTerms.some(isTopic);
  if (!(refers && own.length <= 4) && !noTopic && !subjectless) return question;
  const carry = prevTerms.filter((t) => !own.includes(t) && !GENERIC.has(t));
  if (carry.length === 0) return question;
  return `${question.trim()} (${carriedSubject(prev.text, own, terms, isTopic)})`;
}

/**
 * "klo domain manajemen?" after "bobot domain layanan di indeks spbe brp persen?": the follow-up
 * repeats a word of the previous question with another word after it — that word is what changes
 * ("bobot domain manajemen di indeks spbe brp persen?").
 */
function swapModifier(question: string, previous: string, terms: (text: string) => string[], isTopic: (term: string) => boolean): string | undefined {
  const q = question.trim();
  if (!SWAP_MARKER.test(q)) return undefined;
  // The new word may be a two-word name ("klo domain tata kelola?").
  const words = wordsAfterMarker(q).filter((w) => terms(w).length > 0);
  if (words.length < 2 || words.length > 3 || words.some((w) => /^(19|20)\d\d$/.test(w) || terms(w).some(isTopic))) return undefined;
  const prevWords = wordsOf(previous);
  const at = prevWords.findIndex((w) => w.toLowerCase() === words[0].toLowerCase());
  const old = prevWords[at + 1];
  if (at < 0 || !old || terms(old).length === 0 || terms(old).some(isTopic) || old.toLowerCase() === words[1].toLowerCase()) return undefined;
  prevWords.splice(at + 1, 1, words.slice(1).join(' '));
  return `${prevWords.join(' ')}?`;
}

/** A follow-up's words after its marker ("kalau", "what about") and a leading article ("yang", "the"). */
function wordsAfterMarker(q: string): string[] {
  return q.replace(SWAP_MARKER, '').replace(/^\s*(yang|yg|the|for|untuk)\b/i, '').match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [];
}

/** The previous question's words, without its closing punctuation (to rewrite one of them). */
function wordsOf(previous: string): string[] {
  return previous.trim().replace(/[?!.]+$/, '').split(/\s+/);
}

const OFFICE_HEADS = /^(kepala|kadis|ketua|sekretaris|wakil|head|chief|chair|deputy)$/i;
const SWAP_MARKER = /^(kalau|kalo|klo|bagaimana dengan|gimana dengan|terus|lalu|trus|dan|and|what about|how about|also|untuk|for)\b/i;

/**
 * "kalau GTA?" after "syarat ikut DTS apa aja?", "what about DLA?" after "peserta dts 2022 brp org":
 * a follow-up naming only another topic (and perhaps a year) asks the previous question about it —
 * the topic is replaced, the aspect and year kept ("syarat ikut GTA apa aja?").
 */
function swapTopic(question: string, previous: string, terms: (text: string) => string[], isTopic: (term: string) => boolean): string | undefined {
  const q = question.trim();
  if (!SWAP_MARKER.test(q) && q.split(/\s+/).length > 2) return undefined;
  const words = wordsAfterMarker(q);
  const topicWords = words.map((w) => w.replace(/-?nya$/i, '')).filter((w) => terms(w).some(isTopic));
  // Everything else must be a year or say nothing (a particle, "one", "-nya").
  const other = words.filter((w) => !topicWords.includes(w.replace(/-?nya$/i, '')) && !/^(19|20)\d\d$/.test(w) && terms(w).length > 0 && !CHANGE_ONLY.has(terms(w)[0]));
  if (topicWords.length === 0 || other.length > 0) return undefined;
  const prevWords = wordsOf(previous);
  const at = prevWords.findIndex((w) => terms(w).some(isTopic));
  // "Kepala Diskominfo" names an office holder: "kalau Sekda-nya?" asks about another office, not the
  // head of the Sekda — that is the aspect rule's case.
  if (at < 0 || (at > 0 && OFFICE_HEADS.test(prevWords[at - 1]))) return undefined;
  const newTerms = new Set(topicWords.flatMap(terms));
  if (terms(prevWords[at]).every((t) => newTerms.has(t))) return undefined;
  prevWords.splice(at, 1, topicWords.join(' '));
  const swapped = `${prevWords.join(' ')}?`;
  const year = words.find((w) => /^(19|20)\d\d$/.test(w));
  return year ? (changeConstraints(year, swapped) ?? swapped) : swapped;
}

/** Words that frame a subject without naming it ("program DTS" is DTS). */
const FRAME_WORDS = new Set(['program', 'programnya', 'programme']);

/**
 * The previous question's subject, to carry into an aspect follow-up (unstemmed, so every analyser
 * sees it): its content words without question words, fillers and framing words — and without the
 * aspect it asked about ("peserta" in "peserta dts 2022 brp org") when the follow-up asks another
 * one ("targetnya berapa?" → "targetnya berapa? (dts 2022)"), unless that aspect names a topic.
 */
function carriedSubject(previous: string, own: string[], terms: (text: string) => string[], isTopic: (term: string) => boolean): string {
  const p = parseQuestion(previous);
  const head = p.head && own.length > 0 && !terms(p.head).some(isTopic) ? p.head : undefined;
  const words = subjectOf(p)
    // subjectOf capitalises the phrase; the carried words keep the user's own casing.
    .replace(/^\S+/, (w) => (previous.includes(w) ? w : w.toLowerCase()))
    .split(/\s+/)
    .filter((w) => {
      if (/^(19|20)\d\d$/.test(w)) return true;
      // The place asked about ("national" in "national SPBE index 2023?") is a constraint the follow-up keeps.
      if (p.places.some((pl) => pl.aliases.includes(w.toLowerCase()))) return true;
      const t = terms(w);
      // Chat words the glossary reads as stopwords ("dgn", "aja") and framing words carry nothing.
      if (t.length === 0 || FRAME_WORDS.has(w.toLowerCase())) return false;
      // The previous aspect ("peserta", "gratis") gives way to the follow-up's own.
      // A capitalised word belongs to a name ("Digital Leadership Academy") and stays.
      return own.length === 0 || /^\p{Lu}/u.test(w) || !(w === head || t.every((x) => GENERIC.has(x)));
    });
  return words.length > 0 ? words.join(' ') : previous.replace(/[?!.]+$/, '');
}

const ORDINALS: Record<string, number> = {
  pertama: 1, kesatu: 1, kedua: 2, ketiga: 3, keempat: 4, kelima: 5, keenam: 6, ketujuh: 7, kedelapan: 8, kesembilan: 9,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
};
const ORDINAL_RE = /^(?:(?:kalau|kalo|klo|terus|lalu|dan|and|what about|how about|what is|what's)\s+)?(?:(?:yang|yg|the)\s+)?(?:(?:nomor|no\.?|number|poin|point|item)\s*(\d)|ke-?(\d)|(pertama|kesatu|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|(terakhir|last))\b(?:\s+(?:one|itu|tadi|apa|apaan|maksudnya|artinya|what|is|it))*\s*[?!.]*$/i;

/**
 * "yang kedua apa?", "the second one?", "nomor 3?" after an answer that lists things: the follow-up
 * asks about that item of the list the bot just gave ("Apa itu Vocational School Graduate Academy
 * (VSGA)?"). Undefined when the question is not such a pointer or the last answer has no list.
 */
export function pickFromList(question: string, history: Turn[]): string | undefined {
  const m = question.trim().match(ORDINAL_RE);
  if (!m) return undefined;
  const last = [...history].reverse().find((t) => t.role === 'assistant');
  if (!last) return undefined;
  const items = listIn(last.text);
  if (items.length < 2) return undefined;
  const n = m[1] ?? m[2] ? Number(m[1] ?? m[2]) : m[3] ? ORDINALS[m[3].toLowerCase()] : items.length;
  const item = items[n - 1];
  if (!item) return undefined;
  return parseQuestion(question).language === 'en' ? `What is ${item}?` : `Apa itu ${item}?`;
}

/** The items of the longest enumeration in a text ("… adalah A, B, C, dan D."), without source markers. */
function listIn(text: string): string[] {
  let best: string[] = [];
  for (const sentence of text.replace(/\s*\[\d+(?:,\s*\d+)*\]/g, '').split(/(?<=[.!?])\s+(?=[A-Z])|\n+/)) {
    const body = sentence.replace(/^.*?\b(?:adalah|yaitu|yakni|ialah|meliputi|terdiri (?:atas|dari)|are|include|includes)\b\s*:?\s*|^.*?:\s*/i, '');
    const items = body
      .replace(/[.!?]+$/, '')
      .split(/\s*[,;]\s*(?:(?:dan|serta|and)\s+)?|\s+(?:dan|serta|and)\s+/)
      .map((x) => x.trim())
      .filter((x) => x.length > 1 && x.length <= 80);
    if (items.length >= 3 && items.length > best.length) best = items;
  }
  return best;
}

/** Words that only say "the year before", "and in", "what about" — no subject of their own. */
const CHANGE_ONLY = new Set(analyse('yg yang ya sih dong deh nih tuh nya kak min aja saja jg juga gmn bgmn trus trs terus klo kl satu dua tiga empat lima one two three four five years ago later kemudian tahun sebelumnya lalu berikutnya sesudahnya setelahnya kemarin year before previous after following last next earlier what about how and in for kalau kalo gimana bagaimana terus lalu nilai berapa provinsi kota kabupaten pemprov pemkot pemkab province city regency sama same thn th'));

/**
 * A follow-up that only changes a constraint ("kalau tahun sebelumnya berapa?", "and in 2023?",
 * "kalau nasional?") keeps the previous question's subject and changes just that: the year
 * (absolute or relative to the previous one) or the place. Returns undefined when the follow-up
 * brings a subject of its own.
 */
export function changeConstraints(question: string, previous: string): string | undefined {
  const f = parseQuestion(question);
  const p = parseQuestion(previous);
  const placeWords = new Set(f.places.flatMap((pl) => pl.aliases.flatMap((a) => analyse(a))));
  // A subject word of its own ("peserta") makes it a question to take as it stands — unless it only
  // repeats the previous subject in a short follow-up ("kalau DLA 2022?" after "DLA 2021 …").
  const prevTerms = new Set(analyse(previous));
  // The count of a relative year ("2 tahun sebelumnya") is not a subject either.
  const own = analyse(f.words.join(' ')).filter((t) => !/^(19|20)\d\d$/.test(t) && !(f.yearShift !== undefined && /^\d$/.test(t)) && !placeWords.has(t) && !CHANGE_ONLY.has(t));
  const repeatsOnly = own.length <= 2 && f.words.length <= 5 && own.every((t) => prevTerms.has(t));
  if (own.length > 0 && !repeatsOnly) return undefined;
  const base = previous.trim().replace(/[?!.]+$/, '');
  if (f.relativeYear && p.years.length === 1) {
    const y = String(Number(p.years[0]) + (f.yearShift ?? (f.relativeYear === 'previous' ? -1 : 1)));
    return `${base.replace(new RegExp(`\\b${p.years[0]}\\b`), y)}?`;
  }
  if (f.years.length > 0) {
    // "kalau kaltim 2024?" changes the place too.
    const placed = f.places.length > 0 ? replacePlace(base, p, f.places[0].label) : base;
    if (p.years.length > 0) return `${placed.replace(new RegExp(`\\b${p.years[0]}\\b`), f.years[0])}?`;
    return `${placed} ${f.years.join(' ')}?`;
  }
  if (f.places.length > 0) return `${replacePlace(base, p, f.places[0].label)}?`;
  return undefined;
}

function replacePlace(text: string, prev: Question, label: string): string {
  const old = prev.places[0];
  if (!old) return `${text} ${label}`;
  const re = new RegExp(`\\b(${old.aliases.map((a) => a.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')).join('|')})\\b`, 'i');
  return re.test(text) ? text.replace(re, label) : `${text} ${label}`;
}
