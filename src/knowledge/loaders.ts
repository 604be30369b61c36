/**
 * Loaders turn a file into a {@link SourceDocument}: metadata from front matter (or the
 * file itself) and a list of sections, each with its heading path (and page for PDFs).
 * Sections are what the chunker splits; a chunk never spans two sections.
 *
 * Supported: .md/.markdown (YAML front matter), .txt, .html/.htm, .pdf (unpdf, per page),
 * .docx (mammoth, headings kept). Anything else is an {@link UnsupportedFileError}.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { applySidecar } from './maintenance/sidecar.js';
import { stripInvisible } from './text.js';
import { pageTextInReadingOrder, type PdfTextItem } from './pdf-text.js';
import { asStringList } from './meta-values.js';
import { applyRegulation, readSidecar, type DocumentMeta } from './regulation/document.js';
import type { ChunkRegulation } from './regulation/sections.js';
import type { RegulationIdentity } from './regulation/identity.js';

/** One section of a document: its heading path and text (and page for PDFs). */
export interface Section {
  headingPath: string[];
  text: string;
  page?: number;
  /** Sources of this section only (markdown `<!-- sources: url -->`, front matter `section_sources`). */
  sources?: string[];
  /** Short citation of a regulation part: "Permenkominfo 41/2009 Pasal 3 ayat (1)". */
  citation?: string;
  /** Which regulation, article and part this section is (regulations only). */
  regulation?: ChunkRegulation;
}

export interface SourceDocument {
  /** Path relative to the knowledge directory, with forward slashes. */
  file: string;
  title: string;
  topic?: string;
  keywords: string[];
  sources: string[];
  lastVerified?: string;
  sections: Section[];
  /**
   * The whole text in reading order with headings as plain lines (markdown, HTML): the regulation
   * parser reads it, since a heading without a body ("## NOMOR 95 TAHUN 2018") is no section.
   */
  plainText?: string;
  /** Raw front matter (markdown), for overrides. */
  meta?: DocumentMeta;
  /** Set when the document is a recognised regulation: its identity (jenis, nomor, tahun, tentang, short names). */
  regulation?: RegulationIdentity & { title: string; articleCount: number };
}

export class LoaderError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'LoaderError';
  }
}

export class UnsupportedFileError extends LoaderError {
  constructor(file: string) {
    super(file, `jenis berkas ${path.extname(file) || '(tanpa ekstensi)'} tidak didukung (pakai .md, .txt, .html, .pdf atau .docx)`);
    this.name = 'UnsupportedFileError';
  }
}

export const SUPPORTED_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm', '.pdf', '.docx'];

