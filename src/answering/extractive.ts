/**
 * Offline answers: the sentence that answers first, then at most {@link MAX_SUPPORTING}
 * supporting sentences, each followed by its source number, within about
 * {@link MAX_EXTRACT_CHARS}. No model, no invention: every sentence is quoted from a document
 * the official can open; more is one /sumber away.
 */
import { createHash } from 'node:crypto';
import { askedAgencyNoun, mentionsPlace, placesIn, type Place } from '../knowledge/question.js';
import type { Passage } from '../knowledge/retriever.js';
import { splitSentences } from '../knowledge/text.js';
import { subjectInitialisms } from '../knowledge/regulation/abbreviations.js';

export const MAX_EXTRACT_CHARS = 360;
export const MAX_SUPPORTING = 2;
/** Weight of a question term a sentence does not name but its section's heading does. */
const HEADING_INHERITED = 0.5;
/** What saying all of a follow-up's own words is worth beyond their share of all the question's words. */
const FOCUS_BONUS = 0.3;
const MEASURE = /\b(?:berapa|brp|brapa|how many|how much)\s+([\p{L}]+)/giu;

export interface Citation {
  n: number;
  title: string;
  heading: string;
  url?: string;
  file: string;
  page?: number;
  chunkId: string;
  /** Short citation of a regulation part ("UU 27/2022 Pasal 26"). */
  citation?: string;
}

export interface ExtractiveInput {
  passages: Passage[];
  /** Question terms (analysed the way the index analyses text). */
  terms: string[];
  /**
   * A follow-up's own terms, when the rest of `terms` is the subject carried from the previous question:
   * they say what is asked, so the sentence that says them gains up to {@link FOCUS_BONUS}.
   */
  focus?: string[];
  analyse: (text: string) => string[];
  idf: (term: string) => number;
  /** The question asks for a number, date or amount (berapa, kapan, how many …). */
  wantsNumber: boolean;
  /** The question asks for a person (siapa, who). */
  wantsName?: boolean;
  /** The question asks when (kapan, when): a sentence with a calendar date answers it. */
  wantsDate?: boolean;
  /** The question asks where (di mana, where): a sentence naming a location answers it. */
  wantsPlace?: boolean;
  /** The question asks which ministry, agency or institution (Question.kind 'agency'): a sentence naming one answers it. */
  wantsAgency?: boolean;
  /**
   * Topic terms (the glossary's acronyms: dts, dla, gta …). A sentence naming another topic and none
   * of the question's ("Target peserta DLA 2022 …" for a question about DTS) is about something else.
   */
  isTopic?: (term: string) => boolean;
  /** The question as written: qualifiers ("sementara", "mandiri") are stopwords or stems in `terms`. */
  question?: string;
  /** The question's constraints: the lead sentence should name the asked year and place. */
  prefer?: { years?: string[]; places?: Place[] };
  maxChars?: number;
  /** How many things the question asks (Question.parts); each part may have its own sentence. */
  parts?: number;
  /** The question asks for a list (Question.kind 'list'): the items following the lead in its section come with it. */
  list?: boolean;
  /** At most this many sentences (default 1 + {@link MAX_SUPPORTING}). */
  maxSentences?: number;
}

export interface ExtractiveResult {
  sentences: Array<{ text: string; n: number }>;
  citations: Citation[];
}

