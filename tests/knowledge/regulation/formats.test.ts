import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document as DocxDocument, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { loadDocument } from '../../../src/knowledge/loaders.js';
import { makeTmpDir } from '../../helpers/tmp.js';

/** A regulation is recognised whatever loader produced its text; other documents are left alone. */
const LINES = [
  'PERATURAN PRESIDEN REPUBLIK INDONESIA',
  'NOMOR 12 TAHUN 2031',
  'TENTANG',
  'LAYANAN DIGITAL TERPADU',
  'DENGAN RAHMAT TUHAN YANG MAHA ESA',
  'Menimbang : bahwa layanan digital perlu dipadukan;',
  'BAB I',
  'KETENTUAN UMUM',
  'Pasal 1',
  'Layanan digital terpadu diselenggarakan oleh setiap instansi.',
  'Pasal 2',
  '(1) Instansi wajib menyediakan layanan digital terpadu.',
  '(2) Layanan sebagaimana dimaksud pada ayat (1) tersedia setiap hari.',
];

let tmp: ReturnType<typeof makeTmpDir>;
const p = (name: string) => path.join(tmp.dir, name);

beforeAll(async () => {
  tmp = makeTmpDir('asisten-regfmt-');
  fs.writeFileSync(p('perpres.html'), `<html><head><title>JDIH</title></head><body>${LINES.map((l) => `<p>${l}</p>`).join('')}</body></html>`);
  const docx = new DocxDocument({ sections: [{ children: LINES.map((l) => new Paragraph(l)) }] });
  fs.writeFileSync(p('perpres.docx'), await Packer.toBuffer(docx));
  // Two pages with running heads and page numbers; page 2's lines are drawn bottom-up, as some
  // producers do, so stream order is not reading order.
  const pdf = await PDFDocument.create();
  pdf.setTitle('Microsoft Word - DRAF II');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page1 = pdf.addPage();
  ['PRESIDEN', 'REPUBLIK INDONESIA', ...LINES.slice(0, 10)].forEach((l, i) => page1.drawText(l, { x: 50, y: 760 - i * 18, size: 11, font }));
  const page2 = pdf.addPage();
  const lines2 = ['PRESIDEN', 'REPUBLIK INDONESIA', '-2-', ...LINES.slice(10)];
  [...lines2.entries()].reverse().forEach(([i, l]) => page2.drawText(l, { x: 50, y: 760 - i * 18, size: 11, font }));
  fs.writeFileSync(p('draf.pdf'), await pdf.save());
  fs.writeFileSync(p('draf.pdf.meta.yaml'), 'sources: [https://jdih.contoh.go.id/perpres-12-2031]\n');
  fs.writeFileSync(p('catatan.txt'), 'Catatan Rapat\n\nRapat membahas Pasal 2 rencana kerja tahun 2031.');
  fs.writeFileSync(p('rusak.txt'), LINES.join('\n'));
  fs.writeFileSync(p('rusak.txt.meta.yaml'), 'title: [tidak ditutup\n');
});
afterAll(() => tmp.cleanup());

describe('regulations from every loader', () => {
  it.each(['perpres.html', 'perpres.docx', 'draf.pdf'])('%s: identity from the text, one section per article', async (file) => {
    const doc = await loadDocument(p(file), file);
    expect(doc.title).toBe('Peraturan Presiden Nomor 12 Tahun 2031 tentang Layanan Digital Terpadu');
    expect(doc.regulation).toMatchObject({ shortName: 'Perpres 12/2031', articleCount: 2 });
    expect(doc.regulation!.aliases).toContain('Perpres LDT');
    const p2 = doc.sections.find((s) => s.headingPath.join(' › ') === 'BAB I Ketentuan Umum › Pasal 2');
    expect(p2?.text).toBe('(1) Instansi wajib menyediakan layanan digital terpadu.\n(2) Layanan sebagaimana dimaksud pada ayat (1) tersedia setiap hari.');
    expect(p2?.citation).toBe('Perpres 12/2031 Pasal 2');
  });

  it('PDF: running heads and page numbers are gone, the sidecar gives the source', async () => {
    const doc = await loadDocument(p('draf.pdf'), 'draf.pdf');
    const all = doc.sections.map((s) => s.text).join('\n');
    expect(all).not.toMatch(/PRESIDEN\n|-2-|REPUBLIK INDONESIA\n/);
    expect(doc.sources).toEqual(['https://jdih.contoh.go.id/perpres-12-2031']);
  });

  it('a document that is not a regulation keeps its own sections', async () => {
    const doc = await loadDocument(p('catatan.txt'), 'catatan.txt');
    expect(doc.regulation).toBeUndefined();
    expect(doc.title).toBe('Catatan Rapat');
    expect(doc.sections).toHaveLength(1);
  });

  it('a broken sidecar is ignored: the document still loads under its own identity', async () => {
    const doc = await loadDocument(p('rusak.txt'), 'rusak.txt');
    expect(doc.regulation?.shortName).toBe('Perpres 12/2031');
  });
});
