import path from 'node:path';

/**
 * Checks on a file a maintainer sends, before anything is written where the indexer looks.
 *
 * The type is decided by the bytes, not by the name or the MIME type Telegram reports: a PDF renamed to
 * `.docx`, a photo sent "as file", or a ZIP of spreadsheets must each get a clear message, and the stored
 * file gets the extension its content has (the loaders choose the parser by extension).
 */

/** Telegram lets bots download files up to 20 MB (`getFile` answers "file is too big" above). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export type DetectedType = 'pdf' | 'docx' | 'html' | 'md' | 'txt';

export type Sniffed = { ok: true; type: DetectedType; ext: string } | { ok: false; code: 'image' | 'unsupported' | 'empty'; what?: string };

const EXT: Record<DetectedType, string> = { pdf: '.pdf', docx: '.docx', html: '.html', md: '.md', txt: '.txt' };

/** The document type of `data` by its content (magic bytes, then text heuristics). */
export function sniffDocumentType(data: Buffer, fileName: string): Sniffed {
  if (data.length === 0) return { ok: false, code: 'empty' };
  const head = data.subarray(0, 16);
  const latin = head.toString('latin1');
  if (latin.startsWith('%PDF-')) return { ok: true, type: 'pdf', ext: EXT.pdf };
  if (head[0] === 0x89 && latin.slice(1, 4) === 'PNG') return { ok: false, code: 'image', what: 'PNG' };
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { ok: false, code: 'image', what: 'JPEG' };
  if (latin.startsWith('GIF8')) return { ok: false, code: 'image', what: 'GIF' };
  if (latin.startsWith('RIFF') && latin.slice(8, 12) === 'WEBP') return { ok: false, code: 'image', what: 'WebP' };
  if (latin.startsWith('PK\u0003\u0004')) {
    // A DOCX is a ZIP whose entries include word/document.xml (the name is stored uncompressed).
    if (data.includes('word/document.xml')) return { ok: true, type: 'docx', ext: EXT.docx };
    if (data.includes('xl/workbook')) return { ok: false, code: 'unsupported', what: 'XLSX' };
    if (data.includes('ppt/presentation')) return { ok: false, code: 'unsupported', what: 'PPTX' };
    return { ok: false, code: 'unsupported', what: 'ZIP' };
  }
  if (latin.startsWith('\u00d0\u00cf\u0011\u00e0')) return { ok: false, code: 'unsupported', what: 'DOC/XLS (Office lama)' };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(data.subarray(0, 64 * 1024));
  const bad = (text.match(/[\uFFFD\u0000]/g) ?? []).length;
  if (bad > 0 && bad / Math.max(1, text.length) > 0.01) return { ok: false, code: 'unsupported', what: 'biner' };
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 2048).toLowerCase();
  if (/^<!doctype html|^<html|<body[\s>]|<h1[\s>]/.test(start)) return { ok: true, type: 'html', ext: EXT.html };
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.md' || ext === '.markdown' || start.startsWith('---\n') || /^#{1,3} \S/m.test(text.slice(0, 4096))) return { ok: true, type: 'md', ext: EXT.md };
  return { ok: true, type: 'txt', ext: EXT.txt };
}

/**
 * A file name that is safe to create inside the upload folder: the base name only (no folders, no `..`),
 * lower-case ASCII letters, digits, `-` and `_`, at most 80 characters, with the extension of the content.
 *
 * @example safeUploadName('../../etc/Perpres 95 Tahun 2018.PDF', '.pdf') === 'perpres-95-tahun-2018.pdf'
 */
export function safeUploadName(fileName: string, ext: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '')
    .slice(0, 80)
    .replace(/[-_]+$/, '');
  return `${stem || 'dokumen'}${ext}`;
}

/** What a caption may set: `judul: …`, `sumber: https://…`, `diverifikasi: 2026-11-30` (English keys too). */
export interface CaptionOverrides {
  title?: string;
  source?: string;
  lastVerified?: string;
}

export type CaptionResult = { ok: true; overrides: CaptionOverrides; ignored: string[] } | { ok: false; problem: 'url' | 'date'; value: string };

const KEYS: Record<string, keyof CaptionOverrides> = {
  judul: 'title',
  title: 'title',
  sumber: 'source',
  source: 'source',
  url: 'source',
  diverifikasi: 'lastVerified',
  verified: 'lastVerified',
  last_verified: 'lastVerified',
};

/** Reads the caption line by line; a bad URL or date rejects the upload (nothing changes), unknown lines are reported. */
export function parseCaption(caption: string | undefined): CaptionResult {
  const overrides: CaptionOverrides = {};
  const ignored: string[] = [];
  for (const raw of (caption ?? '').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^([a-z_]+)\s*:\s*(.+)$/i.exec(line);
    const key = m ? KEYS[m[1].toLowerCase()] : undefined;
    if (!m || !key) {
      ignored.push(line.slice(0, 80));
      continue;
    }
    const value = m[2].trim();
    if (key === 'source') {
      let ok = false;
      try {
        ok = ['http:', 'https:'].includes(new URL(value).protocol);
      } catch {
        ok = false;
      }
      if (!ok) return { ok: false, problem: 'url', value };
    }
    if (key === 'lastVerified') {
      const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      const date = d ? new Date(`${value}T00:00:00Z`) : undefined;
      if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return { ok: false, problem: 'date', value };
    }
    overrides[key] = value.slice(0, 300);
  }
  return { ok: true, overrides, ignored };
}
