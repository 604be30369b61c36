/**
 * Who a regulation is, read from its own opening lines: its kind (jenis), number, year and
 * subject — "PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA / NOMOR : 41/PER/M.KOMINFO/10/2009 /
 * TENTANG / TATA CARA …" — and the names people use for it ("Permenkominfo 41/2009",
 * "UU PDP"). File names and PDF metadata are unreliable ("Microsoft Word - BN 132-2011"), so
 * they are never used for this.
 */
export interface RegulationIdentity {
  /** Kind as written in full, title case: "Peraturan Menteri Komunikasi dan Informatika". */
  jenis: string;
  /** The kind's short form: "UU", "PP", "Perpres", "Permenkominfo", "Pergub Kaltim" … */
  jenisShort: string;
  /** The number as written: "41/PER/M.KOMINFO/10/2009", "27". */
  nomor: string;
  tahun: string;
  /** Subject, title case: "Pelindungan Data Pribadi". */
  tentang: string;
  /** "Permenkominfo 41/2009". */
  shortName: string;
  /** Other names that refer to it: "UU PDP", "UU 27/2022" … (lower-cased matching elsewhere). */
  aliases: string[];
  /** Stable key: "uu-27-2022", "permenkominfo-41-2009". */
  key: string;
  /** Set when this regulation amends another ("Perubahan atas …"). */
  amends?: RegulationRef;
}

/** A reference to a regulation by kind, number and year, as found in text. */
export interface RegulationRef {
  jenisShort: string;
  nomor: string;
  tahun: string;
  key: string;
  tentang?: string;
}

interface JenisRule {
  re: RegExp;
  short: (m: RegExpExecArray) => string;
}

const MINISTRY_SHORT: Array<[RegExp, string]> = [
  [/komunikasi dan (informatika|digital)/i, 'kominfo'],
  [/dalam negeri/i, 'dagri'],
  [/ketenagakerjaan|tenaga kerja/i, 'aker'],
  [/pendayagunaan aparatur negara/i, 'panrb'],
  [/keuangan/i, 'keu'],
  [/kesehatan/i, 'kes'],
  [/pendidikan/i, 'dikbud'],
  [/perhubungan/i, 'hub'],
  [/hukum dan hak asasi/i, 'kumham'],
  [/agama/i, 'ag'],
  [/sosial/i, 'sos'],
  [/perindustrian/i, 'perin'],
  [/perdagangan/i, 'dag'],
  [/desa/i, 'desa'],
  [/sekretaris negara/i, 'setneg'],
  [/perencanaan pembangunan/i, 'ppn'],
  [/badan usaha milik negara/i, 'bumn'],
];

const REGION_SHORT: Array<[RegExp, string]> = [
  [/kalimantan timur/i, 'Kaltim'],
  [/kalimantan utara/i, 'Kaltara'],
  [/kalimantan selatan/i, 'Kalsel'],
  [/kalimantan barat/i, 'Kalbar'],
  [/kalimantan tengah/i, 'Kalteng'],
  [/daerah khusus ibukota jakarta|dki jakarta/i, 'DKI'],
  [/jawa timur/i, 'Jatim'],
  [/jawa tengah/i, 'Jateng'],
  [/jawa barat/i, 'Jabar'],
  [/kutai kartanegara/i, 'Kukar'],
  [/kutai timur/i, 'Kutim'],
  [/kutai barat/i, 'Kubar'],
  [/penajam paser utara/i, 'PPU'],
  [/mahakam ulu/i, 'Mahulu'],
];

function ministryShort(name: string): string {
  // OCR reads i as l ("KOMUNlKASl"): try the name with l → i too.
  const variant = name.replace(/[l1!]/gi, 'i');
  for (const [re, s] of MINISTRY_SHORT) if (re.test(name) || re.test(variant)) return s;
  return initials(name).toLowerCase();
}

function regionShort(name: string): string {
  for (const [re, s] of REGION_SHORT) if (re.test(name)) return s;
  return titleCase(name.replace(/^(provinsi|kabupaten|kota)\s+/i, ''));
}

