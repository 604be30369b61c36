/**
 * One parsed question: the constraints it puts on its answer, read by retrieval, the
 * relevance signal, answer composition and follow-ups alike — so that a question is
 * understood once, in one place, and every later step agrees on what was asked.
 *
 * It lives in `knowledge/` (not `answering/`) because the retriever reads it and imports
 * flow from answering to knowledge; `src/answering/question.ts` re-exports it.
 *
 * Chat register ("kaltim spbe 2024 dpt brp sih? katanya rekor") is normalised first: the
 * glossary's informal spellings (brp → berapa, thn → tahun) are applied, fillers and
 * particles (sih, dong, nih, kira-kira …) dropped, and a hearsay clause ("katanya …",
 * "kabarnya …") is kept out of the search terms — it is what the user heard, not what they
 * ask. Out-of-scope detection does not weaken: the asked attribute (`head`) and the named
 * places stay constraints that a passage must satisfy.
 *
 * @example
 * parseQuestion('indeks spbe kaltim thn 2022 brp?', canon)
 * // { years: ['2022'], places: [{ id: 'kaltim', … }], kind: 'number', head: 'indeks', … }
 */
import type { Locale } from '../locale.js';
import { detectLanguage } from './language.js';
import { analyse, foldText, identityCanonicaliser, type Canonicaliser } from './text.js';

/** 'agency': which ministry, agency or institution ("kementerian mana", "lembaga apa", "which ministry …"). */
export type AskedKind = 'number' | 'date' | 'name' | 'agency' | 'place' | 'list' | 'yesno' | 'definition' | 'other';

/**
 * "Kementerian mana …", "dipegang lembaga apa?", "Which ministry coordinates …": the answer is a
 * government organisation (a sentence naming only the subject does not answer). Not "lembaga apa
 * saja" (a list), not "which organisations partnered …" (partners are companies and universities too).
 */
const AGENCY_ASKED = / (?:kementerian|kementrian|kemen|lembaga|instansi|badan|dinas) (?:mana|apa|apakah)(?! saja| aja)\b| (?:which|what) (?:ministry|ministries|agency|agencies|government (?:body|bodies|institution|institutions)) /;

/** The organisation noun an agency question asks with ("instansi" in "instansi mana …", "ministry"), if any. */
export function askedAgencyNoun(text: string): string | undefined {
  const m = ` ${foldText(text).replace(/[^a-z0-9,.]+/g, ' ')} `.match(AGENCY_ASKED);
  return m ? m[0].trim().split(' ').find((w) => !/^(mana|apa|apakah|which|what|government)$/.test(w)) : undefined;
}

export interface Place {
  /** Canonical id: 'kaltim', 'nasional', or the folded name ('papua', 'balikpapan'). */
  id: string;
  scope: 'kaltim' | 'national' | 'province' | 'city';
  /** Folded spellings a passage may use for it. */
  aliases: string[];
  /** The name as the user wrote it (for messages). */
  label: string;
}

export interface Question {
  raw: string;
  /** Normalised words (folded, chat spellings replaced, fillers removed), in order. */
  words: string[];
  /** What retrieval searches: the normalised question without fillers and hearsay clauses. */
  searchText: string;
  language: Locale;
  /** Years asked about (not years inside regulation numbers such as "Perpres 95/2018"). */
  years: string[];
  /** "tahun sebelumnya" / "the year before" (resolved against the previous turn by follow-ups). */
  relativeYear?: 'previous' | 'next';
  /** How many years the relative year moves: -1 for "tahun sebelumnya", -2 for "2 tahun sebelumnya" / "two years earlier". */
  yearShift?: number;
  /** About the future ("besok", "tomorrow", "tahun depan"): a knowledge base of records cannot say. */
  future: boolean;
  places: Place[];
  /** An office asked about ("gubernur", "wakil gubernur", "kepala bpsdm"). */
  role?: string;
  /** The attribute asked for: the first content word ("gaji" in "Berapa gaji Kepala Diskominfo?"). */
  head?: string;
  /**
   * The head is surely the asked attribute: always in Indonesian (the attribute comes first); in
   * English only when read from "what is the <attribute> of …" / "how big is X's <attribute>" (the
   * last noun of the phrase after the verb), since the first content word there is often an adjective.
   */
  headCertain: boolean;
  kind: AskedKind;
  /** A value the user supplies ("nilai 4,5 predikatnya apa?") — an input, not a search term. */
  givenScore?: number;
  /** How many things are asked ("kapan & sama siapa?" → 2): a multi-part question gets room for each part. */
  parts: number;
  /** Asks for a difference or comparison ("selisih", "dibanding", "lebih tinggi"). */
  comparison: boolean;
}

