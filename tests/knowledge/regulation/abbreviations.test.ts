import { describe, expect, it } from 'vitest';
import { definedAbbreviations, subjectInitialisms } from '../../../src/knowledge/regulation/abbreviations.js';
import { applyRegulation } from '../../../src/knowledge/regulation/document.js';
import type { SourceDocument } from '../../../src/knowledge/loaders.js';

describe('abbreviations a regulation defines', () => {
  it('reads "selanjutnya disebut/disingkat X" and "(X)" acronyms, not ordinary words or numerals', () => {
    const found = definedAbbreviations([
      'Kewajiban Pelayanan Universal yang selanjutnya disebut KPU adalah kewajiban …',
      'Lembaga Pendidikan dan Pelatihan Radio Elektronika dan Operator Radio (REOR) adalah …',
      'Indonesia Security Incident Response Team on Internet Infrastructure yang selanjutnya disebut ID-SIRTII',
      'Menteri yang selanjutnya disebut Menteri adalah …; huruf (A) dan angka (IV) …',
    ]);
    expect(found).toEqual(expect.arrayContaining(['KPU', 'REOR', 'ID-SIRTII']));
    expect(found).not.toContain('Menteri');
    expect(found).not.toContain('IV');
    expect(found).not.toContain('A');
  });

  it('forms initials from the end of the subject\'s capitalised runs only', () => {
    expect(subjectInitialisms('Optimalisasi Pelaksanaan Program Jaminan Kesehatan Nasional')).toContain('JKN');
    const tkdn = subjectInitialisms('Tata Cara Penilaian Pencapaian Tingkat Komponen Dalam Negeri pada Penyelenggaraan Telekomunikasi');
    expect(tkdn).toContain('TKDN');
    expect(tkdn).not.toContain('TCP');
    // Two words are too ambiguous; an amendment's subject is its base's.
    expect(subjectInitialisms('Pemilihan Umum')).toEqual([]);
    expect(subjectInitialisms('Perubahan atas Peraturan Menteri Nomor 1 Tahun 2020 tentang Pelindungan Data Pribadi')).toEqual(['PDP']);
  });

  it('become keywords of every part of the regulation', () => {
    const text = [
      'PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA',
      'NOMOR 2 TAHUN 2011',
      'TENTANG',
      'SERTIFIKASI RADIO ELEKTRONIKA DAN OPERATOR RADIO',
      'Menimbang : a. bahwa perlu sertifikasi;',
      'MEMUTUSKAN:',
      'Menetapkan : PERATURAN MENTERI TENTANG SERTIFIKASI.',
      'Pasal 1',
      'Dalam Peraturan Menteri ini yang dimaksud dengan:',
      '1. Radio Elektronika dan Operator Radio yang selanjutnya disingkat REOR adalah kecakapan.',
      'Pasal 2',
      'Lembaga wajib mempunyai instruktur yang berpengalaman sekurang-kurangnya 6 (enam) orang.',
    ].join('\n');
    const doc: SourceDocument = { title: 'x', sections: [{ headingPath: [], text }], sources: [], keywords: [] } as unknown as SourceDocument;
    const out = applyRegulation(doc, {}, true);
    expect(out.regulation).toBeDefined();
    expect(out.keywords).toContain('REOR');
  });
});
