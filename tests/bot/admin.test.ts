/**
 * The admins' side against the Bot API emulator: request cards, authorisation, decisions with reasons, the
 * needs_info loop, races between admins, the queue, exports, statistics, re-indexing, erasure and a blocked
 * applicant. Real bot, real SQLite, real outbox loop and sender.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyInput, startDraft } from '../../src/enrolment/wizard.js';
import { submitRequest } from '../../src/enrolment/use-cases.js';
import {
  ADMIN,
  ADMIN2,
  ALICE,
  ANSWERS,
  BotHarness,
  BUDI,
  CITRA,
  dataEndingWith,
  DEDI,
  EKA,
  FAJAR,
  GITA,
  GROUP_ID,
  HADI,
  MEMBER,
  submitRequestAs,
} from '../helpers/bot-harness.js';
import type { ChatMessageView } from '../../src/playground/emulator-types.js';

const button = BotHarness.button;

/** NIPs that pass the structural check, one per applicant (the duplicate rule is per NIP). */
const NIP = {
  budi: '19900115 201503 1 002',
  alice: '19880220 201001 2 001',
  citra: '19920305 201803 2 004',
  dedi: '19850310 201001 1 003',
};

function noticesIn(h: BotHarness, chatId: number, pattern: RegExp): ChatMessageView[] {
  return h.botMessages(chatId).filter((m) => pattern.test(m.text));
}

