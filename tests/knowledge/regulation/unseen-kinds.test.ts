import { describe, expect, it } from 'vitest';
import { parseMarkdownDocument, parseTextDocument, type SourceDocument } from '../../../src/knowledge/loaders.js';
import { applyRegulation } from '../../../src/knowledge/regulation/document.js';

/**
 * Regulation shapes that are not among our 24 PDFs, as a maintainer's JDIH copy has them
 * (short excerpts in the published forms; regulations are public domain, UU 28/2014 Pasal 42):
 * regional regulations and decisions, agency regulations, a circular with a letterhead, an
 * instruction printed in two columns, a UU amendment with "Pasal I … angka …", and a regulation
 * converted to markdown whose identity lines are bodiless headings.
 */
const asText = (text: string, file = 'r.txt'): SourceDocument => applyRegulation(parseTextDocument(text, file), {}, false);
const asMarkdown = (text: string, file = 'r.md'): SourceDocument => applyRegulation(parseMarkdownDocument(text, file), {}, false);
const body = (kind: string) => `DENGAN RAHMAT TUHAN YANG MAHA ESA\n${kind},\nMenimbang : a. bahwa perlu diatur;\nMEMUTUSKAN:\nPasal 1\nKetentuan ini berlaku bagi perangkat daerah.\nPasal 2\nPeraturan ini mulai berlaku pada tanggal diundangkan.\nDitetapkan di Samarinda`;

