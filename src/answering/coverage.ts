/**
 * Which of the question's constraints each retrieved passage satisfies, and the outcome:
 * a *full* answer (a passage satisfies every constraint), a *partial* one (the subject and
 * place are there but not the asked year: say what is missing, then the nearest fact,
 * labelled) or *none* (the asked attribute, place or office is not in the knowledge base).
 *
 * This is the rule that forbids a silent substitute: "indeks SPBE Kaltim 2025" is never
 * answered with the 2024 value as if it were 2025, "gaji Kepala Diskominfo" never with his
 * biography, "indeks SPBE Kaltim 2022" never with the national 2022 value.
 */
import { mentionsPlace, mentionsRole, withoutRegulationNumbers, type Place, type Question } from '../knowledge/question.js';
import { RELEVANCE_THRESHOLD, type Passage, type RetrievalResult } from '../knowledge/retriever.js';
import { splitSentences } from '../knowledge/text.js';
import { HEDGED, hasValue, MONTH_NAMES } from './extractive.js';

export type Coverage = 'full' | 'partial' | 'none';
/** The outcomes of an answer the user got (rated with 👍/👎). */
export type AnsweredCoverage = Exclude<Coverage, 'none'>;
/** The outcomes recorded as a knowledge gap. */
export type GapCoverage = Exclude<Coverage, 'full'>;

export interface CoverageDecision {
  coverage: Coverage;
  /** Passages to answer from, those satisfying the constraints first (empty for none). */
  passages: Passage[];
  /** Asked years no passage has (partial). */
  missingYears: string[];
  /** For a partial answer: the recorded year nearest to the asked one, to lead with. */
  nearestYear?: string;
  /** True when every recorded year of the subject is before the asked one ("yang terakhir tercatat"). */
  latest: boolean;
  /** Why the outcome is none (for logs and tests). */
  reason?: 'not_relevant' | 'unknown_attribute' | 'attribute_absent' | 'place_absent' | 'role_absent';
}

/** Words that name the question's own topic and may be absent from a passage that still answers it. */
const SOFT_HEADS = new Set([
  'syarat', 'syaratnya', 'cara', 'caranya', 'bagaimana', 'program', 'pelatihan', 'info', 'informasi', 'penjelasan', 'tentang', 'fungsi', 'tujuan', 'manfaat', 'peran', 'tugas', 'isi', 'bunyi', 'bunyinya', 'contoh',
  'how', 'why', 'tell', 'explain', 'describe', 'training', 'programme', 'information', 'purpose', 'role', 'task', 'tasks', 'function', 'content', 'example', 'process', 'steps', 'meaning', 'definition', 'difference',
  // English words that name the kind of answer, not an attribute ("Which dates were …", "What year …").
  'date', 'dates', 'year', 'years', 'day', 'days', 'time', 'number', 'amount', 'name', 'names', 'total', 'kind', 'type', 'types',
]);

const REGULATION_KINDS = /^(uu|undang|pp|perpres|inpres|keppres|permen\w*|kepmen\w*|perda|pergub|perwali|perbup|se|skb|peraturan|keputusan|instruksi|surat|pasal|ayat|lampiran|law|regulation|decree|article)$/i;

/** A passage about the subject this relevant answers even though another passage holds the asked attribute's word. */
const STRONG_SUBJECT = 0.7;
/** Below this, a passage about the subject that does not state the asked attribute is no answer. */
const WEAK_SUBJECT = 0.35;

const yearRe = /\b(19|20)\d\d\b/g;

/** "13 Januari 2025" (a day) dates an event (an announcement); it does not make the passage about the year 2025. */
const DATE_RE = new RegExp(`\\b(\\d{1,2}\\s+)?(${MONTH_NAMES})\\s+((19|20)\\d\\d)\\b|\\b\\d{1,2}/\\d{1,2}/(19|20)\\d\\d\\b`, 'gi');
const MONTH_RE = new RegExp(`\\b(${MONTH_NAMES})\\b`, 'i');

/** Words that make a date the time an event ran ("diikuti … pada 21 Oktober sampai 2 Desember 2025"). */
const EVENT_BEFORE = /\b(diikuti|dilaksanakan|diselenggarakan|berlangsung|digelar|diadakan|dimulai|dibuka|berlangsungnya|pelaksanaan|held|took place|sampai|hingga|s\.d\.|until)\b[^.;]{0,60}$|[–-]\s*$/i;