/**
 * Fillers, particles and hedges of chat Indonesian: they never carry the topic. "Bunyinya gimana?"
 * ("how does it read?") asks for the wording itself, which no document labels with the word.
 */
const FILLERS = new Set(
  'bunyi bunyinya sih dong nih deh kok ya yah yak kah lah tuh toh loh lho kak pak bu bang mas mbak min gan sis bro kakak bapak ibu admin tolong mohon please pls plis kira kira2 kira-kira sekitar kurleb kirakira kayaknya sepertinya kayak kiranya emang sebenarnya sebetulnya gitu begitu sekarang skrg hehe wkwk haha thx makasih btw eh oh nah'.split(
    ' ',
  ),
);

/** Chat spellings the glossary does not need for documents (question side only). */
const CHAT = new Map<string, string>([
  ['dpt', 'dapat'], ['dapet', 'dapat'], ['dapat', 'dapat'], ['brp', 'berapa'], ['brapa', 'berapa'], ['berapaan', 'berapa'],
  ['hp', 'telepon'], ['wa', 'telepon'], ['whatsapp', 'telepon'], ['telp', 'telepon'], ['telpon', 'telepon'], ['tlp', 'telepon'],
  ['diluncurin', 'diluncurkan'], ['dibikin', 'dibuat'], ['bikin', 'buat'], ['ngadain', 'mengadakan'], ['diadain', 'diadakan'],
  ['ikutan', 'ikut'], ['gimana', 'bagaimana'], ['gmn', 'bagaimana'], ['kmrn', 'kemarin'], ['kemaren', 'kemarin'], ['ama', 'dengan'],
  ['dlm', 'dalam'], ['ngasih', 'memberi'], ['dikasih', 'diberi'], ['nanya', 'bertanya'],
  ['sama', 'sama'], ['lewat', 'melalui'], ['people', 'orang'], ['kadis', 'kepala dinas'], ['versi', 'menurut'], ['smpe', 'sampai'], ['sampe', 'sampai'], ['pengen', 'ingin'], ['pingin', 'ingin'], ['nyari', 'cari'], ['dmn', 'dimana'], ['gratisan', 'gratis'],
]);

/** Words after which the rest of the clause is hearsay, not a constraint. */
const HEARSAY = /\b(katanya|kabarnya|denger2|dengar-dengar|denger-denger|konon|rumornya|infonya|i heard|reportedly|apparently|buat bahan|untuk bahan|for my presentation|for a presentation)\b[^?.!]*/gi;

const QUESTION_WORDS = new Set(
  'apa apakah siapa siapakah kapan kapankah dimana mana bagaimana berapa berapakah mengapa kenapa what who whom whose when where which why how is are was were do does did can could will would should'.split(' '),
);

/** Indonesian number words for the small counts documents spell out (2–12). */
const COUNT_WORDS: Record<number, string> = { 2: 'dua', 3: 'tiga', 4: 'empat', 5: 'lima', 6: 'enam', 7: 'tujuh', 8: 'delapan', 9: 'sembilan', 10: 'sepuluh', 11: 'sebelas', 12: 'dua belas' };