/** A value reported with a qualifier: a target, a self-assessment or a provisional score is not the value reached. */
const QUALIFIED_VALUE = /\b(?:target(?:nya)?|menargetkan|ditargetkan|penilaian mandiri|self-assessment|(?:penilaian|nilai|hasil|skor) sementara|provisional)\b[^,.;]*?\b(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)*/gi;
const QUALIFIERS = /\b(target|menargetkan|ditargetkan|penilaian mandiri|self-assessment|(?:penilaian|nilai|hasil|skor) sementara|provisional)\b/i;
/** Question terms that ask for such a value themselves ("berapa target …", "penilaian mandiri …"). */
const ASKS_QUALIFIED = /^(target|mandiri|sementara|provisional|self)$/;
/** A location: "di Hotel Mercure", "di Jalan HM Rifadin", "berada di …", "in Singapore" — or, for where to register, a portal. */
const LOCATION = /\b(?:di|ke|at|in)\s+(?:Hotel|Jalan|Jl\.?|Gedung|Kantor|Kota|Kabupaten|Kawasan|\p{Lu}\p{Ll}+)|\b(?:berlokasi|bertempat|berada di|terletak di|located|melalui|lewat|via|portal|situs|laman|website)\b|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:id|com|org|net)\b/u;
/** Month names in both languages (a regular-expression alternation). */
export const MONTH_NAMES = 'januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|january|february|march|may|june|july|august|october|december';
const DAY_OF_MONTH = new RegExp(`\\b\\d{1,2}(?:\\s*[–-]\\s*\\d{1,2})?\\s+(?:${MONTH_NAMES})\\b|\\b\\d{1,2}\\/\\d{1,2}\\/(?:19|20)\\d\\d\\b`, 'gi');
/** A day of a month ("29 April", "19–27 Agustus", "23/5/2023"): a date even without its year. */
const DAY_MONTH = new RegExp(DAY_OF_MONTH.source, 'i');
// Not "satu" ("salah satu", "Satu Data Indonesia" count nothing).
const NUMBER_WORDS = /\b(dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|puluh|puluhan|ratus|ratusan|ribu|ribuan|juta|miliar|triliun|seratus|seribu|sejuta|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion)\b/i;
/** A rating given as a grade or category: "kelompok A", "predikat Sangat Baik", "grade B". */
const CATEGORY_VALUE = /\b(?:(?:kelompok|kategori|grup|group|grade|kelas|level)\s+[A-E]\b|predikat\s+(?:sangat\s+baik|baik|cukup|kurang|memuaskan)\b)/i;
/**
 * A value that is not a date: "3,79", "245.000", "20 jam", "delapan akademi", "kelompok A" (but not
 * "2024", "28 Oktober 2024" or "Perpres 95/2018").
 */
export function hasValue(text: string): boolean {
  if (NUMBER_WORDS.test(text) || CATEGORY_VALUE.test(text)) return true;
  return /\d/.test(text.replace(DAY_OF_MONTH, ' ').replace(/\b\d{1,4}\s*\/\s*(19|20)\d\d\b/g, ' ').replace(/\b(19|20)\d\d\b/g, ' ').replace(LEGAL_REFERENCE, ' '));
}
/** A reference into a regulation ("Pasal 35", "ayat (2)", "angka 3", "Nomor 23 Tahun", "(1)" opening an ayat): no value. */
const LEGAL_REFERENCE = /\b(?:pasal|ayat|angka|huruf|bab|bagian|paragraf|article|section)\s*\(?\d+[a-z]?\)?|\b(?:nomor|no\.?)\s*\d+(?:\/[\w./-]+)?\s+tahun\b|^\s*\(\d+\)|\(\d+\)(?=\s*(?:dan|atau|,|$))/gi;
/**
 * A sentence naming an organisation: a ministry, agency, office or government by its name
 * ("Kementerian PANRB", "Badan Siber dan Sandi Negara", "Menteri PANRB", "Pemprov Kaltim") or by an
 * acronym of one ("BSSN", "Bappenas", "Kominfo", "BPSDM"). Not "instansi pusat" (no name).
 */
const ORGANISATION =
  /\b(?:Kementerian|Kementrian|Badan|Lembaga|Dinas|Direktorat(?: Jenderal)?|Deputi|Sekretariat|Komisi|Menteri|Ministry|Agency|Office)\s+(?:of\s+|dan\s+)?\p{Lu}|\b(?:Pemprov|Pemkab|Pemkot|Pemerintah (?:Provinsi|Kabupaten|Kota))\b|\bKemen(?:ko)?\p{Lu}\p{L}*|\b(?:BSSN|Bappenas|Bappeda|Kominfo|Komdigi|PANRB|BPSDM|BKN|LAN|BPS|BRIN|Kemendagri|Kemenkeu|Setneg|Setkab|KSP|BPKP|Diskominfo|Peruri|Telkom)\b/u;