describe('admin cards and decisions (cards in ADMIN_CHAT_ID)', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await BotHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('posts the card in the admin group with the applicant fields and Setujui / Tolak / Minta info', async () => {
    const { id, card } = await submitRequestAs(h, BUDI, { nip: NIP.budi });
    expect(card.text).toContain(`Pengajuan #${id} · ⏳ Menunggu keputusan admin`);
    expect(card.text).toContain('Program: Government Transformation Academy (GTA) Uji (gta-test)');
    expect(card.text).toContain(`Nama lengkap: ${ANSWERS.fullName}`);
    expect(card.text).toContain('NIP: 199001152015031002');
    expect(card.text).toContain(`E-mail: ${ANSWERS.email}`);
    expect(card.text).toContain('Telepon: +6281234567890');
    expect(card.reply_markup?.inline_keyboard.flat()).toEqual([
      { text: '✅ Setujui', callback_data: `adm:a:${id}` },
      { text: '❌ Tolak', callback_data: `adm:r:${id}` },
      { text: '❓ Minta info', callback_data: `adm:i:${id}` },
    ]);
    await h.outboxSettled();
    const refs = await h.store.listAdminCards(id);
    expect(refs).toEqual([{ requestId: id, chatId: GROUP_ID, messageId: card.id }]);
  });

  it('refuses a non-admin pressing a card button, even inside the admin group, and changes nothing', async () => {
    const { id: requestId, card } = await submitRequestAs(h, FAJAR, { nip: '19890808 201201 1 009' });
    const request = (await h.store.getRequest(requestId))!;
    for (const verb of ['a', 'r', 'i']) {
      const answer = await h.press(MEMBER.id, card, `adm:${verb}:${request.id}`);
      expect(answer.showAlert).toBe(true);
      expect(answer.text).toContain('Anda tidak berwenang');
    }
    expect((await h.store.getRequest(request.id))?.status).toBe('pending');
    expect((await h.store.listAuditEntries({ requestId: request.id })).map((e) => e.action)).toEqual(['submitted']);
    expect(h.emulator.messages(GROUP_ID).find((m) => m.id === card.id)?.editCount).toBe(0);
    const refused = await h.say(MEMBER.id, '/antrian', { chatId: GROUP_ID, predicate: (m) => m.text.includes('hanya untuk admin') });
    expect(refused.text).toContain('hanya untuk admin');
  });

  it('approve: the card shows who and when, the English applicant is told once, in English', async () => {
    const { id, card } = await submitRequestAs(h, ALICE, { nip: NIP.alice, fullName: 'Alice Wijaya' });
    expect(h.botMessages(ALICE.id).some((m) => m.text.includes(`Request #${id} submitted`))).toBe(true);

    const since = h.emulator.seq;
    const answer = await h.press(ADMIN.id, card, `adm:a:${id}`);
    expect(answer.text).toContain(`Pengajuan #${id} disetujui`);
    const notice = await h.waitForBotMessage(ALICE.id, (m) => m.text.includes(`Request #${id} approved`), { sinceSeq: since });
    expect(notice.text).toContain('Programme: Government Transformation Academy (GTA) Uji');
    const updated = await h.waitForBotMessage(GROUP_ID, (m) => m.id === card.id && m.text.includes('Disetujui oleh'), { sinceSeq: since, edits: true });
    expect(updated.text).toMatch(/✅ Disetujui oleh Siti Rahma · \d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB/);
    expect(updated.reply_markup).toBeUndefined();

    await h.outboxSettled();
    expect(noticesIn(h, ALICE.id, /approved/)).toHaveLength(1);
    const outbox = await h.store.listOutbox({ requestId: id });
    expect(outbox.filter((m) => m.kind === 'decision_notice').map((m) => m.status)).toEqual(['sent']);

    // Pressing again on the (re-rendered) card is impossible; /setujui again is refused with who decided.
    const again = await h.say(ADMIN2.id, `/setujui ${id}`);
    expect(again.text).toContain(`sudah diputuskan oleh Siti Rahma`);
  });

  it('reject asks the admin for the reason (ForceReply); the reply decides; /batal aborts a prompt', async () => {
    const { id: requestId, card } = await submitRequestAs(h, GITA, { nip: '19900909 201301 2 010' });
    const request = (await h.store.getRequest(requestId))!;

    // Abort first.
    let since = h.emulator.seq;
    await h.press(ADMIN.id, card, `adm:r:${request.id}`);
    let prompt = await h.waitForBotMessage(GROUP_ID, (m) => m.text.includes('alasan penolakan'), { sinceSeq: since });
    expect(prompt.text).toContain(`pengajuan #${request.id}`);
    const forceReply = h.emulator.calls.filter((c) => c.method === 'sendMessage' && c.ok).at(-1)!;
    expect(JSON.stringify(forceReply.params.reply_markup)).toContain('"force_reply":true');
    const aborted = await h.say(ADMIN.id, '/batal', { chatId: GROUP_ID, predicate: (m) => m.text.includes('tidak diubah') });
    expect(aborted.text).toContain(`pengajuan #${request.id} tidak diubah`);
    expect((await h.store.getRequest(request.id))?.status).toBe('pending');

    since = h.emulator.seq;
    await h.press(ADMIN.id, card, `adm:r:${request.id}`);
    prompt = await h.waitForBotMessage(GROUP_ID, (m) => m.text.includes('alasan penolakan'), { sinceSeq: since });
    const done = await h.say(ADMIN.id, 'Kuota <b>angkatan</b> ini & berikutnya penuh', { chatId: GROUP_ID, replyTo: prompt.id, predicate: (m) => m.text.includes('ditolak') });
    expect(done.text).toContain(`Pengajuan #${request.id} ditolak`);

    const decided = await h.store.getRequest(request.id);
    expect(decided).toMatchObject({ status: 'rejected', decidedBy: ADMIN.id, decidedByName: 'Siti Rahma', reason: 'Kuota <b>angkatan</b> ini & berikutnya penuh' });
    const notice = await h.waitForBotMessage(GITA.id, (m) => m.text.includes(`Pengajuan #${request.id} ditolak`), { sinceSeq: since });
    expect(notice.text).toContain('Alasan: Kuota <b>angkatan</b> ini & berikutnya penuh');
    const updated = await h.waitForBotMessage(GROUP_ID, (m) => m.id === card.id && m.text.includes('Ditolak oleh'), { sinceSeq: since, edits: true });
    expect(updated.text).toContain('Alasan: Kuota <b>angkatan</b> ini & berikutnya penuh');
    expect(updated.reply_markup).toBeUndefined();
  });

  it('stores the reason prompt before sending it, and a reply to a used prompt is never taken as a question', async () => {
    const { id, card } = await submitRequestAs(h, DEDI, { nip: '19920202 201701 1 006', programme: 'gta-test' });
    await h.outboxSettled();
    // The prompt never reaches the admin's screen through us (as if the process died right after sending it).
    h.emulator.failNext('sendMessage', { error_code: 400, description: 'Bad Request: simulated loss of the prompt' });
    await h.press(ADMIN.id, card, `adm:r:${id}`);
    await new Promise((r) => setTimeout(r, 300));
    // The admin answers anyway, replying in the group: it is the reason, not a question.
    const done = await h.say(ADMIN.id, 'Berkas tidak lengkap', { chatId: GROUP_ID, replyTo: card.id, predicate: (m) => m.text.includes('ditolak') });
    expect(done.text).toContain(`Pengajuan #${id} ditolak`);
    expect(await h.store.getRequest(id)).toMatchObject({ status: 'rejected', reason: 'Berkas tidak lengkap' });

    // A reply to an old prompt (aborted with /batal earlier) is told the prompt is gone, not answered as a question.
    const oldPrompt = h.botMessages(GROUP_ID).find((m) => m.text.includes('alasan penolakan'))!;
    const reply = await h.say(ADMIN.id, 'Apa itu SPBE?', { chatId: GROUP_ID, replyTo: oldPrompt.id });
    expect(reply.text).toContain('sudah tidak berlaku');
  });

  it('needs_info: the question reaches the applicant, their reply goes back to the admins, the request is pending again', async () => {
    const { id, card } = await submitRequestAs(h, CITRA, { nip: NIP.citra, fullName: 'Citra Lestari' });
    let since = h.emulator.seq;
    await h.press(ADMIN2.id, card, `adm:i:${id}`);
    const prompt = await h.waitForBotMessage(GROUP_ID, (m) => m.text.includes('pertanyaan untuk pemohon'), { sinceSeq: since });
    await h.say(ADMIN2.id, 'Mohon kirim nomor SK jabatan Anda.', { chatId: GROUP_ID, replyTo: prompt.id });
    const notice = await h.waitForBotMessage(CITRA.id, (m) => m.text.includes('meminta informasi tambahan'), { sinceSeq: since });
    expect(notice.text).toContain('Mohon kirim nomor SK jabatan Anda.');
    expect(notice.text).toContain('Balas dengan mengetik jawaban Anda');
    const waiting = await h.waitForBotMessage(GROUP_ID, (m) => m.id === card.id && m.text.includes('menunggu jawaban pemohon'), { sinceSeq: since, edits: true });
    // While waiting, the admins can still approve or reject (but not ask again).
    expect(waiting.reply_markup!.inline_keyboard.flat().map((b) => b.text)).toEqual(['✅ Setujui', '❌ Tolak']);

    // The applicant answers.
    since = h.emulator.seq;
    const ack = await h.say(CITRA.id, 'Nomor SK: 800/123/BKD/2024');
    expect(ack.text).toContain(`Jawaban Anda untuk pengajuan #${id} sudah diteruskan`);
    const forwarded = await h.waitForBotMessage(GROUP_ID, (m) => m.text.includes(`Jawaban pemohon untuk pengajuan #${id}`), { sinceSeq: since });
    expect(forwarded.text).toContain('Pertanyaan admin: Mohon kirim nomor SK jabatan Anda.');
    expect(forwarded.text).toContain('Nomor SK: 800/123/BKD/2024');
    expect((await h.store.getRequest(id))?.status).toBe('pending');
    const reopened = await h.waitForBotMessage(GROUP_ID, (m) => m.id === card.id && m.reply_markup?.inline_keyboard.flat().length === 3, { sinceSeq: since, edits: true });
    expect(reopened.text).toContain('Riwayat');
    expect(reopened.text).toContain('Pemohon menjawab');

    // Her next message is an ordinary question again.
    const answer = await h.say(CITRA.id, 'Apa itu SPBE?');
    expect(answer.text).not.toContain('diteruskan');
  });

  it('two admins pressing Approve at once produce one decision; the other is told who decided', async () => {
    const { id, card } = await submitRequestAs(h, DEDI, { nip: NIP.dedi, fullName: 'Dedi Kurniawan' });
    const since = h.emulator.seq;
    h.emulator.pressButton({ chatId: GROUP_ID, messageId: card.id, fromId: ADMIN.id, data: `adm:a:${id}` });
    h.emulator.pressButton({ chatId: GROUP_ID, messageId: card.id, fromId: ADMIN2.id, data: `adm:a:${id}` });
    // And a third attempt from another chat, processed concurrently (different chat, no per-chat ordering).
    h.emulator.sendText({ chatId: ADMIN2.id, fromId: ADMIN2.id, text: `/setujui ${id}` });
    const answers = await Promise.all(
      [ADMIN.id, ADMIN2.id].map(async (fromId) => {
        const e = await h.emulator.waitFor((ev) => ev.type === 'callback_answer' && ev.answer.fromId === fromId && ev.answer.data === `adm:a:${id}`, 5000, since);
        return (e as Extract<typeof e, { type: 'callback_answer' }>).answer;
      }),
    );
    const reply = await h.waitForBotMessage(ADMIN2.id, (m) => m.text.includes(`#${id}`), { sinceSeq: since });
    const outcomes = [...answers.map((a) => a.text ?? ''), reply.text];
    expect(outcomes.filter((t) => /#\d+ disetujui\. Pemohon akan diberi tahu/.test(t))).toHaveLength(1);
    expect(outcomes.filter((t) => t.includes('sudah diputuskan oleh'))).toHaveLength(2);

    await h.outboxSettled();
    const audit = await h.store.listAuditEntries({ requestId: id });
    expect(audit.filter((e) => e.action === 'approved')).toHaveLength(1);
    expect(noticesIn(h, DEDI.id, new RegExp(`#${id} disetujui`))).toHaveLength(1);
  });

  it('/antrian pages 5 at a time, oldest first, with Lihat buttons; /lihat shows a card', async () => {
    // Seed more pending requests straight through the domain (the wizard is covered elsewhere).
    const catalogue = h.deps.catalogue();
    for (let i = 0; i < 7; i++) {
      let draft = startDraft(800_000 + i, 800_000 + i, 'id');
      const answers = ['gta-test', `Pemohon Antrean ${String.fromCharCode(65 + i)}`, `19900115 2015031${String(i + 10).padStart(3, '0')}`, 'Dinas Uji', 'Staf', 'pelaksana', `uji${i}@kaltimprov.go.id`, '-', 'Motivasi yang cukup panjang.'];
      for (const answer of answers) draft = applyInput(draft, draft.step, answer, { catalogue, now: new Date() }).draft;
      const result = await submitRequest(h.store, draft, catalogue, { adminIds: [] });
      expect(result.ok).toBe(true);
    }
    const queue = await h.store.listQueue({ offset: 0, limit: 100 });
    expect(queue.total).toBeGreaterThan(5);
    const pages = Math.ceil(queue.total / 5);

    const page1 = await h.say(ADMIN.id, '/antrian');
    expect(page1.text).toContain(`halaman 1/${pages}`);
    expect(page1.text).toContain(`#${queue.items[0]!.id} `);
    expect(page1.text).not.toContain(`#${queue.items[5]!.id} `);
    const viewButtons = page1.reply_markup!.inline_keyboard.flat().filter((b) => b.text.startsWith('🔎'));
    expect(viewButtons).toHaveLength(5);

    let since = h.emulator.seq;
    await h.press(ADMIN.id, page1, button(page1, 'Berikutnya'));
    const page2 = await h.waitForBotMessage(ADMIN.id, (m) => m.id === page1.id, { sinceSeq: since, edits: true });
    expect(page2.text).toContain(`halaman 2/${pages}`);
    expect(page2.text).toContain(`#${queue.items[5]!.id} `);
    since = h.emulator.seq;
    await h.press(ADMIN.id, page2, button(page2, 'Sebelumnya'));
    const back = await h.waitForBotMessage(ADMIN.id, (m) => m.id === page1.id, { sinceSeq: since, edits: true });
    expect(back.text).toContain(`halaman 1/${pages}`);

    const viewed = await h.pressAndWait(ADMIN.id, back, `adm:v:${queue.items[0]!.id}`);
    expect(viewed.text).toContain(`#${queue.items[0]!.id} `);
    expect(viewed.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toContain('✅ Setujui');

    const lihat = await h.say(ADMIN.id, `/lihat ${queue.items[1]!.id}`);
    expect(lihat.text).toContain(`#${queue.items[1]!.id} `);
    const usage = await h.say(ADMIN.id, '/lihat abc');
    expect(usage.text).toContain('Format: /lihat ID');

    const notAdmin = await h.say(BUDI.id, '/antrian');
    expect(notAdmin.text).toBe('Maaf, perintah ini hanya untuk admin program.');
  });

  it('/tolak ID alasan and /setujui ID decide from a command', async () => {
    const queue = await h.store.listQueue({ offset: 0, limit: 100 });
    const [first, second] = queue.items.filter((r) => r.applicantId >= 800_000);
    const usage = await h.say(ADMIN.id, `/tolak ${first!.id}`);
    expect(usage.text).toContain('Format: /tolak ID alasan');
    const rejected = await h.say(ADMIN.id, `/tolak ${first!.id} Berkas tidak lengkap`);
    expect(rejected.text).toContain(`Pengajuan #${first!.id} ditolak`);
    expect(await h.store.getRequest(first!.id)).toMatchObject({ status: 'rejected', reason: 'Berkas tidak lengkap' });
    const approved = await h.say(ADMIN2.id, `/setujui ${second!.id}`, { chatId: GROUP_ID, predicate: (m) => m.text.includes(`#${second!.id} disetujui`) });
    expect(approved.text).toContain(`Pengajuan #${second!.id} disetujui`);
  });

  it('/ekspor sends a CSV document containing the rows (filters by status and programme)', async () => {
    // Its own rows: one approved request of an applicant no other test uses for an export.
    const { id: exported } = await submitRequestAs(h, EKA, { nip: '19870404 201101 1 006', fullName: 'Eka Exportia' });
    await h.say(ADMIN.id, `/setujui ${exported}`);
    const since = h.emulator.seq;
    h.emulator.sendText({ chatId: ADMIN.id, fromId: ADMIN.id, text: '/ekspor' });
    const doc = await h.waitForBotMessage(ADMIN.id, (m) => m.kind === 'document', { sinceSeq: since });
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
    expect(doc.document?.fileName).toBe(`pengajuan-${today}.csv`);
    const bytes = Buffer.from(await (await fetch(`${h.emulator.url}${doc.document!.url}`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for spreadsheets
    const csv = bytes.toString('utf8');
    expect(csv).toContain('ID,ID Program,Program,Kode Status,Status,Nama Lengkap,NIP');
    // Labels for people, codes in their own columns, dates in WIB.
    expect(csv).toMatch(/,gta-test,Government Transformation Academy \(GTA\) Uji,(pending|approved|rejected|needs_info|cancelled),[A-Z][a-z]/);
    expect(csv).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    expect(csv).toContain('"=""198704042011011006"""'); // NIP kept as text, RFC 4180-quoted
    expect(csv).toContain('Eka Exportia');
    expect(doc.text).toMatch(/\d+ pengajuan/);

    const since2 = h.emulator.seq;
    h.emulator.sendText({ chatId: ADMIN.id, fromId: ADMIN.id, text: '/ekspor disetujui gta-test' });
    const filtered = await h.waitForBotMessage(ADMIN.id, (m) => m.kind === 'document', { sinceSeq: since2 });
    const rows = (await (await fetch(`${h.emulator.url}${filtered.document!.url}`)).text()).trim().split('\r\n').slice(1);
    expect(rows.some((r) => r.startsWith(`${exported},`))).toBe(true);
    expect(rows.every((r) => r.split(',')[3] === 'approved' && r.split(',')[4] === 'Disetujui')).toBe(true);

    const bad = await h.say(ADMIN.id, '/ekspor ??');
    expect(bad.text).toContain('Filter tidak dikenali');
  });

  it('/statistik shows counts by programme and status, top unanswered questions and 👍/👎 totals', async () => {
    await h.stores.logUnanswered('Kapan pelatihan GCIO berikutnya?');
    await h.stores.logUnanswered('Kapan pelatihan GCIO berikutnya?');
    await h.stores.recordFeedback({ answerId: 'a1', userId: BUDI.id, vote: 'up' });
    await h.stores.recordFeedback({ answerId: 'a1', userId: CITRA.id, vote: 'down' });
    await h.stores.recordFeedback({ answerId: 'a2', userId: BUDI.id, vote: 'up' });
    const stats = await h.say(ADMIN.id, '/statistik');
    const total = (await h.store.listRequests({})).length;
    expect(stats.text).toContain(`Pengajuan: ${total}`);
    expect(stats.text).toContain('Government Transformation Academy (GTA) Uji (gta-test)');
    expect(stats.text).toMatch(/✅ Disetujui: \d+/);
    expect(stats.text).toContain('Kapan pelatihan GCIO berikutnya? (×2)');
    expect(stats.text).toContain('👍 2 · 👎 1');
  });

  it('/reindex says it is indexing, then reports files added / changed / removed and errors', async () => {
    const since = h.emulator.seq;
    const started = await h.say(ADMIN.id, '/reindex');
    expect(started.text).toContain('Sedang mengindeks ulang');
    const report = await h.waitForBotMessage(ADMIN.id, (m) => m.id === started.id && m.text.includes('Indeks diperbarui'), { sinceSeq: since, edits: true, timeoutMs: 20_000 });
    expect(report.text).toMatch(/0 berkas baru/);
    expect(report.text).toMatch(/0 berkas berubah/);
    expect(report.text).toMatch(/0 berkas dihapus/);
    expect(report.text).toContain('Tidak ada kesalahan');
  });

  it('/hapusdata asks for confirmation, then erases the personal data and reports it', async () => {
    await h.stores.setLocale(CITRA.id, 'id');
    const { id: pendingId } = await submitRequestAs(h, CITRA, { nip: '19930606 201903 2 007', fullName: 'Citra Lestari', programme: 'dla-test', level: 'administrator' });
    const pending = (await h.store.getRequest(pendingId))!;
    expect(pending.status).toBe('pending');
    const confirm = await h.say(CITRA.id, '/hapusdata');
    expect(confirm.text).toContain('Hapus data pribadi Anda?');
    const since = h.emulator.seq;
    await h.press(CITRA.id, confirm, button(confirm, 'Ya, hapus'));
    const done = await h.waitForBotMessage(CITRA.id, (m) => m.id === confirm.id, { sinceSeq: since, edits: true });
    expect(done.text).toContain('Data pribadi Anda telah dihapus');
    expect(done.text).toMatch(/Pengajuan aktif dibatalkan: [1-9]/);
    expect(done.text).toMatch(/Pengajuan dianonimkan: [1-9]/);

    expect(await h.store.listRequestsOfApplicant(CITRA.id)).toEqual([]);
    const erased = await h.store.getRequest(pending.id);
    expect(erased).toMatchObject({ status: 'cancelled', anonymised: true, fullName: '[dihapus]', nip: '[dihapus]' });
    expect(await h.stores.getLocale(CITRA.id)).toBeNull();
    // The admins' card no longer shows her data.
    const card = await h.waitForBotMessage(GROUP_ID, (m) => m.text.includes(`#${pending.id} `) && m.text.includes('telah dihapus'), { sinceSeq: since, edits: true });
    expect(card.text).not.toContain('Citra Lestari');
  });

  it('a 403 (applicant blocked the bot) is recorded as blocked and not retried', async () => {
    const { id, card } = await submitRequestAs(h, HADI, { nip: '19910101 201601 1 005', programme: 'gta-test' });
    await h.outboxSettled();
    h.emulator.blockUser(HADI.id);
    const since = h.emulator.seq;
    await h.press(ADMIN.id, card, `adm:a:${id}`);
    await h.waitForBotMessage(GROUP_ID, (m) => m.id === card.id && m.text.includes('Disetujui oleh'), { sinceSeq: since, edits: true });
    await h.outboxSettled();
    const notice = (await h.store.listOutbox({ requestId: id })).find((m) => m.kind === 'decision_notice')!;
    expect(notice).toMatchObject({ status: 'blocked', attempts: 1 });
    expect(notice.lastError).toContain('403');
    const attempts = h.emulator.calls.filter((c) => c.seq > 0 && c.method === 'sendMessage' && !c.ok && c.error?.error_code === 403 && c.params.chat_id === HADI.id);
    expect(attempts).toHaveLength(1);
    h.emulator.unblockUser(HADI.id);
  });

  it('/hapusdata also re-renders the cards of already decided requests without personal data', async () => {
    const { id: decidedId } = await submitRequestAs(h, BUDI, { nip: '19940707 202001 1 008', programme: 'dla-test', level: 'administrator' });
    await h.say(ADMIN.id, `/setujui ${decidedId}`);
    await h.outboxSettled();
    const decided = (await h.store.getRequest(decidedId))!;
    expect(decided.status).toBe('approved');
    const cards = await h.store.listAdminCards(decided.id);
    expect(cards.length).toBeGreaterThan(0);
    const confirm = await h.say(BUDI.id, '/hapusdata');
    const since = h.emulator.seq;
    await h.press(BUDI.id, confirm, button(confirm, 'Ya, hapus'));
    const card = await h.waitForBotMessage(cards[0].chatId, (m) => m.id === cards[0].messageId && m.text.includes('telah dihapus'), { sinceSeq: since, edits: true });
    expect(card.text).not.toContain(decided.nip);
    expect(card.text).not.toContain(decided.email);
  });

  it('answered every button press', () => {
    expect(h.emulator.calls.filter((c) => c.method === 'answerCallbackQuery').every((c) => c.ok)).toBe(true);
    expect(h.emulator.pendingUpdates().filter((u) => 'callback_query' in u)).toHaveLength(0);
  });
});

describe('admin cards without ADMIN_CHAT_ID (each admin privately)', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await BotHarness.start({ adminChat: false });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('sends the card to every admin, and a decision by one updates both cards', async () => {
    const { id, card } = await submitRequestAs(h, BUDI, { nip: NIP.budi }, ADMIN.id);
    const other = await h.waitForBotMessage(ADMIN2.id, (m) => m.text.includes(`#${id} `), { sinceSeq: 0 });
    const since = h.emulator.seq;
    await h.press(ADMIN.id, card, dataEndingWith(card, `a:${id}`));
    const updated = await h.waitForBotMessage(ADMIN2.id, (m) => m.id === other.id && m.text.includes('Disetujui oleh Siti Rahma'), { sinceSeq: since, edits: true });
    expect(updated.reply_markup).toBeUndefined();
    await h.outboxSettled();
    expect((await h.store.listAdminCards(id)).map((c) => c.chatId).sort()).toEqual([ADMIN.id, ADMIN2.id].sort());
  });
});
