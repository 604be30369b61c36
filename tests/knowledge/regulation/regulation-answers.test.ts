import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerService } from '../../../src/answering/answer-service.js';
import { LocalHashEmbeddings } from '../../../src/knowledge/embeddings.js';
import { KnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import { makeTmpDir, SAMPLE_DOCS, writeFiles } from '../../helpers/tmp.js';

/**
 * Regulations end to end through the answering service: a base regulation (plain text, with a
 * sidecar declaring its source and a short name), an amendment of it, and the usual markdown
 * documents. Questions that name an article get the article (as amended), honest answers for
 * articles that do not exist, amendment lists, and per-passage sources.
 */
const BASE = `PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA
REPUBLIK INDONESIA
NOMOR 7 TAHUN 2030
TENTANG
TATA KELOLA LAYANAN CONTOH
DENGAN RAHMAT TUHAN YANG MAHA ESA
MENTERI KOMUNIKASI DAN INFORMATIKA REPUBLIK INDONESIA,
Menimbang : bahwa perlu mengatur tata kelola layanan contoh;
Mengingat : Undang-Undang Nomor 1 Tahun 2029;
MEMUTUSKAN:
Menetapkan : PERATURAN MENTERI TENTANG TATA KELOLA LAYANAN CONTOH.
BAB I
KETENTUAN UMUM
Pasal 1
Dalam Peraturan Menteri ini yang dimaksud dengan:
1. Layanan Contoh adalah layanan digital milik instansi pemerintah.
2. Pengelola adalah unit kerja yang mengelola Layanan Contoh.
BAB II
PENGELOLAAN
Pasal 2
(1) Pengelola wajib mendaftarkan Layanan Contoh kepada Menteri.
(2) Pendaftaran sebagaimana dimaksud pada ayat (1) dilakukan paling lambat 30 (tiga puluh) hari kerja.
a. sejak layanan dibuka; atau
b. sejak layanan diubah.
Pasal 3
Pengelola wajib menyimpan log layanan paling singkat 3 (tiga) bulan.
Pasal 4
Peraturan Menteri ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Jakarta
pada tanggal 1 Januari 2030
`;

const AMENDMENT = `PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA
NOMOR 8 TAHUN 2031
TENTANG
PERUBAHAN ATAS PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA NOMOR 7 TAHUN 2030 TENTANG TATA KELOLA LAYANAN CONTOH
DENGAN RAHMAT TUHAN YANG MAHA ESA
Menimbang : bahwa ketentuan penyimpanan log perlu disesuaikan;
MEMUTUSKAN:
Pasal I
Beberapa ketentuan dalam Peraturan Menteri Komunikasi dan Informatika Nomor 7 Tahun 2030 diubah sebagai berikut:
1. Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut:
Pasal 3
Pengelola wajib menyimpan log layanan paling singkat 6 (enam) bulan.
2. Di antara Pasal 3 dan Pasal 4 disisipkan 1 (satu) pasal, yakni Pasal 3A sehingga berbunyi sebagai berikut:
Pasal 3A
Log layanan wajib dienkripsi oleh Pengelola.
Pasal II
Peraturan Menteri ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Jakarta
pada tanggal 2 Februari 2031
`;

let kb: KnowledgeBase;
let answers: AnswerService;
const tmp = makeTmpDir('asisten-reg-');

beforeAll(async () => {
  writeFiles(`${tmp.dir}/knowledge`, {
    ...SAMPLE_DOCS,
    'regulasi/permen-7-2030.txt': BASE,
    'regulasi/permen-7-2030.txt.meta.yaml': 'sources: [https://jdih.contoh.go.id/permen-7-2030]\naliases: [Permen Layanan Contoh]\n',
    'regulasi/perubahan.txt': AMENDMENT,
    'sumber-per-bagian.md': `---\ntitle: "Dokumen Dua Sumber"\nsources: [https://contoh.go.id/umum]\n---\n\n# Dokumen Dua Sumber\n\n## Jadwal Bimtek Arsitektur\n<!-- sources: https://contoh.go.id/jadwal-bimtek -->\nBimbingan teknis arsitektur SPBE diadakan setiap bulan Maret di Samarinda.\n\n## Alamat Kantor\nKantor berada di Jalan Gajah Mada.\n`,
  });
  kb = await KnowledgeBase.open({ knowledgeDir: `${tmp.dir}/knowledge`, dataDir: `${tmp.dir}/data`, embeddings: new LocalHashEmbeddings() });
  answers = new AnswerService({ kb });
});
afterAll(() => tmp.cleanup());

describe('regulations in the knowledge base', () => {
  it('titles passages with the regulation name and heads them with the path down to the Pasal', async () => {
    const r = await kb.retrieve('Apa isi Pasal 2 Permenkominfo Nomor 7 Tahun 2030?');
    expect(r.passages[0]).toMatchObject({
      title: 'Peraturan Menteri Komunikasi dan Informatika Nomor 7 Tahun 2030 tentang Tata Kelola Layanan Contoh',
      heading: 'BAB II Pengelolaan › Pasal 2',
      citation: 'Permenkominfo 7/2030 Pasal 2',
      url: 'https://jdih.contoh.go.id/permen-7-2030',
      pinned: true,
    });
  });

  it('answers with the article words, ayat and huruf on their own lines', async () => {
    const a = await answers.answer('pasal 2 permen layanan contoh bunyinya apa');
    expect(a.refused).toBe(false);
    expect(a.text).toContain('Permenkominfo 7/2030 Pasal 2');
    expect(a.text).toMatch(/\n\(1\) Pengelola wajib mendaftarkan/);
    expect(a.text).toMatch(/\n\(2\) Pendaftaran/);
    expect(a.text).toMatch(/\na\. sejak layanan dibuka; atau\nb\. sejak layanan diubah\./);
    expect(a.citations[0]).toMatchObject({ citation: 'Permenkominfo 7/2030 Pasal 2', url: 'https://jdih.contoh.go.id/permen-7-2030' });
  });

  it('an ordinary question answered from one article quotes that article in full, under its citation', async () => {
    const a = await answers.answer('Berapa hari kerja batas waktu pendaftaran Layanan Contoh kepada Menteri?');
    expect(a.refused).toBe(false);
    expect(a.text.startsWith('Permenkominfo 7/2030 Pasal 2 (Peraturan Menteri Komunikasi dan Informatika Nomor 7 Tahun 2030')).toBe(true);
    expect(a.text).toMatch(/\n\(2\) Pendaftaran .* 30 \(tiga puluh\) hari kerja\.\na\. sejak layanan dibuka; atau\nb\. sejak layanan diubah\. \[1\]$/);
  });

  it('answers with the article as amended and names the amending regulation', async () => {
    const a = await answers.answer('Apa isi Pasal 3 Permenkominfo 7/2030?');
    expect(a.text).toContain('6 (enam) bulan');
    expect(a.text).toMatch(/sebagaimana diubah oleh Peraturan Menteri Komunikasi dan Informatika Nomor 8 Tahun 2031/);
    expect(a.passages.map((p) => p.text).join('\n')).toContain('3 (tiga) bulan'); // the original follows
    const inserted = await answers.answer('pasal 3A permenkominfo no 7 thn 2030');
    expect(inserted.text).toContain('dienkripsi');
    expect(inserted.text).toMatch(/disisipkan oleh .*Nomor 8 Tahun 2031/);
  });

  it('an ordinary question about an amended article gets the amended text first', async () => {
    const r = await kb.retrieve('Berapa lama Pengelola wajib menyimpan log layanan?');
    const amended = r.passages.findIndex((p) => p.text.includes('6 (enam) bulan'));
    const original = r.passages.findIndex((p) => p.text.includes('3 (tiga) bulan'));
    expect(amended).toBeGreaterThanOrEqual(0);
    expect(original === -1 || amended < original).toBe(true);
    expect(r.passages[amended].citation).toBe('Permenkominfo 8/2031 Pasal I angka 1 (Pasal 3 Permenkominfo 7/2030)');
  });

  it('gives an honest answer for an article the regulation does not have', async () => {
    const a = await answers.answer('Apa isi Pasal 26 Permenkominfo 7/2030?');
    expect(a.refused).toBe(true);
    expect(a.text).toContain('Pasal 26 tidak ada dalam Peraturan Menteri Komunikasi dan Informatika Nomor 7 Tahun 2030');
    expect(a.text).toContain('Pasal 1 sampai dengan Pasal 4');
  });

  it('lists the amendments of a regulation, each with its own source', async () => {
    const a = await answers.answer('Permenkominfo 7/2030 sudah diubah berapa kali?');
    expect(a.text).toMatch(/telah diubah 1 kali:\n1\. Peraturan Menteri Komunikasi dan Informatika Nomor 8 Tahun 2031/);
    expect(a.citations[0].file).toBe('regulasi/perubahan.txt');
  });

  it('keeps definitions of Pasal 1 as their own passages', async () => {
    const r = await kb.retrieve('Apa yang dimaksud dengan Pengelola dalam Permenkominfo 7/2030?');
    const p = r.passages.find((x) => x.heading.endsWith('Definisi Pengelola'));
    expect(p?.text).toContain('2. Pengelola adalah unit kerja');
    expect(p?.citation).toBe('Permenkominfo 7/2030 Pasal 1 angka 2');
  });

  it('links each markdown section to its own source', async () => {
    const r = await kb.retrieve('Kapan bimbingan teknis arsitektur SPBE diadakan?');
    expect(r.passages[0]).toMatchObject({ heading: 'Jadwal Bimtek Arsitektur', url: 'https://contoh.go.id/jadwal-bimtek' });
    const other = await kb.retrieve('Di mana alamat kantor?');
    expect(other.passages[0]).toMatchObject({ heading: 'Alamat Kantor', url: 'https://contoh.go.id/umum' });
  });
});

describe('a base regulation known only from its amendment', () => {
  let onlyAmendment: AnswerService;
  const tmp2 = makeTmpDir('asisten-reg-amend-');
  beforeAll(async () => {
    writeFiles(`${tmp2.dir}/knowledge`, { ...SAMPLE_DOCS, 'regulasi/perubahan.txt': AMENDMENT });
    const kb2 = await KnowledgeBase.open({ knowledgeDir: `${tmp2.dir}/knowledge`, dataDir: `${tmp2.dir}/data`, embeddings: new LocalHashEmbeddings() });
    onlyAmendment = new AnswerService({ kb: kb2 });
  });
  afterAll(() => tmp2.cleanup());

  it('an article the amendment changed is quoted as amended', async () => {
    const a = await onlyAmendment.answer('Apa isi Pasal 3 Permenkominfo 7/2030?');
    expect(a.refused).toBe(false);
    expect(a.text).toContain('6 (enam) bulan');
  });

  it('an article it did not change gets an honest answer naming what is loaded, not a neighbouring amended article', async () => {
    const a = await onlyAmendment.answer('Apa isi Pasal 2 Permenkominfo 7/2030?');
    expect(a.refused).toBe(true);
    expect(a.text).toContain('Teks Peraturan Menteri Komunikasi dan Informatika Nomor 7 Tahun 2030 tentang Tata Kelola Layanan Contoh (Permenkominfo 7/2030) sendiri belum dimuat');
    expect(a.text).toContain('hanya memuat 2 pasal yang diubah oleh Peraturan Menteri Komunikasi dan Informatika Nomor 8 Tahun 2031');
    expect(a.text).toContain('(Pasal 3, Pasal 3A), dan Pasal 2 tidak termasuk');
    expect(a.text).not.toContain('6 (enam) bulan');
    expect(a.text).not.toContain('dienkripsi');
    const en = await onlyAmendment.answer('What does Article 2 of Permenkominfo 7/2030 say?');
    expect(en.text).toMatch(/itself is not in the knowledge base.*only holds the 2 articles changed by/);
  });
});

describe('a question about a penalty', () => {
  const LAW = `UNDANG-UNDANG REPUBLIK INDONESIA
NOMOR 9 TAHUN 2031
TENTANG
PENGAMANAN LAYANAN CONTOH
DENGAN RAHMAT TUHAN YANG MAHA ESA
PRESIDEN REPUBLIK INDONESIA,
Menimbang : bahwa layanan contoh perlu diamankan;
MEMUTUSKAN:
Menetapkan : UNDANG-UNDANG TENTANG PENGAMANAN LAYANAN CONTOH.
BAB I
KETENTUAN UMUM
Pasal 1
Dalam Undang-Undang ini yang dimaksud dengan:
1. Layanan Contoh adalah layanan digital milik instansi pemerintah.
2. Log adalah catatan kegiatan Layanan Contoh.
BAB II
LARANGAN
Pasal 2
(1) Setiap orang dilarang melakukan penyadapan atas Log Layanan Contoh dalam bentuk apa pun.
(2) Pengawasan atas larangan sebagaimana dimaksud pada ayat (1) dan pengenaan sanksinya dilakukan oleh Menteri.
BAB III
KETENTUAN PIDANA
Pasal 3
Setiap orang yang melanggar ketentuan sebagaimana dimaksud dalam Pasal 2 dipidana dengan pidana penjara paling lama 7 (tujuh) tahun.
Pasal 4
Undang-Undang ini mulai berlaku pada tanggal diundangkan.
Disahkan di Jakarta
pada tanggal 3 Maret 2031
`;
  let svc: AnswerService;
  const tmp3 = makeTmpDir('asisten-reg-sanction-');
  beforeAll(async () => {
    writeFiles(`${tmp3.dir}/knowledge`, { ...SAMPLE_DOCS, 'regulasi/uu-9-2031.txt': LAW });
    const kb3 = await KnowledgeBase.open({ knowledgeDir: `${tmp3.dir}/knowledge`, dataDir: `${tmp3.dir}/data`, embeddings: new LocalHashEmbeddings() });
    svc = new AnswerService({ kb: kb3 });
  });
  afterAll(() => tmp3.cleanup());

  it('leads with the sanction article, citing its Pasal, and adds the prohibition it cites', async () => {
    const a = await svc.answer('apa sanksinya kalau melakukan penyadapan log layanan contoh?');
    expect(a.refused).toBe(false);
    expect(a.text).toMatch(/^Sanksinya — UU 9\/2031 Pasal 3 \(Undang-Undang Nomor 9 Tahun 2031 tentang Pengamanan Layanan Contoh\):\nSetiap orang yang melanggar .* dipidana dengan pidana penjara paling lama 7 \(tujuh\) tahun\. \[1\]/);
    expect(a.text).toMatch(/Larangan yang dirujuk — UU 9\/2031 Pasal 2:\n\(1\) Setiap orang dilarang melakukan penyadapan/);
    expect(a.citations.map((c) => c.citation)).toEqual(['UU 9/2031 Pasal 3', 'UU 9/2031 Pasal 2']);
    const en = await svc.answer('What is the penalty for intercepting the log of layanan contoh?');
    expect(en.text).toMatch(/^The penalty — UU 9\/2031 Pasal 3/);
  });

  it('a question about the prohibition itself is answered from the prohibition', async () => {
    const a = await svc.answer('apakah boleh melakukan penyadapan log layanan contoh?');
    expect(a.text).not.toContain('Sanksinya');
    expect(a.text).toContain('dilarang melakukan penyadapan');
  });
});

describe('a definition question', () => {
  const LAW = `UNDANG-UNDANG REPUBLIK INDONESIA
NOMOR 4 TAHUN 2032
TENTANG
TELEKOMUNIKASI CONTOH
DENGAN RAHMAT TUHAN YANG MAHA ESA
PRESIDEN REPUBLIK INDONESIA,
Menimbang : bahwa telekomunikasi contoh perlu diatur;
MEMUTUSKAN:
Menetapkan : UNDANG-UNDANG TENTANG TELEKOMUNIKASI CONTOH.
BAB I
KETENTUAN UMUM
Pasal 1
Dalam Undang-Undang ini yang dimaksud dengan:
1. Telekomunikasi adalah setiap pemancaran, pengiriman, dan penerimaan hasil informasi melalui sistem kawat, optik, atau radio;
2. Alat telekomunikasi adalah setiap alat perlengkapan yang digunakan dalam bertelekomunikasi;
3. Jaringan telekomunikasi adalah rangkaian alat telekomunikasi dan kelengkapannya yang digunakan dalam telekomunikasi;
4. Jasa telekomunikasi adalah layanan telekomunikasi untuk memenuhi kebutuhan bertelekomunikasi dengan jaringan telekomunikasi.
Pasal 2
Telekomunikasi diselenggarakan berdasarkan asas manfaat.
Pasal 3
Undang-Undang ini mulai berlaku pada tanggal diundangkan.
Disahkan di Jakarta
pada tanggal 4 April 2032
`;
  let svc: AnswerService;
  let kb4: KnowledgeBase;
  const tmp4 = makeTmpDir('asisten-reg-definition-');
  beforeAll(async () => {
    writeFiles(`${tmp4.dir}/knowledge`, { ...SAMPLE_DOCS, 'regulasi/uu-4-2032.txt': LAW });
    kb4 = await KnowledgeBase.open({ knowledgeDir: `${tmp4.dir}/knowledge`, dataDir: `${tmp4.dir}/data`, embeddings: new LocalHashEmbeddings() });
    svc = new AnswerService({ kb: kb4 });
  });
  afterAll(() => tmp4.cleanup());

  it('leads with the definition of exactly the term asked, not of longer terms that repeat its word', async () => {
    for (const q of ['telekomunikasi itu definisinya apa', 'pengertian telekomunikasi', 'apa yang dimaksud dengan telekomunikasi?']) {
      const r = await kb4.retrieve(q);
      expect(r.passages[0].heading).toMatch(/Definisi Telekomunikasi$/);
    }
    for (const q of ['telekomunikasi itu definisinya apa', 'apa yang dimaksud dengan telekomunikasi?']) expect((await svc.answer(q)).text, q).toMatch(/^Telekomunikasi adalah setiap pemancaran/);
    // A longer term asked gets its own definition.
    expect((await kb4.retrieve('pengertian jasa telekomunikasi')).passages[0].heading).toMatch(/Definisi Jasa telekomunikasi$/);
  });

  it('a question that is not about a definition is not reordered', async () => {
    const r = await kb4.retrieve('telekomunikasi diselenggarakan berdasarkan asas apa?');
    expect(r.passages[0].citation).toBe('UU 4/2032 Pasal 2');
  });
});
