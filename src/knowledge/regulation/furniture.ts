/**
 * Page furniture removal for published regulations.
 *
 * Official PDFs (JDIH, BPK, Setneg, Berita Negara) repeat things on every page that are not
 * part of the text: running heads ("PRESIDEN / REPUBLIK INDONESIA", often OCR-mangled as
 * "FRESIDEN", "PRESTDEN"), page numbers ("-26-", "- 2 -", "2-"), Berita Negara heads
 * ("2011, No.797 4"), Setneg stamps ("SK No 155227 A"), download footers
 * ("www.djpp.kemenkumham.go.id") and catchwords that repeat the first words of the next page
 * ("5. Prosesor . . ."). Left in, they split sentences and — worst — make "26" match the
 * page header "-26-" instead of Pasal 26. This module removes them page by page and joins
 * the pages back into one text whose lines are the document's own.
 */

/** Lines that are furniture wherever they appear. */
const ALWAYS_FURNITURE: RegExp[] = [
  /^SK\s*N[o0]\.?\s*[0-9OIl]{4,}\s*[A-Z]?$/i, // Setneg stamp: "SK No 155227 A"
  /^salinan( sesuai dengan aslinya)?$/i,
  /^(www\.)?(djpp|peraturan|jdih|jdihn|bphn|setkab|hukumonline|legalitas|jdih\.[a-z]+)\.[a-z.]+(\/\S*)?$/i, // download copies: "www.hukumonline.com", "peraturan.bpk.go.id"
  /^(diunduh|didownload|downloaded)\s+(dari|from|pada)\b.{0,80}$/i, // "Diunduh dari jdih.… pada …"
  /^(https?:\/\/|www\.)[a-z0-9.-]+\.go\.id(\/\S*)?$/i, // a site address on its own line ("www.jdih.kaltimprov.go.id")
  /^halaman\s+\d+\s+(dari|of)\s+\d+$/i,
  /^-\s*\d{1,3}\s*-$/, // "-26-", "- 2 -"
];

/** Lines that are furniture in the head or foot zone of a page. */
const ZONE_FURNITURE: RegExp[] = [
  /^[-–—.\s]*[0-9OIl]{1,3}[-–—.\s]*$/, // page numbers, also "2-" and OCR'd "l3"
  /^\d{4}\s*,\s*(No\.?\s*)?\d+(\s+\d+)?$/i, // Berita Negara: "2011, 132 2", "2013, No.8783"
  /^[^\p{L}\p{N}]*$/u, // punctuation only
  /^\S{1,2}$/u, // OCR specks ("J", "$", "su") — list markers are never alone at a page edge
];

/** Running heads seen on national regulations, matched with OCR tolerance. */
const KNOWN_HEADS = ['PRESIDEN', 'REPUBLIKINDONESIA', 'PRESIDENREPUBLIKINDONESIA', 'BERITANEGARA', 'LEMBARANNEGARA'];

const HEAD_ZONE = 5;
const FOOT_ZONE = 4;

/** Letters only, upper case: the form used to compare running heads. */
function letters(line: string): string {
  return line.toUpperCase().replace(/[^A-Z]/g, '');
}

/** Levenshtein distance with an early exit above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

function similarTo(form: string, target: string): boolean {
  if (form.length < 4) return false;
  const tolerance = Math.max(1, Math.floor(target.length * 0.2));
  if (editDistance(form, target, tolerance) <= tolerance) return true;
  // A head cut at the left edge of a scan ("BLIK INDONESIA").
  return form.length >= 8 && target.endsWith(form);
}

/** A catchword line at the foot of a page: "5. Prosesor . . .", "(2) Ketentuan. . .", "c.bahwa...". */
function isCatchword(line: string): boolean {
  return line.length <= 70 && /(\.\s*){3}$|…$/.test(line);
}

/** Remove download footers glued to the end of a text line ("…;www.djpp.kemenkumham.go.id"). */
function stripGluedFooters(line: string): string {
  return line.replace(/\s*(https?:\/\/)?www\.(djpp\.kemenkumham\.go\.id|hukumonline\.com)\S*/gi, '').trimEnd();
}

/**
 * Lines (letters-only form) that start or end many pages: running heads and footers of this
 * document (a ministry's name, a paraf line "Direktur … Kabiro Hukum"), whatever they say.
 */