/** Load one file. `relFile` is used in metadata and messages. Throws {@link LoaderError}. */
export async function loadDocument(absFile: string, relFile: string): Promise<SourceDocument> {
  const ext = path.extname(absFile).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext)) throw new UnsupportedFileError(relFile);
  let buf: Buffer;
  try {
    buf = await fs.readFile(absFile);
  } catch (err) {
    throw new LoaderError(relFile, `tidak dapat dibaca (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (buf.length === 0) throw new LoaderError(relFile, 'berkas kosong');
  let doc: SourceDocument;
  switch (ext) {
    case '.md':
    case '.markdown':
      doc = parseMarkdownDocument(decodeUtf8(buf, relFile), relFile);
      break;
    case '.txt':
      doc = parseTextDocument(decodeUtf8(buf, relFile), relFile);
      break;
    case '.html':
    case '.htm':
      doc = parseHtmlDocument(decodeUtf8(buf, relFile), relFile);
      break;
    case '.pdf':
      doc = await parsePdfDocument(buf, relFile);
      break;
    case '.docx':
      doc = await parseDocxDocument(buf, relFile);
      break;
    default:
      throw new UnsupportedFileError(relFile);
  }
  doc.sections = doc.sections.filter((s) => s.text.trim().length > 0);
  if (doc.sections.length === 0) throw new LoaderError(relFile, 'tidak berisi teks yang dapat diindeks');
  const meta = { ...doc.meta, ...readSidecar(absFile) };
  const regulationAware = applyRegulation(doc, meta, ext === '.pdf');
  delete regulationAware.plainText;
  // Caption overrides of a document uploaded from the chat (title, source, verification date) win.
  return applySidecar(regulationAware, absFile);
}

function decodeUtf8(buf: Buffer, relFile: string): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  // Binary garbage decodes to many replacement characters or NULs.
  const bad = (text.match(/[\uFFFD\u0000]/g) ?? []).length;
  if (bad > 0 && bad / text.length > 0.01) throw new LoaderError(relFile, 'bukan teks UTF-8 (berkas rusak atau biner?)');
  return stripInvisible(text.replace(/^\uFEFF/, '')).replace(/\r\n?/g, '\n');
}

function titleFromFile(relFile: string): string {
  const base = path.basename(relFile, path.extname(relFile)).replace(/[-_]+/g, ' ').trim();
  return base.charAt(0).toUpperCase() + base.slice(1);
}

/** Markdown inline syntax → plain text (links keep their label). */
export function stripMarkdownInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(\S.*?\S|\S)\2(?=[\s).,;:!?]|$)/g, '$1$3')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^>\s?/gm, '')
    .replace(/^\s*[*+]\s+/gm, '- ')
    .replace(/^\|?\s*:?-{3,}.*$/gm, '')
    .replace(/[ \t]+\n/g, '\n');
}

/** Split markdown body into sections at headings; `docTitle` (the H1) is not repeated in paths. */
export function sectionsFromMarkdown(body: string, docTitle: string): { sections: Section[]; h1?: string } {
  const lines = body.split('\n');
  const sections: Section[] = [];
  const stack: Array<{ level: number; text: string }> = [];
  let buf: string[] = [];
  let h1: string | undefined;
  let inFence = false;
  const flush = () => {
    // A section may name its own sources: <!-- sources: https://a, https://b -->
    const sources: string[] = [];
    const kept = buf.filter((l) => {
      const m = /^\s*<!--\s*sources?\s*:\s*(.+?)\s*-->\s*$/i.exec(l);
      if (m) sources.push(...m[1].split(/[\s,]+/).filter(Boolean));
      return !m;
    });
    const text = stripMarkdownInline(kept.join('\n').replace(/<!--[\s\S]*?-->/g, '')).replace(/\n{3,}/g, '\n\n').trim();
    if (text) sections.push({ headingPath: stack.map((s) => s.text), text, ...(sources.length ? { sources } : {}) });
    buf = [];
  };
  for (const line of lines) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const m = !inFence ? /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line) : null;
    if (!m) {
      buf.push(line);
      continue;
    }
    flush();
    const level = m[1].length;
    const text = stripMarkdownInline(m[2]).trim();
    if (level === 1 && (h1 === undefined || text === docTitle)) {
      h1 = h1 ?? text;
      stack.length = 0;
      continue;
    }
    while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
    stack.push({ level, text });
  }
  flush();
  return { sections, h1 };
}

function splitFrontMatter(text: string): { meta: Record<string, unknown>; body: string; error?: string } {
  const m = /^---\n([\s\S]*?)\n---\s*(?:\n|$)/.exec(text);
  if (!m) return { meta: {}, body: text };
  try {
    const meta = parseYaml(m[1]);
    return { meta: meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : {}, body: text.slice(m[0].length) };
  } catch (err) {
    return { meta: {}, body: text.slice(m[0].length), error: (err as Error).message.split('\n')[0] };
  }
}

export function parseMarkdownDocument(text: string, relFile: string): SourceDocument {
  const { meta, body, error } = splitFrontMatter(text);
  if (error) throw new LoaderError(relFile, `front matter YAML tidak valid (${error})`);
  const metaTitle = typeof meta.title === 'string' ? meta.title.trim() : undefined;
  const firstH1 = /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
  const title = metaTitle || (firstH1 ? stripMarkdownInline(firstH1) : titleFromFile(relFile));
  const { sections } = sectionsFromMarkdown(body, title);
  const sectionSources = meta.section_sources;
  if (sectionSources && typeof sectionSources === 'object') {
    // Front matter map: heading → source(s), for documents whose sections come from different pages.
    for (const s of sections) {
      const own = (sectionSources as Record<string, unknown>)[s.headingPath[s.headingPath.length - 1] ?? ''];
      if (own && !s.sources) s.sources = asStringList(own);
    }
  }
  const lv = meta.last_verified ?? meta.lastVerified;
  return {
    meta: meta as DocumentMeta,
    file: relFile,
    title,
    topic: typeof meta.topic === 'string' ? meta.topic : undefined,
    keywords: asStringList(meta.keywords),
    sources: asStringList(meta.sources ?? meta.source),
    lastVerified: lv instanceof Date ? lv.toISOString().slice(0, 10) : lv ? String(lv) : undefined,
    sections,
    plainText: markdownPlainText(body),
  };
}

/** Markdown → its text with heading markers and inline syntax removed, fenced code left out. */
function markdownPlainText(body: string): string {
  return stripMarkdownInline(body.replace(/^\s*```[\s\S]*?^\s*```\s*$/gm, '').replace(/^#{1,6}\s+(.+?)\s*#*\s*$/gm, '$1').replace(/<!--[\s\S]*?-->/g, ''));
}

export function parseTextDocument(text: string, relFile: string): SourceDocument {
  const trimmed = text.trim();
  const firstLine = trimmed.split('\n')[0]?.trim() ?? '';
  const hasTitleLine = firstLine.length > 0 && firstLine.length <= 120 && !/[.!?]$/.test(firstLine) && trimmed.includes('\n');
  const title = hasTitleLine ? firstLine : titleFromFile(relFile);
  const body = hasTitleLine ? trimmed.slice(firstLine.length).trim() : trimmed;
  return { file: relFile, title, keywords: [], sources: [], sections: [{ headingPath: [], text: body }] };
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”' };

export function decodeHtmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
    }
    return HTML_ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** HTML → markdown-like text with headings, paragraphs and list items kept. */
export function htmlToMarkdown(html: string): { markdown: string; title?: string } {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  let s = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template|svg|head|nav|footer)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi, (_a, l: string, t: string) => `\n\n${'#'.repeat(Number(l))} ${t.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()}\n\n`)
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|section|article|ul|ol|table|tr|blockquote|pre|li)>/gi, '\n\n')
    .replace(/<(td|th)\b[^>]*>/gi, ' ')
    .replace(/<[^>]+>/g, '');
  s = decodeHtmlEntities(s)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown: s, title: title ? decodeHtmlEntities(title.replace(/\s+/g, ' ').trim()) : undefined };
}

export function parseHtmlDocument(html: string, relFile: string): SourceDocument {
  const { markdown, title: htmlTitle } = htmlToMarkdown(html);
  const firstH1 = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim();
  const title = htmlTitle || firstH1 || titleFromFile(relFile);
  const sources = [...html.matchAll(/<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/gi)].map((m) => m[1]);
  return { file: relFile, title, keywords: [], sources, sections: sectionsFromMarkdown(markdown, title).sections, plainText: markdownPlainText(markdown) };
}

async function parsePdfDocument(buf: Buffer, relFile: string): Promise<SourceDocument> {
  if (buf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new LoaderError(relFile, 'bukan PDF yang valid (header %PDF- tidak ada)');
  const { getDocumentProxy, getMeta } = await import('unpdf');
  let pages: string[];
  let metaTitle: string | undefined;
  try {
    // verbosity 0: pdf.js font warnings ("Warning: TT: undefined function") are not the maintainer's business.
    const pdf = await getDocumentProxy(new Uint8Array(buf), { verbosity: 0 });
    pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(stripInvisible(pageTextInReadingOrder(content.items as PdfTextItem[])));
    }
    try {
      const meta = await getMeta(pdf);
      const t = (meta.info as Record<string, unknown> | undefined)?.Title;
      if (typeof t === 'string' && t.trim()) metaTitle = t.trim();
    } catch {
      /* metadata is optional */
    }
  } catch (err) {
    throw new LoaderError(relFile, `PDF rusak atau tidak dapat dibaca (${(err as Error).message.split('\n')[0]})`);
  }
  const title = metaTitle ?? titleFromFile(relFile);
  return {
    file: relFile,
    title,
    keywords: [],
    sources: [],
    sections: pages.map((text, i) => ({ headingPath: [`Halaman ${i + 1}`], text: text.replace(/[ \t]+/g, ' ').trim(), page: i + 1 })),
  };
}

async function parseDocxDocument(buf: Buffer, relFile: string): Promise<SourceDocument> {
  if (buf.subarray(0, 2).toString('latin1') !== 'PK') throw new LoaderError(relFile, 'bukan DOCX yang valid (bukan arsip ZIP)');
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: buf })).value;
  } catch (err) {
    throw new LoaderError(relFile, `DOCX rusak atau tidak dapat dibaca (${(err as Error).message.split('\n')[0]})`);
  }
  const { markdown } = htmlToMarkdown(html);
  const firstH1 = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim();
  const title = firstH1 || titleFromFile(relFile);
  return { file: relFile, title, keywords: [], sources: [], sections: sectionsFromMarkdown(markdown, title).sections };
}

