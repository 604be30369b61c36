import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../../src/knowledge/glossary.js';
import type { Chunk } from '../../../src/knowledge/chunker.js';
import { RegulationCatalog } from '../../../src/knowledge/regulation/catalog.js';
import { removeFurniture } from '../../../src/knowledge/regulation/furniture.js';
import { buildIdentity, parseIdentity } from '../../../src/knowledge/regulation/identity.js';
import { kindFamily, parseArticleReference } from '../../../src/knowledge/regulation/references.js';
import type { ChunkRegulation } from '../../../src/knowledge/regulation/sections.js';
import { normalisePasalNumber, parseStructure } from '../../../src/knowledge/regulation/structure.js';

describe('article references in questions', () => {
  it.each([
    ['Apa isi Pasal 26 UU 27/2022?', { pasal: '26', jenis: 'UU', nomor: '27', tahun: '2022' }],
    ['pasal 5A permenkominfo no 1 thn 2021', { pasal: '5A', jenis: 'permenkominfo', nomor: '1', tahun: '2021' }],
    ['Article 40 of UU 11/2008', { pasal: '40', nomor: '11', tahun: '2008' }],
    ['isi pasal 3 uu nomor 36 tahun 1999', { pasal: '3', nomor: '36', tahun: '1999' }],
    ['Undang-Undang Nomor 27 Tahun 2022 pasal 58', { pasal: '58', nomor: '27', tahun: '2022' }],
    ['Permenpan RB No 59 Tahun 2020 pasal 5', { pasal: '5', nomor: '59', tahun: '2020' }],
    ['Pergub Kaltim nomor 4 tahun 2021 pasal 12 ayat (2)', { pasal: '12', ayat: '2', jenis: 'Pergub', nomor: '4', tahun: '2021' }],
    ['Law No. 27 of 2022, Article 26', { pasal: '26', nomor: '27', tahun: '2022' }],
    // "Peraturan Menkominfo", "Peraturan Menaker": the minister's short title is the kind.
    ['Pasal 6 Peraturan Menkominfo 20/2013', { pasal: '6', nomor: '20', tahun: '2013' }],
    ['pasal 3 peraturan menaker nomor 2 tahun 2022', { pasal: '3', nomor: '2', tahun: '2022' }],
    // English names of a ministerial regulation.
    ['Article 3 of Kominfo Regulation 24/2013 on international roaming', { pasal: '3', nomor: '24', tahun: '2013' }],
    ['What does Article 4 of Home Affairs Minister Regulation 73/2022 say?', { pasal: '4', nomor: '73', tahun: '2022' }],
    ['Article 5 of the Regulation of the Minister of Manpower No. 2 of 2022', { pasal: '5', nomor: '2', tahun: '2022' }],
  ])('%s', (q, expected) => {
    expect(parseArticleReference(q)).toMatchObject(expected);
  });

  it('reads an English ministerial regulation as a Peraturan Menteri', () => {
    for (const q of ['Article 3 of Kominfo Regulation 24/2013', 'Article 4 of Home Affairs Minister Regulation 73/2022', 'Article 5 of the Regulation of the Minister of Manpower No. 2 of 2022']) {
      expect(kindFamily(parseArticleReference(q)!.jenis!)).toBe('permen');
    }
    expect(kindFamily(parseArticleReference('Article 2 of Government Regulation 71/2019')!.jenis!)).toBe('pp');
    expect(kindFamily(parseArticleReference('Pasal 6 Peraturan Menkominfo 20/2013')!.jenis!)).toBe('permen');
  });
});

function chunk(reg: Partial<ChunkRegulation> & { key: string; pasal?: string }, i: number): Chunk {
  const base: ChunkRegulation = { shortName: 'UU 27/2022', title: 'Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi', jenisShort: 'UU', nomor: '27', tahun: '2022', aliases: ['UU 27/2022', 'UU PDP'], kind: 'pasal', range: ['1', '76'], ...reg };
  return { id: `f#${i}`, file: 'f', title: base.title, headingPath: [`Pasal ${reg.pasal}`], text: `teks ${i}`, hash: String(i), sources: [], keywords: [], regulation: base };
}

