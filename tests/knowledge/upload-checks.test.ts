import { describe, expect, it } from 'vitest';
import { gapGroupKey } from '../../src/answering/knowledge-gaps.js';
import { parseConfig } from '../../src/config.js';
import { isMaintainer } from '../../src/knowledge/maintenance/roles.js';
import { MAX_UPLOAD_BYTES, parseCaption, safeUploadName, sniffDocumentType } from '../../src/knowledge/maintenance/upload-checks.js';
import { truncateWords } from '../../src/bot/format.js';
import { CORRUPT_PDF, hybridWorkDocx, PNG_IMAGE } from '../helpers/upload-fixtures.js';

describe('type by content', () => {
  it('recognises PDF, DOCX, HTML, Markdown and text by their bytes, whatever the name says', async () => {
    expect(sniffDocumentType(CORRUPT_PDF, 'x.docx')).toEqual({ ok: true, type: 'pdf', ext: '.pdf' });
    expect(sniffDocumentType(await hybridWorkDocx(), 'x.pdf')).toEqual({ ok: true, type: 'docx', ext: '.docx' });
    expect(sniffDocumentType(Buffer.from('<!DOCTYPE html><html><body><h1>Hi</h1></body></html>'), 'x.txt')).toMatchObject({ type: 'html' });
    expect(sniffDocumentType(Buffer.from('---\ntitle: A\n---\n# A\n\nteks'), 'a.txt')).toMatchObject({ type: 'md' });
    expect(sniffDocumentType(Buffer.from('Judul\nIsi biasa.'), 'a.txt')).toMatchObject({ type: 'txt' });
  });

  it('names images, archives, old Office files and binary data', () => {
    expect(sniffDocumentType(PNG_IMAGE, 'scan.pdf')).toEqual({ ok: false, code: 'image', what: 'PNG' });
    expect(sniffDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]), 'a.jpg')).toMatchObject({ code: 'image', what: 'JPEG' });
    expect(sniffDocumentType(Buffer.from('PK\u0003\u0004xl/workbook.xml'), 'a.xlsx')).toMatchObject({ code: 'unsupported', what: 'XLSX' });
    expect(sniffDocumentType(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'a.doc')).toMatchObject({ code: 'unsupported' });
    expect(sniffDocumentType(Buffer.alloc(100, 0), 'a.bin')).toMatchObject({ code: 'unsupported', what: 'biner' });
    expect(sniffDocumentType(Buffer.alloc(0), 'a.txt')).toEqual({ ok: false, code: 'empty' });
    expect(MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024);
  });
});

describe('safe file names', () => {
  it('keeps only the base name, folds to ASCII, and uses the content extension', () => {
    expect(safeUploadName('../../etc/Perpres 95 Tahun 2018.PDF', '.pdf')).toBe('perpres-95-tahun-2018.pdf');
    expect(safeUploadName('..\\..\\windows\\évaluasi SPBE.docx', '.docx')).toBe('evaluasi-spbe.docx');
    expect(safeUploadName('....', '.txt')).toBe('dokumen.txt');
    expect(safeUploadName('/', '.md')).toBe('dokumen.md');
    expect(safeUploadName(`${'a'.repeat(200)}.pdf`, '.pdf')).toHaveLength(84);
  });
});

describe('caption overrides', () => {
  it('reads title, source and date; reports unknown lines', () => {
    expect(parseCaption('judul: Perpres 95/2018\nsumber: https://jdih.go.id/x\ndiverifikasi: 2026-11-30\ncatatan bebas')).toEqual({
      ok: true,
      overrides: { title: 'Perpres 95/2018', source: 'https://jdih.go.id/x', lastVerified: '2026-11-30' },
      ignored: ['catatan bebas'],
    });
    expect(parseCaption(undefined)).toEqual({ ok: true, overrides: {}, ignored: [] });
  });

  it('refuses a source that is no web address and an impossible date', () => {
    expect(parseCaption('sumber: javascript:alert(1)')).toEqual({ ok: false, problem: 'url', value: 'javascript:alert(1)' });
    expect(parseCaption('diverifikasi: 2026-02-30')).toEqual({ ok: false, problem: 'date', value: '2026-02-30' });
  });
});

describe('roles and grouping', () => {
  it('MAINTAINER_IDS is validated, and admins are maintainers too', () => {
    const config = parseConfig({ ADMIN_IDS: '1,2', MAINTAINER_IDS: '3, 2' });
    expect(config.maintainerIds).toEqual([1, 2, 3]);
    expect(isMaintainer(config, 1)).toBe(true);
    expect(isMaintainer(config, 3)).toBe(true);
    expect(isMaintainer(config, 4)).toBe(false);
    expect(isMaintainer(config, undefined)).toBe(false);
    expect(() => parseConfig({ MAINTAINER_IDS: 'dewi' })).toThrow(/MAINTAINER_IDS harus daftar id/);
  });

  it('groups by key terms regardless of order; falls back to the folded text', () => {
    expect(gapGroupKey('apa itu spbe kaltim', ['spbe', 'kaltim'])).toBe(gapGroupKey('Kaltim SPBE itu apa?', ['kaltim', 'spbe']));
    expect(gapGroupKey('Apa?!', [])).toBe('q:apa');
  });

  it('button labels are cut at a word, not mid-word', () => {
    expect(truncateWords('Government Transformation Academy (GTA) untuk ASN Daerah', 30)).toBe('Government Transformation…');
    expect(truncateWords('Pendek', 30)).toBe('Pendek');
  });
});
