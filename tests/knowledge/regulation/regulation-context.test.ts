import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerService } from '../../../src/answering/answer-service.js';
import { LocalHashEmbeddings } from '../../../src/knowledge/embeddings.js';
import { KnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import { RELEVANCE_THRESHOLD } from '../../../src/knowledge/retriever.js';
import { makeTmpDir, SAMPLE_DOCS, writeFiles } from '../../helpers/tmp.js';

/**
 * A regulation's part is read in its regulation's context: the abbreviation the regulation
 * defines (LCX) is not "missing" from an article that only implies it — also when the article
 * was inserted by an amending regulation, whose own text never defines it — and chat verb
 * forms ("dienkripsiin", "nyimpen") reach the article. An unrelated question stays declined.
 */
const BASE = `PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA
NOMOR 7 TAHUN 2030
TENTANG
TATA KELOLA LAYANAN CONTOH
Menimbang : bahwa perlu mengatur tata kelola layanan contoh;
MEMUTUSKAN:
Menetapkan : PERATURAN MENTERI TENTANG TATA KELOLA LAYANAN CONTOH.
Pasal 1
Dalam Peraturan Menteri ini yang dimaksud dengan:
1. Layanan Contoh Terpadu yang selanjutnya disingkat LCX adalah layanan digital milik instansi pemerintah.
2. Pengelola adalah unit kerja yang mengelola layanan.
Pasal 2
Pengelola wajib mendaftarkan layanan kepada Menteri.
Pasal 3
Pengelola wajib menyimpan log layanan paling singkat 3 (tiga) bulan.
Pasal 4
Setiap Pengelola dilarang memperjualbelikan log layanan kepada pihak lain.
Pasal 5
Pengelola yang melanggar ketentuan sebagaimana dimaksud dalam Pasal 4 dipidana dengan pidana denda paling banyak Rp1.000.000,00 (satu juta rupiah).
Pasal 6
Pengelola menyampaikan laporan tahunan kepada Menteri sebagaimana dimaksud dalam Pasal 4 dan Pasal 2.
Pasal 7
Peraturan Menteri ini mulai berlaku pada tanggal diundangkan.
`;

const AMENDMENT = `PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA
NOMOR 8 TAHUN 2031
TENTANG
PERUBAHAN ATAS PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA NOMOR 7 TAHUN 2030 TENTANG TATA KELOLA LAYANAN CONTOH
Menimbang : bahwa ketentuan penyimpanan log perlu disesuaikan;
MEMUTUSKAN:
Pasal I
Beberapa ketentuan dalam Peraturan Menteri Komunikasi dan Informatika Nomor 7 Tahun 2030 diubah sebagai berikut:
1. Di antara Pasal 3 dan Pasal 4 disisipkan 1 (satu) pasal, yakni Pasal 3A sehingga berbunyi sebagai berikut:
Pasal 3A
Cadangan log layanan wajib dienkripsi dan disimpan di pusat data nasional.
Pasal II
Peraturan Menteri ini mulai berlaku pada tanggal diundangkan.
`;

let kb: KnowledgeBase;
let answers: AnswerService;
const tmp = makeTmpDir('asisten-regctx-');

beforeAll(async () => {
  // Other documents, so that the abbreviation is as rare as in a real knowledge base.
  const others = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`lain/topik-${i}.md`, `# Topik ${i}\n\nTopik ${i} membahas kegiatan pelatihan ke-${i} bagi pegawai daerah.\n`]));
  writeFiles(`${tmp.dir}/knowledge`, { ...SAMPLE_DOCS, ...others, 'regulasi/permen-7-2030.txt': BASE, 'regulasi/perubahan.txt': AMENDMENT });
  kb = await KnowledgeBase.open({ knowledgeDir: `${tmp.dir}/knowledge`, dataDir: `${tmp.dir}/data`, embeddings: new LocalHashEmbeddings() });
  answers = new AnswerService({ kb });
});
afterAll(() => tmp.cleanup());

describe('a regulation passage in its regulation context', () => {
  it('an abbreviation the base defines counts for the article an amendment inserted', async () => {
    const r = await kb.retrieve('cadangan log LCX wajib dienkripsi dan disimpan di mana?');
    const inserted = r.passages.find((p) => p.text.includes('pusat data nasional'));
    expect(inserted).toBeDefined();
    // Every word of the question counts as present, LCX through the base regulation.
    expect(inserted!.coverage).toBe(1);
    expect(inserted!.relevance).toBeGreaterThanOrEqual(RELEVANCE_THRESHOLD);
    const a = await answers.answer('cadangan log LCX wajib dienkripsi dan disimpan di mana?');
    expect(a.refused).toBe(false);
    expect(a.text).toContain('pusat data nasional');
  });

  it('a chat verb form finds the article', async () => {
    const a = await answers.answer('cadangan log LCX wajib dienkripsiin trus disimpen di mana?');
    expect(a.refused).toBe(false);
    expect(a.text).toContain('pusat data nasional');
  });

  it('a question about the penalty gets the sanction article that cites the prohibition', async () => {
    const r = await kb.retrieve('kalau pengelola memperjualbelikan log layanan ancaman pidananya apa?');
    const sanction = r.passages.findIndex((p) => p.citation === 'Permenkominfo 7/2030 Pasal 5');
    const prohibition = r.passages.findIndex((p) => p.citation === 'Permenkominfo 7/2030 Pasal 4');
    expect(sanction).toBeGreaterThanOrEqual(0);
    expect(sanction).toBeLessThan(prohibition);
    // An article citing Pasal 4 without a sanction is not brought in.
    expect(r.passages.slice(0, 2).some((p) => p.citation === 'Permenkominfo 7/2030 Pasal 6')).toBe(false);
    const a = await answers.answer('kalau pengelola memperjualbelikan log layanan ancaman pidananya apa?');
    expect(a.text).toContain('Rp1.000.000,00');
    // Without a question about the penalty the ranking is the ordinary one.
    const plain = await kb.retrieve('pengelola memperjualbelikan log layanan boleh?');
    expect(plain.passages[0].citation).toBe('Permenkominfo 7/2030 Pasal 4');
  });

  it('a question about something the regulation does not hold stays declined', async () => {
    const a = await answers.answer('berapa tarif sewa LCX per bulan di Papua tahun 2035?');
    expect(a.refused).toBe(true);
  });
});