describe('regulation catalog', () => {
  const chunks = [
    chunk({ key: 'uu-27-2022', pasal: '26' }, 0),
    chunk({ key: 'uu-27-2022', pasal: '58' }, 1),
    chunk({ key: 'uu-27-2022', pasal: '26', kind: 'penjelasan' }, 2),
    chunk({ key: 'uu-2-2030', shortName: 'UU 2/2030', nomor: '2', tahun: '2030', aliases: ['UU 2/2030'], amendsKey: 'uu-27-2022', pasal: '26', amendment: { action: 'diubah', item: '1', article: 'I', instruction: 'Ketentuan Pasal 26 diubah' } }, 3),
  ];
  const cat = RegulationCatalog.fromChunks(chunks);

  it('names forms and aliases of the same regulation, page numbers never count', () => {
    expect(cat.lookup('UU PDP pasal 58')?.chunks).toEqual([1]);
    expect(cat.lookup('Pasal 58 Undang-Undang Nomor 27 Tahun 2022')?.chunks).toEqual([1]);
    expect(cat.lookup('bunyi pasal 58 UU No. 27/2022')?.chunks).toEqual([1]);
    expect(cat.lookup('apa isi halaman 26 UU PDP')).toBeUndefined();
  });

  it('puts the amended text first and says who changed it; Penjelasan follows the article', () => {
    const l = cat.lookup('Pasal 26 UU 27/2022')!;
    expect(l.chunks).toEqual([3, 0, 2]);
    expect(l.amendedBy.map((a) => a.shortName)).toEqual(['UU 2/2030']);
  });

  it('an article beyond the range is missing (honest answer), one inside it is not claimed missing', () => {
    expect(cat.lookup('pasal 80 UU PDP')).toMatchObject({ missing: true, chunks: [] });
    expect(cat.lookup('pasal 30 UU PDP')).toMatchObject({ missing: false, chunks: [] });
  });
});

describe('a regulation named in English by its subject', () => {
  const glossary = loadGlossary(path.resolve('knowledge/glossary.yaml'));
  const pdp = (pasal: string, i: number) => chunk({ key: 'uu-27-2022', pasal }, i);
  const pers = (pasal: string, i: number) => chunk({ key: 'uu-40-1999', shortName: 'UU 40/1999', title: 'Undang-Undang Nomor 40 Tahun 1999 tentang Pers', nomor: '40', tahun: '1999', aliases: ['UU 40/1999'], pasal }, i);
  const permen = (pasal: string, i: number) => chunk({ key: 'permenkominfo-3-2030', shortName: 'Permenkominfo 3/2030', title: 'Peraturan Menteri Komunikasi dan Informatika Nomor 3 Tahun 2030 tentang Pers Kampus', jenisShort: 'Permenkominfo', nomor: '3', tahun: '2030', aliases: ['Permenkominfo 3/2030'], pasal }, i);
  const chunks = [pdp('56', 0), pers('9', 1), permen('9', 2)];

  it('reads the English subject through the glossary ("Personal Data Protection" → Pelindungan Data Pribadi)', () => {
    const cat = RegulationCatalog.fromChunks(chunks, glossary.canonicalise);
    expect(cat.lookup('What does Article 56 of the Personal Data Protection Law say?')?.chunks).toEqual([0]);
    // "Law" is an Undang-Undang: the Permen about "Pers Kampus" is not the Press Law.
    expect(cat.lookup('Article 9 of the Press Law')?.chunks).toEqual([1]);
    // Without the glossary the English words match nothing.
    expect(RegulationCatalog.fromChunks(chunks).lookup('What does Article 56 of the Personal Data Protection Law say?')).toBeUndefined();
  });
});