function repeatedEdgeLines(pages: string[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const seen = new Set<string>();
    for (const l of [...lines.slice(0, HEAD_ZONE), ...lines.slice(-FOOT_ZONE)]) {
      const f = letters(l);
      if (f.length >= 6) seen.add(f);
    }
    for (const f of seen) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const min = Math.max(3, Math.ceil(pages.length * 0.3));
  return new Set([...counts].filter(([, n]) => n >= min).map(([f]) => f));
}

function isEdgeFurniture(line: string, repeated: Set<string>, pageIndex: number): boolean {
  if (ZONE_FURNITURE.some((re) => re.test(line))) return true;
  // Headings at the top of many pages ("Pasal 5A", "Pasal 33A") are text, not a running head.
  if (/^(pas[ae][l1IJ|]\s*[0-9OIlT]|bab\s|bagian\s|paragraf\s)/i.test(line)) return false;
  const f = letters(line);
  if (f.length < 4) return false;
  if (repeated.has(f)) return pageIndex > 0 || !/[,.:]$/.test(line.trim());
  // On page 1 the head "PRESIDEN REPUBLIK INDONESIA," with a comma opens the preamble: keep it.
  if (pageIndex === 0 && /,$/.test(line.trim())) return false;
  return KNOWN_HEADS.some((h) => similarTo(f, h));
}

/**
 * Clean the pages of one document and join them. Returns the text with one source line per
 * line (structure detection relies on headings such as "Pasal 3" standing on their own line).
 */
export function removeFurniture(rawPages: string[]): string {
  const pages = rawPages.map((p) =>
    p
      .split('\n')
      .map((l) => stripGluedFooters(l.replace(/[ \t\u00a0]+/g, ' ').trim()))
      .filter((l) => l.length > 0),
  );
  const repeated = repeatedEdgeLines(pages);
  const cleaned = pages.map((lines, pi) => {
    let out = lines.filter((l) => !ALWAYS_FURNITURE.some((re) => re.test(l)));
    let head = 0;
    while (head < Math.min(HEAD_ZONE, out.length) && isEdgeFurniture(out[head], repeated, pi)) head++;
    // OCR specks of a scanned seal or signature ("Kgna", "su", "JAN") above the running head.
    const speck = (l: string) => l.length <= 8 && !/\s/.test(l) && !/^(pas[ae]l|bab|pertama|ke[a-z]{3,})\b/i.test(l);
    const lastHead = out.slice(0, HEAD_ZONE + 3).findLastIndex((l, i) => i >= head && isEdgeFurniture(l, repeated, pi) && letters(l).length >= 6);
    if (lastHead > head && out.slice(head, lastHead).every((l) => speck(l) || isEdgeFurniture(l, repeated, pi))) {
      if (pi > 0) {
        head = lastHead + 1;
        while (head < Math.min(lastHead + 1 + HEAD_ZONE, out.length) && isEdgeFurniture(out[head], repeated, pi)) head++;
      } else {
        // Page 1 keeps its head (it may open the preamble); only the specks above it go.
        out = [...out.slice(0, head), ...out.slice(head, lastHead).filter((l) => !speck(l)), ...out.slice(lastHead)];
      }
    }
    out = out.slice(head);
    let foot = out.length;
    while (foot > 0 && out.length - foot < FOOT_ZONE && (isEdgeFurniture(out[foot - 1], repeated, pi) || isCatchword(out[foot - 1]))) foot--;
    return out.slice(0, foot);
  });
  // A one-word catchword ("Dengan", "Agar") repeats the first word of the next page.
  for (let i = 0; i + 1 < cleaned.length; i++) {
    const last = cleaned[i][cleaned[i].length - 1];
    const next = cleaned[i + 1][0];
    if (last && next && /^\p{L}+$/u.test(last) && next.split(/\s+/)[0] === last && next !== last) cleaned[i].pop();
  }
  return cleaned.map((l) => l.join('\n')).filter((t) => t.length > 0).join('\n');
}

/** OCR's usual misreadings inside a word: the junk it printed, and the letters it may stand for (or none: a speck). */
const OCR_JUNK = /^(\p{L}+?)([iI]?[,;:(|!]+|\(:)(\p{L}+)([.,;:]?)$/u;
const OCR_LETTERS = ['l', 'e', 'i', 't', 'c', 'f', 'n', 'r', 'm', ''];

/**
 * Repair words a scan misread with punctuation inside ("Dai,am" → "Dalam", "pemros(:san" →
 * "pemrosesan", "yar:g" → "yang"): a variant replaces only when the document itself uses it at least
 * twice, so a real form with punctuation ("dan/atau", "1,5", "a,b") is never touched.
 */
export function repairOcrWords(text: string): string {
  const freq = new Map<string, number>();
  for (const w of text.toLowerCase().match(/\p{L}{3,}/gu) ?? []) freq.set(w, (freq.get(w) ?? 0) + 1);
  return text.replace(/\S+/g, (token) => {
    const m = OCR_JUNK.exec(token);
    if (!m) return token;
    const [, head, , tail, end] = m;
    let best: string | undefined;
    let bestFreq = 1;
    const tryWord = (w: string) => {
      const f = freq.get(w.toLowerCase()) ?? 0;
      if (f > bestFreq) [best, bestFreq] = [w, f];
    };
    // The junk is one letter ("(:" an "e", "," an "l") or a speck, or it and the letter before it are
    // one ("i," an "l", "r:" an "n" in "yar:g"); in the case of the word around it ("DAI,AM" is "DALAM").
    const upper = tail === tail.toUpperCase();
    for (const l of OCR_LETTERS) {
      const x = upper ? l.toUpperCase() : l;
      tryWord(`${head}${x}${tail}`);
      // ("I,arangan" is "Larangan": a first letter OCR confuses — I, l, i — keeps its capital; never a
      // speck, so a list marker "a;" before a word is not dropped.)
      if (head.length > 1) tryWord(`${head.slice(0, -1)}${x}${tail}`);
      else if (x && /^[Iil]$/.test(head)) tryWord(`${head === 'I' ? x.toUpperCase() : x}${tail}`);
    }
    return best ? `${best}${end}` : token;
  });
}

/**
 * Letters a scan confuses with each other, as groups (any two letters of a group), and the letters
 * it reads as others, one as two or two as one ("rn" for "m", "lr" for "k", "ri" for "n", "q" for "u").
 */
const OCR_CONFUSABLE = ['litfj', 'gq', 'ec'];
const OCR_SPLITS: Array<[string, string]> = [['m', 'rn'], ['k', 'lr'], ['k', 'lc'], ['k', 'lt'], ['h', 'li'], ['n', 'ri'], ['n', 'rr'], ['w', 'rv'], ['w', 'vv'], ['u', 'ii'], ['u', 'ij'], ['u', 'q'], ['d', 'cl'], ['d', 'ie']];
const OCR_LEAD = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The spellings a scan may have turned `word` from: one letter swapped within a group of
 * {@link OCR_CONFUSABLE}, one letter for two or two for one ({@link OCR_SPLITS}), or a lost first
 * letter (a broken edge of the line: "erangkat", "abupaten"). Lower case.
 */
function ocrOriginals(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) {
    for (const g of OCR_CONFUSABLE) if (g.includes(word[i])) for (const x of g) if (x !== word[i]) out.push(word.slice(0, i) + x + word.slice(i + 1));
    for (const [one, two] of OCR_SPLITS) {
      if (word[i] === one) out.push(word.slice(0, i) + two + word.slice(i + 1));
      if (word.startsWith(two, i)) out.push(word.slice(0, i) + one + word.slice(i + two.length));
    }
  }
  if (word.length >= 7) for (const x of OCR_LEAD) out.push(x + word);
  return out;
}

/** The misread words of {@link repairOcrLetters} and their repairs (lower case). */
function ocrLetterFixes(text: string): Map<string, string> {
  const freq = new Map<string, number>();
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) freq.set(w, (freq.get(w) ?? 0) + 1);
  const fixes = new Map<string, string>();
  for (const [w, f] of freq) {
    // ("hurufe" is "huruf e" run together: a word and a list marker, not a misread.)
    if (f > 2 || w.length < 6 || !/^[a-z]+$/.test(w) || (freq.get(w.slice(0, -1)) ?? 0) >= 3) continue;
    const found = new Set(ocrOriginals(w).filter((v) => (freq.get(v) ?? 0) >= Math.max(3, 3 * f) && !/(.)\1\1/.test(v)));
    if (found.size === 1) fixes.set(w, [...found][0]);
  }
  return fixes;
}

/**
 * Repair words a scan misread letter by letter ("persetqjuan" → "persetujuan", "kornunikasi" →
 * "komunikasi", "Indonesla" → "Indonesia", "erangkat" → "perangkat"): a word of six letters or
 * more that the document has at most twice becomes the one spelling {@link ocrOriginals} offers
 * that the document has at least three times (and three times as often). Only OCR's own confusions
 * count, so two real words one letter apart ("laporkan" / "laporan", "pertanahan" / "pertanian")
 * are left alone; the case of the word's first letter (or all capitals) is kept.
 */
export function repairOcrLetters(text: string): string {
  const fixes = ocrLetterFixes(text);
  if (fixes.size === 0) return text;
  return text.replace(/\p{L}+/gu, (token) => {
    const fix = fixes.get(token.toLowerCase());
    if (!fix) return token;
    if (token.length > 1 && token === token.toUpperCase()) return fix.toUpperCase();
    return /^\p{Lu}/u.test(token) ? fix[0].toUpperCase() + fix.slice(1) : fix;
  });
}

/** Words that keep their hyphen across a line break ("perundang-\nundangan"). */
const HYPHENATED_WORDS = new Set(['perundang', 'undang', 'masing', 'sendiri', 'kadang', 'hari', 'kira', 'sekurang', 'setidak', 'sebaik', 'selambat', 'sedikit', 'sebanyak', 'setinggi', 'serendah', 'sejauh', 'orang', 'anak', 'pasal', 'surat', 'rata', 'tiba', 'satu']);

/**
 * Join a paragraph's lines into one line: hyphenated breaks are joined ("penye-\nlenggaraan"
 * → "penyelenggaraan", but "perundang-\nundangan" keeps its hyphen), other breaks become a space.
 */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) {
      out = line;
      continue;
    }
    const m = /(\p{L}+)-$/u.exec(out);
    if (m && /^\p{Ll}/u.test(line)) {
      const before = m[1].toLowerCase();
      const after = line.split(/[\s,.;:]/)[0].toLowerCase();
      const keep = HYPHENATED_WORDS.has(before) || after.startsWith(before.slice(0, 4)) || before.endsWith(after.slice(0, 4));
      out = keep ? out + line : out.slice(0, -1) + line;
    } else out += ` ${line}`;
  }
  return out.replace(/\s+/g, ' ').trim();
}