/** Kinds of regulation, most specific first. Group 1 (when present) is the issuer's name. */
const JENIS_RULES: JenisRule[] = [
  { re: /^PERATURAN PEMERINTAH PENGGANTI UNDANG-?\s?UNDANG\b/, short: () => 'Perpu' },
  { re: /^UNDANG-?\s?UNDANG\b/, short: () => 'UU' },
  { re: /^PERATURAN PEMERINTAH\b/, short: () => 'PP' },
  { re: /^PERATURAN PRESIDEN\b/, short: () => 'Perpres' },
  { re: /^INSTRUKSI PRESIDEN\b/, short: () => 'Inpres' },
  { re: /^KEPUTUSAN PRESIDEN\b/, short: () => 'Keppres' },
  { re: /^PERATURAN BANK INDONESIA\b/, short: () => 'PBI' },
  { re: /^PERATURAN ANGGOTA DEWAN GUBERNUR\b/, short: () => 'PADG' },
  { re: /^KEPUTUSAN BERSAMA\b/, short: () => 'SKB' },
  { re: /^PERATURAN BERSAMA\b/, short: () => 'Perber' },
  { re: /^PERATURAN MENTERI (.+)$/, short: (m) => `Permen${ministryShort(m[1])}` },
  { re: /^KEPUTUSAN MENTERI (.+)$/, short: (m) => `Kepmen${ministryShort(m[1])}` },
  { re: /^SURAT EDARAN MENTERI (.+)$/, short: (m) => `SE Men${ministryShort(m[1])}` },
  { re: /^PERATURAN GUBERNUR (.+)$/, short: (m) => `Pergub ${regionShort(m[1])}` },
  { re: /^KEPUTUSAN GUBERNUR (.+)$/, short: (m) => `Kepgub ${regionShort(m[1])}` },
  { re: /^PERATURAN DAERAH (.+)$/, short: (m) => `Perda ${regionShort(m[1])}` },
  { re: /^PERATURAN BUPATI (.+)$/, short: (m) => `Perbup ${regionShort(m[1])}` },
  { re: /^PERATURAN WALI\s?KOTA (.+)$/, short: (m) => `Perwali ${regionShort(m[1])}` },
  { re: /^KEPUTUSAN BUPATI (.+)$/, short: (m) => `Kepbup ${regionShort(m[1])}` },
  { re: /^KEPUTUSAN WALI\s?KOTA (.+)$/, short: (m) => `Kepwal ${regionShort(m[1])}` },
  { re: /^INSTRUKSI (GUBERNUR|BUPATI|WALI\s?KOTA) (.+)$/, short: (m) => `Ins${m[1].toLowerCase().startsWith('g') ? 'gub' : m[1].toLowerCase().startsWith('b') ? 'bup' : 'wal'} ${regionShort(m[2])}` },
  // "Peraturan Kepala Badan Kepegawaian Negara" → Perka BKN, "Peraturan Badan Siber dan Sandi
  // Negara" → Perban BSSN, "Peraturan Lembaga Kebijakan Pengadaan …" → Perlem LKPP: the issuer's
  // initials keep its own first word (Badan, Lembaga), as people abbreviate it.
  { re: /^PERATURAN KEPALA (.+)$/, short: (m) => `Perka ${issuerInitials(m[1])}` },
  { re: /^PERATURAN (BADAN|LEMBAGA|KOMISI|OTORITA|OTORITAS) (.+)$/, short: (m) => `${m[1] === 'BADAN' ? 'Perban' : m[1] === 'LEMBAGA' ? 'Perlem' : 'Per'} ${issuerInitials(`${m[1]} ${m[2]}`)}` },
  { re: /^KEPUTUSAN (KEPALA|BADAN|LEMBAGA|DIREKTUR JENDERAL|SEKRETARIS) (.+)$/, short: (m) => `Kep ${issuerInitials(m[2])}` },
  { re: /^SURAT EDARAN (GUBERNUR|BUPATI|WALI\s?KOTA) (.+)$/, short: (m) => `SE ${titleCase(m[1]).replace(/\s/g, '')} ${regionShort(m[2])}` },
  { re: /^SURAT EDARAN (KEPALA|BADAN|SEKRETARIS) (.+)$/, short: (m) => `SE ${issuerInitials(m[2])}` },
  { re: /^SURAT EDARAN\b/, short: () => 'SE' },
];

/** Initials of an issuing body, its own first word included: "Badan Siber dan Sandi Negara" → "BSSN". */
function issuerInitials(name: string): string {
  return name
    .replace(/\s+REPUBLIK INDONESIA\b/gi, '')
    .split(/[\s/-]+/)
    .filter((w) => w && !LOWER_WORDS.has(w.toLowerCase()) && /^\p{L}/u.test(w))
    .map((w) => w[0].toUpperCase())
    .join('');
}