describe('a base regulation known only from its amendment', () => {
  // Only the Perpu is in the index; UU 7/2017 itself is not.
  const perpu = (pasal: string, i: number) =>
    chunk({ key: 'perpu-1-2022', shortName: 'Perpu 1/2022', title: 'Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2022 tentang Perubahan atas Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum', jenisShort: 'Perpu', nomor: '1', tahun: '2022', aliases: ['Perpu 1/2022'], amendsKey: 'uu-7-2017', amendsName: 'UU 7/2017', pasal, amendment: { action: 'disisipkan', item: '9', article: 'I', instruction: `Di antara Pasal 568 dan Pasal 569 disisipkan 1 (satu) pasal, yakni Pasal ${pasal}` } }, i);
  const cat = RegulationCatalog.fromChunks([perpu('568A', 0), perpu('10A', 1)]);

  it('an article the amendment changed is looked up under the base\'s own number', () => {
    const l = cat.lookup('Pasal 568A UU 7/2017')!;
    expect(l.chunks).toEqual([0]);
    expect(l.regulation).toMatchObject({ shortName: 'UU 7/2017', title: 'Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum' });
    expect(l.amendedBy.map((a) => a.shortName)).toEqual(['Perpu 1/2022']);
    expect(cat.lookup('pasal 10A undang-undang nomor 7 tahun 2017')?.chunks).toEqual([1]);
  });

  it('any other article is not claimed: the lookup says the base is not loaded and which articles its amendment changed', () => {
    const l = cat.lookup('Pasal 3 UU 7/2017')!;
    expect(l.chunks).toEqual([]);
    expect(l.missing).toBe(false);
    expect(l.regulation.shortName).toBe('UU 7/2017');
    expect(l.notLoaded?.amendedBy.map((a) => a.shortName)).toEqual(['Perpu 1/2022']);
    expect(l.notLoaded?.changed).toEqual(['10A', '568A']);
    expect(cat.lookup('Pasal 568A UU 7/2017')?.notLoaded).toBeUndefined();
  });

  it('another regulation of that number is not claimed', () => {
    expect(cat.lookup('Pasal 568A PP 7/2017')).toBeUndefined();
    expect(cat.lookup('Pasal 568A UU 8/2017')).toBeUndefined();
  });
});

describe('furniture, identity, structure', () => {
  const pages = [
    'PRESIDEN\nREPUBLIK INDONESIA\nUNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR 9 TAHUN 2030\nTENTANG\nCONTOH PERATURAN\nDENGAN RAHMAT TUHAN YANG MAHA ESA\nMenimbang : bahwa perlu contoh;\nSK No 155227 A',
    'FRESIDEN\nREPUBLIK INDONESIA\n-26-\nBAB Ix\nKETENTUAN AKHIR\nPasal I\nSetiap orang wajib mematuhi penye-\nlenggaraan peraturan perundang-\nundangan.\nPasal 2\n(1) Ayat pertama.\n(2) Ayat kedua.\nPasal 2 . . .',
    'PRESTDEN\nREPUBLIK INDONESIA\n- 27 -\nPasal 2A\nPasal sisipan.\nPasal 1O\nPasal OCR.',
  ];
  const text = removeFurniture(pages);

  it('removes running heads, page numbers, stamps and catchwords', () => {
    expect(text).not.toMatch(/SK No|FRESIDEN|PRESTDEN|-26-|- 27 -|\. \. \./);
    expect(text.startsWith('UNDANG-UNDANG REPUBLIK INDONESIA')).toBe(true);
  });

  it('reads the identity and derives the short name', () => {
    expect(parseIdentity(text)).toMatchObject({ jenis: 'Undang-Undang', nomor: '9', tahun: '2030', tentang: 'Contoh Peraturan', shortName: 'UU 9/2030' });
    expect(parseIdentity(text)!.aliases).toContain('UU CP');
    expect(buildIdentity({ jenis: 'Undang-Undang', jenisShort: 'UU', nomor: '19', tahun: '2016', tentang: 'Perubahan atas Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik' }).amends).toMatchObject({ key: 'uu-11-2008' });
  });

  it('finds BAB (OCR "Ix"), Pasal "I", 2A and "1O"', () => {
    const units = parseStructure(text);
    const pasal = units.filter((u) => u.kind === 'pasal');
    expect(pasal.map((u) => u.pasal)).toEqual(['1', '2', '2A', '10']);
    expect(pasal[0].path).toEqual(['BAB IX Ketentuan Akhir']);
    expect(normalisePasalNumber('6O')).toBe('60');
  });
});

describe('article numbers written as words', () => {
  it.each([
    ['permen kominfo 24/2013 pasal sebelas', { pasal: '11', nomor: '24', tahun: '2013' }],
    ['pasal dua puluh tujuh ayat tiga UU 11/2008', { pasal: '27', ayat: '3', nomor: '11', tahun: '2008' }],
    ['Article twelve of UU 40/1999', { pasal: '12', nomor: '40', tahun: '1999' }],
    ['isi pasal seratus dua puluh lima UU 7/2017', { pasal: '125', nomor: '7', tahun: '2017' }],
    ['pasal lima belas permendagri 73/2022', { pasal: '15', nomor: '73', tahun: '2022' }],
  ])('%s', (q, expected) => {
    expect(parseArticleReference(q)).toMatchObject(expected);
  });

  it('leaves numbers in words elsewhere alone', async () => {
    const { digitsAfterArticleWords } = await import('../../../src/knowledge/regulation/number-words.js');
    expect(digitsAfterArticleWords('pasal 5 berlaku lima tahun')).toBe('pasal 5 berlaku lima tahun');
    expect(digitsAfterArticleWords('dua puluh peserta')).toBe('dua puluh peserta');
  });
});

