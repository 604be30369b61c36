import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerService } from '../../../src/answering/answer-service.js';
import { LocalHashEmbeddings } from '../../../src/knowledge/embeddings.js';
import { loadGlossary } from '../../../src/knowledge/glossary.js';
import { KnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import { parseQuestion } from '../../../src/knowledge/question.js';
import { capitalAbbreviations, commonNounAbbreviations, glossedAbbreviations, RELEVANCE_THRESHOLD, spellsAbbreviation } from '../../../src/knowledge/retriever.js';
import { analyse, colloquialStems } from '../../../src/knowledge/text.js';
import { makeTmpDir, SAMPLE_DOCS, writeFiles } from '../../helpers/tmp.js';

/**
 * An official's words differ from the article's: abbreviations the regulation never uses ("PHK"
 * for "pemutusan hubungan kerja", "ATR/BPN"), abbreviations the question explains itself ("biaya
 * hak penyelenggaraan (BHP)"), chat verbs the glossary files under another word ("dicairin" →
 * "dicairkan" → pembayaran, "ngajuin" → "diajukan" → permohonan), and the subject an article
 * has only in its Bagian title. None of them may make an unrelated question answered.
 */
const REGULATION = `PERATURAN MENTERI CONTOH REPUBLIK INDONESIA
NOMOR 9 TAHUN 2031
TENTANG
TATA CARA PEMBAYARAN MANFAAT TABUNGAN PEGAWAI
Menimbang : bahwa perlu mengatur pembayaran manfaat tabungan pegawai;
MEMUTUSKAN:
Menetapkan : PERATURAN MENTERI TENTANG TATA CARA PEMBAYARAN MANFAAT TABUNGAN PEGAWAI.
BAB I
KETENTUAN UMUM
Pasal 1
Dalam Peraturan Menteri ini yang dimaksud dengan:
1. Tabungan Pegawai yang selanjutnya disingkat TPG adalah manfaat uang tunai bagi peserta.
2. Peserta adalah pegawai yang terdaftar.
BAB II
PEMBAYARAN MANFAAT
Bagian Kesatu
Peserta Berhenti Bekerja
Pasal 2
Manfaat TPG bagi Peserta yang terkena pemutusan hubungan kerja dibayarkan pada saat Peserta mencapai usia 56 (lima puluh enam) tahun.
Bagian Kedua
Peserta Mengalami Cacat Total Tetap
Pasal 3
Manfaat TPG dibayarkan sekaligus paling lambat 5 (lima) hari kerja setelah berkas lengkap diterima.
BAB III
KETENTUAN LAIN
Pasal 4
Penyelenggara wajib membayar biaya hak penyelenggaraan setiap tahun; penyelenggara yang terlambat dikenai sanksi administratif berupa teguran.
Pasal 5
Menteri Agraria dan Tata Ruang/Kepala Badan Pertanahan Nasional memastikan pemohon hak tanah terdaftar sebagai Peserta.
Pasal 6
Peserta mengajukan permohonan kepada kantor cabang dengan melampirkan kartu peserta.
Pasal 7
Setiap orang yang menghalangi pembayaran manfaat TPG dipidana dengan pidana penjara paling lama 1 (satu) tahun.
Pasal 8
Setiap orang dilarang memperjualbelikan kartu peserta.
Pasal 9
Setiap orang yang melanggar ketentuan sebagaimana dimaksud dalam Pasal 8 dipidana dengan pidana denda paling banyak Rp5.000.000,00 (lima juta rupiah).
Pasal 10
Peraturan Menteri ini mulai berlaku pada tanggal diundangkan.
`;

let kb: KnowledgeBase;
let answers: AnswerService;
const tmp = makeTmpDir('asisten-regvocab-');

beforeAll(async () => {
  const others = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`lain/topik-${i}.md`, `# Topik ${i}\n\nTopik ${i} membahas kegiatan pelatihan ke-${i} bagi pegawai daerah.\n`]));
  writeFiles(`${tmp.dir}/knowledge`, { ...SAMPLE_DOCS, ...others, 'glossary.yaml': fs.readFileSync(path.resolve('knowledge/glossary.yaml')), 'regulasi/permen-9-2031.txt': REGULATION });
  kb = await KnowledgeBase.open({ knowledgeDir: `${tmp.dir}/knowledge`, dataDir: `${tmp.dir}/data`, embeddings: new LocalHashEmbeddings() });
  answers = new AnswerService({ kb });
});
afterAll(() => tmp.cleanup());

