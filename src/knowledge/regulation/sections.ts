import { joinLines } from './furniture.js';
import { regulationTitle, type RegulationIdentity, type RegulationRef } from './identity.js';
import type { AmendmentAction, RegulationUnit } from './structure.js';

/**
 * Regulation units → the sections the chunker indexes: one article per section (long
 * articles split at ayat boundaries, every part keeping the Pasal in its heading path),
 * each definition of Pasal 1 on its own, Penjelasan parts linked to their Pasal, and a short
 * citation on each ("Permenkominfo 41/2009 Pasal 3 ayat (1)").
 */

/** What a chunk knows about the regulation it comes from (stored with the chunk). */
export interface ChunkRegulation {
  key: string;
  shortName: string;
  /** Full name: "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi". */
  title: string;
  jenisShort: string;
  nomor: string;
  tahun: string;
  aliases: string[];
  kind: RegulationUnit['kind'] | 'definisi';
  pasal?: string;
  /** First and last article of the regulation ("1", "76"), for honest "no such article" answers. */
  range?: [string, string];
  /** Base regulation of an amending regulation. */
  amendsKey?: string;
  amendsName?: string;
  /** The part revokes another regulation ("… dicabut dan dinyatakan tidak berlaku"): this one revokes, it is not revoked. */
  revokes?: boolean;
  /** For an article inside an amending article: what it does to the base's Pasal. */
  amendment?: { action: AmendmentAction; item: string; article: string; instruction: string };
}

export interface RegulationSection {
  headingPath: string[];
  text: string;
  citation: string;
  regulation: ChunkRegulation;
}

const MAX_PART = 850;
const PARA_START = /^(\(\s?[0-9lI]{1,2}[a-z]?\s?\)|[a-z]\.\s|[a-z]\)\s|\d{1,3}[a-z]?\.\s|[-•]\s)/;

/** Lines of a unit → paragraphs: each ayat, huruf and numbered item on its own line. */
export function unitParagraphs(lines: string[]): string[] {
  const paras: string[][] = [];
  // A Penjelasan's own headings ("Ayat (3)", "Huruf a", "Angka 2") stand on their own line.
  const label = /^(Ayat\s*\(\d+[a-z]?\)|Huruf\s+[a-z]|Angka\s+\d+[a-z]?)\s*$/i;
  lines.forEach((l, i) => {
    if (paras.length === 0 || PARA_START.test(l) || label.test(l) || label.test(lines[i - 1] ?? '')) paras.push([l]);
    else paras[paras.length - 1].push(l);
  });
  return paras.map((p) => joinLines(p).replace(/^\(\s?([0-9lI]{1,2})\s?\)/, (_a, n: string) => `(${n.replace(/[lI]/g, '1')})`)).filter(Boolean);
}

function ayatOf(para: string): string | undefined {
  return /^\((\d{1,2}[a-z]?)\)/.exec(para)?.[1];
}

/** Group paragraphs into parts of at most {@link MAX_PART} characters, cutting only before an ayat. */
function splitAtAyat(paras: string[]): string[][] {
  const total = paras.reduce((a, p) => a + p.length + 1, 0);
  if (total <= MAX_PART + 100) return [paras];
  const parts: string[][] = [];
  let cur: string[] = [];
  let len = 0;
  for (const p of paras) {
    if (cur.length > 0 && ayatOf(p) && len + p.length > MAX_PART) {
      parts.push(cur);
      cur = [];
      len = 0;
    }
    cur.push(p);
    len += p.length + 1;
  }
  if (cur.length) parts.push(cur);
  return parts;
}

function ayatRange(paras: string[]): string {
  const ayat = paras.map(ayatOf).filter((x): x is string => !!x);
  if (ayat.length === 0) return '';
  return ayat.length === 1 ? ` ayat (${ayat[0]})` : ` ayat (${ayat[0]})–(${ayat[ayat.length - 1]})`;
}

/** A closing article revoking earlier rules. Said by the revoking regulation, about the others. */
const REVOKES = /\bdicabut\b[\s\S]{0,40}\btidak berlaku\b/i;

const DEFINITION_INTRO = /yang dimaksud dengan\s*:?\s*$/i;