/**
 * The passage text without regulation numbers, and without dates unless the question names a month
 * or the date is when an event ran: "menyampaikannya pada Senin, 13 Januari 2025" (an announcement)
 * does not make a passage about the year 2025, "diikuti 48 peserta pada 21 Oktober sampai 2 Desember
 * 2025" is about what happened in 2025.
 */
function periodText(p: Passage, q: Question): string {
  const text = withoutRegulationNumbers(`${p.heading} ${p.text}`);
  if (MONTH_RE.test(q.raw)) return text;
  return text.replace(DATE_RE, (date: string, ...rest: unknown[]) => {
    const offset = rest.find((x) => typeof x === 'number') as number;
    return EVENT_BEFORE.test(text.slice(Math.max(0, offset - 80), offset)) ? date : ' ';
  });
}

/**
 * The passage records the subject for that year: one sentence names the year and something the
 * question asks about besides the place ("Indeks … 2024 adalah 3,79"), so "menjabat … Kalimantan
 * Timur sejak 2021 hingga 2025" does not make a passage about an official an answer to
 * "indeks SPBE Kaltim 2025".
 */
function hasYear(p: Passage, year: string, q: Question, subjectTerms: string[], deps: CoverageDeps, headTerms: string[] = []): boolean {
  const re = new RegExp(`\\b${year}\\b`);
  const text = periodText(p, q);
  if (!re.test(text)) return false;
  if (subjectTerms.length === 0) return true;
  // The asked attribute ("indeks"), when the passage names it, must be in the year's sentence; a
  // sentence saying the value is unconfirmed or not given records nothing for that year.
  const needHead = headTerms.length > 0 && headTerms.some((t) => deps.passageTerms(p).has(t));
  // The topic asked about ("DTS" in "How many DTS participants … 2023?") must be in the year's sentence
  // too ("DLA 2023 memiliki kuota 500 peserta" records DLA's 2023), unless the passage is a regulation's
  // part (its abbreviation is a keyword, not a word of the article); and for "berapa" the sentence must
  // report a value, not only mention the year ("… pada tahun 2025 membahas peralihan …").
  const topics = deps.isTopic && !p.regulation ? subjectTerms.filter(deps.isTopic) : [];
  // (A regulation's number is the value when one is asked: "Kepmen PANRB nomor berapa …?"; its digits
  // are blanked in the period text.)
  const wantsValue = q.kind === 'number' && !q.words.some((w) => w === 'nomor' || REGULATION_KINDS.test(w));
  const counts = wantsValue && COUNT_ASKED.test(q.raw);
  return splitSentences(text).some((s) => {
    if (!re.test(s) || HEDGED.test(s)) return false;
    if (wantsValue && !hasValue(s)) return false;
    if (counts && !countsAsked(s, subjectTerms, deps, q.words.some((w) => PEOPLE.test(w)))) return false;
    const terms = deps.terms(s);
    if (topics.length > 0 && !terms.some((t) => topics.includes(t))) return false;
    return terms.some((t) => subjectTerms.includes(t)) && (!needHead || terms.some((t) => headTerms.includes(t)));
  });
}

const DAY_MONTH_RE = new RegExp(`\\b\\d{1,2}(?:\\s*[–-]\\s*\\d{1,2})?\\s+(?:${MONTH_NAMES})\\b`, 'gi');
/** A count is asked for ("how many", "jumlah peserta", "berapa orang"). */
const COUNT_ASKED = /\b(jumlah|jumlahnya|banyaknya|berapa banyak|brp banyak|how many|berapa (?:orang|org)|brp (?:orang|org))\b/i;
const COUNT_VALUE = /\b(\d+(?:[.,]\d+)*|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu|ratusan|ribuan|puluhan|two|three|four|five|six|seven|eight|nine|ten|hundreds|thousands)\b((?:\s+(?:ribu|juta|miliar|ratus|puluh|belas|thousand|million|hundred))*)(?:\s+([\p{L}-]+))?/giu;
/** Nouns of people: a count of participants is given as "245.000 peserta", "… orang", "300 pemimpin". */
const PEOPLE = /^(orang|org|people|persons?|peserta|pesertanya|participants?|participated|attendees|pegawai|asn|pns|pemimpin|pejabat|mahasiswa|talenta|lulusan|pendaftar|alumni|penerima|ikut|mengikuti|diikuti)$/i;
/** Words a count of people or things is given in (not the thing counted). */
const COUNT_UNITS = /^(orang|org|jiwa|people|persons|person|lebih|more|than|sekitar|hingga|sampai|dari|di|pada|dan|atau|and|or|per|persen|percent)$/i;

