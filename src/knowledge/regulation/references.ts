/**
 * Article references in questions: "Pasal 26 UU 27/2022", "pasal 5A permenkominfo no 1 thn
 * 2021", "Article 40 of UU 11/2008", "UU PDP pasal 58", "isi pasal 3 uu nomor 36 tahun 1999".
 * Only the question's own words are read; page numbers of documents never enter here.
 */
import { digitsAfterArticleWords } from './number-words.js';

export interface ArticleReference {
  /** "26", "5A"; undefined when the question names a regulation but no article. */
  pasal?: string;
  ayat?: string;
  /** Regulation named by kind + number + year. */
  jenis?: string;
  nomor?: string;
  tahun?: string;
  /** The question with the reference removed, lower-cased (for alias matching). */
  rest: string;
}

/** English names of a ministerial regulation (a kind word of their own). */
const MINISTERIAL_EN =
  "(?:(?!of |the |a |an )[a-z]+ ){0,3}?minister(?:'s)? regulation|regulation of the minister(?: (?:of|for)(?: [a-z]+){1,5}?)?|(?:kominfo|komdigi|kemkominfo|kemenkominfo|menkominfo|mendagri|kemendagri|menaker|kemnaker|kemenaker|panrb|menpanrb|kemenpanrb|ministry|home affairs|manpower) regulation";

/** Kind words in questions → the family of `jenisShort` they match (prefix, lower case). */
const KIND_WORDS: Array<[RegExp, string]> = [
  [/^(perppu|perpu|peraturan pemerintah pengganti undang-undang)$/, 'perpu'],
  [/^(uu|undang-undang|undang undang|undang2|law|act)$/, 'uu'],
  [/^(pp|peraturan pemerintah|government regulation)$/, 'pp'],
  [/^(perpres|peraturan presiden|presidential regulation)$/, 'perpres'],
  [/^(inpres|instruksi presiden)$/, 'inpres'],
  [/^(keppres|kepres|keputusan presiden)$/, 'keppres'],
  [/^(pbi|peraturan bank indonesia)$/, 'pbi'],
  [/^(padg)$/, 'padg'],
  [/^(skb|keputusan bersama)$/, 'skb'],
  [/^(pergub|peraturan gubernur)$/, 'pergub'],
  [/^(perda|peraturan daerah)$/, 'perda'],
  [/^(perbup|peraturan bupati)$/, 'perbup'],
  [/^(perwali|perwal|peraturan wali ?kota)$/, 'perwali'],
  [/^(kepmen\w*)$/, 'kepmen'],
  [/^(kepgub|keputusan gubernur)$/, 'kepgub'],
  [/^(kepbup|keputusan bupati)$/, 'kepbup'],
  [/^(kepwal|kepwali|keputusan wali ?kota)$/, 'kepwal'],
  [/^(perban|perbadan|peraturan badan)$/, 'perban'],
  [/^(perka|perkaban|peraturan kepala)$/, 'perka'],
  [/^(perlem|peraturan lembaga)$/, 'perlem'],
  [/^(se|surat edaran|circular)$/, 'se'],
  [/^(permen\w*|peraturan menteri(?: [a-z]+){0,6}|peraturan men[a-z]{3,}|ministerial regulation|minister regulation)$/, 'permen'],
  // English names of a ministerial regulation: "Kominfo Regulation 24/2013", "Home Affairs Minister
  // Regulation 73/2022", "Regulation of the Minister of Manpower No. 2 of 2022".
  [new RegExp(`^(?:${MINISTERIAL_EN})$`), 'permen'],
];

const KIND_PATTERN =
  MINISTERIAL_EN +
  '|keputusan gubernur|kepgub|keputusan bupati|kepbup|keputusan wali ?kota|kepwali?|peraturan badan|perban|perbadan|peraturan kepala|perkaban|perka|peraturan lembaga|perlem|surat edaran|se|perppu|perpu|peraturan pemerintah pengganti undang-undang|undang-undang|undang undang|undang2|uu|law|act|peraturan pemerintah|government regulation|pp|peraturan presiden|presidential regulation|perpres|instruksi presiden|inpres|keputusan presiden|keppres|kepres|peraturan bank indonesia|pbi|padg|keputusan bersama|skb|peraturan gubernur|pergub|peraturan daerah|perda|peraturan bupati|perbup|peraturan wali ?kota|perwali|perwal|kepmen\\w*|permen\\w*|peraturan menteri(?: (?!nomor|no\\b|nomer|tentang|ttg|pasal)[a-z]+){0,6}|peraturan men(?!teri)[a-z]{3,}|ministerial regulation';