describe('OCR of article headings', () => {
  it('reads specks, a joined "7" for "l" and S/B for 5/8 in sequence', async () => {
    const { cleanHeadingLine } = await import('../../../src/knowledge/regulation/structure.js');
    expect(cleanHeadingLine("' Pasal 23")).toBe('Pasal 23');
    expect(cleanHeadingLine('. Pasal 29')).toBe('Pasal 29');
    expect(cleanHeadingLine('Pasa722')).toBe('Pasal 22');
    expect(cleanHeadingLine('sebagaimana dimaksud dalam Pasal 29,')).toBe('sebagaimana dimaksud dalam Pasal 29,');
    expect(cleanHeadingLine('(1) Pasal 5 berlaku')).toBe('(1) Pasal 5 berlaku');
    expect(normalisePasalNumber('S', 8)).toBe('8');
    expect(normalisePasalNumber('S', 5)).toBe('5');
    expect(normalisePasalNumber('S')).toBe('5');
    expect(normalisePasalNumber('B')).toBe('8');
    expect(normalisePasalNumber('5B')).toBe('5B');
    expect(normalisePasalNumber('1S', 18)).toBe('18');
  });

  it('reads an inserted article\'s letter OCR\'d as a digit, from the instruction that names it', () => {
    // "… disisipkan 1 (satu) pasal, yakni Pasal 568A": the heading below reads "Pasal 5684".
    expect(normalisePasalNumber('5684', undefined, ['568A'])).toBe('568A');
    expect(normalisePasalNumber('128', undefined, ['12B'])).toBe('12B');
    // Without the instruction, or when it names that very number, a digit stays a digit.
    expect(normalisePasalNumber('5684')).toBe('5684');
    expect(normalisePasalNumber('24', undefined, ['24'])).toBe('24');
    expect(normalisePasalNumber('24', undefined, ['25'])).toBe('24');
    // ",4" is the letter A (Penjelasan: "Pasal 568,4.").
    expect(normalisePasalNumber('568,4')).toBe('568A');
  });

  it('an amendment\'s inserted article and its Penjelasan get the instruction\'s number', () => {
    const amending = [
      'PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG',
      'NOMOR 9 TAHUN 2030',
      'TENTANG',
      'PERUBAHAN ATAS UNDANG-UNDANG NOMOR 7 TAHUN 2017 TENTANG PEMILIHAN UMUM',
      'Menimbang : bahwa perlu perubahan;',
      'MEMUTUSKAN:',
      'Pasal I',
      'Beberapa ketentuan dalam Undang-Undang Nomor 7 Tahun 2017 diubah sebagai berikut:',
      '1. Di antara Pasal 568 dan Pasal 569 disisipkan 1 (satu) pasal,',
      'yakni Pasal 568A yang berbunyi sebagai berikut:',
      'Pasal 5684',
      'Pelaksanaan Pemilu di wilayah Ibu Kota Nusantara berpedoman pada Undang-Undang ini.',
      'Pasal II',
      'Peraturan ini mulai berlaku pada tanggal diundangkan.',
      'PENJELASAN',
      'ATAS',
      'PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG NOMOR 9 TAHUN 2030',
      'I. UMUM',
      'Perubahan diperlukan.',
      'II. PASAL DEMI PASAL',
      'Pasal I',
      'Angka 1',
      'Pasal 568,4.',
      'Berdasarkan Undang-Undang tentang Ibu Kota Negara, pemilu tetap berpedoman pada Undang-Undang ini.',
      'Pasal II',
      'Cukup jelas.',
    ].join('\n');
    const units = parseStructure(amending, { amending: true });
    expect(units.filter((u) => u.kind === 'pasal' && u.amendment).map((u) => u.pasal)).toContain('568A');
    expect(units.filter((u) => u.kind === 'penjelasan').map((u) => u.pasal)).toContain('568A');
    expect(units.some((u) => u.pasal === '5684')).toBe(false);
  });
});
