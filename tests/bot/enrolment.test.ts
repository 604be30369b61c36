/**
 * /daftar end to end: the real bot against the Bot API emulator, with the real SQLite store. Every step is a
 * message or a button press as a person would do it; nothing in the bot is mocked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWERS, BotHarness, BUDI, CITRA, DEDI, FAJAR, GITA, GROUP_ID, MEMBER, submitRequestAs } from '../helpers/bot-harness.js';

const button = BotHarness.button;

describe('/daftar in a private chat', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await BotHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('walks the whole flow: specific NIP errors keep earlier answers, an edit returns to the summary, submit notifies admins', async () => {
    const list = await h.say(BUDI.id, '/daftar');
    expect(list.text).toContain('Langkah 1 dari 9');
    expect(list.text).toContain('Government Transformation Academy (GTA) Uji');
    expect(list.text).toContain('Digital Leadership Academy (DLA) Uji');
    expect(list.text).not.toContain('Sudah Ditutup'); // closed programmes are not offered
    expect(list.text).toMatch(/Jenjang: Pelaksana, Fungsional, Pengawas \(eselon IV\), Administrator \(eselon III\)/);

    let q = await h.pressAndWait(BUDI.id, list, button(list, 'GTA'));
    expect(q.text).toContain('Langkah 2 dari 9');
    expect(q.text).toContain('nama lengkap');

    q = await h.say(BUDI.id, ANSWERS.fullName);
    expect(q.text).toContain('NIP');

    // Birth month 13: the error names the birth-date part, the same question comes again.
    q = await h.say(BUDI.id, '19901315 201503 1 002');
    expect(q.text).toContain('Tanggal lahir pada NIP (digit 1–8');
    expect(q.text).toContain('Langkah 3 dari 9');
    let draft = await h.store.getDraft(BUDI.id);
    expect(draft).toMatchObject({ step: 'nip', answers: { programmeId: 'gta-test', fullName: ANSWERS.fullName } });

    q = await h.say(BUDI.id, '1990011520150310');
    expect(q.text).toContain('tepat 18 digit; yang Anda kirim berisi 16 karakter');
    q = await h.say(BUDI.id, '19900115 201503 3 002');
    expect(q.text).toContain('Kode jenis kelamin pada NIP (digit ke-15)');
    q = await h.say(BUDI.id, '19900115 203003 1 002');
    expect(q.text).toContain('TMT CPNS');
    q = await h.say(BUDI.id, '19900115 201503 1 000');
    expect(q.text).toContain('Nomor urut');

    q = await h.say(BUDI.id, ANSWERS.nip);
    expect(q.text).toContain('instansi/OPD');
    draft = await h.store.getDraft(BUDI.id);
    expect(draft?.answers).toMatchObject({ fullName: ANSWERS.fullName, nip: '199001152015031002' });

    q = await h.say(BUDI.id, ANSWERS.instansi);
    q = await h.say(BUDI.id, ANSWERS.jabatan);
    expect(q.text).toContain('jenjang jabatan');
    expect(q.reply_markup?.inline_keyboard.flat().filter((b) => 'callback_data' in b && /:l:/.test(b.callback_data ?? ''))).toHaveLength(5);

    // Not eligible: explained with the allowed levels, asked again.
    q = await h.pressAndWait(BUDI.id, q, button(q, 'Pimpinan Tinggi'));
    expect(q.text).toContain('hanya untuk jenjang: Pelaksana, Fungsional, Pengawas (eselon IV), Administrator (eselon III)');
    expect(q.text).toContain('Langkah 6 dari 9');

    q = await h.pressAndWait(BUDI.id, q, button(q, 'Fungsional'));
    expect(q.text).toContain('e-mail dinas');

    q = await h.say(BUDI.id, 'budi.santoso@gmail.com');
    expect(q.text).toContain('bukan e-mail dinas (.go.id). Tetap kami terima');
    expect(q.text).toContain('nomor HP');

    q = await h.pressAndWait(BUDI.id, q, button(q, 'Lewati'));
    expect(q.text).toContain('motivasi singkat');

    let summary = await h.say(BUDI.id, ANSWERS.motivation);
    expect(summary.text).toContain('Ringkasan pendaftaran');
    expect(summary.text).toContain('E-mail: budi.santoso@gmail.com');
    expect(summary.text).toContain('Telepon: — (tidak diisi)');
    expect(summary.html).toContain('<code>199001152015031002</code>');

    // Edit a field: the summary's buttons become a keyboard of fields.
    const since = h.emulator.seq;
    await h.press(BUDI.id, summary, button(summary, 'Ubah'));
    const edited = await h.waitForBotMessage(BUDI.id, (m) => m.id === summary.id, { sinceSeq: since, edits: true });
    q = await h.pressAndWait(BUDI.id, edited, button(edited, 'E-mail'));
    expect(q.text).toContain('Isian saat ini: budi.santoso@gmail.com');
    summary = await h.say(BUDI.id, ANSWERS.email);
    expect(summary.text).toContain(`E-mail: ${ANSWERS.email}`);
    expect(summary.text).toContain(`Nama lengkap: ${ANSWERS.fullName}`); // nothing else was re-asked

    const beforeSubmit = h.emulator.seq;
    const done = await h.pressAndWait(BUDI.id, summary, button(summary, 'Kirim'));
    expect(done.text).toMatch(/Pengajuan #(\d+) terkirim/);
    expect(done.text).toContain('Admin program sudah diberi tahu');
    const id = Number(/#(\d+)/.exec(done.text)![1]);

    const request = await h.store.getRequest(id);
    expect(request).toMatchObject({ status: 'pending', programmeId: 'gta-test', level: 'fungsional', email: ANSWERS.email, phone: null, locale: 'id' });
    expect(await h.store.getDraft(BUDI.id)).toBeNull();

    const card = await h.waitForBotMessage(GROUP_ID, (m) => m.text.includes(`Pengajuan #${id}`), { sinceSeq: beforeSubmit });
    expect(card.text).toContain('199001152015031002');
    expect(card.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(['✅ Setujui', '❌ Tolak', '❓ Minta info']);

    // The summary's buttons are gone; an old button of the finished draft is answered gracefully.
    const oldQuestion = h.botMessages(BUDI.id).find((m) => m.text.includes('nomor HP') && m.reply_markup);
    if (oldQuestion) {
      const answer = await h.press(BUDI.id, oldQuestion, button(oldQuestion, 'Lewati'));
      expect(answer.text).toContain('tidak berlaku');
    }
  });

  it('stops at the programme step when the user already has an active request for that programme', async () => {
    const existing = await h.seedRequest(FAJAR, { nip: '19890808 201201 1 009' });
    const list = await h.say(FAJAR.id, '/daftar');
    const next = await h.pressAndWait(FAJAR.id, list, button(list, 'GTA'));
    expect(next.text).toContain(`sudah memiliki pengajuan #${existing.id}`);
    expect((await h.store.getDraft(FAJAR.id))!.step).toBe('programme');
    const cancelled = await h.pressAndWait(FAJAR.id, next, button(next, 'Batal'));
    expect(cancelled.text).toContain('Pengisian pendaftaran dibatalkan');
    expect(await h.store.getDraft(FAJAR.id)).toBeNull();
  });

  it('refuses a duplicate NIP at submission (another account, same NIP and programme) with the existing id and status', async () => {
    const existing = await h.seedRequest(GITA, { nip: '19900909 201301 2 010' });
    const list = await h.say(CITRA.id, '/daftar');
    await h.pressAndWait(CITRA.id, list, button(list, 'GTA'));
    await h.say(CITRA.id, ANSWERS.fullName);
    await h.say(CITRA.id, '19900909 201301 2 010');
    await h.say(CITRA.id, ANSWERS.instansi);
    const levelQ = await h.say(CITRA.id, ANSWERS.jabatan);
    await h.pressAndWait(CITRA.id, levelQ, button(levelQ, 'Fungsional'));
    await h.say(CITRA.id, ANSWERS.email);
    await h.say(CITRA.id, ANSWERS.phone);
    const summary = await h.say(CITRA.id, ANSWERS.motivation);
    const refused = await h.pressAndWait(CITRA.id, summary, button(summary, 'Kirim'));
    expect(refused.text).toContain(`NIP ini sudah memiliki pengajuan #${existing.id}`);
    expect(refused.text).toContain('status: Menunggu keputusan admin');
    expect(await h.store.listRequestsOfApplicant(CITRA.id)).toHaveLength(0);
    // The draft is kept (the NIP may be a typo); cancelling it from the button works.
    expect(await h.store.getDraft(CITRA.id)).not.toBeNull();
    const cancelled = await h.pressAndWait(CITRA.id, refused, button(refused, 'Batal'));
    expect(cancelled.text).toContain('Pengisian pendaftaran dibatalkan');
    expect(await h.store.getDraft(CITRA.id)).toBeNull();
  });

  it('/batal cancels the wizard at any step; afterwards text goes to the Q&A again', async () => {
    const list = await h.say(CITRA.id, '/daftar');
    await h.pressAndWait(CITRA.id, list, button(list, 'GTA'));
    await h.say(CITRA.id, 'Citra Lestari');
    // A question typed into the form is recognised, not stored as the NIP/instansi.
    await h.say(CITRA.id, '19900115 201503 2 004');
    const hint = await h.say(CITRA.id, 'Apa itu GTA?');
    expect(hint.text).toContain('Sepertinya Anda mengetik pertanyaan');
    // A sticker mid-form gets a hint about the form, not the generic notice.
    const since = h.emulator.seq;
    h.emulator.sendSticker({ chatId: CITRA.id, fromId: CITRA.id, emoji: '👍' } as never);
    const media = await h.waitForBotMessage(CITRA.id, () => true, { sinceSeq: since });
    expect(media.text).toContain('sedang mengisi formulir pendaftaran');
    expect((await h.store.getDraft(CITRA.id))!.answers.instansi).toBeUndefined();
    const cancelled = await h.say(CITRA.id, '/batal');
    expect(cancelled.text).toContain('Pengisian pendaftaran dibatalkan');
    expect(await h.store.getDraft(CITRA.id)).toBeNull();

    const answer = await h.say(CITRA.id, 'Apa itu SPBE?');
    expect(answer.text).not.toContain('Langkah');
    expect(answer.text).toMatch(/SPBE|Sistem Pemerintahan Berbasis Elektronik/);
  });

  it('/batal on a pending request asks for confirmation, cancels it, and the admins\' card shows it', async () => {
    const { id } = await submitRequestAs(h, DEDI, { nip: '19850310 201001 1 003', fullName: 'Dedi Kurniawan' });
    await h.outboxSettled();

    const confirm = await h.say(DEDI.id, '/batal');
    expect(confirm.text).toContain(`Batalkan pengajuan #${id}`);
    const keep = await h.press(DEDI.id, confirm, button(confirm, 'Tidak'));
    expect(keep).toBeDefined();
    expect((await h.store.getRequest(id))?.status).toBe('pending');

    const confirm2 = await h.say(DEDI.id, `/batal ${id}`);
    const since = h.emulator.seq;
    await h.press(DEDI.id, confirm2, button(confirm2, 'Ya, batalkan'));
    const result = await h.waitForBotMessage(DEDI.id, (m) => m.id === confirm2.id, { sinceSeq: since, edits: true });
    expect(result.text).toContain(`Pengajuan #${id} telah dibatalkan`);
    expect((await h.store.getRequest(id))?.status).toBe('cancelled');

    const card = await h.waitForBotMessage(GROUP_ID, (m) => m.text.includes(`Pengajuan #${id}`) && m.text.includes('Dibatalkan'), { sinceSeq: since, edits: true });
    expect(card.reply_markup).toBeUndefined();

    const nothing = await h.say(DEDI.id, '/batal');
    expect(nothing.text).toContain('Tidak ada pengisian atau pengajuan aktif');
  });

  it('/status lists the requests with state, programme, dates and reason', async () => {
    const status = await h.say(DEDI.id, '/status');
    expect(status.text).toContain('Pengajuan Anda');
    expect(status.text).toContain('Government Transformation Academy (GTA) Uji');
    expect(status.text).toContain('Status: Dibatalkan');
    expect(status.text).toMatch(/Diajukan: \d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB/);

    const none = await h.say(MEMBER.id, '/status');
    expect(none.text).toContain('belum memiliki pengajuan');
  });

  it('starts from the programme detail (enrol:<id>), the /start menu (menu:enrol) and the deep link /start daftar', async () => {
    const programmes = await h.say(MEMBER.id, '/program');
    const detail = await h.pressAndWait(MEMBER.id, programmes, button(programmes, 'DLA'));
    expect(detail.text).toContain('Digital Leadership Academy (DLA) Uji');
    const nameQ = await h.pressAndWait(MEMBER.id, detail, button(detail, 'Daftar program ini'));
    expect(nameQ.text).toContain('Langkah 2 dari 9'); // the programme is already chosen
    expect((await h.store.getDraft(MEMBER.id))?.answers.programmeId).toBe('dla-test');

    // Pressing "enrol" on another programme keeps the draft and only changes the programme.
    await h.say(MEMBER.id, 'Andi Pratama');
    const again = await h.pressAndWait(MEMBER.id, detail, button(detail, 'Daftar program ini'));
    expect(again.text).toContain('Langkah 3 dari 9');
    expect((await h.store.getDraft(MEMBER.id))?.answers.fullName).toBe('Andi Pratama');

    // /daftar with a draft resumes it.
    const resumed = await h.say(MEMBER.id, '/daftar');
    expect(resumed.text).toContain('Anda sedang mengisi pendaftaran');
    expect(resumed.text).toContain('Langkah 3 dari 9');
    await h.say(MEMBER.id, '/batal');

    const start = await h.say(MEMBER.id, '/start');
    const list = await h.pressAndWait(MEMBER.id, start, 'menu:enrol');
    expect(list.text).toContain('Langkah 1 dari 9');
    await h.say(MEMBER.id, '/batal');
    const deepLink = await h.say(MEMBER.id, '/start daftar');
    expect(deepLink.text).toContain('Langkah 1 dari 9');
    await h.say(MEMBER.id, '/batal');
  });

  it('in a group, /daftar points to the private chat instead of collecting data there', async () => {
    const reply = await h.say(MEMBER.id, '/daftar', { chatId: GROUP_ID });
    expect(reply.text).toContain('hanya dapat dilakukan di chat pribadi');
    const url = reply.reply_markup?.inline_keyboard[0]?.[0];
    expect(url && 'url' in url ? url.url : '').toBe(`https://t.me/${h.bot.botInfo.username}?start=daftar`);
  });

  it('answers every button press, and all callback data fits in 64 bytes', () => {
    const presses = h.emulator.calls.filter((c) => c.method === 'answerCallbackQuery');
    expect(presses.every((c) => c.ok)).toBe(true);
    const updates = h.emulator.pendingUpdates().filter((u) => 'callback_query' in u);
    expect(updates).toHaveLength(0);
    for (const m of h.emulator.messages(BUDI.id)) {
      for (const b of m.reply_markup?.inline_keyboard.flat() ?? []) {
        if ('callback_data' in b && b.callback_data) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
      }
    }
  });
});

describe('a restart in the middle of /daftar', () => {
  it('loses nothing: the next message continues where the user was', async () => {
    let h = await BotHarness.start();
    try {
      const list = await h.say(BUDI.id, '/daftar');
      await h.pressAndWait(BUDI.id, list, button(list, 'GTA'));
      await h.say(BUDI.id, ANSWERS.fullName);
      const instansiQ = await h.say(BUDI.id, ANSWERS.nip);
      expect(instansiQ.text).toContain('instansi/OPD');

      h = await h.restart();

      const jabatanQ = await h.say(BUDI.id, ANSWERS.instansi);
      expect(jabatanQ.text).toContain('Langkah 5 dari 9');
      expect(jabatanQ.text).toContain('jabatan');
      const levelQ = await h.say(BUDI.id, ANSWERS.jabatan);
      // A button sent before the restart still belongs to this draft.
      let q = await h.pressAndWait(BUDI.id, levelQ, button(levelQ, 'Fungsional'));
      q = await h.say(BUDI.id, ANSWERS.email);
      q = await h.say(BUDI.id, ANSWERS.phone);
      const summary = await h.say(BUDI.id, ANSWERS.motivation);
      expect(summary.text).toContain(`Nama lengkap: ${ANSWERS.fullName}`);
      expect(summary.text).toContain('NIP: 199001152015031002');
      const done = await h.pressAndWait(BUDI.id, summary, button(summary, 'Kirim'));
      expect(done.text).toMatch(/Pengajuan #\d+ terkirim/);
      expect(q).toBeDefined();
    } finally {
      await h.stop();
    }
  });
});

describe('a button press is acknowledged only after its commit', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('submit: the request is stored before Telegram hears the answer (a kill in between replays the press)', async () => {
    const { completeWizard, dataEndingWith } = await import('../helpers/bot-harness.js');
    const summary = await completeWizard(h, BUDI);
    const store = h.deps.enrolment;
    const original = store.submitRequest.bind(store);
    let answeredBeforeCommit: number | undefined;
    const answersFor = () => h.emulator.callbackAnswers.filter((a) => a.messageId === summary.id).length;
    store.submitRequest = async (command) => {
      const outcome = await original(command);
      answeredBeforeCommit = answersFor();
      return outcome;
    };
    try {
      const since = h.emulator.seq;
      h.emulator.pressButton({ chatId: BUDI.id, fromId: BUDI.id, messageId: summary.id, data: dataEndingWith(summary, ':ok') });
      await h.waitForBotMessage(BUDI.id, (m) => m.text.includes('#'), { sinceSeq: since });
      await h.emulator.waitFor((e) => e.type === 'callback_answer' && e.answer.messageId === summary.id, 5000, since);
    } finally {
      store.submitRequest = original;
    }
    expect(answeredBeforeCommit).toBe(0);
    expect(answersFor()).toBe(1);
  });

  it('a callback query without data (a game button) is answered once, not a crash', async () => {
    const message = await h.bot.api.sendMessage(BUDI.id, 'Kuis', { reply_markup: { inline_keyboard: [[{ text: 'Main', callback_game: {} }]] } });
    const since = h.emulator.seq;
    const callsBefore = h.emulator.calls.length;
    h.emulator.pressGameButton({ chatId: BUDI.id, fromId: BUDI.id, messageId: message.message_id });
    await h.emulator.waitFor((e) => e.type === 'callback_answer' && e.answer.messageId === message.message_id, 5000, since);
    await new Promise((r) => setTimeout(r, 200));
    const answers = h.emulator.calls.slice(callsBefore).filter((c) => c.method === 'answerCallbackQuery');
    expect(answers.map((c) => c.ok)).toEqual([true]);
  });
});