/** Words before or after a number that make it a reference, rank or stage, not a count ("Pasal 12", "level 3", "3 tiga"). */
const NOT_A_COUNT = /^(pasal|ayat|nomor|no|angka|huruf|bab|bagian|tahun|tahap|level|angkatan|batch|gelombang|kelas|peringkat|ranking|nilai|skor|indeks|predikat|ke|article|section|grade|tingkat|uu|pp|perpres|permen\w*|inpres|perda|pergub|tiga|dua|empat|lima)$/;

/** Words that introduce the asked attribute but are not it ("jumlah peserta", "nilai indeks", "nomor telepon"). */
const GLUE = new Set(
  'jumlah nilai angka nomor total banyak besar berapa brp the a an of what is are was much many number amount value kalau kalo klo terus lalu dan and so then yang itu ini tersebut di ke dari untuk pada dalam bagi oleh dengan tahun year in on for to by sudah belum ada punya masih pas saat ketika sewaktu yg sy saya aku kami kita gw gue'.split(' '),
);

/**
 * Offices that have a deputy ("wakil gubernur"): a passage about the deputy does not answer a
 * question about the office. Longest first.
 */
const ROLES = ['wakil gubernur', 'wakil presiden', 'wakil wali kota', 'wakil walikota', 'wakil bupati', 'wakil menteri', 'vice governor', 'vice president', 'deputy governor', 'vice mayor', 'gubernur', 'presiden', 'wali kota', 'walikota', 'bupati', 'menteri', 'governor', 'president', 'mayor', 'minister'];
const ROLE_IN_INDONESIAN: Record<string, string> = {
  governor: 'gubernur', 'vice governor': 'wakil gubernur', 'deputy governor': 'wakil gubernur', president: 'presiden', 'vice president': 'wakil presiden',
  mayor: 'walikota', 'vice mayor': 'wakil walikota', minister: 'menteri',
};
/** "Peraturan Presiden", "Keputusan Menteri" name documents, not offices. */
const ROLE_AS_DOCUMENT = /\b(peraturan|keputusan|instruksi|surat edaran|staf|staff|kantor|kementerian|regulation|decree|office of the)\s+$/;

interface PlaceDef { id: string; scope: Place['scope']; aliases: string[] }

/** Places a question can be scoped to. Kaltim's own regencies and cities are places distinct from the province. */
const PLACES: PlaceDef[] = [
  { id: 'kaltim', scope: 'kaltim', aliases: ['kaltim', 'kalimantan timur', 'east kalimantan', 'pemprov kaltim', 'provinsi kaltim'] },
  { id: 'nasional', scope: 'national', aliases: ['nasional', 'national', 'secara nasional', 'rata-rata nasional'] },
  ...[
    ['aceh'], ['sumut', 'sumatera utara', 'sumatra utara'], ['sumbar', 'sumatera barat'], ['riau'], ['kepri', 'kepulauan riau'], ['jambi'],
    ['sumsel', 'sumatera selatan'], ['bengkulu'], ['lampung'], ['babel', 'bangka belitung'], ['dki', 'dki jakarta', 'jakarta'],
    ['jabar', 'jawa barat'], ['jateng', 'jawa tengah'], ['diy', 'yogyakarta', 'jogja', 'jogjakarta'], ['jatim', 'jawa timur'], ['banten'],
    ['bali'], ['ntb', 'nusa tenggara barat'], ['ntt', 'nusa tenggara timur'], ['kalbar', 'kalimantan barat'], ['kalteng', 'kalimantan tengah'],
    ['kalsel', 'kalimantan selatan'], ['kaltara', 'kalimantan utara'], ['sulut', 'sulawesi utara'], ['sulteng', 'sulawesi tengah'],
    ['sulsel', 'sulawesi selatan'], ['sultra', 'sulawesi tenggara'], ['gorontalo'], ['sulbar', 'sulawesi barat'], ['maluku'],
    ['malut', 'maluku utara'], ['papua'], ['papua barat'], ['papua selatan'], ['papua tengah'], ['papua pegunungan'], ['papua barat daya'],
  ].map((a): PlaceDef => ({ id: a[0], scope: 'province', aliases: a })),
  ...[
    ['samarinda'], ['balikpapan'], ['bontang'], ['kukar', 'kutai kartanegara'], ['kutim', 'kutai timur'], ['kubar', 'kutai barat'], ['berau'],
    ['paser'], ['ppu', 'penajam paser utara', 'penajam'], ['mahulu', 'mahakam ulu'], ['surabaya'], ['bandung'], ['medan'], ['makassar'],
    ['semarang'], ['malinau'], ['tegal'], ['tarakan'], ['banjarmasin'], ['pontianak'], ['manado'], ['denpasar'], ['palembang'], ['ikn', 'nusantara', 'ibu kota nusantara'],
  ].map((a): PlaceDef => ({ id: a[0], scope: 'city', aliases: a })),
];