describe('kinds of regulation not in our set', () => {
  it.each([
    ['GUBERNUR KALIMANTAN TIMUR\nPERATURAN GUBERNUR KALIMANTAN TIMUR\nNOMOR 6 TAHUN 2021\nTENTANG\nPENYELENGGARAAN SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK', 'Pergub Kaltim 6/2021', 'Peraturan Gubernur Kalimantan Timur'],
    ['PERATURAN DAERAH PROVINSI KALIMANTAN TIMUR\nNOMOR 2 TAHUN 2019\nTENTANG\nPENYELENGGARAAN KETERBUKAAN INFORMASI PUBLIK', 'Perda Kaltim 2/2019', 'Peraturan Daerah Provinsi Kalimantan Timur'],
    ['BUPATI KUTAI KARTANEGARA\nPROVINSI KALIMANTAN TIMUR\nPERATURAN BUPATI KUTAI KARTANEGARA\nNOMOR 15 TAHUN 2022\nTENTANG\nTATA KELOLA DATA', 'Perbup Kukar 15/2022', 'Peraturan Bupati Kutai Kartanegara'],
    ['WALI KOTA SAMARINDA\nPERATURAN WALI KOTA SAMARINDA\nNOMOR 9 TAHUN 2023\nTENTANG\nSATU DATA SAMARINDA', 'Perwali Samarinda 9/2023', 'Peraturan Wali Kota Samarinda'],
    ['PERATURAN BADAN SIBER DAN SANDI NEGARA\nNOMOR 4 TAHUN 2021\nTENTANG\nPEDOMAN MANAJEMEN KEAMANAN INFORMASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK', 'Perban BSSN 4/2021', 'Peraturan Badan Siber dan Sandi Negara'],
    ['PERATURAN KEPALA BADAN KEPEGAWAIAN NEGARA\nNOMOR 21 TAHUN 2010\nTENTANG\nKETENTUAN PELAKSANAAN DISIPLIN', 'Perka BKN 21/2010', 'Peraturan Kepala Badan Kepegawaian Negara'],
    ['MENTERI PENDAYAGUNAAN APARATUR NEGARA\nDAN REFORMASI BIROKRASI\nREPUBLIK INDONESIA\nPERATURAN MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI\nREPUBLIK INDONESIA\nNOMOR 59 TAHUN 2020\nTENTANG\nPEMANTAUAN DAN EVALUASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK', 'Permenpanrb 59/2020', 'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi'],
  ])('%#: %s', (head, shortName, jenis) => {
    const doc = asText(`${head}\n${body('GUBERNUR')}`);
    expect(doc.regulation).toMatchObject({ shortName, jenis, articleCount: 2 });
    expect(doc.sections.find((s) => s.citation === `${shortName} Pasal 1`)?.text).toBe('Ketentuan ini berlaku bagi perangkat daerah.');
  });

  it('download copies: site heads and "Diunduh dari …" lines are furniture', () => {
    const doc = asText('www.hukumonline.com\nPERATURAN GUBERNUR KALIMANTAN TIMUR\nNOMOR 6 TAHUN 2021\nTENTANG\nSATU DATA\nMEMUTUSKAN:\nPasal 1\nData dikelola oleh Dinas.\nwww.jdih.kaltimprov.go.id\nDiunduh dari jdih.kaltimprov.go.id pada 2 Januari 2024\nPasal 2\nBerlaku sejak diundangkan.www.hukumonline.com');
    expect(doc.regulation?.shortName).toBe('Pergub Kaltim 6/2021');
    expect(doc.sections.find((s) => s.citation === 'Pergub Kaltim 6/2021 Pasal 1')?.text).toBe('Data dikelola oleh Dinas.');
    expect(doc.sections.find((s) => s.citation === 'Pergub Kaltim 6/2021 Pasal 2')?.text).toBe('Berlaku sejak diundangkan.');
  });

  it('a regional decision keeps its classification number whole (its "100" is shared by a whole class)', () => {
    const doc = asText('KEPUTUSAN GUBERNUR KALIMANTAN TIMUR\nNOMOR 100.3.3.1/K.512/2023\nTENTANG\nTIM KOORDINASI SPBE\nGUBERNUR KALIMANTAN TIMUR,\nMEMUTUSKAN:\nMenetapkan :\nKESATU : Membentuk Tim Koordinasi SPBE.\nKEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan.\nDitetapkan di Samarinda');
    expect(doc.regulation).toMatchObject({ shortName: 'Kepgub Kaltim 100.3.3.1/K.512/2023', tahun: '2023', key: 'kepgubkaltim-100.3.3.1/k.512-2023' });
    expect(doc.title).toBe('Keputusan Gubernur Kalimantan Timur Nomor 100.3.3.1/K.512/2023 tentang Tim Koordinasi SPBE');
    expect(doc.sections.map((s) => s.citation)).toEqual(expect.arrayContaining(['Kepgub Kaltim 100.3.3.1/K.512/2023 Diktum KESATU', 'Kepgub Kaltim 100.3.3.1/K.512/2023 Diktum KEDUA']));
  });

  it('a circular takes its issuer from the letterhead, its subject stops at the body, and it is cut at its numbered parts', () => {
    const doc = asText(
      'MENTERI PENDAYAGUNAAN APARATUR NEGARA\nDAN REFORMASI BIROKRASI\nREPUBLIK INDONESIA\nYth. 1. Para Menteri Kabinet Indonesia Maju;\n2. Para Kepala Daerah.\nSURAT EDARAN\nNOMOR 18 TAHUN 2022\nTENTANG\nPELAKSANAAN TUGAS KEDINASAN PEGAWAI APARATUR SIPIL NEGARA\n1. Latar Belakang\nDalam rangka penyesuaian sistem kerja pegawai ASN perlu pedoman.\n2. Maksud dan Tujuan\nSurat Edaran ini dimaksudkan sebagai pedoman bagi Pejabat Pembina Kepegawaian.\n3. Ruang Lingkup\nRuang lingkup Surat Edaran ini meliputi tugas kedinasan di kantor dan di rumah.',
    );
    expect(doc.title).toBe('Surat Edaran Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 18 Tahun 2022 tentang Pelaksanaan Tugas Kedinasan Pegawai Aparatur Sipil Negara');
    expect(doc.regulation?.shortName).toBe('SE Menpanrb 18/2022');
    const part = doc.sections.find((s) => s.headingPath[0] === '2. Maksud dan Tujuan');
    expect(part).toMatchObject({ citation: 'SE Menpanrb 18/2022 angka 2', text: 'Surat Edaran ini dimaksudkan sebagai pedoman bagi Pejabat Pembina Kepegawaian.' });
  });

  it('a regulation converted to markdown: identity from bodiless headings, "BAB I - KETENTUAN UMUM", bold ayat', () => {
    const doc = asMarkdown(
      '# Perpres No. 95 Tahun 2018 - SPBE\n\n## PERATURAN PRESIDEN REPUBLIK INDONESIA\n## NOMOR 95 TAHUN 2018\n## TENTANG SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK\n\n### DENGAN RAHMAT TUHAN YANG MAHA ESA\n\n## MENIMBANG:\na. bahwa penyelenggaraan pemerintahan perlu efektif;\n\n## BAB I - KETENTUAN UMUM\n\n### Pasal 1\nSPBE adalah penyelenggaraan pemerintahan yang memanfaatkan teknologi informasi.\n\n## BAB II - TUJUAN\n\n### Pasal 2\n**(1)** SPBE dimaksudkan untuk pemerintahan yang bersih.\n\n**(2)** SPBE bertujuan untuk:\na. proses bisnis yang terbuka;\nb. pelayanan publik yang terpercaya.\n',
    );
    expect(doc.title).toBe('Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik');
    const p2 = doc.sections.find((s) => s.citation === 'Perpres 95/2018 Pasal 2');
    expect(p2?.headingPath).toEqual(['BAB II Tujuan', 'Pasal 2']);
    expect(p2?.text).toBe('(1) SPBE dimaksudkan untuk pemerintahan yang bersih.\n(2) SPBE bertujuan untuk:\na. proses bisnis yang terbuka;\nb. pelayanan publik yang terpercaya.');
  });
});