const NUMBER_YEAR = new RegExp(
  `\\b(${KIND_PATTERN})(?![a-z])\\s*(?:republik indonesia\\s*|ri\\s*)?(?:(?!no\\b|nomor|nomer|number)[a-z&.-]{1,12}\\s*){0,3}?(?:no\\.?|nomor|nomer|number|nr\\.?|#)?\\s*:?\\s*([0-9]+[a-z0-9./-]*?)\\s*(?:/|tahun|thn\\.?|th\\.?|tahun\\s*:|of|year)\\s*((?:19|20)\\d\\d)\\b`,
  'i',
);

/** Number and year without a kind word: "nomor 36 tahun 1999", "no. 27/2022". */
const BARE_NUMBER_YEAR = /\b(?:no\.?|nomor|nomer|number)\s*:?\s*([0-9]+[a-z0-9./-]*?)\s*(?:\/|tahun|thn\.?|th\.?|of)\s*((?:19|20)\d\d)\b/i;

const PASAL = /\b(?:pasal|psl\.?|ps\.|article|art\.)\s*([0-9]{1,4})\s?([a-e])?\b(?!\s*(?:\/|tahun|thn)\s*(?:19|20)\d\d)/i;
const AYAT = /\b(?:ayat|paragraph|para\.?)\s*\(?([0-9]{1,2})\)?/i;

/** Dictums of an Instruksi or Keputusan: "diktum kedua", "diktum ke-2", "Diktum KESATU". */
const DIKTUM = /\b(?:diktum|dictum)\s+(?:ke-?\s?)?(kesatu|pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|\d{1,2})\b/i;
const DIKTUM_ORDINALS = ['KESATU', 'KEDUA', 'KETIGA', 'KEEMPAT', 'KELIMA', 'KEENAM', 'KETUJUH', 'KEDELAPAN', 'KESEMBILAN', 'KESEPULUH'];
const DIKTUM_WORDS = ['satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh'];

/** "kedua", "ke-2", "2", "pertama" → "KEDUA", …, "KESATU" (a first dictum is written KESATU or PERTAMA). */
export function diktumLabel(word: string): string | undefined {
  const w = word.toLowerCase();
  if (w === 'pertama') return 'KESATU';
  if (/^\d+$/.test(w)) return DIKTUM_ORDINALS[Number(w) - 1];
  const i = DIKTUM_WORDS.indexOf(w.replace(/^ke/, ''));
  return i >= 0 ? DIKTUM_ORDINALS[i] : DIKTUM_ORDINALS.includes(w.toUpperCase()) ? w.toUpperCase() : undefined;
}

export function kindFamily(word: string): string | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [re, fam] of KIND_WORDS) if (re.test(w)) return fam;
  return undefined;
}

/** The family of a regulation's `jenisShort` ("Permenkominfo" → "permen", "Pergub Kaltim" → "pergub"). */
export function familyOfShort(jenisShort: string): string {
  const s = jenisShort.toLowerCase();
  for (const fam of ['perpu', 'perpres', 'permen', 'pergub', 'perbup', 'perwali', 'perda', 'perban', 'perka', 'perlem', 'kepmen', 'keppres', 'kepgub', 'kepbup', 'kepwal', 'inpres', 'padg', 'pbi', 'skb', 'se', 'pp', 'uu']) if (s.startsWith(fam)) return fam;
  return s;
}

