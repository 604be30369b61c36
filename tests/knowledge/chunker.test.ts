import { describe, expect, it } from 'vitest';
import { chunkDocument, splitSectionText } from '../../src/knowledge/chunker.js';
import { parseMarkdownDocument } from '../../src/knowledge/loaders.js';

const sentence = (i: number) => `Kalimat nomor ${i} menjelaskan satu fakta penting tentang SPBE dan pelatihan digital ASN.`;

describe('heading-aware chunking', () => {
  it('never lets a chunk span two sections and keeps the heading path', () => {
    const md = `---\ntitle: Dok\n---\n# Dok\n## Bagian A\n${sentence(1)}\n## Bagian B\n### Rinci\n${sentence(2)}\n`;
    const chunks = chunkDocument(parseMarkdownDocument(md, 'dok.md'));
    expect(chunks).toHaveLength(2);
    expect(chunks[0].headingPath).toEqual(['Bagian A']);
    expect(chunks[1].headingPath).toEqual(['Bagian B', 'Rinci']);
    expect(chunks[0].text).not.toContain('nomor 2');
  });

  it('splits long sections into ~300–900 character pieces with a little overlap', () => {
    const text = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ');
    const pieces = splitSectionText(text);
    expect(pieces.length).toBeGreaterThan(3);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(900);
      expect(p.length).toBeGreaterThanOrEqual(300);
    }
    // Overlap: each piece after the first starts with the last sentence of the previous one.
    const lastOfFirst = pieces[0].split(/(?<=\.)\s+/).pop()!;
    expect(pieces[1].startsWith(lastOfFirst)).toBe(true);
  });

  it('keeps a short section whole', () => {
    expect(splitSectionText('Satu kalimat pendek.')).toEqual(['Satu kalimat pendek.']);
  });

  it('gives every chunk a content hash that changes with its text', () => {
    const a = chunkDocument(parseMarkdownDocument(`# T\n## S\n${sentence(1)}`, 'a.md'))[0];
    const b = chunkDocument(parseMarkdownDocument(`# T\n## S\n${sentence(2)}`, 'a.md'))[0];
    expect(a.hash).not.toBe(b.hash);
    expect(a.hash).toMatch(/^[0-9a-f]{32}$/);
  });
});
