import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { SourceDocument } from '../loaders.js';
import { asStringList } from '../meta-values.js';
import { definedAbbreviations, subjectInitialisms } from './abbreviations.js';
import { recogniseRegulation, type IdentityOverride } from './recognise.js';

/**
 * The bridge between loaders and the regulation parser: every loaded document (PDF, DOCX,
 * HTML, TXT, MD) is offered to {@link recogniseRegulation}; a regulation gets its real name
 * as title and one section per article, anything else keeps the loader's sections.
 *
 * A maintainer can correct or complete what the text says with front matter (markdown) or a
 * sidecar file next to the document — `uu-27-2022.pdf.yaml` or `uu-27-2022.pdf.meta.yaml`:
 *
 * ```yaml
 * title: Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi
 * sources: [https://peraturan.bpk.go.id/Details/229798/uu-no-27-tahun-2022]
 * aliases: [UU PDP, UU Perlindungan Data Pribadi]
 * regulation: { jenis: Undang-Undang, jenis_short: UU, nomor: "27", tahun: "2022", tentang: Pelindungan Data Pribadi }
 * ```
 */
export type DocumentMeta = Record<string, unknown>;

/** Sidecar files that may describe `absFile`, in order of precedence. */
export function sidecarPaths(absFile: string): string[] {
  return [`${absFile}.meta.yaml`, `${absFile}.yaml`, `${absFile}.meta.yml`, `${absFile}.yml`];
}

/**
 * Contents of the document's sidecars (for the indexer's change detection). `exists` lets a scan
 * of thousands of files answer from one directory listing instead of four failed opens per file.
 */
export function sidecarBytes(absFile: string, exists: (p: string) => boolean = () => true): Buffer[] {
  return sidecarPaths(absFile).flatMap((p) => {
    if (!exists(p)) return [];
    try {
      return [fs.readFileSync(p)];
    } catch {
      return [];
    }
  });
}

/**
 * The document's sidecar metadata, or {} when there is none. A broken sidecar is ignored, as
 * the upload sidecars are (`maintenance/sidecar.ts`): the document itself is still valid.
 */
export function readSidecar(absFile: string): DocumentMeta {
  for (const p of sidecarPaths(absFile)) {
    let text: string;
    try {
      text = fs.readFileSync(p, 'utf8');
    } catch {
      continue;
    }
    try {
      const meta = parseYaml(text);
      return meta && typeof meta === 'object' ? (meta as DocumentMeta) : {};
    } catch {
      return {};
    }
  }
  return {};
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const list = asStringList;

function overrideFrom(meta: DocumentMeta): IdentityOverride {
  const r = (meta.regulation && typeof meta.regulation === 'object' ? meta.regulation : {}) as Record<string, unknown>;
  const aliases = [...list(meta.aliases), ...list(meta.short_names), ...list(meta.short_name), ...list(r.aliases)];
  return {
    jenis: str(r.jenis),
    jenisShort: str(r.jenis_short ?? r.jenisShort),
    nomor: str(r.nomor),
    tahun: str(r.tahun),
    tentang: str(r.tentang),
    ...(aliases.length ? { aliases } : {}),
  };
}

/** The text a loader produced, as pages (PDF) or one page with headings kept as lines. */
function pagesOf(doc: SourceDocument, isPdf: boolean): string[] {
  if (isPdf) return doc.sections.map((s) => s.text);
  if (doc.plainText) return [doc.plainText];
  // Text and markdown loaders take the first line (or H1) as the title: it may be the kind line.
  const lines: string[] = [doc.title];
  let prevHeading: string | undefined;
  for (const s of doc.sections) {
    const h = s.headingPath[s.headingPath.length - 1];
    if (h && h !== prevHeading) lines.push(h);
    prevHeading = h;
    lines.push(s.text);
  }
  return [lines.join('\n')];
}

/** Apply sidecar metadata and, for a regulation, its parsed identity and per-article sections. */
export function applyRegulation(doc: SourceDocument, meta: DocumentMeta, isPdf: boolean): SourceDocument {
  const sources = list(meta.sources ?? meta.source ?? meta.url);
  if (sources.length && doc.sources.length === 0) doc.sources = sources;
  const keywords = list(meta.keywords);
  if (keywords.length && doc.keywords.length === 0) doc.keywords = keywords;
  if (str(meta.topic) && !doc.topic) doc.topic = str(meta.topic);
  const lv = meta.last_verified ?? meta.lastVerified;
  if (lv && !doc.lastVerified) doc.lastVerified = lv instanceof Date ? lv.toISOString().slice(0, 10) : String(lv);
  const metaTitle = str(meta.title);
  if (meta.regulation === false) {
    if (metaTitle) doc.title = metaTitle;
    return doc;
  }
  const r = recogniseRegulation(pagesOf(doc, isPdf), overrideFrom(meta));
  if (!r) {
    if (metaTitle) doc.title = metaTitle;
    return doc;
  }
  doc.title = metaTitle ?? r.title;
  doc.regulation = { ...r.identity, title: doc.title, articleCount: r.articleCount };
  // Every part is findable by the names people use for the regulation ("UU PDP", "UU 27/2022"):
  // a question naming it then finds those words in each of its articles.
  // So are the abbreviations it defines ("… yang selanjutnya disebut KPU") and the initials of
  // its subject ("Jaminan Kesehatan Nasional" → JKN), see abbreviations.ts.
  doc.keywords = [...new Set([...doc.keywords, r.identity.shortName, ...r.identity.aliases, ...definedAbbreviations(r.sections.map((s) => s.text)), ...subjectInitialisms(r.identity.tentang)])];
  doc.sections = r.sections.map((s) => ({ headingPath: s.headingPath, text: s.text, citation: s.citation, regulation: { ...s.regulation, title: doc.title } }));
  return doc;
}
