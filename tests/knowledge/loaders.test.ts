import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Document as DocxDocument, HeadingLevel, Packer, Paragraph } from 'docx';
import { loadDocument, LoaderError, UnsupportedFileError } from '../../src/knowledge/loaders.js';
import { makeTmpDir } from '../helpers/tmp.js';

let tmp: { dir: string; cleanup: () => void };
const p = (name: string) => path.join(tmp.dir, name);

beforeAll(async () => {
  tmp = makeTmpDir();
  // PDF with two pages, made here so the fixture is ours.
  const pdf = await PDFDocument.create();
  pdf.setTitle('Pedoman Evaluasi SPBE');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText('Halaman pertama membahas domain kebijakan internal SPBE.', { x: 50, y: 700, size: 12, font });
  pdf.addPage().drawText('Halaman kedua membahas 47 indikator evaluasi.', { x: 50, y: 700, size: 12, font });
  fs.writeFileSync(p('pedoman.pdf'), await pdf.save());
  // DOCX with headings.
  const docx = new DocxDocument({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Panduan GTA', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Pendaftaran', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Pendaftaran GTA dilakukan melalui portal Digital Talent Scholarship.'),
          new Paragraph({ text: 'Sertifikat', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Peserta yang lulus memperoleh sertifikat.'),
        ],
      },
    ],
  });
  fs.writeFileSync(p('panduan.docx'), await Packer.toBuffer(docx));
  fs.writeFileSync(
    p('berita.html'),
    '<html><head><title>Berita DLA &amp; SPBE</title><script>alert(1)</script></head><body><h1>Berita</h1><h2>DLA 2022</h2><p>DLA 2022 diikuti <b>20</b> kepala daerah.</p><ul><li>Singapura</li></ul></body></html>',
  );
  fs.writeFileSync(p('catatan.txt'), 'Catatan Satu Data\n\nSatu Data Indonesia diatur Perpres 39 Tahun 2019.');
  fs.writeFileSync(p('kosong.md'), '');
  fs.writeFileSync(p('rusak.pdf'), '%PDF-1.7\nini bukan pdf yang utuh');
  fs.writeFileSync(p('rusak.docx'), 'PK\u0003\u0004 bukan zip');
  fs.writeFileSync(p('tabel.xlsx'), 'apa saja');
  fs.writeFileSync(p('biner.txt'), Buffer.from([0, 1, 2, 0, 0, 255, 254, 0, 0, 0, 3, 0]));
  fs.writeFileSync(p('fm-rusak.md'), '---\ntitle: [belum ditutup\n---\n# X\nisi');
});
afterAll(() => tmp.cleanup());

describe('loaders', () => {
  it('reads markdown front matter and headings', async () => {
    fs.writeFileSync(p('a.md'), '---\ntitle: "Judul"\ntopic: t\nkeywords: [a, b]\nsources:\n  - https://x.go.id\nlast_verified: 2026-11-01\n---\n# Judul\n## Bagian\nIsi **tebal** dan [tautan](https://y).');
    const doc = await loadDocument(p('a.md'), 'a.md');
    expect(doc.title).toBe('Judul');
    expect(doc.sources).toEqual(['https://x.go.id']);
    expect(doc.lastVerified).toBe('2026-11-01');
    expect(doc.keywords).toEqual(['a', 'b']);
    expect(doc.sections).toEqual([{ headingPath: ['Bagian'], text: 'Isi tebal dan tautan.' }]);
  });

  it('reads PDF pages with their page numbers and title', async () => {
    const doc = await loadDocument(p('pedoman.pdf'), 'pedoman.pdf');
    expect(doc.title).toBe('Pedoman Evaluasi SPBE');
    expect(doc.sections).toHaveLength(2);
    expect(doc.sections[1].page).toBe(2);
    expect(doc.sections[1].text).toContain('47 indikator');
  });

  it('reads DOCX with headings as sections', async () => {
    const doc = await loadDocument(p('panduan.docx'), 'panduan.docx');
    expect(doc.title).toBe('Panduan GTA');
    expect(doc.sections.map((s) => s.headingPath[0])).toEqual(['Pendaftaran', 'Sertifikat']);
    expect(doc.sections[0].text).toContain('portal Digital Talent Scholarship');
  });

  it('reads HTML without scripts, with entities decoded', async () => {
    const doc = await loadDocument(p('berita.html'), 'berita.html');
    expect(doc.title).toBe('Berita DLA & SPBE');
    const all = doc.sections.map((s) => s.text).join(' ');
    expect(all).toContain('DLA 2022 diikuti 20 kepala daerah.');
    expect(all).not.toContain('alert');
    expect(doc.sections[0].headingPath).toEqual(['DLA 2022']);
  });

  it('reads plain text with its first line as title', async () => {
    const doc = await loadDocument(p('catatan.txt'), 'catatan.txt');
    expect(doc.title).toBe('Catatan Satu Data');
    expect(doc.sections[0].text).toContain('Perpres 39');
  });

  it.each([
    ['kosong.md', /kosong/],
    ['rusak.pdf', /PDF rusak/],
    ['rusak.docx', /DOCX rusak/],
    ['biner.txt', /bukan teks UTF-8/],
    ['fm-rusak.md', /front matter/],
    ['tidak-ada.md', /tidak dapat dibaca/],
  ])('rejects %s with a clear message naming the file', async (name, re) => {
    const err = await loadDocument(p(name), name).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoaderError);
    expect((err as Error).message).toMatch(re);
    expect((err as Error).message).toContain(name);
  });

  it('rejects unsupported file types', async () => {
    await expect(loadDocument(p('tabel.xlsx'), 'tabel.xlsx')).rejects.toBeInstanceOf(UnsupportedFileError);
  });
});