const FUTURE = /\b(besok|lusa|tahun depan|bulan depan|minggu depan|nanti malam|tomorrow|next (year|month|week)|akan datang)\b/i;
const PREVIOUS_YEAR = /\b(tahun (sebelumnya|lalu|kemarin)|thn (sebelumnya|lalu)|setahun sebelumnya|the (year|one) before|previous year|a year earlier|last year)\b/i;
const NEXT_YEAR = /\b(tahun (berikutnya|sesudahnya|setelahnya)|the (year|one) after|following year|next year)\b/i;
const COUNT: Record<string, number> = { satu: 1, se: 1, dua: 2, tiga: 3, empat: 4, lima: 5, one: 1, two: 2, three: 3, four: 4, five: 5 };
const YEARS_SHIFT = /\b(\d|satu|dua|tiga|empat|lima|one|two|three|four|five)\s*(?:tahun|thn|years?)\s+(sebelumnya|lalu|sebelum|kemudian|sesudahnya|berikutnya|setelahnya|before|earlier|ago|later|after)\b/i;

/** The signed number of years a relative year moves ("2 tahun sebelumnya" → -2), for the relative kinds. */
function yearShiftOf(normalised: string, relative: Question['relativeYear']): number | undefined {
  const m = normalised.match(YEARS_SHIFT);
  const n = m ? (COUNT[m[1].toLowerCase()] ?? Number(m[1])) : 1;
  const back = m ? /^(sebelumnya|lalu|sebelum|before|earlier|ago)$/i.test(m[2]) : relative === 'previous';
  if (!m && !relative) return undefined;
  return back ? -n : n;
}

const COMPARISON = /\b(selisih|beda|bedanya|perbedaan|dibanding(kan)?|dibandingkan|banding|lebih (tinggi|rendah|besar|kecil)|naik berapa|turun berapa|kenaikan|penurunan|difference|compared?|higher|lower|versus|vs)\b/i;
const SCORE_QUESTION = /\b(predikat|predikatnya|kategori|kategorinya|tingkat|level|maturity|masuk (kategori|predikat)|predicate|rating|category)\b/i;