const LOWER_WORDS = new Set(['dan', 'atau', 'atas', 'di', 'ke', 'dari', 'yang', 'untuk', 'pada', 'dalam', 'tentang', 'serta', 'bagi', 'oleh', 'dengan']);
const SMALL_WORDS = new Set([...LOWER_WORDS, 'nomor', 'tahun', 'republik', 'indonesia']);

export function titleCase(s: string): string {
  return s
    .split(/(\s+|-)/)
    .map((word, i) => {
      // Numbers keep their form ("21/18/PADG/2019", "41/PER/M.KOMINFO/10/2009").
      if (/\d/.test(word)) return word.toUpperCase();
      const w = word.toLowerCase();
      return i > 0 && LOWER_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join('')
    .replace(/\bdalam Negeri\b/g, 'Dalam Negeri')
    .replace(/\b(Ri|Dpr|Dprd|Asn|Pns|Tik|Spbe|Ite|Bumn|Bumd|Qris|Ppid|Jdih|Id-Sirtii|Tkdn|Ui)\b/g, (w) => w.toUpperCase());
}

/** Initials of the significant words: "Pelindungan Data Pribadi" → "PDP". */
export function initials(s: string): string {
  return s
    .split(/[\s-]+/)
    .filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()) && /^\p{L}/u.test(w))
    .map((w) => w[0].toUpperCase())
    .join('');
}

/** OCR'd digits in numbers: "2O22" → "2022", "l7" → "17", "T2" → "72". */
export function ocrDigits(s: string): string {
  return s.replace(/[OoD]/g, '0').replace(/[Il|i!]/g, '1').replace(/[T]/g, '7').replace(/[S]/g, '5').replace(/[Z]/g, '2').replace(/[B]/g, '8');
}

/** The number's leading numeric part, as used in short citations: "41/PER/M.KOMINFO/10/2009" → "41", "02" → "2". */
export function leadingNumber(nomor: string): string {
  // Regional decisions carry classification codes: "100.3.3.1/K.512/2023" is cited whole (its
  // leading "100" is shared by every decision of that class), without the year.
  if (/^\s*\d+\.\d/.test(nomor)) return nomor.trim().replace(/\s*\/\s*(?:19|20)\d\d\s*$/, '').toUpperCase();
  // Ministerial numbers "26/PER/M.KOMINFO/5/2007", also OCR'd as "261PERIM.KOMINF01512007".
  const ministerial = /^\s*0*(\d+?)\s*[/Il1|]?\s*(?:PER|KEP|P)\s*[/Il1|.]?\s*M\b/i.exec(nomor);
  if (ministerial) return ministerial[1];
  const m = /^\s*0*(\d+)/.exec(nomor);
  return m ? m[1] : nomor.trim();
}

export function regulationKey(jenisShort: string, nomor: string, tahun: string): string {
  return `${jenisShort}-${leadingNumber(nomor)}-${tahun}`.toLowerCase().replace(/\s+/g, '');
}

export const HEADER_LINES = 80;

/**
 * Parse the identity from the first lines of a (furniture-free) regulation text. Returns
 * undefined when the text does not open like a regulation.
 */
