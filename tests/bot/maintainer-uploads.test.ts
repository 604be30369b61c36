import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadDocument } from '../../src/knowledge/maintenance/uploads.js';
import { BotHarness, BUDI, MAINTAINER } from '../helpers/bot-harness.js';
import { openTempKnowledgeBase } from '../helpers/kb.js';
import { CORRUPT_PDF, DOCX_QUESTION, hybridWorkDocx, PNG_IMAGE, regulationPdf, scannedPdf, TKDN_PDF, upload } from '../helpers/upload-fixtures.js';

let h: BotHarness;
let knowledgeDir: string;
let cleanupKb: () => void;

beforeAll(async () => {
  const opened = await openTempKnowledgeBase();
  knowledgeDir = opened.knowledgeDir;
  cleanupKb = opened.cleanup;
  h = await BotHarness.start({ kb: opened.kb, maintenance: { knowledgeDir } });
});
afterAll(async () => {
  await h.stop();
  cleanupKb();
});

const uploadDir = () => path.join(knowledgeDir, 'unggahan');
const uploadedFiles = () => (fs.existsSync(uploadDir()) ? fs.readdirSync(uploadDir()).sort() : []);

describe('uploads from the chat', () => {
  it('a real regulation PDF: report with title, articles and chunks, then answered without restart', async () => {
    const before = h.deps.kb.manifest.buildId;
    const report = await upload(h, MAINTAINER.id, TKDN_PDF, regulationPdf());
    expect(report.text).toContain('Dokumen ditambahkan');
    expect(report.text).toContain('unggahan/permenkominfo_2009_041.pdf');
    expect(report.text).toMatch(/Pasal: [1-9]\d*/);
    expect(report.text).toMatch(/Potongan terindeks: [1-9]\d*/);
    expect(report.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(['↩️ Batalkan unggahan']);
    expect(h.deps.kb.manifest.buildId).not.toBe(before);
    const answer = await h.say(BUDI.id, 'Apa yang dimaksud dengan TKDN pada penyelenggaraan telekomunikasi?', { timeoutMs: 10_000 });
    // Answered from the uploaded regulation, cited by its real name read from the text (not the PDF's metadata title).
    expect(answer.text).toMatch(/penyelenggara(an)? telekomunikasi/i);
    expect(answer.text).toMatch(/Sumber:\n\[1\] Peraturan Menteri Komunikasi dan Informatika Nomor 41\/PER\/M\.KOMINFO\/10\/2009 tentang/);
  });

  it('a DOCX with caption overrides: title, source and verification date are used', async () => {
    const report = await upload(h, MAINTAINER.id, 'pedoman hibrida.docx', await hybridWorkDocx(), 'judul: Pedoman Kerja Hibrida ASN\nsumber: https://bkd.kaltimprov.go.id/hibrida\ndiverifikasi: 2026-11-30');
    expect(report.text).toContain('Pedoman Kerja Hibrida ASN');
    expect(report.text).toContain('unggahan/pedoman-hibrida.docx');
    const answer = await h.say(BUDI.id, DOCX_QUESTION, { timeoutMs: 10_000 });
    expect(answer.text).toContain('dua hari');
    expect(answer.html).toContain('https://bkd.kaltimprov.go.id/hibrida');
    const list = await h.say(MAINTAINER.id, '/dokumen hibrida');
    expect(list.text).toContain('Pedoman Kerja Hibrida ASN');
    expect(list.text).toContain('diverifikasi 2026-11-30');
    expect(list.text).toContain('diunggah Dewi Lestari');
  });

  it('a corrupt PDF, an image and a 25 MB file: one clear message each, nothing changes', async () => {
    const files = uploadedFiles();
    const build = h.deps.kb.manifest.buildId;
    const corrupt = await upload(h, MAINTAINER.id, 'rusak.pdf', CORRUPT_PDF);
    expect(corrupt.text).toMatch(/rusak\.pdf tidak dapat dibaca: PDF rusak/);
    const image = await upload(h, MAINTAINER.id, 'foto-surat.jpg', PNG_IMAGE);
    expect(image.text).toContain('adalah gambar (PNG), bukan dokumen');
    const getFiles = () => h.emulator.calls.filter((c) => c.method === 'getFile').length;
    const getFilesBefore = getFiles();
    const big = await upload(h, MAINTAINER.id, 'besar.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(25 * 1024 * 1024, 0x20)]));
    expect(big.text).toContain('melebihi batas unduhan bot Telegram (20 MB)');
    // Telegram states the size in the message: the bot does not even ask for the file.
    expect(getFiles()).toBe(getFilesBefore);
    expect(h.botMessages(MAINTAINER.id).filter((m) => m.id >= big.id)).toHaveLength(1);
    expect(uploadedFiles()).toEqual(files);
    expect(h.deps.kb.manifest.buildId).toBe(build);
    expect(fs.readdirSync(path.join(knowledgeDir, '.unggahan-staging'))).toEqual([]);
  });

  it('a non-maintainer who sends a file gets the media notice and changes nothing', async () => {
    const files = uploadedFiles();
    const build = h.deps.kb.manifest.buildId;
    const getFilesBefore = h.emulator.calls.filter((c) => c.method === 'getFile').length;
    const since = h.emulator.seq;
    h.emulator.sendDocument({ chatId: BUDI.id, fromId: BUDI.id, fileName: 'peraturan.pdf', content: regulationPdf() });
    const reply = await h.waitForBotMessage(BUDI.id, () => true, { sinceSeq: since });
    expect(reply.text).toContain('hanya dapat membaca pesan teks');
    expect(h.emulator.calls.filter((c) => c.method === 'getFile').length).toBe(getFilesBefore);
    expect(uploadedFiles()).toEqual(files);
    expect(h.deps.kb.manifest.buildId).toBe(build);
    const dokumen = await h.say(BUDI.id, '/dokumen');
    expect(dokumen.text).toContain('hanya untuk pengelola konten');
  });

  it('the same file again asks whether to replace; "Batal" keeps the old one, "Ganti" replaces it', async () => {
    const ask = await upload(h, MAINTAINER.id, TKDN_PDF, regulationPdf());
    expect(ask.text).toContain('Dokumen yang sama sudah ada');
    const keep = BotHarness.button(ask, 'Batal');
    let since = h.emulator.seq;
    await h.press(MAINTAINER.id, ask, keep);
    expect((await h.waitForBotMessage(MAINTAINER.id, () => true, { sinceSeq: since })).text).toContain('dokumen lama tetap dipakai');

    // Same document under another file name: recognised by its identity (here the title), asked too.
    const renamed = await upload(h, MAINTAINER.id, 'tkdn-terbaru.pdf', regulationPdf());
    expect(renamed.text).toContain('Dokumen yang sama sudah ada');
    expect(renamed.text).toContain('unggahan/permenkominfo_2009_041.pdf');
    since = h.emulator.seq;
    await h.press(MAINTAINER.id, renamed, BotHarness.button(renamed, 'Batal'));
    await h.waitForBotMessage(MAINTAINER.id, (m) => m.text.includes('dokumen lama tetap dipakai'), { sinceSeq: since });

    const again = await upload(h, MAINTAINER.id, TKDN_PDF, regulationPdf(), 'judul: Permenkominfo 41/2009 tentang TKDN');
    since = h.emulator.seq;
    await h.press(MAINTAINER.id, again, BotHarness.button(again, 'Ganti'));
    const replaced = await h.waitForBotMessage(MAINTAINER.id, (m) => m.text.includes('Dokumen diganti'), { sinceSeq: since, timeoutMs: 30_000 });
    expect(replaced.text).toContain('Permenkominfo 41/2009 tentang TKDN');
    const audit = await h.maintenance.uploads.store.listKnowledgeAudit();
    expect(audit.map((a) => a.action)).toContain('replace');
    expect(uploadedFiles().filter((f) => f.startsWith('permenkominfo'))).toEqual(['permenkominfo_2009_041.pdf', 'permenkominfo_2009_041.pdf.meta.yaml']);
  });

  it('undo removes the upload and re-indexes', async () => {
    const report = await upload(h, MAINTAINER.id, 'catatan.md', Buffer.from('# Catatan Rapat Zonasi Kopi\n\nRapat zonasi kopi robusta diadakan setiap Kamis di Samarinda.\n'));
    expect(report.text).toContain('Catatan Rapat Zonasi Kopi');
    expect(uploadedFiles()).toContain('catatan.md');
    const since = h.emulator.seq;
    await h.press(MAINTAINER.id, report, BotHarness.button(report, 'Batalkan'));
    const undone = await h.waitForBotMessage(MAINTAINER.id, (m) => m.text.includes('dibatalkan'), { sinceSeq: since, timeoutMs: 20_000 });
    expect(undone.text).toContain('unggahan/catatan.md');
    expect(uploadedFiles()).not.toContain('catatan.md');
    expect(h.deps.kb.documents().map((d) => d.file)).not.toContain('unggahan/catatan.md');
  });

  it('a scanned PDF without text is named as such, and nothing changes', async () => {
    const files = uploadedFiles();
    const reply = await upload(h, MAINTAINER.id, 'sk-pindaian.pdf', await scannedPdf());
    expect(reply.text).toContain('PDF hasil pindaian tanpa teks');
    expect(reply.text).toContain('OCR');
    expect(uploadedFiles()).toEqual(files);
  });

  it('a bad caption date is refused and nothing changes', async () => {
    const files = uploadedFiles();
    const reply = await upload(h, MAINTAINER.id, 'x.txt', Buffer.from('Judul\nIsi dokumen yang cukup panjang untuk diindeks dengan baik.'), 'diverifikasi: 30-11-2026');
    expect(reply.text).toContain('Tanggal verifikasi pada keterangan tidak valid');
    expect(uploadedFiles()).toEqual(files);
  });
});

describe('/dokumen and /hapusdokumen', () => {
  it('lists every document with kind, chunks and origin, in pages', async () => {
    const list = await h.say(MAINTAINER.id, '/dokumen');
    expect(list.text).toContain('Dokumen basis pengetahuan');
    expect(list.text).toContain('Indeks SPBE Kalimantan Timur');
    expect(list.text).toMatch(/MD · \d+ potongan · diverifikasi 2026-11-01 · bawaan/);
    expect(list.text).toMatch(/PDF · \d+ potongan · diverifikasi — · diunggah Dewi Lestari/);
    // Enough documents for two pages (uploaded through the domain use case, as the chat does).
    for (let i = 1; i <= 6; i++) {
      const r = await uploadDocument(h.maintenance.uploads, { actor: { id: MAINTAINER.id, name: 'Dewi Lestari' }, fileName: `memo-${i}.md`, data: Buffer.from(`# Memo Dinas Nomor ${i}\n\nMemo dinas nomor ${i} tentang jadwal piket pegawai bagian umum.\n`) });
      expect(r.ok).toBe(true);
    }
    const first = await h.say(MAINTAINER.id, '/dokumen');
    expect(first.text).toMatch(/halaman 1\/2/);
    const since = h.emulator.seq;
    await h.press(MAINTAINER.id, first, BotHarness.button(first, 'Berikutnya'));
    const second = await h.waitForBotMessage(MAINTAINER.id, (m) => m.id === first.id && /halaman 2\/2/.test(m.text), { sinceSeq: since, edits: true });
    expect(second.text).toMatch(/^9\. /m);
    const memo = await h.say(MAINTAINER.id, '/dokumen memo dinas 3');
    expect(memo.text).toContain('Memo Dinas Nomor 3');
    expect(memo.text).not.toContain('Memo Dinas Nomor 4');
    const none = await h.say(MAINTAINER.id, '/dokumen rendang');
    expect(none.text).toContain('Tidak ada dokumen yang cocok dengan "rendang"');
  });

  it('shipped documents are protected; an uploaded one is removed after confirmation, audited, and it survives a restart', async () => {
    const protectedReply = await h.say(MAINTAINER.id, '/hapusdokumen gta.md');
    expect(protectedReply.text).toContain('dokumen bawaan dan dilindungi');
    expect(protectedReply.text).toContain('npm run reindex -- --remove gta.md --force');

    const choose = await h.say(MAINTAINER.id, '/hapusdokumen');
    const data = BotHarness.button(choose, 'Pedoman Kerja Hibrida');
    const confirm = await h.pressAndWait(MAINTAINER.id, choose, data);
    expect(confirm.text).toContain('Hapus Pedoman Kerja Hibrida ASN');
    const since = h.emulator.seq;
    await h.press(MAINTAINER.id, confirm, BotHarness.button(confirm, 'Ya, hapus'));
    const done = await h.waitForBotMessage(MAINTAINER.id, (m) => m.text.includes('dihapus'), { sinceSeq: since, timeoutMs: 20_000 });
    expect(done.text).toContain('Pedoman Kerja Hibrida ASN dihapus');
    expect(uploadedFiles()).not.toContain('pedoman-hibrida.docx');
    const gone = await h.say(BUDI.id, DOCX_QUESTION, { timeoutMs: 10_000 });
    expect(gone.text).not.toContain('dua hari');

    h = await h.restart();
    const after = await h.say(MAINTAINER.id, '/dokumen');
    expect(after.text).toContain('diunggah Dewi Lestari');
    expect(after.text).not.toContain('Pedoman Kerja Hibrida');
    const audit = await h.maintenance.uploads.store.listKnowledgeAudit();
    expect(audit[0]).toMatchObject({ action: 'remove', file: 'unggahan/pedoman-hibrida.docx', actorId: MAINTAINER.id });
  });
});

describe('concurrent changes', () => {
  it('two uploads at the same moment are both indexed (changes to the folder run one at a time)', async () => {
    const actor = { id: MAINTAINER.id, name: 'Dewi Lestari' };
    const doc = (n: string) => Buffer.from(`# Surat Edaran ${n}\n\nSurat edaran ${n} mengatur jam kerja pegawai selama bulan puasa.\n`);
    const [a, b] = await Promise.all([
      uploadDocument(h.maintenance.uploads, { actor, fileName: 'se-alpha.md', data: doc('Alpha') }),
      uploadDocument(h.maintenance.uploads, { actor, fileName: 'se-beta.md', data: doc('Beta') }),
    ]);
    expect(a.ok && a.chunks > 0).toBe(true);
    expect(b.ok && b.chunks > 0).toBe(true);
    expect(h.deps.kb.documents().map((d) => d.file)).toEqual(expect.arrayContaining(['unggahan/se-alpha.md', 'unggahan/se-beta.md']));
  });
});