/**
 * Does the sentence give a count of what is asked? A number counting another noun ("delapan
 * akademi" for "How many DTS participants … 2023?") does not; one counting an asked noun ("245.000
 * peserta") or standing alone ("… adalah 245.000.") does. Years, dates and regulation numbers are no counts.
 */
function countsAsked(sentence: string, askedTerms: string[], deps: CoverageDeps, asksPeople: boolean): boolean {
  const text = withoutRegulationNumbers(sentence).replace(DATE_RE, ' ').replace(DAY_MONTH_RE, ' ').replace(yearRe, ' ');
  for (const m of text.matchAll(COUNT_VALUE)) {
    const noun = m[3];
    if (!noun || COUNT_UNITS.test(noun) || (asksPeople && PEOPLE.test(noun))) return true;
    const terms = deps.terms(noun);
    if (terms.length === 0 || terms.some((t) => askedTerms.includes(t))) return true;
  }
  return false;
}

/** A start year: "sejak tahun 2018", "mulai 2019", "pertama kali … pada 2018". */
const SINCE_YEAR = /\b(?:sejak|mulai|pertama kali|since|first)\b[^.]{0,40}?\b(?:19|20)\d\d\b/i;
/** Terms that say what kind of answer is asked, not what about ("tahun" in "thn brp"). */
const KIND_TERMS = new Set(['tahun', 'tanggal', 'bulan', 'hari', 'jumlah', 'nilai', 'berapa', 'kapan', 'siapa', 'year', 'date']);
/** Words after "berapa" that are a unit or a size, not the thing measured ("berapa lama", "brp orang"). */
const MEASURE_WORDS = new Set(['lama', 'banyak', 'besar', 'jumlah', 'persen', 'orang', 'org', 'jam', 'tahun', 'thn', 'hari', 'bulan', 'kali', 'nomor', 'nilai', 'skor', 'indeks']);
/**
 * The noun a "berapa" question measures: the one right after it ("anggaran" in "Berapa anggaran pelatihan
 * GCIO?"), or, when "berapa" closes the question ("anggaran pelatihan GCIO kaltim 2023 brp?"), its first word.
 */
function measuredNoun(q: Question): string | undefined {
  const at = q.words.findIndex((w) => /^(berapa|berapakah)$/i.test(w));
  if (at < 0) return undefined;
  // Closing, the noun is the question's head, as it would follow "berapa" — unless a measure word comes
  // first ("jumlah peserta … brp?" is "berapa jumlah peserta", whose noun is no attribute to find).
  const closing = at === q.words.length - 1;
  const first = q.words[0]?.toLowerCase();
  const next = closing ? (at > 0 && !MEASURE_WORDS.has(first) ? q.head?.toLowerCase() : undefined) : q.words[at + 1]?.toLowerCase();
  return next && !MEASURE_WORDS.has(next) && !/^\d/.test(next) ? next : undefined;
}

/**
 * The analysed word that names the asked office's organisation: the first word after the role that is
 * not a place, a year or a stopword ("panrb" in "siapa wakil menteri PANRB skrg?"; none in "siapa
 * gubernur Kaltim?").
 */
function organisationOf(q: Question, deps: CoverageDeps): string[] | undefined {
  const role = q.role!.split(' ');
  const words = q.words.map((w) => w.toLowerCase());
  const at = words.findIndex((_, i) => role.every((r, j) => words[i + j] === r));
  if (at < 0) return undefined;
  let next = words[at + role.length];
  if (next === 'of' || next === 'dari') next = words[at + role.length + 1];
  if (!next || /^\d/.test(next) || q.places.some((pl) => pl.aliases.includes(next!))) return undefined;
  const terms = deps.terms(next);
  return terms.length > 0 && deps.knows(next) ? terms : undefined;
}

