import { editDistance } from './furniture.js';
import { ocrDigits, titleCase } from './identity.js';

/**
 * The structure of a regulation's text: preamble (Menimbang, Mengingat), the body's
 * BAB / Bagian / Paragraf / Pasal, amendment items of an amending regulation ("1. Ketentuan
 * Pasal 4 diubah sehingga berbunyi …"), the closing, the Penjelasan (each part linked to its
 * Pasal) and the Lampiran.
 *
 * Headings are recognised only when they stand on their own line, with OCR tolerance
 * ("Pasal 6O", "Pasal2T", "BAB Ix", "PENJEI,ASAN"). A "Pasal N" line is taken as a heading
 * only when N continues the numbering (cross-references that happen to wrap onto their own
 * line, "… dimaksud dalam\nPasal 4", are text).
 */
export type UnitKind = 'preamble' | 'pasal' | 'penjelasan-umum' | 'penjelasan' | 'penutup' | 'lampiran' | 'diktum';

export type AmendmentAction = 'diubah' | 'disisipkan' | 'dihapus' | 'ditambah';

export interface AmendmentInfo {
  /** The item number inside the amending article ("Pasal I angka 2"). */
  item: string;
  /** The amending article ("I"). */
  article: string;
  action: AmendmentAction;
  /** The instruction itself: "Ketentuan Pasal 4 diubah sehingga berbunyi sebagai berikut:". */
  instruction: string;
}