describe('abbreviations an article spells out', () => {
  it('reads initials across glue words, three letters or more', () => {
    expect(spellsAbbreviation('phk', 'Peserta yang terkena pemutusan hubungan kerja dibayarkan')).toBe(true);
    expect(spellsAbbreviation('atr', 'Menteri Agraria dan Tata Ruang/Kepala Badan Pertanahan Nasional')).toBe(true);
    expect(spellsAbbreviation('bpn', 'Menteri Agraria dan Tata Ruang/Kepala Badan Pertanahan Nasional')).toBe(true);
    expect(spellsAbbreviation('phk', 'Peserta yang berhenti bekerja')).toBe(false);
    // Two letters match by chance in any passage.
    expect(spellsAbbreviation('tv', 'tata verifikasi')).toBe(false);
  });

  it('takes the capitals of the question and the glosses it gives itself', () => {
    const canon = (t: string) => [t];
    expect([...capitalAbbreviations('menteri ATR/BPN disuruh apa?', canon).keys()]).toEqual(['atr', 'bpn']);
    expect(glossedAbbreviations('wajib bayar biaya hak penyelenggaraan (BHP) gk?', canon).get('bhp')).toEqual(analyse('biaya hak penyelenggaraan'));
    expect(glossedAbbreviations('apa itu (BHP)?', canon).size).toBe(0);
  });

  it('a question with an abbreviation the article spells out is answered from it', async () => {
    const a = await answers.answer('TPG bisa dicairin kalo kena PHK gk?');
    expect(a.refused).toBe(false);
    expect(a.text).toContain('56 (lima puluh enam)');
    const r = await kb.retrieve('menteri ATR/BPN memastikan apa?');
    expect(r.passages[0].citation).toMatch(/Pasal 5$/);
    expect(r.passages[0].relevance).toBeGreaterThanOrEqual(RELEVANCE_THRESHOLD);
  });

  it('an abbreviation the question glosses counts where its words are', async () => {
    const r = await kb.retrieve('penyelenggara wajib bayar biaya hak penyelenggaraan (BHP) gk?');
    expect(r.passages[0].citation).toMatch(/Pasal 4$/);
    expect(r.passages[0].relevance).toBeGreaterThanOrEqual(RELEVANCE_THRESHOLD);
  });

  it('an abbreviation that no passage has, spelled out or not, still means the question is elsewhere', async () => {
    expect((await answers.answer('berapa tarif ZQW bagi peserta TPG?')).refused).toBe(true);
    // Spelled out by chance: it keeps part of the penalty, so it is less than a literal match.
    const spelled = await kb.retrieve('TPG peserta kena PHK dibayarkan kapan?');
    const literal = await kb.retrieve('TPG peserta kena pemutusan hubungan kerja dibayarkan kapan?');
    expect(spelled.passages[0].relevance).toBeLessThanOrEqual(literal.passages[0].relevance);
  });
});

describe('abbreviations of common nouns', () => {
  it('"TV", "SMS", "HP" are common nouns (the glossary spells them in lower case), "SPBE" a name', () => {
    const g = loadGlossary(path.resolve('knowledge/glossary.yaml'));
    const common = commonNounAbbreviations(g);
    for (const w of ['TV', 'SMS', 'HP']) expect(common.has(analyse(w, g.canonicalise)[0]), w).toBe(true);
    expect(common.has(analyse('SPBE', g.canonicalise)[0])).toBe(false);
  });

  it('a passage without "TV" is not about something else', async () => {
    const a = await answers.answer('pegawai TV yang terkena PHK, manfaat TPG dibayarkan kapan?');
    expect(a.refused).toBe(false);
    expect(a.text).toContain('56 (lima puluh enam)');
  });
});