/**
 * Contact attributes and the shape of their value: an address is a street or a building ("Jl. M.
 * Yamin", "Gedung …"), an e-mail has an @, a telephone number digits with an area code, a website a
 * domain. Such an attribute is never worded otherwise: no passage with a value of its shape, no answer.
 */
const CONTACT_SHAPES: Array<{ words: RegExp; value: RegExp }> = [
  { words: /^(alamat|alamatnya|address)$/, value: /\b(?:Jl\.|Jln\.?|Jalan|Gedung|Gd\.|Kompleks|Komplek|Kode Pos|Street|Road|Avenue)\s|\b\d{5}\b/i },
  { words: /^(email|e-mail|surel|emailnya|mail)$/, value: /[\w.-]+@[\w-]+\.[a-z]{2,}/i },
  { words: /^(telepon|teleponnya|telp|phone|telephone|fax|faks)$/, value: /(?:\+62|\(0\d{1,3}\)|\b0\d{1,3})[\s-]?\d{3,}/ },
  { words: /^(website|situs|laman|web|url|site)$/, value: /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:id|com|org|net|go\.id)\b/i },
];

/** The value shape of a contact attribute the question asks for ("alamat", "email", "phone"), if it asks one. */
function contactShape(q: Question, headTerms: string[]): RegExp | undefined {
  if (OPENING_HOURS.test(q.raw)) return CLOCK_TIME;
  return CONTACT_SHAPES.find((c) => c.words.test(q.head ?? '') || headTerms.some((t) => c.words.test(t)))?.value;
}
/** Opening hours ("jam buka kantor BPSDM?") are answered by a time of day ("pukul 08.00", "07.30–16.00"), not by the office's address. */
const OPENING_HOURS = /\b(?:jam (?:buka|operasional|layanan|pelayanan|kantor)(?:nya)?|buka(?:nya)? (?:jam|pukul) (?:berapa|brp)|opening hours|office hours|business hours|opening times)\b/i;
const CLOCK_TIME = /\b(?:pukul|jam)\s*\d{1,2}(?:[.:]\d{2})?\b|\b\d{1,2}[.:]\d{2}\s*(?:[-–]|s\.?d\.?|sampai)\s*\d{1,2}[.:]\d{2}\b|\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|WIB|WITA|WIT)\b/i;

export interface CoverageDeps {
  /** True when a word occurs anywhere in the knowledge base (after glossary and typo correction). */
  knows: (word: string) => boolean;
  /** Analysed terms of a word, the way the index sees it. */
  terms: (word: string) => string[];
  /** Like `knows`, from the documents that are not regulations only (when regulations are loaded beside them). */
  knowsOutsideRegulations?: (word: string) => boolean;
  /** Analysed terms of a passage text. */
  passageTerms: (p: Passage) => Set<string>;
  /** Terms that name a topic (the glossary's acronyms: dts, spbe, diskominfo …). */
  isTopic?: (term: string) => boolean;
}