export function parseIdentity(text: string, headerLines = HEADER_LINES): RegulationIdentity | undefined {
  const lines = text
    .split('\n')
    .slice(0, headerLines)
    .map((l) => l.trim())
    // Letter-spaced headings: "T E N T A N G" → "TENTANG".
    .map((l) => (/^(\p{Lu}\s){2,}\p{Lu}$/u.test(l) ? l.replace(/\s/g, '') : l))
    // The whole name on one line (a converted document's title, a joined PDF line):
    // "Peraturan Pemerintah … Nomor 71 Tahun 2019 tentang …" → kind / number / subject lines.
    // Only a document's first lines, and only a name (no sentence: "Perpres Nomor 132 Tahun 2022
    // adalah …" in an ordinary document is not a regulation's opening).
    .flatMap((l, i, all) => {
      const m = i < 4 && !/[()]|\.\s|\b(adalah|merupakan|yaitu|ialah|mengatur|diterbitkan)\b/i.test(l) ? /^(\S.{5,}?)\s+(No(?:mor|\.)?\s*:?\s*[\dOIl][\w./-]*(?:\s+Tahun\s+\d{4})?)\s+(Tentang\b.*)$/i.exec(l) : null;
      if (m && JENIS_RULES.some((r) => r.re.test(m[1].toUpperCase().replace(/\s+REPUBLIK INDONESIA$/, '')))) return [m[1], m[2], m[3]];
      // Scans join what the page sets apart: "PERATURAN GUBERNUR … NOMOR 6 TAHUN 2021" / "TENTANG",
      // or "NOMOR 6 TAHUN 2021 TENTANG …".
      const kn = /^([A-Z][A-Z ,.]{8,}?)\s+(NOMOR\s*:?\s*[\dOIl][\w./-]*(?:\s+TAHUN\s+[\dOIlS]{4})?)$/.exec(l);
      if (kn && /^TENTANG\b/i.test(all[i + 1] ?? '') && JENIS_RULES.some((r) => r.re.test(kn[1].replace(/\s+REPUBLIK INDONESIA$/, '')))) return [kn[1], kn[2]];
      const nt = /^(NOMOR\s*:?\s*[\dOIl][\w./-]*(?:\s+TAHUN\s+[\dOIlS]{4})?)\s+(TENTANG\b.*)$/i.exec(l);
      return nt ? [nt[1], nt[2]] : [l];
    });
  const isNomor = (l: string) => /^(NOMOR|NO\.?)\s*:?\s*[\dOIl]/i.test(l);
  for (let i = 0; i < lines.length; i++) {
    // The kind can run over several lines ("INSTRUKSI / PRESIDEN REPUBLIK INDONESIA").
    let j = i;
    let jenisLine = '';
    while (j < lines.length && j <= i + 4 && !isNomor(lines[j]) && !/^TENTANG/i.test(lines[j])) {
      jenisLine += ` ${lines[j].toUpperCase()}`;
      j++;
    }
    jenisLine = jenisLine.replace(/\s+/g, ' ').replace(/,/g, ', ').replace(/\s+/g, ' ').trim().replace(/PEM\S{2,5}NTAH/g, 'PEMERINTAH').replace(/MENTER!/g, 'MENTERI');
    // A circular names its issuer in the letterhead above it ("MENTERI PENDAYAGUNAAN … / Yth. … /
    // SURAT EDARAN / NOMOR 18 TAHUN 2022"): "Surat Edaran Menteri Pendayagunaan …".
    if (/^SURAT EDARAN$/.test(jenisLine)) {
      const issuer = letterheadIssuer(lines.slice(Math.max(0, i - 8), i));
      if (issuer) jenisLine = `SURAT EDARAN ${issuer}`;
    }
    const rule = JENIS_RULES.find((r) => r.re.test(jenisLine));
    if (!rule || !isNomor(lines[j] ?? '')) continue;
    const nm = /^(?:NOMOR|NO\.?)\s*:?\s*(.+)$/i.exec(lines[j])!;
    const numberPart = nm[1].replace(/\s+/g, ' ').trim();
    let nomor: string;
    let tahun: string | undefined;
    const tm = /^([\w./-]+?)\s*TAHUN\s*([0-9OIlS]{4})\b/i.exec(numberPart);
    if (tm) {
      nomor = ocrDigits(tm[1]);
      tahun = ocrDigits(tm[2]);
    } else {
      nomor = cleanMinisterialNumber(numberPart.replace(/\s+/g, ''));
      tahun = /((?:19|20)\d\d)(?!.*(19|20)\d\d)/.exec(nomor)?.[1];
    }
    // "TENTANG" then the subject until the enacting formula.
    let k = j + 1;
    while (k < lines.length && !/^TENTANG/i.test(lines[k]) && k < j + 7) {
      if (!tahun) tahun = /\bTAHUN\s+((?:19|20)\d\d)/i.exec(lines[k])?.[1];
      k++;
    }
    if (!/^TENTANG/i.test(lines[k] ?? '')) continue;
    const subject: string[] = [];
    const inline = lines[k].replace(/^TENTANG\s*:?\s*/i, '');
    if (inline) subject.push(inline);
    for (let s = k + 1; s < lines.length && s < k + 8; s++) {
      if (/^(DENGAN RAHMAT|PRESIDEN REPUBLIK|MENTERI\b|GUBERNUR\b|BUPATI\b|WALI\s?KOTA\b|KEPALA\b|MENIMBANG|ANGGOTA DEWAN|DEWAN GUBERNUR|BAB\b|PASAL\b|YTH\b|SEHUBUNGAN\b|DALAM RANGKA\b|BERKENAAN\b|MEMPERHATIKAN\b|MEMUTUSKAN\b)/i.test(lines[s])) break;
      // The body of a circular or decision starts with numbered or lettered parts ("1. Latar Belakang").
      if (/^(\d{1,2}|[A-H]|[IVX]{1,4})\s?[.)]\s*\S/.test(lines[s])) break;
      subject.push(lines[s]);
    }
    if (!tahun || subject.length === 0) continue;
    const jenisFull = fixOcrWords(jenisLine).replace(/\s+REPUBLIK INDONESIA\b/g, '').replace(/,$/, '').trim();
    const jenisShort = rule.short(rule.re.exec(jenisFull)!);
    const tentang = titleCase(subject.join(' ').replace(/\s+/g, ' ').replace(/\b(NOMOR|Nomor)\s*:\s*/g, '$1 ').replace(/[.;,]$/, '').trim());
    return buildIdentity({ jenis: titleCase(jenisFull), jenisShort, nomor, tahun, tentang });
  }
  return undefined;
}