describe('a regulation named on one line', () => {
  it('a converted copy whose first line is the whole name is read as kind, number and subject', () => {
    const doc = asText('Peraturan Pemerintah Republik Indonesia Nomor 71 Tahun 2019 tentang Penyelenggaraan Sistem dan Transaksi Elektronik\n\nDENGAN RAHMAT TUHAN YANG MAHA ESA\nMEMUTUSKAN:\nPasal 1\nSistem Elektronik adalah serangkaian perangkat.\nPasal 2\nBerlaku sejak diundangkan.');
    expect(doc.regulation).toMatchObject({ shortName: 'PP 71/2019', articleCount: 2 });
    expect(doc.regulation!.aliases).toContain('PP PSTE');
  });

  it.each([
    ['PERATURAN GUBERNUR KALIMANTAN TIMUR NOMOR 6 TAHUN 2021\nTENTANG\nSATU DATA', 'Pergub Kaltim 6/2021'],
    ['PERATURAN MENTERI DALAM NEGERI\nNOMOR 73 TAHUN 2022 TENTANG PENCATATAN NAMA PADA DOKUMEN KEPENDUDUKAN', 'Permendagri 73/2022'],
  ])('a scan that joins kind and number, or number and subject: %s', (head, shortName) => {
    expect(asText(`${head}\n${body('GUBERNUR')}`).regulation).toMatchObject({ shortName, articleCount: 2 });
  });

  it('an opening below a long cover or table of contents is found, with articles under it', () => {
    const cover = Array.from({ length: 120 }, (_, i) => `BAB ${i % 9 + 1} halaman ${i + 3}`).join('\n');
    const doc = asText(`DAFTAR ISI\n${cover}\nPERATURAN DAERAH PROVINSI KALIMANTAN TIMUR\nNOMOR 2 TAHUN 2019\nTENTANG\nKETERBUKAAN INFORMASI PUBLIK\n${body('GUBERNUR')}`);
    expect(doc.regulation).toMatchObject({ shortName: 'Perda Kaltim 2/2019', articleCount: 2 });
    // Found that far down without articles, a name is only a mention.
    expect(asText(`Catatan rapat\n${cover}\nPERATURAN DAERAH PROVINSI KALIMANTAN TIMUR\nNOMOR 2 TAHUN 2019\nTENTANG\nKETERBUKAAN INFORMASI PUBLIK\nRapat membahas keterbukaan informasi.`).regulation).toBeUndefined();
  });

  it('an ordinary document headed by a regulation\'s name, without articles, keeps its own sections', () => {
    const doc = asMarkdown('# Peraturan Presiden Nomor 95 Tahun 2018 tentang SPBE\n\n## Prinsip SPBE\nPerpres ini menetapkan prinsip efektivitas dan keterpaduan.\n\n## Tata kelola\nTata kelola SPBE dikoordinasikan oleh Tim Koordinasi SPBE Nasional.\n');
    expect(doc.regulation).toBeUndefined();
    expect(doc.sections.map((s) => s.headingPath.at(-1))).toEqual(['Prinsip SPBE', 'Tata kelola']);
  });
});