describe('an article read under its Bagian', () => {
  it('the Bagian title counts as the article\u2019s subject', async () => {
    const r = await kb.retrieve('TPG peserta cacat total tetap dibayarkan kapan?');
    const p = r.passages.find((x) => x.citation?.endsWith('Pasal 3'));
    expect(p).toBeDefined();
    expect(p!.coverage).toBe(1);
    expect(r.passages[0].citation).toMatch(/Pasal 3$/);
  });
});

describe('a question about the penalty', () => {
  it('an article that imposes one has what is asked, whichever word the question uses', async () => {
    for (const q of ['What is the penalty for obstructing the payment of TPG benefits?', 'sanksinya apa kalau menghalangi pembayaran TPG?']) {
      const r = await kb.retrieve(q);
      expect(r.passages[0].citation).toMatch(/Pasal 7$/);
      expect(r.passages[0].coverage).toBeGreaterThan(0.9);
    }
    // Only an article that imposes a sanction has the word it is asked with.
    const r = await kb.retrieve('sanksinya apa kalau menghalangi pembayaran TPG?', 8);
    for (const p of r.passages.filter((x) => !/dipidana/.test(x.text))) expect(p.coverage).toBeLessThan(r.passages[0].coverage);
    expect((await answers.answer('What is the penalty for obstructing the payment of TPG benefits?')).text).toContain('1 (satu) tahun');
  });
});

describe('a sanction article read with the prohibition it cites', () => {
  it('"… sebagaimana dimaksud dalam Pasal 8" has the words of Pasal 8', async () => {
    const r = await kb.retrieve('What is the penalty for selling a TPG participant card?');
    const sanction = r.passages.find((p) => p.citation?.endsWith('Pasal 9'));
    expect(sanction).toBeDefined();
    expect(sanction!.relevance).toBeGreaterThanOrEqual(RELEVANCE_THRESHOLD);
    const id = await kb.retrieve('sanksinya apa kalau jual kartu peserta TPG?');
    expect(id.passages[0].citation).toMatch(/Pasal 9$/);
    expect(id.passages[0].relevance).toBeGreaterThanOrEqual(RELEVANCE_THRESHOLD);
    expect((await answers.answer('sanksinya apa kalau jual kartu peserta TPG?')).refused).toBe(false);
  });
});

describe('chat verbs the glossary files under another word', () => {
  it('"ngajuin" reaches "mengajukan permohonan"', async () => {
    const a = await answers.answer('peserta TPG ngajuin ke mana?');
    expect(a.refused).toBe(false);
    expect(a.text).toContain('kantor cabang');
  });

  it('proposes the canonical term of the formal form (knowledge/glossary.yaml)', () => {
    const g = loadGlossary(path.resolve('knowledge/glossary.yaml'));
    expect(colloquialStems(analyse('ngajuin', g.canonicalise)[0], g.canonicalise)).toContain(analyse('permohonan', g.canonicalise)[0]);
    expect(colloquialStems(analyse('dicairin', g.canonicalise)[0], g.canonicalise)).toContain(analyse('pembayaran', g.canonicalise)[0]);
  });
});

describe('English modals', () => {
  it('English "may" is the month only beside a date', () => {
    const g = loadGlossary(path.resolve('knowledge/glossary.yaml'));
    expect(parseQuestion('Who may operate a special network?', g.canonicalise).searchText).not.toMatch(/\bmei\b|\bmay\b/i);
    expect(parseQuestion('Which holidays are in May 2022?', g.canonicalise).searchText).toMatch(/\bmei\b/i);
    expect(parseQuestion('What happens on 1 May?', g.canonicalise).searchText).toMatch(/\bmei\b/i);
  });
});