function namesOrganisation(text: string): boolean {
  return ORGANISATION.test(text);
}
const DATE_RE = new RegExp(`\\b(${MONTH_NAMES})\\s+(19|20)\\d\\d\\b`, 'i');

/** A hedged statement: the value is unconfirmed or not given (used by the coverage rule too). */
export const HEDGED = /\b(belum terkonfirmasi|tidak disebutkan|belum dapat dipastikan|dengan hati-hati|saling bertentangan|not confirmed|unconfirmed)\b/i;

/** An article's lead-in that says nothing on its own ("Dalam Peraturan Presiden ini yang dimaksud dengan:"). */
const CHAPEAU = /\b(yang dimaksud dengan|sebagai berikut|berikut ini)\s*:\s*$/i;

const ANAPHORA = /^(hal (ini|itu|tersebut)|ini|itu|tersebut|dengan demikian|selain itu|namun|akan tetapi|oleh karena itu|karena itu|sementara itu|mereka|beliau|dia|ia)\b/i;

/**
 * Sentences of a passage with their analysed tokens, cached by the SHA-256 of the passage text
 * (passages repeat across questions). Keyed on content, so an edited document — even one whose
 * length did not change — is never answered from its old sentences after a reload.
 */
const sentenceCache = new Map<string, Array<{ text: string; tokens: Set<string> }>>();
export function contentKey(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
/** Empties the sentence cache (called on reload; content keys make it correct without, this frees memory). */
export function clearSentenceCache(): void {
  sentenceCache.clear();
}
function sentencesOf(p: Passage, analyse: (s: string) => string[]): Array<{ text: string; tokens: Set<string> }> {
  const key = contentKey(p.text);
  let v = sentenceCache.get(key);
  if (!v) {
    v = splitSentences(p.text).map((raw) => {
      const text = cleanSentence(raw);
      return { text, tokens: new Set(analyse(text)) };
    });
    if (sentenceCache.size > 5000) sentenceCache.clear();
    sentenceCache.set(key, v);
  }
  return v;
}

function cleanSentence(s: string): string {
  return s
    .replace(/^[-*•]\s+/, '')
    .replace(/^\d+\.\s+(?=[A-Z])/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function composeExtractive(input: ExtractiveInput): ExtractiveResult {
  const maxChars = input.maxChars ?? MAX_EXTRACT_CHARS;
  const focus = new Set(input.focus ?? []);
  const termWeights = new Map(input.terms.map((t) => [t, input.idf(t)]));
  let focusWeight = 0;
  for (const [t, idf] of termWeights) if (focus.has(t)) focusWeight += idf;
  const totalWeight = [...termWeights.values()].reduce((a, c) => a + c, 0) || 1;
  const top = input.passages.slice(0, 3);
  const bestRel = top[0]?.relevance ?? 0;
  const asksQualified = input.terms.some((t) => ASKS_QUALIFIED.test(t)) || (input.question !== undefined && QUALIFIERS.test(input.question));
  const askedTopics = input.isTopic ? input.terms.filter((t) => input.isTopic!(t)) : [];
  // The measure a number is asked in ("brp persen", "berapa orang", "how many hours"): the answer's unit, not its subject.
  const measures = new Set(input.question ? [...input.question.matchAll(MEASURE)].flatMap((m) => input.analyse(m[1])) : []);
  // The organisation noun an agency question asks with ("instansi mana", "kementerian mana") is the kind of
  // answer, not its subject: "… dibagi kepada beberapa instansi pusat" does not match it.
  const agencyNoun = input.wantsAgency && input.question ? askedAgencyNoun(input.question) : undefined;
  const kindTerms = new Set(agencyNoun ? input.analyse(agencyNoun) : []);
  type Cand = { text: string; passageIdx: number; order: number; score: number; tokens: Set<string> };
  const cands: Cand[] = [];
  top.forEach((p, pi) => {
    // Weaker passages only contribute when they are nearly as relevant as the best one.
    if (pi > 0 && p.relevance < bestRel * 0.8) return;
    const headingTokens = new Set(input.analyse(p.heading.split(' › ').pop() ?? ''));
    // A section whose heading states what was asked ("Biaya pelatihan DTS: gratis" for "sertifikat DTS
    // bayar gk?") is where the answer is: its sentences outrank a sentence of another section that
    // merely shares more words.
    let headingWeight = 0;
    for (const [t, idf] of termWeights) if (headingTokens.has(t)) headingWeight += idf;
    const headingCover = headingWeight / totalWeight;
    // Every sentence of a regulation's part is said by that regulation: its names ("Inpres 1/2022",
    // "JKN") count as present, as they do in retrieval, so the article wins over the opening that spells them out.
    const names = regulationNames(p, input.analyse);
    const sents = sentencesOf(p, input.analyse);
    // The heading states what its whole section is about: a later sentence that does not repeat the
    // heading's words ("Domain keamanan dikoordinasikan oleh … BSSN" under "Pembagian koordinasi domain
    // Arsitektur SPBE") still says them, at half weight (the sentence that repeats them says them more surely).
    // Not a sentence that names a place of its own ("Indeks SPBE Nasional …" in a section about Kaltim).
    const weightOf = (tokens: Set<string>, si: number, text: string) => {
      const inherits = si > 0 && placesIn(text).length === 0;
      let w = 0;
      for (const [t, idf] of termWeights) {
        if (kindTerms.has(t)) continue;
        if (tokens.has(t) || names.has(t)) w += idf;
        else if (inherits && headingTokens.has(t)) w += HEADING_INHERITED * idf;
      }
      return w;
    };
    const weights = sents.map(({ text, tokens }, si) => weightOf(tokens, si, text));
    // Documents state a section's key fact first — unless the question names something the opening
    // and heading do not and a later sentence does, matching the question at least as well ("domain
    // keamanan" in a section whose opening says the domains are divided among several agencies and
    // whose next sentences name each domain's coordinator): then the opening does not say what is asked.
    // Not for a question asking several things (each part has its own sentence), not for the measure
    // asked ("persen" in "brp persen": the restating sentence "… persentase …" is no better), and not
    // for a sentence about another topic ("Target peserta DLA 2022 …" in a section about DTS).
    const opening = sents[0]?.tokens ?? new Set<string>();
    // "Kementerian mana …": an opening that names no organisation ("… dibagi kepada beberapa instansi
    // pusat") does not say which one, however many question words it repeats ("instansi", the kind asked).
    const openingLacksAgency = input.wantsAgency === true && sents.length > 1 && !namesOrganisation(sents[0].text);
    const openingAnswers =
      (input.parts ?? 1) > 1 ||
      !sents.some((x, si) => {
        if (si === 0 || (weights[si] < weights[0] && !(openingLacksAgency && namesOrganisation(x.text)))) return false;
        const sectionTopic = (t: string) => x.tokens.has(t) || headingTokens.has(t) || opening.has(t);
        if (askedTopics.length > 0 && !askedTopics.some(sectionTopic) && [...x.tokens].some((t) => input.isTopic!(t))) return false;
        return [...termWeights.keys()].some((t) => x.tokens.has(t) && !opening.has(t) && !headingTokens.has(t) && !names.has(t) && !measures.has(t));
      });
    sents.forEach(({ text, tokens }, si) => {
      if (text.length < 25 || CHAPEAU.test(text)) return;
      const w = weights[si];
      let score = w / totalWeight;
      // The kind of answer asked for must be in the sentence that answers: a value (not only a year)
      // for "berapa", a date for "kapan", a location for "di mana".
      if (input.wantsNumber && !input.wantsDate) score += hasValue(text) ? 0.15 : -0.2;
      else if (input.wantsNumber && /\d/.test(text)) score += 0.15;
      // A follow-up is answered by the sentence that says what it asks, not by the one repeating the subject it carries.
      if (focusWeight > 0) {
        let said = 0;
        for (const [t, idf] of termWeights) if (focus.has(t) && (tokens.has(t) || names.has(t))) said += idf;
        score += FOCUS_BONUS * (said / focusWeight);
      }
      // The sentence naming the asked year (and place) is the one that answers.
      // A year carried from the previous question is the context, not what the follow-up asks: a third as much.
      const years = input.prefer?.years ?? [];
      const yearWeight = focus.size > 0 && !years.some((y) => focus.has(y)) ? 1 / 3 : 1;
      if (years.length && years.every((y) => text.includes(y))) score += 0.35 * yearWeight;
      else if (years.length && years.some((y) => text.includes(y))) score += 0.15 * yearWeight;
      const places = input.prefer?.places ?? [];
      const here = places.length > 0 && places.every((pl) => mentionsPlace(text, pl));
      if (here) score += 0.1;
      // A sentence about another province or city than the one asked ("Diskominfo Jawa Timur" for a
      // question about Kaltim) is about something else — unless it names the asked place too
      // ("Pelatihan GCIO Pemprov Kaltim … di Jakarta").
      if (!here && places.length && placesIn(text).some((o) => (o.scope === 'province' || o.scope === 'city') && !places.some((pl) => pl.id === o.id))) score -= 0.15;
      // A target ("target Indeks SPBE 2023 sebesar 3,4"), a self-assessment or a provisional score is not
      // the value reached, unless such a value is asked — or the sentence also reports the value reached
      // ("menjaring 245.000 peserta, melampaui target 200.000").
      if (QUALIFIERS.test(text) && !asksQualified && !hasValue(text.replace(QUALIFIED_VALUE, ' '))) score -= 0.4;
      if (input.wantsDate) score += DATE_RE.test(text) || DAY_MONTH.test(text) ? 0.1 : -0.1;
      if (input.wantsPlace) score += LOCATION.test(text) ? 0.15 : -0.1;
      // A sentence naming no organisation cannot say which one: nearly decisive.
      if (input.wantsAgency) score += namesOrganisation(text) ? 0.15 : -0.3;
      // … a topic its section's heading or opening names is the sentence's topic too ("Domain keamanan … BSSN"
      // in a section about SPBE's architecture is about SPBE).
      const inSection = (t: string) => tokens.has(t) || (si > 0 && (headingTokens.has(t) || opening.has(t)));
      if (askedTopics.length > 0 && !askedTopics.some(inSection) && [...tokens].some((t) => input.isTopic!(t))) score -= 0.2;
      score += 0.15 * headingCover;
      // "Siapa …?" is answered by the sentence that names someone the question does not name.
      if (input.wantsName && namesSomeoneNew(text, input.terms, input.analyse)) score += 0.15;
      score -= pi * 0.08 + si * 0.01;
      // Documents state the key fact first in each section.
      if (si === 0 && openingAnswers) score += 0.15;
      // The section heading usually states the section's key fact ("… berjangka 20 tahun").
      if (headingTokens.size) {
        let shared = 0;
        // In a follow-up, repeating the heading's words mostly restates the carried subject: a third as much.
        for (const t of headingTokens) if (tokens.has(t)) shared += focus.size === 0 || focus.has(t) ? 1 : 1 / 3;
        score += 0.2 * (shared / headingTokens.size);
      }
      if (text.length > 400) score -= 0.1;
      // A hedged statement ("belum terkonfirmasi", "tidak disebutkan") is no answer to lead with.
      if (HEDGED.test(text)) score -= 0.2;
      // A sentence that leans on the one before ("Hal ini …", "Selain itu …") reads badly on its own.
      if (ANAPHORA.test(text)) score -= 0.12;
      cands.push({ text, passageIdx: pi, order: si, score, tokens });
    });
  });
  // Greedy selection: the best sentence first, then sentences that add question terms not
  // yet covered ("who … and where …" gets both parts), then supporting sentences.
  const chosen: Cand[] = [];
  const covered = new Set<string>();
  let used = 0;
  const gain = (c: Cand) => {
    let g = 0;
    for (const [t, idf] of termWeights) if (c.tokens.has(t) && !covered.has(t)) g += idf;
    return g / totalWeight;
  };
  const take = (n: Cand) => {
    chosen.push(n);
    for (const t of n.tokens) covered.add(t);
    used += n.text.length + 5;
  };
  const hasDay = (text: string) => text.search(DAY_OF_MONTH) >= 0;
  const addsDay = (c: Cand) => input.wantsDate === true && hasDay(c.text) && !chosen.some((x) => hasDay(x.text));
  const remaining = [...cands];
  const maxSentences = input.maxSentences ?? 1 + MAX_SUPPORTING;
  while (chosen.length < maxSentences && remaining.length > 0) {
    let bestIdx = -1;
    let bestVal = -Infinity;
    remaining.forEach((c, i) => {
      const v = chosen.length === 0 ? c.score : c.score * 0.5 + gain(c);
      if (v > bestVal) {
        bestVal = v;
        bestIdx = i;
      }
    });
    const c = remaining.splice(bestIdx, 1)[0];
    if (chosen.length > 0 && c.score < chosen[0].score * 0.55 && gain(c) < 0.1) break;
    if (chosen.some((x) => jaccard(x.tokens, c.tokens) > 0.6)) continue;
    const len = c.text.length + 5;
    // Supporting sentences must add something the lead does not say.
    // From the third sentence on, only one that adds a question term, or the full date a "kapan"
    // question asks when the others give only a month ("Mei 2024" → "27 Mei 2024"), is worth its length.
    if (chosen.length > 0 && gain(c) === 0 && (c.score < chosen[0].score * 0.8 || (chosen.length >= 2 && !addsDay(c)))) continue;
    if (used + len > maxChars) {
      if (chosen.length === 0) {
        chosen.push({ ...c, text: truncateAtWord(c.text, maxChars - 5) });
        used = maxChars;
      }
      continue;
    }
    take(c);
    // The sentence right after a section's first sentence usually carries its details or list
    // ("… memiliki delapan akademi. Akademi itu adalah …"): take it before looking elsewhere, when it fits …
    if (chosen.length === 1 && maxSentences > 1) {
      // … or, when the lead is not the section's first sentence, that first sentence (documents state
      // the key fact first).
      const firstOf = c.order > 0 ? remaining.findIndex((x) => x.passageIdx === c.passageIdx && x.order === 0) : -1;
      const next = firstOf >= 0 ? firstOf : remaining.findIndex((x) => x.passageIdx === c.passageIdx && x.order === c.order + 1);
      if (next >= 0 && used + remaining[next].text.length + 5 <= maxChars * 1.25) {
        take(remaining.splice(next, 1)[0]);
      }
      // A list's items follow one another ("Tema pertama … Tema kedua … Tema ketiga …"): for a list
      // question the section's next sentences come before any other passage's, while they fit.
      if (input.list) {
        let last = chosen[chosen.length - 1];
        while (chosen.length < maxSentences && last.passageIdx === c.passageIdx) {
          const i = remaining.findIndex((x) => x.passageIdx === c.passageIdx && x.order === last.order + 1);
          if (i < 0 || used + remaining[i].text.length + 5 > maxChars) break;
          last = remaining.splice(i, 1)[0];
          take(last);
        }
      }
    }
  }
  // The most relevant sentence first (it usually states the asked fact); sentences of the
  // same passage that follow keep their document order.
  const lead = chosen[0];
  chosen.sort((a, b) => {
    if (a === lead) return -1;
    if (b === lead) return 1;
    if (a.passageIdx === lead?.passageIdx && b.passageIdx !== lead.passageIdx) return -1;
    if (b.passageIdx === lead?.passageIdx && a.passageIdx !== lead.passageIdx) return 1;
    return a.passageIdx - b.passageIdx || a.order - b.order;
  });
  const citations: Citation[] = [];
  const numberOf = new Map<number, number>();
  const sentences = chosen.map((c) => {
    let n = numberOf.get(c.passageIdx);
    if (n === undefined) {
      n = citations.length + 1;
      numberOf.set(c.passageIdx, n);
      citations.push(toCitation(top[c.passageIdx], n));
    }
    return { text: c.text, n };
  });
  return { sentences, citations };
}

export function toCitation(p: Passage, n: number): Citation {
  return { n, title: p.title, heading: p.heading, url: p.url, file: p.file, page: p.page, chunkId: p.chunkId, ...(p.citation ? { citation: p.citation } : {}) };
}

/**
 * Join sentences with their markers; consecutive sentences from the same source share one marker:
 * "Kalimat pertama. Kalimat kedua. [1] Kalimat ketiga. [2]"
 */
export function renderExtractive(result: ExtractiveResult): string {
  return result.sentences
    .map((s, i) => (result.sentences[i + 1]?.n === s.n ? s.text : `${s.text} [${s.n}]`))
    .join(' ');
}

/** Capitalised words of titles, offices and documents, never of a person's name ("Perpres Nomor", "Kepala Badan"). */
const NOT_NAME = /^(?:peraturan|perpres|permen\w*|pergub|perda|undang|nomor|tahun|pasal|ayat|bab|lampiran|surat|edaran|keputusan|instruksi|presiden|menteri|kementerian|badan|dinas|kantor|lembaga|pemerintah|provinsi|kabupaten|kota|kepala|ketua|sekretaris|direktur|deputi|gubernur|bupati|wali|program|akademi|academy|pelatihan|sistem|indeks|evaluasi|arsitektur|domain|tim|dewan|komisi|the|of|and)[,.]?$/i;

/** Two capitalised words in a row (not opening the sentence) that are not question terms: a name. */
export function namesSomeoneNew(text: string, terms: string[], analyse: (s: string) => string[]): boolean {
  const asked = new Set(terms);
  // Not a person: a name spelled out before its acronym ("Government Chief Information Officer (GCIO)",
  // "Dinas Komunikasi dan Informatika (Diskominfo)") or a place ("Provinsi Jawa Timur").
  let rest = text.replace(/(?:\p{Lu}[\p{L}-]*\s+(?:(?:dan|and|of|untuk)\s+)?){1,7}\(\p{Lu}[\p{L}\d-]*\)/gu, ' ');
  for (const place of placesIn(rest)) for (const alias of place.aliases) rest = rest.replace(new RegExp(`\\b${alias}\\b`, 'gi'), ' ');
  const words = rest.split(/\s+/).slice(1);
  for (let i = 0; i + 1 < words.length; i++) {
    if (/^\p{Lu}\p{Ll}+[,.]?$/u.test(words[i]) && /^\p{Lu}\p{Ll}+[,.]?$/u.test(words[i + 1]) && !NOT_NAME.test(words[i]) && !NOT_NAME.test(words[i + 1])) {
      const t = [...analyse(words[i]), ...analyse(words[i + 1])];
      if (t.length > 0 && t.every((x) => !asked.has(x))) return true;
    }
  }
  return false;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union ? inter / union : 0;
}

function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6))}…`;
}

const nameCache = new WeakMap<object, Set<string>>();
/** Analysed names of the regulation a passage belongs to (title, aliases, subject initials); empty for other documents. */
function regulationNames(p: Passage, analyse: (s: string) => string[]): Set<string> {
  const r = p.regulation;
  if (!r) return new Set();
  let v = nameCache.get(r);
  if (!v) {
    v = new Set(analyse(`${r.title} ${r.aliases.join(' ')} ${subjectInitialisms(r.title).join(' ')}`));
    nameCache.set(r, v);
  }
  return v;
}