/** Folded, chat-normalised words of a text (glossary informal spellings applied). */
export function normaliseWords(text: string, canon: Canonicaliser = identityCanonicaliser): string[] {
  // English idioms whose words mislead word by word ("took part" is not "bagian"; "stand for" asks for the
  // full name, which a definition gives, as "singkatan dari" and "kepanjangan" do; a "term of office" is a "masa jabatan", not an office's address).
  const words = foldText(text).replace(/\b(took|take|takes|taking) part\b/g, 'participated').replace(/\b(stand|stands) for\b/g, ' ').replace(/\b(?:singkatan|kepanjangan)(?:nya)?(?: (?:dari|dr|dri))?\b/g, ' ').replace(/\bterms? of office\b/g, 'masa jabatan').match(/\d+(?:[.,]\d+)*|[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? [];
  return words.flatMap((w) => {
    const chat = CHAT.get(w);
    if (chat) return chat.split(' ');
    if (/^\d/.test(w)) return w;
    // The glossary's informal map gives one canonical word for a chat spelling (thn → tahun).
    const c = canon(w);
    return c.length === 1 && !c[0].includes(' ') && c[0] !== w && w.length <= 4 ? c[0] : w;
  });
}

/** Years asked about; years inside regulation numbers ("Perpres 95/2018", "PP Nomor 11 Tahun 2017") name documents, not periods. */
export function yearsOf(text: string): string[] {
  return [...new Set(withoutRegulationNumbers(text).match(/\b(19|20)\d\d\b/g) ?? [])];
}

/** The text with regulation numbers ("Perpres 95/2018", "Nomor 965 Tahun 2021") blanked: their years name documents. */
export function withoutRegulationNumbers(text: string): string {
  return text
    .replace(/\b\d{1,4}\s*\/\s*(19|20)\d\d\b/g, ' ')
    .replace(/\b(no\.?|nomor|nomer)\s*\d{1,4}\s*(tahun|thn|th\.?)\s*(19|20)\d\d\b/gi, ' ')
    .replace(/\b(uu|pp|perpres|permen\w*|inpres|keppres|kepmen\w*|perda|pergub|se)\s*\d{1,4}\s*(tahun|thn|th\.?)?\s*(19|20)\d\d\b/gi, ' ');
}

/** The places a text names (Kaltim, nasional, other provinces, cities), in the order it names them. */
export function placesIn(text: string): Place[] {
  return placesOf(foldText(text));
}

/** Every place alias, longest first, so "papua barat" is not also "papua". */
const PLACE_ALIASES = PLACES.flatMap((p) => p.aliases.map((a) => ({ p, a }))).sort((x, y) => y.a.length - x.a.length);

function placesOf(folded: string): Place[] {
  const out: Place[] = [];
  const padded = ` ${folded.replace(/[^a-z0-9]+/g, ' ')} `;
  let rest = padded;
  for (const { p, a } of PLACE_ALIASES) {
    if (!rest.includes(` ${a} `)) continue;
    rest = rest.replace(` ${a} `, ' # ');
    if (!out.some((o) => o.id === p.id)) out.push({ id: p.id, scope: p.scope, aliases: p.aliases, label: a });
  }
  // In the order the question names them ("Kaltim … dengan nasional").
  return out.sort((x, y) => padded.indexOf(` ${x.label} `) - padded.indexOf(` ${y.label} `));
}

function kindOf(folded: string, language: Locale): AskedKind {
  const q = ` ${folded.replace(/[^a-z0-9,.]+/g, ' ')} `;
  if (/ (apa itu|apa yang dimaksud|pengertian|definisi|arti dari|apa arti|what is meant|define|meaning of|stand for|stands for|kepanjangan|kepanjangannya|singkatan (dari|dr|dri)|singkatannya) /.test(q)) return 'definition';
  if (/ (kapan|tanggal berapa|tahun berapa|when|what year|which year|what date|what dates|which date|which dates|on what day) /.test(q)) return 'date';
  // "untuk siapa?", "who is it for?" ask for an audience (staf ASN, pimpinan), not a person's name.
  if (AGENCY_ASKED.test(q)) return 'agency';
  const audience = / (untuk|buat|bagi|utk) (siapa|sapa) /.test(q) || /^ who .* for $/.test(q.replace(/[?.!]/g, ' ').replace(/\s+/g, ' '));
  if (/ (siapa|siapakah|sapa|who|whom) /.test(q) && !audience) return 'name';
  if (/ (dimana|di mana|where|lokasinya|lokasi|alamat|alamatnya|address) /.test(q)) return 'place';
  if (/ (berapa|berapakah|jumlah|how many|how much|how long|how old|how big|how large|how far|how often|skor|score|nilai|indeks|index) /.test(q)) return 'number';
  // "apa saja", "sebutkan", or a reduplicated plural ("tema-tema", "syarat2").
  if (/ (apa saja|sebutkan|apa aja|what are the|list|daftar) /.test(q) || /\b([a-z]{3,})-\1\b/.test(folded)) return 'list';
  if (/^ (apakah|apa benar|benarkah|bisakah|bolehkah|is|are|does|do|can|could|will) /.test(q) || / (tidak|gak|nggak|gk|ga|enggak|bukan|or not|kah) $/.test(q)) return 'yesno';
  if (language === 'en' && /^ what (is|are) /.test(q)) return 'definition';
  if (/^ apa /.test(q)) return 'definition';
  return 'other';
}

/**
 * Parse a question once. `canon` is the glossary's canonicaliser (informal spellings); without it
 * only the built-in chat spellings are normalised.
 */
export function parseQuestion(text: string, canon: Canonicaliser = identityCanonicaliser): Question {
  // "2023nya?", "2020an" — a year with a chat suffix is still the year.
  const raw = text.trim().replace(/\b((?:19|20)\d\d)(nya|an)\b/gi, '$1');
  const language = detectLanguage(raw);
  // "ngasih tau" / "kasih tahu" is one verb: memberitahukan (to notify).
  // "X itu program buat siapa?" asks what X is for: "itu program" only frames X (every topic is a programme).
  const withoutHearsay = raw
    .replace(HEARSAY, ' ')
    .replace(/\b(?:ngasih|kasih)\s+(?:tau|tahu)\b/gi, 'memberitahukan')
    .replace(/\b(itu|tuh)\s+(?:program|programnya)\s+(buat|untuk|utk|bagi)\b/gi, '$1 $2')
    // English "may" is the month only beside a date or after "in/of/since …"; "Who may operate …"
    // and "May a company …" ask about permission (the glossary would read it as "Mei").
    .replace(/\b(in|of|on|since|until|till|before|after|during|early|late|mid|end|from|to)\s+may\b/gi, '$1 Mei')
    .replace(/(?<!\d\s?)\bmay\b(?!\s*\d)/gi, language === 'en' ? ' ' : 'may');
  const words = normaliseWords(withoutHearsay, canon).filter((w) => !FILLERS.has(w));
  const normalised = words.join(' ');
  const folded = foldText(raw);
  const comparison = COMPARISON.test(normalised);
  // A score the user gives ("4,5", "3.2") next to predikat/kategori is an input to a derivation.
  let givenScore: number | undefined;
  if (SCORE_QUESTION.test(normalised)) {
    const m = normalised.match(/\b([1-5])[.,](\d{1,2})\b/) ?? normalised.match(/\b(?:nilai|skor|score|indeks|index|dapat|dapet|of)\s+([1-5])\b/);
    if (m) givenScore = Number(m[2] !== undefined ? `${m[1]}.${m[2]}` : m[1]);
  }
  const relativeYear = PREVIOUS_YEAR.test(normalised) || YEARS_SHIFT.test(normalised) ? (yearShiftOf(normalised, 'previous')! < 0 ? 'previous' : 'next') : NEXT_YEAR.test(normalised) ? 'next' : undefined;
  const padded = ` ${normalised} `;
  const asked = ROLES.find((r) => {
    const i = padded.indexOf(` ${r} `);
    return i >= 0 && !ROLE_AS_DOCUMENT.test(padded.slice(0, i + 1));
  });
  // Documents are Indonesian: an English office is checked by its Indonesian name.
  const role = asked && (ROLE_IN_INDONESIAN[asked] ?? asked);
  // The asked attribute: the first word that carries content for the index (stopwords and chat words do not);
  // in English the last noun of the phrase the question asks about.
  // (Read from the words as typed: the glossary turns "what" into "apa".)
  const english = language === 'en' ? englishHead(normaliseWords(withoutHearsay).filter((w) => !FILLERS.has(w))) : undefined;
  // A place is a constraint, never the attribute ("kaltim peringkat brp nasional di spbe 2024?" asks the rank).
  const places = placesOf(foldText(withoutHearsay));
  const placeWords = new Set(places.flatMap((pl) => pl.label.split(' ')));
  // Nor is the "tanggal" of "tgl brp …" (it asks for a date).
  const head = english ?? words.find((w, i) => !QUESTION_WORDS.has(w) && !GLUE.has(w) && !placeWords.has(w) && !/^\d/.test(w) && !(/^(tanggal|tgl)$/.test(w) && /^(berapa|brp)$/.test(words[i + 1] ?? '')) && analyse(w, canon).length > 0);
  // The search text: normalised words; a supplied score is not searched for (it is not in any document).
  // A count typed as a digit ("9 layanan prioritas") is searched in words too: documents write "sembilan layanan".
  // (In a question about a predikat or level, a number is a score, not a count.)
  const scoreQuestion = SCORE_QUESTION.test(normalised);
  // "tanggal berapa" asks for a date as "kapan" does: the answer has a date, not the word "tanggal".
  const searchWords = (givenScore !== undefined ? words.filter((w) => !/^[1-5]([.,]\d{1,2})?$/.test(w)) : words).flatMap((w, i, all) =>
    COUNT_WORDS[Number(w)] && !scoreQuestion && /^\d{1,2}$/.test(w) && /^[a-z]{3,}$/.test(all[i + 1] ?? '') && !NOT_A_COUNT.test(all[i - 1] ?? '') && !NOT_A_COUNT.test(all[i + 1])
      ? [w, COUNT_WORDS[Number(w)]]
      : /^(tanggal|tgl)$/.test(w) && /^(berapa|brp|berapakah)$/.test(all[i + 1] ?? '')
        ? []
        : [w],
  );
  // Keep the original casing of words that look like names, so the retriever still sees them as names.
  const searchText = restoreCase(raw, searchWords);
  return {
    raw,
    words,
    searchText,
    language,
    years: yearsOf(withoutHearsay),
    relativeYear,
    yearShift: yearShiftOf(normalised, relativeYear),
    future: FUTURE.test(folded),
    places,
    role,
    head,
    headCertain: language === 'id' || english !== undefined,
    kind: kindOf(folded.replace(/\bbrp\b/g, 'berapa').replace(/\bkpn\b/g, 'kapan').replace(/\btgl\b/g, 'tanggal').replace(/\b(thn|th)\b/g, 'tahun'), language),
    givenScore,
    comparison,
    parts: partsOf(folded),
  };
}

const EN_COPULA = new Set(['is', 'are', 'was', 'were']);
const EN_ASKING = new Set(['what', 'which', 'who', 'how', 'where']);
const EN_PHRASE_END = new Set(['of', 'for', 'in', 'at', 'on', 'by', 'to', 'from', 'with', 'under', 'per', 'during', 'that', 'which', 'who', 'and', 'or', 'as', 'like', 'about', 'now', 'today', 'tomorrow', 'currently']);
const EN_KIND_WORDS = new Set(['number', 'numbers', 'date', 'dates', 'name', 'names', 'amount', 'total', 'year']);
const EN_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'current', 'latest']);