/** True when the text's first lines hold a regulation's whole name on one line ("… Nomor 71 Tahun 2019 tentang …"). */
export function nameOnOneLine(text: string): boolean {
  return text
    .split('\n')
    .slice(0, 4)
    .some((l) => /^\S.{5,}?\s+No(?:mor|\.)?\s*:?\s*[\dOIl]\S*(?:\s+Tahun\s+\d{4})?\s+Tentang\b/i.test(l.trim()));
}

/** The issuer in a letterhead: "MENTERI PENDAYAGUNAAN APARATUR NEGARA / DAN REFORMASI BIROKRASI / REPUBLIK INDONESIA". */
function letterheadIssuer(above: string[]): string | undefined {
  const start = above.findIndex((l) => /^(MENTERI|GUBERNUR|BUPATI|WALI\s?KOTA|KEPALA|SEKRETARIS)\b/.test(l) && l === l.toUpperCase());
  if (start < 0) return undefined;
  const parts: string[] = [];
  for (const l of above.slice(start)) {
    if (l !== l.toUpperCase() || /^(YTH|REPUBLIK INDONESIA)\b/i.test(l)) break;
    parts.push(l.replace(/,$/, ''));
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim() || undefined;
}

/**
 * Ministerial numbers as scanned: "26IPER/M.KOMINFOI5/2007" → "26/PER/M.KOMINFO/5/2007"
 * (OCR reads the slashes as I, l or 1). Numbers of other shapes are returned unchanged.
 */
export function cleanMinisterialNumber(nomor: string): string {
  const m = /^0*(\d{1,3}?)[Il|1/]?(PER|KEP|P)[Il1|/]?(M)[.]?([A-Z0]{2,11}[A-HJ-Z0])[Il|1/](\d{1,2}?)[Il|1/](\d{4})$/.exec(nomor);
  if (!m) return nomor;
  return `${nomor.match(/^0*/)![0]}${m[1]}/${m[2]}/${m[3]}.${m[4].replace(/0/g, 'O')}/${m[5]}/${m[6]}`;
}

/** Common OCR slips in the words of a kind's name ("KOMUNlKASl", "KETENAGAKERJMN"). */
function fixOcrWords(s: string): string {
  return s
    .replace(/KOMUN[L1I]KAS[L1I]/g, 'KOMUNIKASI')
    .replace(/[L1I]NFORMAT[L1I]KA/g, 'INFORMATIKA')
    .replace(/KETENAGAKERJ\w{1,2}N\b/g, 'KETENAGAKERJAAN')
    .replace(/PENDAYAGUN\w{1,2}N\b/g, 'PENDAYAGUNAAN');
}

/** Complete an identity from its parts: key, short name, derived aliases, amended base. */
export function buildIdentity(p: { jenis: string; jenisShort: string; nomor: string; tahun: string; tentang: string; aliases?: string[] }): RegulationIdentity {
  const num = leadingNumber(p.nomor);
  const shortName = `${p.jenisShort} ${num}/${p.tahun}`;
  const amends = amendedBase(p.tentang);
  // An amendment is known by its base's subject ("Perubahan atas UU 11/2008 tentang ITE" → ITE).
  const subject = amends?.tentang ?? (/^perubahan\b/i.test(p.tentang) ? (/\btentang\s+(.+)$/i.exec(p.tentang)?.[1] ?? '') : p.tentang);
  const aliases = new Set<string>([shortName, ...(p.aliases ?? [])]);
  // "UU PDP", "PP PSTE", "Perpres SPBE": the kind plus the subject's initials; a one- or
  // two-word subject is its own name ("UU Telekomunikasi", "UU Pers").
  const words = subject.split(/\s+/).filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  const ini = initials(subject);
  const base = amends ? amends.jenisShort : p.jenisShort;
  if (ini.length >= 2 && ini.length <= 6 && words.length >= 2) {
    aliases.add(`${base} ${ini}`);
    // How people write it elsewhere: "Undang-Undang PDP", "PDP Law", "PP PSTE".
    if (base === 'UU') aliases.add(`Undang-Undang ${ini}`).add(`${ini} Law`);
  }
  if (subject && words.length <= 6) aliases.add(`${base} ${subject}`);
  return {
    jenis: p.jenis,
    jenisShort: p.jenisShort,
    nomor: p.nomor,
    tahun: p.tahun,
    tentang: p.tentang,
    shortName,
    aliases: [...aliases],
    key: regulationKey(p.jenisShort, p.nomor, p.tahun),
    ...(amends ? { amends } : {}),
  };
}

/**
 * The regulation's real name: "Peraturan Menteri Komunikasi dan Informatika Nomor
 * 41/PER/M.KOMINFO/10/2009 tentang …" (the year is not repeated when the number holds it).
 */
export function regulationTitle(id: Pick<RegulationIdentity, 'jenis' | 'nomor' | 'tahun' | 'tentang'>): string {
  const number = id.nomor.includes(id.tahun) ? id.nomor : `${id.nomor} Tahun ${id.tahun}`;
  return `${id.jenis} Nomor ${number} tentang ${id.tentang}`;
}

const JENIS_IN_TEXT: Array<[RegExp, string | ((m: RegExpExecArray) => string)]> = [
  [/^peraturan pemerintah pengganti undang-undang/i, 'Perpu'],
  [/^undang-undang/i, 'UU'],
  [/^peraturan pemerintah/i, 'PP'],
  [/^peraturan presiden/i, 'Perpres'],
  [/^instruksi presiden/i, 'Inpres'],
  [/^peraturan bank indonesia/i, 'PBI'],
  [/^peraturan anggota dewan gubernur/i, 'PADG'],
  [/^keputusan bersama/i, 'SKB'],
  [/^peraturan menteri ([a-z ]+?)(?= nomor)/i, (m) => `Permen${ministryShort(m[1])}`],
  [/^keputusan menteri ([a-z ]+?)(?= nomor)/i, (m) => `Kepmen${ministryShort(m[1])}`],
  [/^peraturan gubernur ([a-z ]+?)(?= nomor)/i, (m) => `Pergub ${regionShort(m[1])}`],
  [/^peraturan daerah ([a-z ]+?)(?= nomor)/i, (m) => `Perda ${regionShort(m[1])}`],
];

/**
 * The base of an amending regulation, from its subject: "Perubahan Kedua atas Peraturan
 * Anggota Dewan Gubernur Nomor 21/18/PADG/2019 tentang …" → PADG 21/2019.
 */
export function amendedBase(tentang: string): RegulationRef | undefined {
  const m = /^perubahan(?:\s+\w+)?\s+atas\s+(.+)$/i.exec(tentang.trim());
  if (!m) return undefined;
  return parseRegulationMention(m[1]);
}

/** "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum" → a reference (or undefined). */
export function parseRegulationMention(text: string): RegulationRef | undefined {
  const t = text.replace(/\s+/g, ' ').replace(/pem\S{2,5}ntah/gi, 'Pemerintah').trim();
  for (const [re, short] of JENIS_IN_TEXT) {
    const jm = re.exec(t);
    if (!jm) continue;
    const rest = t.slice(jm[0].length);
    const nm = /^\s*(?:republik indonesia\s*)?nomor\s*:?\s*([\w./-]+?)(?:\s+tahun\s+((?:19|20)\d\d))?(?:\s+tentang\s+(.+))?$/i.exec(rest);
    if (!nm) return undefined;
    const nomor = nm[1];
    const tahun = nm[2] ?? /((?:19|20)\d\d)(?!.*(19|20)\d\d)/.exec(nomor)?.[1];
    if (!tahun) return undefined;
    const jenisShort = typeof short === 'string' ? short : short(jm);
    return { jenisShort, nomor, tahun, key: regulationKey(jenisShort, nomor, tahun), tentang: nm[3] ? titleCase(nm[3]) : undefined };
  }
  return undefined;
}