describe('an amending UU in the "Pasal I … angka …" form', () => {
  const doc = asText(`UNDANG-UNDANG REPUBLIK INDONESIA
NOMOR 19 TAHUN 2016
TENTANG
PERUBAHAN ATAS UNDANG-UNDANG NOMOR 11 TAHUN 2008
TENTANG INFORMASI DAN TRANSAKSI ELEKTRONIK
DENGAN RAHMAT TUHAN YANG MAHA ESA
PRESIDEN REPUBLIK INDONESIA,
Menimbang : a. bahwa perlu dilakukan perubahan;
Dengan Persetujuan Bersama
DEWAN PERWAKILAN RAKYAT REPUBLIK INDONESIA
dan
PRESIDEN REPUBLIK INDONESIA
MEMUTUSKAN:
Menetapkan : UNDANG-UNDANG TENTANG PERUBAHAN ATAS UNDANG-UNDANG NOMOR 11 TAHUN 2008 TENTANG INFORMASI DAN TRANSAKSI ELEKTRONIK.
Pasal I
Beberapa ketentuan dalam Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik diubah sebagai berikut:
1. Di antara angka 6 dan angka 7 Pasal 1 disisipkan 1 (satu) angka, yakni angka 6a sehingga Pasal 1 berbunyi sebagai berikut:
Pasal 1
Dalam Undang-Undang ini yang dimaksud dengan:
1. Informasi Elektronik adalah satu atau sekumpulan data elektronik.
6a. Penyelenggara Sistem Elektronik adalah setiap Orang yang menyediakan Sistem Elektronik.
2. Ketentuan Pasal 27 ayat (3) diubah sehingga berbunyi sebagai berikut:
Pasal 27
(1) Setiap Orang dengan sengaja dan tanpa hak mendistribusikan Informasi Elektronik yang melanggar kesusilaan.
(3) Setiap Orang dengan sengaja dan tanpa hak mendistribusikan Informasi Elektronik yang memiliki muatan penghinaan dan/atau pencemaran nama baik.
3. Di antara Pasal 40 dan Pasal 41 disisipkan 1 (satu) pasal, yakni Pasal 40A sehingga berbunyi sebagai berikut:
Pasal 40A
Pemerintah berwenang melakukan pemutusan akses.
Pasal II
Undang-Undang ini mulai berlaku pada tanggal diundangkan.
Disahkan di Jakarta
pada tanggal 25 November 2016
PENJELASAN
ATAS
UNDANG-UNDANG REPUBLIK INDONESIA
NOMOR 19 TAHUN 2016
I. UMUM
Kebebasan berpendapat merupakan hak.
II. PASAL DEMI PASAL
Pasal I
Angka 2
Pasal 27
Ayat (3)
Ketentuan pada ayat ini mengacu pada pencemaran nama baik dalam KUHP.
`);

  it('links the base, names it like the base ("UU ITE"), and counts no article of its own', () => {
    expect(doc.regulation).toMatchObject({ shortName: 'UU 19/2016', articleCount: 0, amends: { key: 'uu-11-2008' } });
    expect(doc.regulation!.aliases).toContain('UU ITE');
  });

  it('each item is the base article as amended, an inserted definition "6a." is its own unit', () => {
    const cites = doc.sections.map((s) => s.citation);
    expect(cites).toEqual(expect.arrayContaining(['UU 19/2016 Pasal I angka 2 (Pasal 27 UU 11/2008)', 'UU 19/2016 Pasal I angka 3 (Pasal 40A UU 11/2008)', 'UU 19/2016 Pasal I angka 1 (Pasal 1 UU 11/2008) angka 6a', 'UU 19/2016 Penjelasan Pasal 27']));
    expect(doc.sections.find((s) => s.citation?.endsWith('angka 6a'))?.headingPath.at(-1)).toBe('Definisi Penyelenggara Sistem Elektronik');
    // "Pasal I" in the Penjelasan is a marker, not a Penjelasan of Pasal 1.
    expect(cites).not.toContain('UU 19/2016 Penjelasan Pasal 1');
    expect(doc.sections.find((s) => s.citation === 'UU 19/2016 Penjelasan Pasal 27')?.text).toMatch(/^Ayat \(3\)\nKetentuan pada ayat ini/);
    expect(doc.sections.find((s) => s.citation === 'UU 19/2016 Pasal I angka 3 (Pasal 40A UU 11/2008)')?.regulation?.amendment?.action).toBe('disisipkan');
  });
});

