import { removeFurniture, repairOcrLetters, repairOcrWords } from './furniture.js';
import { buildIdentity, nameOnOneLine, parseIdentity, regulationTitle, type RegulationIdentity } from './identity.js';
import { plainSections, regulationSections, type RegulationSection } from './sections.js';
import { parseStructure } from './structure.js';

/** How far down an opening is still looked for when it is not among the first lines. */
const LATE_HEADER_LINES = 300;

/**
 * Recognise a regulation in a loader's output and parse it. A text is a regulation when its
 * opening names a kind, number and subject ("PERATURAN PRESIDEN / NOMOR 95 TAHUN 2018 /
 * TENTANG …") and its body has articles (or, for an Instruksi/Keputusan, dictums). Anything
 * else returns undefined and keeps the loader's own sections.
 */
export interface RecognisedRegulation {
  identity: RegulationIdentity;
  /** The regulation's real name. */
  title: string;
  sections: RegulationSection[];
  /** Number of distinct articles of the regulation itself (not counting amended ones). */
  articleCount: number;
}

/** Identity fields a maintainer may declare (front matter or sidecar) to override the parsed ones. */
export interface IdentityOverride {
  jenis?: string;
  jenisShort?: string;
  nomor?: string;
  tahun?: string;
  tentang?: string;
  aliases?: string[];
}

export function recogniseRegulation(pages: string[], override: IdentityOverride = {}): RecognisedRegulation | undefined {
  const text = repairOcrLetters(repairOcrWords(removeFurniture(pages)));
  // A cover page, a table of contents or an OCR'd page of one word per line can push the opening
  // further down; found there, it counts only with articles below it (see `structured`).
  const early = parseIdentity(text);
  const parsed = early ?? parseIdentity(text, LATE_HEADER_LINES);
  const declared = override.jenis && override.jenisShort && override.nomor && override.tahun && override.tentang;
  if (!parsed && !declared) return undefined;
  const identity = buildIdentity({
    jenis: override.jenis ?? parsed!.jenis,
    jenisShort: override.jenisShort ?? parsed!.jenisShort,
    nomor: override.nomor ?? parsed!.nomor,
    tahun: override.tahun ?? parsed!.tahun,
    tentang: override.tentang ?? parsed!.tentang,
    aliases: override.aliases,
  });
  const units = parseStructure(text, { amending: !!identity.amends || /^perubahan\b/i.test(identity.tentang) });
  const articles = new Set(units.filter((u) => (u.kind === 'pasal' || u.kind === 'diktum') && !u.amendment && u.pasal).map((u) => u.pasal));
  const amended = units.filter((u) => u.amendment).length;
  // A regulation without articles we can find (a Keputusan of dictums, a badly scanned page
  // order) still gets its real name; its text is chunked as plain paragraphs.
  const structured = articles.size + amended >= 2;
  // A name on one line ("# Peraturan Presiden Nomor 95 Tahun 2018 tentang SPBE") also heads
  // ordinary documents about a regulation: without articles or dictums, such a text is not one.
  if (!structured && !declared && !units.some((u) => u.kind === 'diktum') && (nameOnOneLine(text) || !early)) return undefined;
  return {
    identity,
    title: regulationTitle(identity),
    sections: structured ? regulationSections(identity, units, identity.amends) : plainSections(identity, text),
    articleCount: units.filter((u) => u.kind === 'pasal' && !u.amendment && u.pasal && !/^[IVX]+$/.test(u.pasal)).length,
  };
}