export function regulationSections(id: RegulationIdentity, units: RegulationUnit[], base?: RegulationRef): RegulationSection[] {
  const title = regulationTitle(id);
  const articles = units.filter((u) => u.kind === 'pasal' && u.pasal && !u.amendment && !/^[IVX]+$/.test(u.pasal));
  const range: [string, string] | undefined = articles.length ? [articles[0].pasal!, articles[articles.length - 1].pasal!] : undefined;
  const common = {
    key: id.key,
    shortName: id.shortName,
    title,
    jenisShort: id.jenisShort,
    nomor: id.nomor,
    tahun: id.tahun,
    aliases: id.aliases,
    ...(range ? { range } : {}),
    ...(base ? { amendsKey: base.key, amendsName: `${base.jenisShort} ${base.nomor.split('/')[0].replace(/^0+/, '')}/${base.tahun}` } : {}),
  };
  // The opening names the regulation in full (and, for an amendment, what it amends): the
  // passage that answers "Permenkominfo 16/2010 mengubah peraturan apa?".
  const out: RegulationSection[] = [
    {
      headingPath: ['Identitas Peraturan'],
      text: `${title} (disingkat ${id.shortName}${id.aliases.filter((a) => a !== id.shortName).map((a) => `, ${a}`).join('')}).${base ? ` Peraturan ini mengubah ${base.jenisShort} ${base.nomor} Tahun ${base.tahun}${base.tentang ? ` tentang ${base.tentang}` : ''}.` : ''}`,
      citation: id.shortName,
      regulation: { ...common, kind: 'preamble' },
    },
  ];
  for (const u of units) {
    const paras = unitParagraphs(u.lines);
    if (paras.length === 0 && !u.pasal) continue;
    const reg = (kind: ChunkRegulation['kind'], extra: Partial<ChunkRegulation> = {}): ChunkRegulation => ({ ...common, kind, ...(u.pasal ? { pasal: u.pasal } : {}), ...extra });
    switch (u.kind) {
      case 'preamble': {
        const text = paras.join('\n');
        const menimbang = /\bMenimbang\b/i.test(text) || /\bbahwa\b/.test(text);
        out.push({ headingPath: [menimbang ? 'Pembukaan (Menimbang, Mengingat)' : 'Pembukaan'], text, citation: `${id.shortName} bagian Pembukaan`, regulation: reg('preamble') });
        break;
      }
      case 'pasal': {
        const label = `Pasal ${u.pasal ?? ''}`.trim();
        const amendmentText = u.amendment ? { amendment: { action: u.amendment.action, item: u.amendment.item, article: u.amendment.article, instruction: u.amendment.instruction } } : {};
        const headingPath = u.amendment ? [...u.path, ...(u.pasal ? [label] : [])] : [...u.path, label];
        const cite = u.amendment ? `${id.shortName} Pasal ${u.amendment.article} angka ${u.amendment.item}${u.pasal ? ` (${label} ${common.amendsName ?? ''})`.replace(' )', ')') : ''}` : `${id.shortName} ${label}`;
        const body = paras.length ? paras : ['(tidak ada teks)'];
        // Pasal 1 "… yang dimaksud dengan:" — each definition is its own unit (also in an
        // amendment, where the instruction comes first: "1. Ketentuan Pasal 1 diubah …").
        const intro = body.findIndex((p, i) => i < 2 && DEFINITION_INTRO.test(p));
        if (intro >= 0 && body.length > intro + 2) {
          const lead = body.slice(0, intro + 1).join('\n');
          for (const p of body.slice(intro + 1)) {
            // "6a." is a definition inserted by an amendment.
            const n = /^(\d{1,3}[a-z]?)\.\s/.exec(p)?.[1];
            // The defined term names the unit: "Definisi Pengendali Data Pribadi" (found by "apa itu …").
            const term = /^\d{1,3}[a-z]?\.\s+(.{2,80}?)\s+(?:adalah|yang selanjutnya|ialah|merupakan)\b/.exec(p)?.[1];
            out.push({ headingPath: term ? [...headingPath, `Definisi ${term}`] : headingPath, text: `${lead}\n${p}`, citation: `${cite}${n ? ` angka ${n}` : ''}`, regulation: reg('definisi', amendmentText) });
          }
          break;
        }
        const parts = splitAtAyat(body);
        for (const part of parts) {
          const text = part.join('\n');
          const revokes = !u.amendment && REVOKES.test(text) ? { revokes: true } : {};
          out.push({ headingPath, text, citation: `${cite}${parts.length > 1 ? ayatRange(part) : ''}`, regulation: reg('pasal', { ...amendmentText, ...revokes }) });
        }
        break;
      }
      case 'penjelasan':
        for (const part of splitAtAyat(paras)) out.push({ headingPath: ['Penjelasan', `Pasal ${u.pasal}`], text: part.join('\n'), citation: `${id.shortName} Penjelasan Pasal ${u.pasal}`, regulation: reg('penjelasan') });
        break;
      case 'penjelasan-umum':
        for (const part of splitAtAyat(paras)) out.push({ headingPath: ['Penjelasan', 'Umum'], text: part.join('\n'), citation: `${id.shortName} Penjelasan Umum`, regulation: reg('penjelasan-umum') });
        break;
      case 'penutup':
        out.push({ headingPath: ['Penutup'], text: paras.join('\n'), citation: `${id.shortName} bagian Penutup`, regulation: reg('penutup') });
        break;
      case 'lampiran':
        out.push({ headingPath: ['Lampiran'], text: paras.join('\n'), citation: `${id.shortName} Lampiran`, regulation: reg('lampiran') });
        break;
      case 'diktum': {
        const items = addresseeItems(u.lines);
        if (items) {
          // "Khusus kepada: 1. Menteri … untuk: a. …": each addressee's instructions are their own unit.
          for (const it of items) {
            const headingPath = it.name ? [`Diktum ${u.pasal}`, `${it.n}. ${it.name}`] : [`Diktum ${u.pasal}`];
            for (const part of splitAtAyat(unitParagraphs(it.lines))) out.push({ headingPath, text: part.join('\n'), citation: `${id.shortName} Diktum ${u.pasal}${it.name ? ` angka ${it.n}` : ''}`, regulation: reg('diktum') });
          }
          break;
        }
        for (const part of splitAtAyat(paras)) out.push({ headingPath: [`Diktum ${u.pasal}`], text: part.join('\n'), citation: `${id.shortName} Diktum ${u.pasal}`, regulation: reg('diktum') });
        break;
      }
    }
  }
  return out;
}

