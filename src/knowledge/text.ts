import { stemmer as indonesianStemmer } from '@orama/stemmers/indonesian';
import { stopwords as idStopwordList } from '@orama/stopwords/indonesian';
import { stopwords as enStopwordList } from '@orama/stopwords/english';

/**
 * Text normalisation shared by the lexical index, the local embeddings and the query
 * side, so that a document and a question are always reduced the same way.
 *
 * Pipeline: strip invisible characters → lower case → fold diacritics → numbers
 * normalised (3,79 ≡ 3.79) → tokens → informal/synonym canonical form (from the
 * glossary) → stopwords removed → Indonesian stem (with guards against the
 * stemmer's known over-stemming, e.g. peserta → serta).
 */

/** Invisible and control characters (zero-width, bidi marks, C0/C1 controls except \n\t). */
const INVISIBLE_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_RE, '');
}

/** Lower-case, fold accents, unify quotes and dashes. */
export function foldText(text: string): string {
  return stripInvisible(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-');
}

// Words the Indonesian stemmer damages. Value = the stem to use instead.
const STEM_OVERRIDES: Record<string, string> = {
  peserta: 'peserta',
  pesertanya: 'peserta',
  serta: 'serta',
  penilaian: 'nilai',
  menilai: 'nilai',
  dinilai: 'nilai',
  nilainya: 'nilai',
  nilai: 'nilai',
  harga: 'harga',
  kepemimpinan: 'pimpin',
  pemimpin: 'pimpin',
  pimpinan: 'pimpin',
  memimpin: 'pimpin',
  pemerintah: 'perintah',
  pemerintahan: 'perintah',
  pertama: 'pertama',
  ketua: 'ketua',
  mengetuai: 'ketua',
  diketuai: 'ketua',
  kepala: 'kepala',
  keamanan: 'aman',
  kegiatan: 'giat',
  kebijakan: 'bijak',
  keputusan: 'putus',
  perpres: 'perpres',
  permen: 'permen',
  permenpanrb: 'permenpanrb',
  kemenpanrb: 'kemenpanrb',
  kementerian: 'menteri',
  menteri: 'menteri',
  diskominfo: 'diskominfo',
  kominfo: 'kominfo',
  kemenkominfo: 'kemenkominfo',
  komdigi: 'komdigi',
  berita: 'berita',
  sekretaris: 'sekretaris',
  sertifikat: 'sertifikat',
  sertifikasi: 'sertifikat',
  bersertifikat: 'sertifikat',
  tersertifikasi: 'sertifikat',
  pelatihan: 'latih',
  dilatih: 'latih',
  melatih: 'latih',
  pemantauan: 'pantau',
  pembangunan: 'bangun',
  perangkat: 'perangkat',
  perencanaan: 'rencana',
  perencana: 'rencana',
  rencana: 'rencana',
  penyelenggara: 'selenggara',
  penyelenggaraan: 'selenggara',
  diselenggarakan: 'selenggara',
  menyelenggarakan: 'selenggara',
  tersedia: 'sedia',
  terpadu: 'padu',
  keterpaduan: 'padu',
  terintegrasi: 'integrasi',
  integrasi: 'integrasi',
  tertinggi: 'tinggi',
  terendah: 'rendah',
  terbaik: 'baik',
  kesehatan: 'sehat',
  pendidikan: 'didik',
  pendaftar: 'daftar',
  mendaftar: 'daftar',
  pendaftaran: 'daftar',
  terdaftar: 'daftar',
  didaftarkan: 'daftar',
};

/** Prefixes whose words the stemmer must leave alone (loan words and names). */
const NO_STEM_PREFIXES = ['digital', 'data', 'teknologi', 'informasi', 'dimensi', 'diklat', 'direktur', 'diskominfo', 'dialog', 'dinas'];

const stemCache = new Map<string, string>();

/** Indonesian stem with guards; short words, numbers and loan words are kept as they are. */
export function stem(input: string): string {
  const cached = stemCache.get(input);
  if (cached !== undefined) return cached;
  let word = input;
  let out: string;
  // Colloquial nge-/se- forms: ngecek → cek, setahun → tahun.
  if (word.length > 5 && word.startsWith('nge') && !STEM_OVERRIDES[word]) word = word.slice(3);
  else if (word === 'setahun' || word === 'pertahun') word = 'tahun';
  const override = STEM_OVERRIDES[word];
  if (override) out = override;
  else if (word.length <= 4 || /\d/.test(word) || NO_STEM_PREFIXES.some((p) => word.startsWith(p))) out = word;
  else {
    let s = indonesianStemmer(word);
    // meN-/peN- before a root in t drops the t (menargetkan = meN- + target, penetapan = peN- + tetap);
    // the stemmer strips "men"/"pen" and keeps the rest ("arget"). A root in a vowel takes meng-/peng-,
    // so "men"/"pen" + vowel is the t-root.
    if (/^[mp]en[aeiou]/.test(word) && /^[aeiou]/.test(s) && word.slice(3).startsWith(s)) s = `t${s}`;
    // The stemmer sometimes eats a root letter (penilaian → ilai); a stem this short is not trustworthy.
    out = s.length >= 4 || (s.length === 3 && word.length <= 6) ? s : word;
  }
  if (stemCache.size < 200_000) stemCache.set(input, out);
  return out;
}

const ID_STOPWORDS = new Set(idStopwordList);
// Question words and everyday chat words that carry no topic.
const EXTRA_STOPWORDS = [
  'apa', 'apakah', 'siapa', 'siapakah', 'kapan', 'kapankah', 'dimana', 'mana', 'bagaimana', 'gimana', 'berapa', 'berapakah',
  'mengapa', 'kenapa', 'tolong', 'mohon', 'jelaskan', 'sebutkan', 'tahukah', 'tau', 'tahu', 'dong', 'deh', 'sih', 'ya', 'yah', 'kak',
  'pak', 'bu', 'bapak', 'ibu', 'saya', 'aku', 'kami', 'kita', 'nya', 'gak', 'ga', 'nggak', 'enggak', 'tidak', 'kah', 'lah', 'itu',
  'ini', 'yang', 'dan', 'atau', 'di', 'ke', 'dari', 'untuk', 'dengan', 'pada', 'dalam', 'oleh', 'adalah', 'ialah', 'merupakan',
  'aja', 'saja', 'juga', 'sudah', 'udah', 'belum', 'bisa', 'dapat', 'boleh', 'ingin', 'mau', 'info', 'tentang',
  'mengenai', 'terkait', 'seputar', 'hal', 'kasih', 'beri', 'berikan', 'dimaksud', 'maksud', 'maksudnya', 'artinya', 'bedanya', 'beda',
  'admin', 'sebenarnya', 'cuma', 'pernah', 'bilang', 'memang', 'begitu', 'terus', 'tapi', 'kemarin', 'dulu', 'seperti', 'beberapa', 'banyak', 'hallo', 'halo', 'min', 'gan', 'sis', 'bro', 'kok', 'kah', 'pun',
  // "disuruh ngapain aja": what someone is told to do, in chat words (the question asks for the list).
  'ngapain', 'ngapa', 'disuruh', 'suruh', 'nyuruh',
];
const EN_STOPWORDS = new Set([
  ...enStopwordList,
  'what', 'who', 'whom', 'when', 'where', 'which', 'why', 'how', 'much', 'many', 'tell', 'please', 'explain', 'about', 'does',
  'did', 'do', 'is', 'are', 'was', 'were', 'the', 'a', 'an', 'of', 'in', 'on', 'for', 'to', 'and', 'or', 'me', 'i', 'you', 'can',
  'could', 'would', 'should', 'there', 'their', 'its', 'it', 'this', 'that', 'with', 'by', 'as', 'be', 'been', 'has', 'have', 'had',
  'know', 'want', 'need', 'get', 'give', 'show', 'list', 'according',
]);
for (const w of EXTRA_STOPWORDS) ID_STOPWORDS.add(w);
// Words that are stopwords in a general list but topical here.
for (const w of ['tahun', 'jumlah', 'nilai', 'baru', 'tinggi', 'pertama', 'kedua', 'ketiga', 'akhir', 'awal', 'waktu', 'masa', 'umum', 'lima', 'empat', 'tiga', 'dua', 'satu', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas', 'indeks', 'tujuan', 'program', 'kerja', 'hari', 'bulan', 'peserta', 'orang', 'pihak', 'bagian', 'jenis', 'sama', 'besar', 'lebih', 'kurang', 'tinggi', 'rendah', 'baik', 'cukup', 'sangat', 'mulai', 'sementara']) {
  ID_STOPWORDS.delete(w);
  EN_STOPWORDS.delete(w);
}
for (const w of ['first', 'second', 'third', 'new', 'high', 'low', 'best', 'good', 'year', 'years', 'number', 'value', 'five', 'four', 'three', 'two', 'one']) EN_STOPWORDS.delete(w);

export function isStopword(token: string): boolean {
  return ID_STOPWORDS.has(token) || EN_STOPWORDS.has(token);
}

/**
 * Raw tokens: words, numbers (3,79 → 3.79; 1.000 kept), hyphenated forms split.
 * Returned in lower case, before canonicalisation and stemming.
 */
export function rawTokens(text: string): string[] {
  const folded = foldText(text);
  const out: string[] = [];
  const re = /\d+(?:[.,]\d+)*%?(?![a-z])|[a-z0-9]+(?:'[a-z]+)?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded)) !== null) {
    let t = m[0];
    if (/^\d/.test(t)) {
      t = t.replace(/%$/, '');
      // Decimal comma ≡ decimal point: 3,79 → 3.79. Thousand groups (1.000, 10.000) keep their form.
      if (/^\d+,\d+$/.test(t)) t = t.replace(',', '.');
      out.push(t);
      // A number with a decimal part is also findable by its integer part only when written as 3.0 etc.: skip.
      continue;
    }
    t = t.replace(/'[a-z]+$/, '');
    // Reduplication shorthand: surat2 → surat (surat-surat).
    if (/^[a-z]{3,}2$/.test(t)) t = t.slice(0, -1);
    if (t.length === 0) continue;
    out.push(t);
  }
  return out;
}

/**
 * A canonicaliser maps a raw token to zero or more canonical tokens (glossary informal forms
 * and synonyms). Its optional `phrases` adds tokens for multi-word names found in the raw
 * token sequence (e.g. "kalimantan timur" also yields "kaltim"), so an acronym and its
 * spelled-out form match each other on both sides.
 */
export type Canonicaliser = ((token: string) => string[]) & { phrases?: (raw: string[]) => string[] };

export const identityCanonicaliser: Canonicaliser = (t) => [t];

/**
 * Tokens for indexing/search: raw tokens → canonical forms → stopwords dropped → stems.
 *
 * @example
 * analyse('Berapa nilai indeks SPBE Kaltim thn 2023?', canon) // ['nilai', 'indeks', 'spbe', 'kaltim', 'tahun', '2023']
 */
export function analyse(text: string, canon: Canonicaliser = identityCanonicaliser): string[] {
  const out: string[] = [];
  const raws = rawTokens(text);
  const extra = [...(canon.phrases ? canon.phrases(raws) : []), ...legalBounds(raws)];
  for (const raw of extra.length ? [...raws, ...extra] : raws) {
    for (const c of canon(raw)) {
      for (const part of c.split(' ')) {
        if (part.length === 0) continue;
        if (part.length === 1 && !/\d/.test(part)) continue;
        if (isStopword(part)) continue;
        out.push(stem(part));
      }
    }
  }
  return out;
}

/**
 * Legal drafting states limits with fixed phrases ("paling banyak Rp10.000.000,00", "paling lama
 * 5 (lima) hari kerja", "sekurang-kurangnya 6 (enam) orang"); a question says "maksimal",
 * "maximum", "minimal". The phrase also yields the plain word, on both sides.
 */
const LEGAL_BOUNDS: Array<[string, string, string]> = [
  ['paling', 'banyak', 'maksimal'], ['paling', 'lama', 'maksimal'], ['selama', 'lamanya', 'maksimal'],
  ['sebanyak', 'banyaknya', 'maksimal'], ['setinggi', 'tingginya', 'maksimal'], ['selambat', 'lambatnya', 'maksimal'],
  ['sekurang', 'kurangnya', 'minimal'], ['sedikit', 'dikitnya', 'minimal'], ['paling', 'singkat', 'minimal'], ['paling', 'sedikit', 'minimal'],
];

function legalBounds(raws: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < raws.length; i++) for (const [a, b, word] of LEGAL_BOUNDS) if (raws[i] === a && raws[i + 1] === b) out.push(word);
  return out;
}

/** Split prose into sentences (keeps abbreviations such as "No." and decimals intact). */
export function splitSentences(text: string): string[] {
  const protectedText = text
    .replace(/\b(No|Nomor|Prof|Dr|Ir|Drs|Dra|Hj|H|St|dkk|dll|dsb|Kab|Kec|Kel|Jl|Tbk|S\.Kom|M\.T|M\.Si|S\.T|vs|e\.g|i\.e|etc)\./g, '$1\u0001')
    .replace(/(\d)\.(\d)/g, '$1\u0001$2');
  const parts = protectedText
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"“(\[•*-])|\n{2,}|\n(?=[-*•]\s)|\n(?=\d+\.\s)/)
    .map((s) => s.replace(/\u0001/g, '.').trim())
    .filter((s) => s.length > 0);
  return parts;
}

const VOWEL = /^[aiueo]/;

/**
 * Formal stems a colloquial Jakarta-style verb form may stand for, most likely first:
 * the `-in` suffix is the formal `-kan`/`-i` ("dicantumin" → cantum, "nyediain" → sedia),
 * nasal prefixes replace the root's first letter ("ngatur" → atur, "nyadap" → sadap,
 * "nyabut" → cabut, "ngirim" → kirim, "nunjuk" → tunjuk, "makai" → pakai), and an `e` in
 * the last syllable is often a spoken `a` ("nyimpen" → simpan).
 *
 * Only candidates: many formal words have the same shapes ("nyata", "dipimpin", "disiplin"),
 * so a caller takes a candidate only when the word itself is unknown and the candidate is
 * known (see `LexicalIndex.resolveTerms`). `term` is an analysed (stemmed) token. With the
 * glossary's canonicaliser a formal candidate is read as the documents are: "ngajuin" →
 * "diajukan", which the glossary files under "permohonan", so its term is that of "permohonan";
 * "dicairin" → "dicairkan" → "pembayaran".
 */
export function colloquialStems(term: string, canon?: Canonicaliser): string[] {
  if (term.length < 4 || /\d/.test(term)) return [];
  const cores = new Set<string>();
  const base = term.startsWith('di') && term.length >= 7 ? term.slice(2) : term;
  for (const t of new Set([term, base])) {
    cores.add(t);
    if (t.length >= 6 && t.endsWith('in')) cores.add(t.slice(0, -2));
  }
  const roots = new Set<string>();
  for (const c of cores) {
    const rest2 = c.slice(2);
    if (c.startsWith('nge') && c.length > 5) roots.add(c.slice(3));
    else if (c.startsWith('ny') && VOWEL.test(rest2)) roots.add(`s${rest2}`).add(`c${rest2}`);
    else if (c.startsWith('ng') && VOWEL.test(rest2)) roots.add(rest2).add(`k${rest2}`);
    else if (/^n[aiueo]/.test(c)) roots.add(`t${c.slice(1)}`);
    else if (/^m[aiueo]/.test(c)) roots.add(`p${c.slice(1)}`);
    roots.add(c);
  }
  const out = new Set<string>();
  for (const r of roots) {
    const forms = [r, r.replace(/e([a-z]{1,2})$/, 'a$1')];
    for (const f of forms) for (const w of [`di${f}kan`, `di${f}`, f]) {
      const s = stem(w);
      if (s !== term && s.length >= 3 && !isStopword(s)) out.add(s);
      const c = canon ? analyse(w, canon) : [];
      if (c.length === 1 && c[0] !== term && c[0] !== s && c[0].length >= 3) out.add(c[0]);
    }
  }
  return [...out];
}