export function assessCoverage(q: Question, retrieval: RetrievalResult, deps: CoverageDeps): CoverageDecision {
  const none = (reason: CoverageDecision['reason']): CoverageDecision => ({ coverage: 'none', passages: [], missingYears: [], latest: false, reason });
  if (!retrieval.relevant) return none('not_relevant');
  let candidates = retrieval.passages.filter((p) => p.relevance >= RELEVANCE_THRESHOLD * 0.8);
  if (candidates.length === 0) return none('not_relevant');
  // The attribute asked for ("gaji" in "Berapa gaji Kepala Diskominfo?") must exist in the knowledge
  // base. Indonesian word order puts it first; in English the first content word is often an
  // adjective or untranslated vocabulary, so there it only counts for questions about the future
  // ("weather … tomorrow"), which a record of documents cannot answer anyway.
  const attribute = q.head && !SOFT_HEADS.has(q.head) && !q.places.some((p) => p.aliases.includes(q.head!)) && (q.headCertain || q.future) ? q.head : undefined;
  // An English word the knowledge base does not know is usually untranslated vocabulary; it rules the
  // answer out only when the glossary translates it ("salary" → gaji) and the translation is unknown too.
  const untranslated = attribute !== undefined && q.language === 'en' && !q.future && deps.terms(attribute).includes(attribute);
  if (attribute && !deps.knows(attribute) && !untranslated) return none('unknown_attribute');
  // A question about our own subjects (no regulation named or retrieved) whose attribute only the
  // regulations' texts know ("gaji" from a pension regulation, for "salary of the head of Diskominfo
  // Kaltim"): loading regulations teaches the words, not the facts about those subjects.
  if (attribute && !untranslated && deps.knowsOutsideRegulations && !retrieval.regulation && candidates.every((p) => p.regulation === undefined) && !deps.knowsOutsideRegulations(attribute)) return none('unknown_attribute');
  const headApplies = attribute !== undefined && !untranslated;
  const headTerms = headApplies ? deps.terms(q.head!) : [];
  const placeTerms = new Set(q.places.flatMap((pl) => pl.aliases.flatMap((a) => deps.terms(a))));
  const subjectTerms = retrieval.terms.filter((t) => !/^(19|20)\d\d$/.test(t) && !placeTerms.has(t));
  if (headApplies) {
    // Passages that name the attribute answer first.
    const withHead = candidates.filter((p) => headTerms.some((t) => deps.passageTerms(p).has(t)));
    candidates = [...withHead, ...candidates.filter((p) => !withHead.includes(p))];
  }
  if (q.role) {
    const withRole = candidates.filter((p) => mentionsRole(`${p.heading} ${p.text}`, q.role!));
    if (withRole.length === 0) return none('role_absent');
    // The office's organisation, when the question names it ("wakil menteri PANRB"): the deputy
    // ministers of another ministry do not answer.
    const org = organisationOf(q, deps);
    const withOrg = org ? withRole.filter((p) => org.some((t) => deps.passageTerms(p).has(t))) : withRole;
    if (withOrg.length === 0) return none('role_absent');
    candidates = withOrg;
  }
  const places: Place[] = q.places;
  if (places.length > 0) {
    const inPlace = candidates.filter((p) => places.every((pl) => mentionsPlace(`${p.title} ${p.heading} ${p.text}`, pl)));
    if (inPlace.length === 0) return none('place_absent');
    candidates = inPlace;
  }
  // The attribute must be held by a passage about the subject: "alamat kantor Diskominfo" is not
  // answered by the address of another office, "anggaran SPBE" not by a budget of something else.
  // Only a competing holder counts: when no passage states the attribute at all, it may simply be
  // worded otherwise, and the passages about the subject answer.
  // (A head that names a topic or a document — "inpres", "DLA" — is the subject itself, not an attribute.)
  if (headApplies && deps.isTopic && !headTerms.some(deps.isTopic) && !REGULATION_KINDS.test(q.head!)) {
    const topics = subjectTerms.filter((t) => deps.isTopic!(t) && !headTerms.includes(t));
    // Any retrieved passage in the asked place may be the competing holder, however weakly it matched.
    const inPlace = retrieval.passages.filter((p) => q.places.every((pl) => mentionsPlace(`${p.title} ${p.heading} ${p.text}`, pl)));
    const holders = inPlace.filter((p) => headTerms.some((t) => deps.passageTerms(p).has(t)));
    // A part of a regulation is about that regulation, whose abbreviations ("UU PDP", "KPU") are its
    // keywords rather than words of each article.
    const about = (p: Passage) => p.regulation !== undefined || topics.some((t) => deps.passageTerms(p).has(t));
    // … unless a passage about the subject matches the question strongly (and better than the holder):
    // "aplikasi" in "Melalui aplikasi apa DLA Kaltim 2024 dibuka?" is answered by the DLA passage naming
    // Zoom, however many other passages say "aplikasi".
    const subjectBest = Math.max(0, ...candidates.filter(about).map((p) => p.relevance));
    const holderBest = Math.max(0, ...holders.map((p) => p.relevance));
    if (topics.length > 0 && holders.length > 0 && !holders.some(about) && subjectBest < Math.max(STRONG_SUBJECT, holderBest)) return none('attribute_absent');
    // In another province or city than Kaltim, nothing in the knowledge base records the attribute at
    // all: a passage that merely mentions the place ("Wali Kota Samarinda … DLA") does not answer
    // "What is the SPBE index of Samarinda city?".
    if (holders.length === 0 && q.places.some((pl) => pl.scope === 'city' || pl.scope === 'province')) return none('attribute_absent');
    // When no passage states the attribute, the passages about the subject answer only if they match
    // the question well: "email resmi Diskominfo Kaltim" is not answered by a passage that merely
    // mentions Kaltim's digital-leadership training.
    if (topics.length > 0 && holders.length === 0 && subjectBest < WEAK_SUBJECT) return none('attribute_absent');
    // A contact attribute ("What is the office address of Diskominfo Kaltim?") is answered only by a
    // passage about the subject holding a value of its shape (a street, an @, a telephone number):
    // a passage about the office's head that merely matches the question is no address.
    const shape = contactShape(q, headTerms);
    if (shape && !candidates.some((p) => (topics.length === 0 || about(p)) && shape.test(p.text))) return none('attribute_absent');
    // "Berapa anggaran pelatihan GCIO?" names what the number measures: when no passage about the
    // subject names it, a number there (50 visitors) measures something else.
    if (holders.length === 0 && measuredNoun(q) === q.head && !candidates.some((p) => headTerms.some((t) => deps.passageTerms(p).has(t)))) return none('attribute_absent');
  }
  // "DTS diluncurkan thn brp": the head names the topic, the rest of the question what is asked of it.
  // When the only passages saying that are about other topics (the launch of DLA, of INA Digital), the
  // knowledge base does not record it for this one.
  if (headApplies && deps.isTopic && headTerms.some(deps.isTopic) && candidates.every((p) => p.regulation === undefined)) {
    const topics = subjectTerms.filter((t) => deps.isTopic!(t));
    const asked = subjectTerms.filter((t) => !deps.isTopic!(t) && !KIND_TERMS.has(t) && deps.knows(t));
    const holders = candidates.filter((p) => asked.every((t) => deps.passageTerms(p).has(t)));
    const about = (p: Passage) => topics.some((t) => deps.passageTerms(p).has(t));
    if (asked.length > 0 && holders.length > 0 && !holders.some(about) && !candidates.slice(0, 3).some((p) => about(p) && asked.some((t) => deps.passageTerms(p).has(t)))) {
      // "Since when" is what a launch date asks: a passage about the topic that says since which year
      // ("DTS diselenggarakan Kominfo sejak tahun 2018") answers it, alone.
      const since = q.kind === 'date' ? retrieval.passages.filter((p) => about(p) && SINCE_YEAR.test(p.text)) : [];
      if (since.length === 0) return none('attribute_absent');
      candidates = since;
    }
  }
  if (q.years.length === 0) return { coverage: 'full', passages: candidates, missingYears: [], latest: false };
  const withYears = candidates.filter((p) => q.years.every((y) => hasYear(p, y, q, subjectTerms, deps, headTerms)));
  if (withYears.length > 0) return { coverage: 'full', passages: [...withYears, ...candidates.filter((p) => !withYears.includes(p))], missingYears: [], latest: false };
  // Partial: the subject is recorded, but not for the asked year. Lead with the nearest recorded year.
  const missingYears = q.years.filter((y) => !candidates.some((p) => hasYear(p, y, q, subjectTerms, deps, headTerms)));
  const asked = Number(q.years[0]);
  const recorded = [...new Set(candidates.slice(0, 3).flatMap((p) => periodText(p, q).match(yearRe) ?? []))].filter((y) => !q.years.includes(y)).map(Number);
  const nearest = recorded.sort((a, b) => Math.abs(a - asked) - Math.abs(b - asked) || b - a)[0];
  const nearestPassage = nearest === undefined ? candidates[0] : candidates.find((p) => hasYear(p, String(nearest), q, [], deps)) ?? candidates[0];
  return {
    coverage: 'partial',
    passages: [nearestPassage, ...candidates.filter((p) => p !== nearestPassage)],
    missingYears,
    nearestYear: nearest === undefined ? undefined : String(nearest),
    latest: recorded.length > 0 && recorded.every((y) => y < asked),
  };
}
