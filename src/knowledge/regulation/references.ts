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
  [/^(permen\w*|peraturan menteri(?: [a-z]+){0,6}|ministerial regulation|minister regulation)$/, 'permen'],
];

const KIND_PATTERN =
  'perppu|perpu|peraturan pemerintah pengganti undang-undang|undang-undang|undang undang|undang2|uu|law|act|peraturan pemerintah|government regulation|pp|peraturan presiden|presidential regulation|perpres|instruksi presiden|inpres|keputusan presiden|keppres|kepres|peraturan bank indonesia|pbi|padg|keputusan bersama|skb|peraturan gubernur|pergub|peraturan daerah|perda|peraturan bupati|perbup|peraturan wali ?kota|perwali|perwal|kepmen\\w*|permen\\w*|peraturan menteri(?: (?!nomor|no\\b|nomer)[a-z]+){0,6}|ministerial regulation';

const NUMBER_YEAR = new RegExp(
  `\\b(${KIND_PATTERN})\\s*(?:republik indonesia\\s*|ri\\s*)?(?:(?!no\\b|nomor|nomer|number)[a-z&.-]{1,12}\\s*){0,3}?(?:no\\.?|nomor|nomer|number|nr\\.?|#)?\\s*:?\\s*([0-9]+[a-z0-9./-]*?)\\s*(?:/|tahun|thn\\.?|th\\.?|tahun\\s*:|of|year)\\s*((?:19|20)\\d\\d)\\b`,
  'i',
);

/** Number and year without a kind word: "nomor 36 tahun 1999", "no. 27/2022". */
const BARE_NUMBER_YEAR = /\b(?:no\.?|nomor|nomer|number)\s*:?\s*([0-9]+[a-z0-9./-]*?)\s*(?:\/|tahun|thn\.?|th\.?|of)\s*((?:19|20)\d\d)\b/i;

const PASAL = /\b(?:pasal|psl\.?|ps\.|article|art\.)\s*([0-9]{1,4})\s?([a-e])?\b(?!\s*(?:\/|tahun|thn)\s*(?:19|20)\d\d)/i;
const AYAT = /\b(?:ayat|paragraph)\s*\(?([0-9]{1,2})\)?/i;

export function kindFamily(word: string): string | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [re, fam] of KIND_WORDS) if (re.test(w)) return fam;
  return undefined;
}

/** The family of a regulation's `jenisShort` ("Permenkominfo" → "permen", "Pergub Kaltim" → "pergub"). */
export function familyOfShort(jenisShort: string): string {
  const s = jenisShort.toLowerCase();
  for (const fam of ['perpu', 'perpres', 'permen', 'pergub', 'perbup', 'perwali', 'perda', 'kepmen', 'keppres', 'inpres', 'padg', 'pbi', 'skb', 'pp', 'uu']) if (s.startsWith(fam)) return fam;
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