export interface RegulationUnit {
  kind: UnitKind;
  /** "5A" for Pasal units and Penjelasan of a Pasal. */
  pasal?: string;
  /** BAB / Bagian / Paragraf labels above the unit ("BAB III Tingkat Komponen Dalam Negeri"). */
  path: string[];
  lines: string[];
  /** For a Pasal inside an amending article: what is done to the base regulation's Pasal. */
  amendment?: AmendmentInfo;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

export function romanToInt(s: string): number | undefined {
  const up = s.toUpperCase();
  if (!/^[IVXLC]+$/.test(up)) return undefined;
  let total = 0;
  for (let i = 0; i < up.length; i++) {
    const v = ROMAN[up[i]];
    const next = ROMAN[up[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/**
 * "6O" → "60", "2T" → "27", "I" → "1", "5 A" → "5A", "S" → "5", "B" → "8"; undefined when it is
 * not a number. OCR reads both 5 and 8 as "S": with `expected` (the next article in sequence)
 * the reading that continues the sequence wins ("PasalS" after Pasal 7 is Pasal 8).
 *
 * An inserted article's letter is OCR'd as a digit or ",4" ("Pasal 568A" as "Pasal 5684" or
 * "Pasal 568,4."): ",4" is always the letter A; a trailing 4 or 8 is the letter A or B when
 * `targets` (the articles the amendment instruction names, "… yakni Pasal 568A") say so.
 */
export function normalisePasalNumber(raw: string, expected?: number, targets: string[] = []): string | undefined {
  const m = /^([0-9OIlT|!SZGB][0-9OIlT|!SZG]{0,3})(?:\s?([A-Ea-e])|[,.]\s?(4))?$/.exec(raw.trim());
  if (!m) return undefined;
  const readings = [ocrDigits(m[1].replace(/G/g, '6')), ...(/S/.test(m[1]) ? [ocrDigits(m[1].replace(/S/g, '8').replace(/G/g, '6'))] : [])];
  const digits = readings.find((d) => expected !== undefined && Number(d) === expected) ?? readings[0];
  if (!/^\d+$/.test(digits) || Number(digits) === 0) return undefined;
  const num = `${Number(digits)}${m[3] ? 'A' : (m[2] ?? '').toUpperCase()}`;
  if (targets.length && !targets.includes(num) && /^\d{2,}$/.test(num)) {
    const lettered = `${Number(num.slice(0, -1))}${LETTER_READ_AS_DIGIT[num.slice(-1)] ?? ''}`;
    if (lettered !== num.slice(0, -1) && targets.includes(lettered)) return lettered;
  }
  return num;
}

/** Letters of inserted articles that OCR reads as digits. */
const LETTER_READ_AS_DIGIT: Record<string, string> = { '4': 'A', '8': 'B' };

const PASAL_LINE = /^pas[ae][l1I|J]\s*([0-9OIlT|!SZGB][0-9OIlT|!SZG]{0,3}(?:\s?[A-E]|[,.]\s?4)?)?\s*[.:]?$/i;
const ROMAN_PASAL_LINE = /^[Pp]as[ae][l1I|]\s+([IVX]{1,4})\s*$/;
const BAB_LINE = /^BAB\s*([IVXLCivxlc1]{1,7})\b\.?\s*(.*)$/;
const BAGIAN_LINE = /^Bagian\s+(Kesatu|Pertama|Kedua|Ketiga|Keempat|Kelima|Keenam|Ketujuh|Kedelapan|Kesembilan|Kesepuluh|Kesebelas|Kedua\s?belas|Ketiga\s?belas|Keempat\s?belas|Kelima\s?belas|Ke[\w\s]+)\s*$/i;
const PARAGRAF_LINE = /^Paragraf\s+(\d+|Kesatu|Pertama|Kedua|Ketiga|Keempat|Kelima|Keenam|Ketujuh|Kedelapan|Kesembilan|Kesepuluh)\s*$/i;
const DIKTUM_LINE = /^(KE(?:DUA|TIGA|EMPAT|LIMA|ENAM|TUJUH|DELAPAN|SEMBILAN)\s?BELAS|KESATU|PERTAMA|KEDUA|KETIGA|KEEMPAT|KELIMA|KEENAM|KETUJUH|KEDELAPAN|KESEMBILAN|KESEPULUH|KESEBELAS)\s*:?\s*(.*)$/;
const CLOSING_LINE = /^(Ditetapkan|Disahkan|Dikeluarkan)\s+di\b/i;
const LAMPIRAN_LINE = /^LAMPIRAN\b/;
const AMEND_ITEM = /^(\d{1,3})(?:\.\s*|\s+)(Ketentuan|Di\s?antara|Pasal|BAB|Bab|Bagian|Paragraf|Penjelasan|Lampiran|Setelah|Menambahkan|Ditambahkan|Judul)\b/;

function isPenjelasanHeading(line: string, next: string | undefined): boolean {
  const f = line.toUpperCase().replace(/[^A-Z]/g, '');
  if (f.startsWith('PENJELASANATAS')) return true;
  if (f.length < 8 || f.length > 12 || editDistance(f, 'PENJELASAN', 2) > 2) return false;
  return /^atas\b/i.test(next ?? '') || next === undefined;
}

/** True when the line is a heading title (upper case, or a short Title Case phrase without a full stop). */
function isTitleLine(line: string): boolean {
  if (!line || PASAL_LINE.test(line) || BAGIAN_LINE.test(line) || PARAGRAF_LINE.test(line) || /^\(?\d+[).]/.test(line) || /^[a-z]\./.test(line)) return false;
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (!letters) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length / letters.length;
  return upper > 0.8 || (line.length <= 90 && /^\p{Lu}/u.test(line) && !/[.;:,]$/.test(line));
}

interface ParseState {
  bab?: string;
  bagian?: string;
  paragraf?: string;
}

/**
 * OCR around an article heading of a scanned regulation: a speck before it ("' Pasal 23",
 * ". Pasal 29") or its "l" read as "7" and joined to the number ("Pasa722" = Pasal 22).
 */
export function cleanHeadingLine(line: string): string {
  const speck = /^[^\p{L}\p{N}(]{1,3}\s*(pas[ae]\S*(?:\s+\S+)?)$/iu.exec(line);
  const l = speck && (PASAL_LINE.test(speck[1]) || /^pas[ae]7\d/i.test(speck[1])) ? speck[1] : line;
  const seven = /^(pas[ae])7\s*(\d{1,3}(?:\s?[A-E])?)$/i.exec(l);
  return seven ? `${seven[1]}l ${seven[2]}` : l;
}

/** Split the (furniture-free) text of a regulation into units. */
export function parseStructure(text: string, opts: { amending?: boolean } = {}): RegulationUnit[] {
  const lines = text.split('\n').map((l) => cleanHeadingLine(l.trim())).filter(Boolean);
  const units: RegulationUnit[] = [];
  const state: ParseState = {};
  let cur: RegulationUnit = { kind: 'preamble', path: [], lines: [] };
  let mode: 'body' | 'closing' | 'penjelasan' | 'lampiran' = 'body';
  let lastNum = 0;
  let lastSuffix = '';
  let sawPasal = false;
  let sawDiktum = false;
  // Dictum labels printed in a column of their own ("PERTAMA / KEDUA" then ": Mengambil …",
  // ": Khusus kepada: …"): each waits for the next line that opens with a colon.
  const pendingDiktum: string[] = [];
  // Amending regulations: the current amending article ("I") and item.
  let amendArticle: string | undefined;
  let amendItem: AmendmentInfo | undefined;
  const push = (u: RegulationUnit) => {
    if (cur.lines.length > 0 || cur.kind === 'pasal') units.push(cur);
    cur = u;
  };
  const path = () => [state.bab, state.bagian, state.paragraf].filter((x): x is string => !!x);

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    if (mode !== 'penjelasan' && isPenjelasanHeading(line, next)) {
      mode = 'penjelasan';
      lastNum = 0;
      lastSuffix = '';
      state.bab = state.bagian = state.paragraf = undefined;
      amendArticle = undefined;
      amendItem = undefined;
      push({ kind: 'penjelasan-umum', path: ['Penjelasan'], lines: [] });
      continue;
    }
    if (mode !== 'penjelasan' && mode !== 'lampiran' && LAMPIRAN_LINE.test(line) && (mode === 'closing' || sawPasal)) {
      mode = 'lampiran';
      push({ kind: 'lampiran', path: ['Lampiran'], lines: [line] });
      continue;
    }
    if (mode === 'lampiran') {
      cur.lines.push(line);
      continue;
    }
    if (mode === 'body' && (sawPasal || sawDiktum) && CLOSING_LINE.test(line)) {
      mode = 'closing';
      push({ kind: 'penutup', path: ['Penutup'], lines: [line] });
      continue;
    }
    if (mode === 'closing') {
      cur.lines.push(line);
      continue;
    }
    const inPenjelasan = mode === 'penjelasan';

    // The Penjelasan of an amendment walks "Pasal I / Angka 2 / Pasal 27": the Roman article is a
    // marker (read as a number it would be a Penjelasan of Pasal 1).
    if (opts.amending && inPenjelasan && ROMAN_PASAL_LINE.test(line)) continue;
    // Amending article "Pasal I", "Pasal II".
    const rm = opts.amending && !inPenjelasan ? ROMAN_PASAL_LINE.exec(line) : null;
    if (rm && romanToInt(rm[1]) !== undefined) {
      amendArticle = rm[1];
      amendItem = undefined;
      sawPasal = true;
      push({ kind: 'pasal', pasal: rm[1], path: [], lines: [] });
      continue;
    }
    if (opts.amending && amendArticle && !inPenjelasan) {
      let im = AMEND_ITEM.exec(line);
      // A single change needs no item number: "Pasal I / Ketentuan Pasal 8 … diubah sehingga berbunyi …".
      const ahead = lines.slice(i, i + 16).join(' ');
      if (!im && !amendItem && /^(Ketentuan|Di\s?antara)\b/.test(line) && /(diubah|disisipkan|dihapus|ditambah)[\s\S]*(berbunyi|sebagai berikut)/.test(ahead)) im = Object.assign(['', '1'], { index: 0, input: line }) as unknown as RegExpExecArray;
      if (im) {
        // The instruction runs until it ends with ':' (content follows) or '.' (e.g. "Pasal 34 dihapus.").
        const instr = [line];
        while (!/[:.]\s*$/.test(instr[instr.length - 1]) && i + 1 < lines.length && !PASAL_LINE.test(lines[i + 1]) && instr.length < 16) instr.push(lines[++i]);
        const instruction = instr.join(' ').replace(/\s+/g, ' ');
        amendItem = { item: im[1], article: amendArticle, action: amendmentAction(instruction), instruction };
        const targets = amendmentTargets(instruction);
        const isDeletion = amendItem.action === 'dihapus' && !/berikut\s*:?\s*$/i.test(instruction);
        push({
          kind: 'pasal',
          pasal: isDeletion && targets.length ? targets[0] : undefined,
          path: [`Pasal ${amendArticle} angka ${im[1]}`],
          lines: [instruction],
          amendment: amendItem,
        });
        continue;
      }
      const pm = PASAL_LINE.exec(line);
      const num = pm?.[1] ? normalisePasalNumber(pm[1], undefined, amendItem ? amendmentTargets(amendItem.instruction) : []) : undefined;
      if (amendItem && num) {
        if (cur.amendment === amendItem && !cur.pasal) {
          cur.pasal = num;
        } else {
          push({ kind: 'pasal', pasal: num, path: [`Pasal ${amendArticle} angka ${amendItem.item}`], lines: [], amendment: amendItem });
        }
        continue;
      }
      cur.lines.push(line);
      continue;
    }

    const bm = !inPenjelasan ? BAB_LINE.exec(line) : null;
    if (bm && (romanToInt(bm[1].replace(/1/g, 'I')) !== undefined) && (!bm[2] || isTitleLine(bm[2]))) {
      const roman = bm[1].toUpperCase().replace(/1/g, 'I');
      // "BAB I - KETENTUAN UMUM" (converted documents put the title after a dash or colon).
      let title = bm[2]?.trim().replace(/^[-–—:.]\s*/, '') ?? '';
      if (!title && next && isTitleLine(next)) {
        title = next;
        i++;
        if (lines[i + 1] && isTitleLine(lines[i + 1]) && !PASAL_LINE.test(lines[i + 1]) && lines[i + 1] === lines[i + 1].toUpperCase() && title === title.toUpperCase()) title += ` ${lines[++i]}`;
      }
      state.bab = `BAB ${roman}${title ? ` ${titleCase(title)}` : ''}`;
      state.bagian = state.paragraf = undefined;
      continue;
    }
    const gm = !inPenjelasan ? BAGIAN_LINE.exec(line) : null;
    if (gm && next && isTitleLine(next)) {
      state.bagian = `Bagian ${titleCase(gm[1])} ${next}`;
      state.paragraf = undefined;
      i++;
      continue;
    }
    const fm = !inPenjelasan ? PARAGRAF_LINE.exec(line) : null;
    if (fm && next && isTitleLine(next)) {
      state.paragraf = `Paragraf ${fm[1]} ${next}`;
      i++;
      continue;
    }
    const pm = PASAL_LINE.exec(line);
    if (pm) {
      let num = pm[1] ? normalisePasalNumber(pm[1], lastNum + 1) : undefined;
      // "Pasal" alone: the number was lost by OCR; it is the next one when text follows.
      if (!pm[1] && lastNum > 0 && next && /^(\(1\)|\p{Lu})/u.test(next)) num = String(lastNum + 1);
      if (num) {
        const n = parseInt(num, 10);
        const suffix = num.replace(/^\d+/, '');
        // A bigger jump (headings lost to OCR) is accepted when the line sits like a heading:
        // after the end of a sentence or a title, before an ayat or a capitalised sentence.
        const prev = lines[i - 1] ?? '';
        const headingContext = /[.;:]$/.test(prev) || isTitleLine(prev) ? /^(\(1\)|\p{Lu})/u.test(next ?? '') : false;
        // An amendment's Penjelasan follows the amended articles ("Angka 2 / Pasal 27"), not 1, 2, 3.
        const amendedOrder = opts.amending && inPenjelasan && /^Angka\s+\d+/i.test(prev);
        const continues = amendedOrder || (lastNum === 0 ? n <= 3 : (n > lastNum && (n <= lastNum + 8 || (headingContext && n <= lastNum + 60))) || (n === lastNum && suffix > lastSuffix));
        if (continues) {
          lastNum = n;
          lastSuffix = suffix;
          sawPasal = true;
          push({ kind: inPenjelasan ? 'penjelasan' : 'pasal', pasal: num, path: inPenjelasan ? ['Penjelasan'] : path(), lines: [] });
          continue;
        }
      }
    }
    // Regulations without articles (Instruksi, Keputusan): the dictums KESATU, KEDUA …
    const dm = !sawPasal && !inPenjelasan ? DIKTUM_LINE.exec(line) : null;
    if (dm && (cur.kind === 'diktum' || pendingDiktum.length > 0 || /MEMUTUSKAN|Menetapkan|Untuk\s*:?$/i.test(cur.lines.slice(-3).join(' ')) || units.some((u) => u.kind === 'diktum'))) {
      const content = dm[2].replace(/^:\s*/, '').trim();
      sawDiktum = true;
      if (!content && (pendingDiktum.length > 0 || (!/^:/.test(next ?? '') && DIKTUM_LINE.test(next ?? '')))) {
        pendingDiktum.push(dm[1]);
        continue;
      }
      if (!content && /^:/.test(next ?? '')) {
        // "KESATU" then ": Membentuk …" on the next line.
        const text = next!.replace(/^:\s*/, '');
        push({ kind: 'diktum', pasal: dm[1], path: [], lines: text ? [text] : [] });
        i++;
        continue;
      }
      push({ kind: 'diktum', pasal: dm[1], path: [], lines: content ? [content] : [] });
      continue;
    }
    if (pendingDiktum.length > 0 && /^:/.test(line)) {
      const text = line.replace(/^:\s*/, '');
      push({ kind: 'diktum', pasal: pendingDiktum.shift(), path: [], lines: text ? [text] : [] });
      continue;
    }
    if (inPenjelasan && cur.kind === 'penjelasan-umum' && /^(II|Il|11)\.\s*PASAL DEMI PASAL/i.test(line)) continue;
    cur.lines.push(line);
  }
  push({ kind: 'preamble', path: [], lines: [] });
  return units.filter((u) => u.lines.length > 0 || u.kind === 'pasal');
}

export function amendmentAction(instruction: string): AmendmentAction {
  if (/disisipkan/i.test(instruction)) return 'disisipkan';
  if (/dihapus/i.test(instruction) && !/diubah/i.test(instruction)) return 'dihapus';
  if (/ditambah(kan)?\b|menambahkan/i.test(instruction) && !/diubah/i.test(instruction)) return 'ditambah';
  return 'diubah';
}

/** The articles an instruction is about: "Di antara Pasal 5 dan Pasal 6 disisipkan … Pasal 5A" → ["5A"]. */
export function amendmentTargets(instruction: string): string[] {
  const nums = [...instruction.matchAll(/Pasa\s?-?l\s*([0-9OIlT]{1,4}\s?[A-E]?)\b/gi)].map((m) => normalisePasalNumber(m[1])).filter((x): x is string => !!x);
  if (/di\s?antara/i.test(instruction)) {
    const inserted = nums.filter((n) => /[A-E]$/.test(n));
    if (inserted.length) return [...new Set(inserted)];
  }
  return [...new Set(nums)];
}