/**
 * The attribute an English question asks about: the last word of the noun phrase after the verb
 * ("What is the office address of …" → address, "How big is Kaltim's SPBE budget for 2024?" →
 * budget, "What was the national SPBE index in 2023?" → index). Undefined for other shapes.
 */
const EN_POSTMODIFIER = /^(?:[a-z]{3,}ed|[a-z]{3,}ing|held|given|made|run|done|taken|available|possible|needed|required)$/;

function englishHead(words: string[]): string | undefined {
  const v = words.findIndex((w) => EN_COPULA.has(w));
  // "what is", "who was", "how big is": at most one word between the question word and the verb.
  if (v < 1 || v > 2 || !EN_ASKING.has(words[0])) return undefined;
  // "Which dates were …", "what year was …": the word after the question word is the attribute.
  if (v === 2 && (words[0] === 'which' || words[0] === 'what')) return words[1];
  let phrase: string[] = [];
  for (const w of words.slice(v + 1)) {
    if (EN_PHRASE_END.has(w)) break;
    // "Kaltim's SPBE budget": the owner is not the attribute (the tokeniser leaves "s" behind).
    if (w === 's') phrase = [];
    else if (!(phrase.length === 0 && EN_DETERMINERS.has(w))) phrase.push(w);
  }
  const nouns = phrase.filter((w) => !/^\d/.test(w));
  // "the academies offered (under …)", "the documents required": a participle after the noun qualifies it.
  while (nouns.length > 1 && EN_POSTMODIFIER.test(nouns[nouns.length - 1])) nouns.pop();
  // "phone number", "registration date": the word before a kind word is the attribute.
  const head = nouns.length > 1 && EN_KIND_WORDS.has(nouns[nouns.length - 1]) ? nouns[nouns.length - 2] : nouns.pop();
  return head && !QUESTION_WORDS.has(head) ? head : undefined;
}

