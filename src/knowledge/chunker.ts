/**
 * Heading-aware chunking. Each section of a document is split on its own, so a chunk
 * never spans two sections and always carries its heading path. Chunks aim at
 * {@link ChunkOptions.target} characters, never exceed {@link ChunkOptions.max} unless a
 * single sentence does, and start with the last sentence of the previous chunk of the
 * same section (a little overlap keeps a fact and its subject together).
 */
import { createHash } from 'node:crypto';
import type { SourceDocument } from './loaders.js';
import type { ChunkRegulation } from './regulation/sections.js';
import { splitSentences } from './text.js';

/** One indexed passage. */
export interface Chunk {
  /** Stable id: `file#n`. */
  id: string;
  file: string;
  title: string;
  headingPath: string[];
  page?: number;
  text: string;
  /** Hash of what is embedded (title, headings, text): the embedding-cache key. */
  hash: string;
  url?: string;
  sources: string[];
  keywords: string[];
  lastVerified?: string;
  /** Short citation of a regulation part: "Permenkominfo 41/2009 Pasal 3 ayat (1)". */
  citation?: string;
  /** Regulation, article and part (regulation documents only). */
  regulation?: ChunkRegulation;
}

export interface ChunkOptions {
  target: number;
  max: number;
  overlapMax: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { target: 700, max: 900, overlapMax: 180 };

export function headingLabel(chunk: Pick<Chunk, 'headingPath' | 'page'>): string {
  return chunk.headingPath.join(' › ');
}

/** The text given to the embeddings provider: document title and headings give the passage its context. */
export function embeddingText(chunk: Pick<Chunk, 'title' | 'headingPath' | 'text'>): string {
  return [chunk.title, ...chunk.headingPath, chunk.text].join('\n');
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** Split one section's text into pieces of about `target` characters. */
export function splitSectionText(text: string, opts: ChunkOptions = DEFAULT_CHUNK_OPTIONS): string[] {
  const clean = text.replace(/\n{3,}/g, '\n\n').trim();
  if (clean.length <= opts.max) return clean ? [clean] : [];
  // Units: paragraphs, and sentences of paragraphs that are too long on their own.
  const units: string[] = [];
  for (const para of clean.split(/\n\n+/)) {
    if (para.length <= opts.max) units.push(para);
    else {
      for (const s of splitSentences(para)) {
        if (s.length <= opts.max) units.push(s);
        else for (let i = 0; i < s.length; i += opts.max) units.push(s.slice(i, i + opts.max));
      }
    }
  }
  const pieces: string[] = [];
  let cur = '';
  let overlap = '';
  for (const u of units) {
    const candidate = cur ? `${cur}\n\n${u}` : overlap ? `${overlap} ${u}` : u;
    if (cur && candidate.length > opts.target && cur.length >= opts.target * 0.4) {
      pieces.push(cur);
      const sentences = splitSentences(cur);
      const last = sentences[sentences.length - 1] ?? '';
      overlap = last.length <= opts.overlapMax && last.length < cur.length ? last : '';
      cur = overlap && overlap.length + u.length + 1 <= opts.max ? `${overlap} ${u}` : u;
    } else if (cur && candidate.length > opts.max) {
      pieces.push(cur);
      overlap = '';
      cur = u;
    } else {
      cur = candidate;
    }
  }
  if (cur) {
    const prev = pieces[pieces.length - 1];
    if (prev && cur.length < opts.target * 0.3 && prev.length + cur.length + 2 <= opts.max) pieces[pieces.length - 1] = `${prev}\n\n${cur}`;
    else pieces.push(cur);
  }
  return pieces;
}

export function chunkDocument(doc: SourceDocument, opts: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Chunk[] {
  const chunks: Chunk[] = [];
  for (const section of doc.sections) {
    for (const text of splitSectionText(section.text, opts)) {
      const base = { title: doc.title, headingPath: section.headingPath, text };
      chunks.push({
        id: `${doc.file}#${chunks.length}`,
        file: doc.file,
        title: doc.title,
        headingPath: section.headingPath,
        page: section.page,
        text,
        hash: hashText(embeddingText(base)),
        // A section's own source first: the link must back this passage, not the document's first page.
        url: section.sources?.[0] ?? doc.sources[0],
        sources: section.sources ?? doc.sources,
        keywords: doc.keywords,
        lastVerified: doc.lastVerified,
        ...(section.citation ? { citation: section.citation } : {}),
        ...(section.regulation ? { regulation: section.regulation } : {}),
      });
    }
  }
  return chunks;
}