export function parseArticleReference(question: string): ArticleReference | undefined {
  const q = digitsAfterArticleWords(question.replace(/[’']/g, "'").replace(/\s+/g, ' '));
  const pm = PASAL.exec(q);
  const am = AYAT.exec(q);
  const nm = NUMBER_YEAR.exec(q);
  const bm = nm ? null : BARE_NUMBER_YEAR.exec(q);
  let rest = q.toLowerCase();
  if (pm) rest = rest.replace(pm[0].toLowerCase(), ' ');
  const ref: ArticleReference = { rest };
  if (pm) ref.pasal = `${Number(pm[1])}${(pm[2] ?? '').toUpperCase()}`;
  const dm = pm ? null : DIKTUM.exec(q);
  if (dm) {
    ref.pasal = diktumLabel(dm[1]);
    rest = rest.replace(dm[0].toLowerCase(), ' ');
    ref.rest = rest;
  }
  if (am) ref.ayat = am[1];
  if (nm) {
    ref.jenis = nm[1];
    ref.nomor = nm[2].replace(/^0+(?=\d)/, '');
    ref.tahun = nm[3];
    ref.rest = rest.replace(nm[0].toLowerCase(), ' ');
  } else if (bm) {
    ref.nomor = bm[1].replace(/^0+(?=\d)/, '');
    ref.tahun = bm[2];
    ref.rest = rest.replace(bm[0].toLowerCase(), ' ');
  }
  if (!ref.pasal && !ref.nomor) {
    // Maybe an alias ("UU PDP pasal …" is handled above; an alias alone is matched by the catalog).
    return { rest: q.toLowerCase() };
  }
  return ref;
}

/** A kind word anywhere in a question ("permen", "UU", "peraturan gubernur", "regulation"), with what follows it. */
const KIND_ANYWHERE = new RegExp(`\\b(${KIND_PATTERN}|peraturan|regulasi)(?![a-z])\\s+(.*)$`, 'i');
/** Words that follow a kind word without naming a subject ("UU nomor …", "PP yang …", "permen itu apa"). */
const NOT_SUBJECT = new Set(['no', 'nomor', 'nomer', 'number', 'tahun', 'thn', 'th', 'pasal', 'psl', 'ayat', 'article', 'yang', 'yg', 'itu', 'ini', 'apa', 'apakah', 'mana', 'ini', 'tsb', 'tersebut', 'tentang', 'ttg', 'soal', 'mengenai', 'terkait', 'baru', 'lama', 'terbaru', 'isinya', 'isi', 'bunyi', 'bunyinya', 'nya', 'ri', 'republik', 'indonesia', 'of', 'on', 'the', 'about', 'and', 'dan', 'atau', 'di', 'ke', 'dari', 'untuk', 'buat', 'sih', 'dong', 'ya', 'kah', 'diubah', 'mengatur', 'ngatur', 'bilang', 'says', 'say', 'menteri', 'minister', 'presiden', 'pemerintah', 'daerah', 'gubernur', 'bupati', 'kota']);

/**
 * The subject words a question gives after a kind word: "permen penyiaran berlangganan" →
 * [penyiaran, berlangganan], "UU ITE pasal 27" → [ite], "PP tentang disiplin PNS" → [disiplin, pns];
 * English "the civil-servant discipline regulation" → [civil, servant, discipline].
 */
export function subjectAfterKind(question: string): { kind: string; family?: string; words: string[] } | undefined {
  const q = question.replace(/[’']/g, "'").replace(/\s+/g, ' ');
  const en = /\b(?:the|a|an)\s+((?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*)\s+(regulation|law|act|decree|instruction)\b/i.exec(q);
  if (en) {
    const words = en[1].toLowerCase().split(/[\s-]+/).filter((w) => w.length >= 3 && !NOT_SUBJECT.has(w) && !/^(presidential|government|ministerial|governor'?s?|regional|new|old|latest|same|this|that)$/.test(w));
    // "the Press Law" is an Undang-Undang; "the … regulation" may be of any kind.
    if (words.length) return { kind: en[2].toLowerCase(), family: kindFamily(en[2]), words };
  }
  const m = KIND_ANYWHERE.exec(q);
  // English kind words name a regulation only as "the … regulation/law" (above): "against the
  // law to …", "what does the act say" name none.
  if (!m || /^(law|act|.*regulation)$/i.test(m[1])) return undefined;
  const words: string[] = [];
  for (const raw of m[2].split(/\s+/)) {
    const w = raw.toLowerCase().replace(/[^a-z0-9-]/g, '');
    if (!w) break;
    if (/\d/.test(w) || w === 'pasal' || w === 'ayat' || w === 'diktum') break;
    if (NOT_SUBJECT.has(w)) {
      if (words.length) break;
      continue;
    }
    words.push(w);
    if (words.length >= 4 || /[?,.!]$/.test(raw)) break;
  }
  return words.length ? { kind: m[1].toLowerCase(), family: kindFamily(m[1]), words } : undefined;
}