/** An addressee of an instruction: "16. Menteri Komunikasi dan Informatika untuk:", OCR'd ". Menteri Sosial untuk:". */
const ADDRESSEE = /^(?:(\d{1,2})\s?\.\s?|\.\s?)?((?:Menteri|Jaksa Agung|Kepala|Para|Direksi|Ketua|Gubernur|Bupati|Wali\s?kota|Sekretaris|Panglima|Dewan|Direktur)\b.*)$/;

/**
 * The addressees of a dictum ("Khusus kepada: 1. Menteri Koordinator … untuk: a. …; 2. Menteri
 * …"), each with its lines; undefined when the dictum does not list at least three of them.
 * A number lost by OCR is the previous one plus one.
 */
function addresseeItems(lines: string[]): Array<{ n: number; name?: string; lines: string[] }> | undefined {
  const items: Array<{ n: number; name?: string; lines: string[] }> = [{ n: 0, lines: [] }];
  for (let i = 0; i < lines.length; i++) {
    const m = ADDRESSEE.exec(lines[i]);
    const ahead = lines.slice(i, i + 3).join(' ').replace(/^(\d{1,2}\s?\.|\.)\s?/, '');
    const named = m ? /^(.{3,140}?)\s+untuk\b/.exec(ahead) ?? (/:$/.test(lines[i]) || /:$/.test(lines[i + 1] ?? '') ? /^(.{3,140}?):/.exec(ahead) : null) : null;
    if (m && named && !/[;.]/.test(named[1])) {
      const prev = items[items.length - 1].n;
      items.push({ n: m[1] ? Number(m[1]) : prev + 1, name: named[1].replace(/\s+/g, ' ').trim(), lines: [lines[i]] });
    } else items[items.length - 1].lines.push(lines[i]);
  }
  const named = items.filter((it) => it.name);
  if (named.length < 3) return undefined;
  return items.filter((it) => it.lines.length > 0);
}

/** A numbered part heading of a circular or a guideline: "1. Latar Belakang", "B. Maksud dan Tujuan". */
const PART_HEADING = /^((?:\d{1,2}|[A-H]|[IVX]{1,4})\.)\s*(\p{Lu}[\p{L} ,/&-]{2,70})$/u;

/**
 * A recognised regulation whose articles could not be found (a Surat Edaran, a badly scanned
 * page order): its text under its real name, split at its numbered part headings when it has
 * them ("1. Latar Belakang", "2. Maksud dan Tujuan"), each part cited by its heading.
 */
export function plainSections(id: RegulationIdentity, text: string): RegulationSection[] {
  const regulation: ChunkRegulation = { key: id.key, shortName: id.shortName, title: regulationTitle(id), jenisShort: id.jenisShort, nomor: id.nomor, tahun: id.tahun, aliases: id.aliases, kind: 'preamble' };
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const parts: Array<{ heading?: string; lines: string[] }> = [{ lines: [] }];
  lines.forEach((l, i) => {
    const m = PART_HEADING.exec(l);
    if (m && !/[.;:,]$/.test(l) && /^\p{Lu}/u.test(lines[i + 1] ?? '')) parts.push({ heading: `${m[1]} ${m[2].trim()}`, lines: [] });
    else parts[parts.length - 1].lines.push(l);
  });
  if (parts.length < 3) return [{ headingPath: [], text: unitParagraphs(lines).join('\n\n'), citation: id.shortName, regulation }];
  return parts
    .filter((p) => p.lines.length > 0)
    .map((p) => ({ headingPath: p.heading ? [p.heading] : ['Pembukaan'], text: unitParagraphs(p.lines).join('\n'), citation: `${id.shortName} ${p.heading ? `angka ${p.heading.replace(/\..*$/, '')}` : 'bagian Pembukaan'}`, regulation }));
}