const ASKING = /\b(apa|siapa|sapa|kapan|kpn|dimana|di mana|mana|berapa|brp|bagaimana|gimana|mengapa|kenapa|what|who|when|where|which|how|why)\b/g;

function partsOf(folded: string): number {
  const asked = new Set((folded.match(ASKING) ?? []).map((w) => w.replace('sapa', 'siapa').replace('kpn', 'kapan').replace('brp', 'berapa')));
  const joined = /\b(dan|serta|&|and|juga|also)\b.*\b(apa|siapa|kapan|dimana|berapa|what|who|when|where|which|how)\b/.test(folded) || /[?].+[?]/.test(folded);
  return Math.max(1, asked.size, joined ? 2 : 1);
}

/** Words of `normalised` written as in `raw` when they appear there (capitals mark names and acronyms). */
function restoreCase(raw: string, normalised: string[]): string {
  const original = new Map<string, string>();
  for (const w of raw.match(/[\p{L}\p{N}]+(?:[.,-][\p{L}\p{N}]+)*/gu) ?? []) {
    const f = foldText(w);
    if (!original.has(f)) original.set(f, w);
  }
  return normalised.map((w) => original.get(w) ?? w).join(' ');
}

/** Does a passage text mention the place (any of its spellings, as whole words)? */
export function mentionsPlace(text: string, place: Place): boolean {
  const padded = ` ${foldText(text).replace(/[^a-z0-9]+/g, ' ')} `;
  return place.aliases.some((a) => padded.includes(` ${a} `));
}