describe('an instruction whose dictum labels are printed in a column of their own', () => {
  const doc = asText(`INSTRUKSI PRESIDEN REPUBLIK INDONESIA
NOMOR 9 TAHUN 2031
TENTANG
PERCEPATAN LAYANAN DIGITAL
PRESIDEN REPUBLIK INDONESIA,
Dalam rangka percepatan layanan digital, dengan ini menginstruksikan:
Kepada :
Menteri Dalam Negeri;
Menteri Komunikasi dan Informatika;
Para Gubernur.
Untuk
PERTAMA
KEDUA
: Mengambil langkah-langkah sesuai tugas masing-masing.
: Khusus kepada:
1. Menteri Dalam Negeri untuk:
a. menyusun pedoman bagi daerah;
b. melakukan pembinaan.
2. Menteri Komunikasi dan Informatika untuk menyediakan jaringan di daerah tertinggal, terluar, dan terdepan.
Para Gubernur untuk menetapkan regulasi daerah.
KETIGA
: Melaksanakan Instruksi Presiden ini dengan penuh tanggung jawab.
Instruksi Presiden ini mulai berlaku pada tanggal dikeluarkan.
Dikeluarkan di Jakarta
pada tanggal 6 Januari 2031
`);

  it('pairs each label with its ": …" text, and each addressee of a dictum is its own unit', () => {
    const by = (c: string) => doc.sections.find((s) => s.citation === c);
    expect(by('Inpres 9/2031 Diktum PERTAMA')?.text).toBe('Mengambil langkah-langkah sesuai tugas masing-masing.');
    expect(by('Inpres 9/2031 Diktum KEDUA angka 2')).toMatchObject({ headingPath: ['Diktum KEDUA', '2. Menteri Komunikasi dan Informatika'] });
    expect(by('Inpres 9/2031 Diktum KEDUA angka 2')?.text).toContain('daerah tertinggal, terluar, dan terdepan');
    // The third addressee lost its number (as OCR loses them): it is the next one.
    expect(by('Inpres 9/2031 Diktum KEDUA angka 3')?.headingPath).toEqual(['Diktum KEDUA', '3. Para Gubernur']);
    expect(by('Inpres 9/2031 Diktum KETIGA')?.text).toBe('Melaksanakan Instruksi Presiden ini dengan penuh tanggung jawab. Instruksi Presiden ini mulai berlaku pada tanggal dikeluarkan.');
    expect(by('Inpres 9/2031 bagian Penutup')?.text).toContain('Dikeluarkan di Jakarta');
  });
});
