import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerService } from '../../../src/answering/answer-service.js';
import { LocalHashEmbeddings } from '../../../src/knowledge/embeddings.js';
import { KnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import { parseArticleReference, subjectAfterKind } from '../../../src/knowledge/regulation/references.js';
import { makeTmpDir, SAMPLE_DOCS, writeFiles } from '../../helpers/tmp.js';

/**
 * A question names a regulation: by number, by a short name, or by its kind and subject words.
 * One that is loaded resolves whatever the spelling; one that is not gets an honest "not loaded"
 * naming what was asked, never an answer from another regulation — unless an ordinary document
 * of the knowledge base is about it. Dictums and ayat are addressed like articles.
 */
const PENYIARAN = `PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA
NOMOR 41 TAHUN 2032
TENTANG
PENYELENGGARAAN PENYIARAN LEMBAGA PENYIARAN BERLANGGANAN MELALUI SATELIT, KABEL, DAN TERESTRIAL
DENGAN RAHMAT TUHAN YANG MAHA ESA
Mengingat : Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik;
MEMUTUSKAN:
Pasal 1
Lembaga Penyiaran Berlangganan menyalurkan program siaran kepada pelanggan.
Pasal 2
(1) Setiap Lembaga Penyiaran Berlangganan wajib memiliki Izin Penyelenggaraan Penyiaran.
(2) Izin sebagaimana dimaksud pada ayat (1) berlaku untuk satu jasa penyiaran.
(3) Lembaga Penyiaran Berlangganan wajib menyediakan paling sedikit 10% kapasitas saluran untuk program dalam negeri.
Pasal 3
Peraturan Menteri ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Jakarta
PENJELASAN
ATAS
PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA NOMOR 41 TAHUN 2032
I. UMUM
Penyiaran berlangganan perlu diatur.
II. PASAL DEMI PASAL
Pasal 1
Cukup jelas.
Pasal 2
Ayat (1)
Cukup jelas.
Ayat (2)
Cukup jelas.
Ayat (3)
Program dalam negeri adalah program siaran yang diproduksi di Indonesia.
Pasal 3
Cukup jelas.
`;

const INPRES = `INSTRUKSI PRESIDEN REPUBLIK INDONESIA
NOMOR 9 TAHUN 2032
TENTANG
OPTIMALISASI LAYANAN KESEHATAN DIGITAL NASIONAL
PRESIDEN REPUBLIK INDONESIA,
Dalam rangka optimalisasi layanan kesehatan digital, dengan ini menginstruksikan:
Kepada :
Menteri Dalam Negeri;
Menteri Komunikasi dan Informatika;
Para Gubernur.
Untuk
KESATU
KEDUA
: Mengambil langkah-langkah sesuai tugas masing-masing.
: Khusus kepada:
1. Menteri Dalam Negeri untuk menyusun pedoman pelayanan bagi pemerintah daerah.
2. Menteri Komunikasi dan Informatika untuk memfasilitasi jaringan telekomunikasi di daerah tertinggal, terluar, dan terdepan.
3. Para Gubernur untuk menganggarkan layanan di wilayahnya.
KETIGA
: Melaksanakan Instruksi Presiden ini dengan penuh tanggung jawab.
Dikeluarkan di Jakarta
`;

let kb: KnowledgeBase;
let answers: AnswerService;
const tmp = makeTmpDir('asisten-named-reg-');

beforeAll(async () => {
  writeFiles(`${tmp.dir}/knowledge`, {
    ...SAMPLE_DOCS,
    'regulasi/penyiaran.txt': PENYIARAN,
    'regulasi/inpres.txt': INPRES,
    // As in knowledge/glossary.yaml: a minister's short title stands for the full one.
    'glossary.yaml': 'acronyms:\n  - term: Menkominfo\n    expansion: Menteri Komunikasi dan Informatika\n',
    'perpres-spbe.md': '---\ntitle: "Ringkasan Perpres 95/2018"\n---\n\n# Ringkasan Perpres 95/2018\n\n## Isi\nPeraturan Presiden Nomor 95 Tahun 2018 mengatur Sistem Pemerintahan Berbasis Elektronik bagi instansi pusat dan daerah.\n',
  });
  kb = await KnowledgeBase.open({ knowledgeDir: `${tmp.dir}/knowledge`, dataDir: `${tmp.dir}/data`, embeddings: new LocalHashEmbeddings() });
  answers = new AnswerService({ kb });
});
afterAll(() => tmp.cleanup());

describe('questions naming regulations', () => {
  it('reads dictums, kinds and subject words from the question', () => {
    expect(parseArticleReference('diktum kedua inpres 1/2022')).toMatchObject({ pasal: 'KEDUA', jenis: 'inpres', nomor: '1', tahun: '2022' });
    expect(parseArticleReference('Diktum ke-3 Inpres Nomor 1 Tahun 2022')?.pasal).toBe('KETIGA');
    expect(parseArticleReference('diktum pertama kepgub kaltim 100.3.3.1/K.512/2023')).toMatchObject({ pasal: 'KESATU', nomor: '100.3.3.1/K.512', tahun: '2023' });
    expect(parseArticleReference('Perban BSSN 4/2021 pasal 2')).toMatchObject({ pasal: '2', jenis: 'Perban', nomor: '4' });
    // A kind word glued to other letters is not a kind ("sebanyak 5 tahun 2020" is no Surat Edaran).
    expect(parseArticleReference('sebanyak 5 tahun 2020 apa saja')?.jenis).toBeUndefined();
    expect(subjectAfterKind('permen penyiaran berlangganan pasal 2')?.words).toEqual(['penyiaran', 'berlangganan']);
    expect(subjectAfterKind('UU ITE pasal 27 ayat 3 isinya apa')?.words).toEqual(['ite']);
    // "tentang" ends a ministry's name: the subject follows it.
    expect(subjectAfterKind('Pasal 3 Peraturan Menteri tentang Pengelolaan Nama Domain')).toMatchObject({ family: 'permen', words: ['pengelolaan', 'nama', 'domain'] });
    expect(subjectAfterKind('Under the civil-servant discipline regulation, what is the sanction?')?.words).toEqual(['civil', 'servant', 'discipline']);
  });

  it('a loaded regulation named by its kind and subject words resolves ("permen penyiaran berlangganan")', async () => {
    const a = await answers.answer('permen penyiaran berlangganan pasal 2');
    expect(a.refused).toBe(false);
    expect(a.citations[0]?.citation).toBe('Permenkominfo 41/2032 Pasal 2');
  });

  it('names a regulation that is not loaded instead of answering from another one', async () => {
    for (const [q, name] of [
      ['PP 94/2021 pasal 5 isinya apa?', 'PP 94/2021'],
      // Cited in a loaded regulation's Mengingat: still not loaded.
      ['UU 11/2008 pasal 27 isinya apa?', 'UU 11/2008'],
      ['UU ITE pasal 27 ayat 3 isinya apa', 'UU ITE'],
    ]) {
      const a = await answers.answer(q);
      expect(a.coverage, q).toBe('none');
      expect(a.text).toContain(`Peraturan yang Anda tanyakan (${name}) belum dimuat dalam basis pengetahuan`);
      expect(a.citations).toEqual([]);
    }
    const en = await answers.answer('Under the civil-servant discipline regulation, what is the sanction for coming late?');
    expect(en.coverage).toBe('none');
    expect(en.text).toContain('(civil servant discipline regulation) is not in the knowledge base');
  });

  it('an ordinary document about a numbered regulation still answers for it', async () => {
    const a = await answers.answer('Perpres 95/2018 mengatur apa?');
    expect(a.refused).toBe(false);
    expect(a.text).toContain('Sistem Pemerintahan Berbasis Elektronik');
  });

  it('a dictum is looked up like an article; a first dictum is KESATU or PERTAMA', async () => {
    const a = await answers.answer('diktum kedua inpres 9/2032');
    expect(a.refused).toBe(false);
    expect(a.citations.map((c) => c.citation)).toEqual(expect.arrayContaining(['Inpres 9/2032 Diktum KEDUA angka 2']));
    const first = await answers.answer('Inpres 9/2032 diktum pertama');
    expect(first.text).toContain('Mengambil langkah-langkah sesuai tugas masing-masing.');
  });

  it('a content question about one addressee of an instruction gets that addressee first', async () => {
    const a = await answers.answer('di inpres optimalisasi layanan kesehatan digital menkominfo disuruh ngapain aja');
    expect(a.passages[0].citation).toBe('Inpres 9/2032 Diktum KEDUA angka 2');
    expect(a.text).toContain('daerah tertinggal, terluar, dan terdepan');
  });

  it('"pasal 2 ayat 3": that ayat first, cited with the ayat; the rest of the article after it', async () => {
    const a = await answers.answer('Permenkominfo 41/2032 pasal 2 ayat 3 bunyinya apa');
    expect(a.citations[0].citation).toBe('Permenkominfo 41/2032 Pasal 2 ayat (3)');
    expect(a.text).toMatch(/^Permenkominfo 41\/2032 Pasal 2 ayat \(3\) — .*:\n\(3\) Lembaga Penyiaran Berlangganan wajib menyediakan .*\n\(1\) Setiap/);
    // The Penjelasan of that ayat heads the Penjelasan.
    expect(a.text).toMatch(/Penjelasan \(Permenkominfo 41\/2032 Penjelasan Pasal 2\):\nAyat \(3\)\nProgram dalam negeri adalah program siaran yang diproduksi di Indonesia\./);
    const none = await answers.answer('Permenkominfo 41/2032 pasal 2 ayat 7');
    expect(none.text).toContain('Pasal 2 Permenkominfo 41/2032 tidak memuat ayat (7)');
  });
});

describe('a named regulation among many documents', () => {
  const many = makeTmpDir('asisten-named-many-');
  let big: KnowledgeBase;
  beforeAll(async () => {
    const files: Record<string, string> = { 'regulasi/penyiaran.txt': PENYIARAN };
    // Notes about subscription broadcasting that share the question's words far more often than the article does.
    for (let i = 0; i < 80; i++) files[`catatan-${i}.md`] = `# Catatan penyiaran berlangganan ${i}\n\n## Kapasitas saluran ${i}\nPenyiaran berlangganan: kapasitas saluran program dalam negeri dibahas lagi, kapasitas saluran penyiaran berlangganan, program dalam negeri nomor ${i}.\n`;
    writeFiles(`${many.dir}/knowledge`, files);
    big = await KnowledgeBase.open({ knowledgeDir: `${many.dir}/knowledge`, dataDir: `${many.dir}/data`, embeddings: new LocalHashEmbeddings() });
  });
  afterAll(() => many.cleanup());

  it('its article with the question\'s other words comes first, even when word overlap alone would not reach it', async () => {
    const r = await big.retrieve('di permen penyiaran berlangganan berapa kapasitas saluran untuk program dalam negeri?');
    expect(r.passages[0].citation).toBe('Permenkominfo 41/2032 Pasal 2');
  });
});