/** Does a passage mention the role itself — not only as part of "wakil <role>" when the plain role is asked? */
export function mentionsRole(text: string, asked: string): boolean {
  const padded = ` ${foldText(text).replace(/[^a-z0-9]+/g, ' ').replace(/ wali kota /g, ' walikota ')} `;
  const role = asked.replace('wali kota', 'walikota');
  const re = new RegExp(` ${role} `, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(padded)) !== null) {
    const before = padded.slice(Math.max(0, m.index - 6), m.index + 1);
    if (!role.startsWith('wakil') && /wakil $/.test(before)) continue;
    if (!role.startsWith('vice') && /vice $/.test(padded.slice(Math.max(0, m.index - 5), m.index + 1))) continue;
    return true;
  }
  return false;
}

const SUBJECT_DROP = new Set([...QUESTION_WORDS, ...GLUE, 'orang', 'org', 'people', 'persons', 'tahun', 'thn', 'year', 'itu', 'nya', 'kah', 'provinsi', 'ya', 'the', 'of', 'in', 'for']);
const KEEP_GLUE = new Set(['jumlah', 'nilai']);

/**
 * The subject of a question as a short phrase for messages ("Indeks SPBE Pemprov Kaltim 2025"):
 * its content words in the user's order and casing, then the asked years.
 */
export function subjectOf(q: Question, spelling: (word: string) => string | undefined = () => undefined): string {
  const words = q.searchText.split(/\s+/).filter((w) => {
    const f = foldText(w);
    if (/^(19|20)\d\d$/.test(f) || f.length < 2) return false;
    return KEEP_GLUE.has(f) || (!SUBJECT_DROP.has(f) && !FILLERS.has(f));
  });
  // Names as the knowledge base spells them ("spbe kaltim" → "SPBE Kaltim"), however the user typed them.
  const phrase = [...words.map((w) => spelling(foldText(w)) ?? w), ...q.years].join(' ').replace(/[?!.,]+/g, '').trim();
  return phrase ? phrase[0].toUpperCase() + phrase.slice(1) : q.years.join(', ');
}
