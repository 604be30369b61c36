/**
 * The enrolment process with the bot as a real process (`node --import tsx src/main.ts`) against the Bot API
 * emulator over HTTP, with Telegram's flood limits on: an official completes /daftar (an invalid NIP first),
 * the card reaches the admin group, a non-admin press is refused, the bot is killed with SIGKILL and
 * restarted, the admin approves (and the bot is killed again before the notice could go out), the applicant
 * receives the decision exactly once, /status shows it and /ekspor contains the row.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotApiEmulator } from '../../src/playground/bot-api-emulator.js';
import type { ChatMessageView } from '../../src/playground/emulator-types.js';
import { ADMIN_GROUP, PLAYGROUND_BOT, PLAYGROUND_TOKEN } from '../../src/playground/personas.js';
import { ADMIN, ADMIN2, ANSWERS, BUDI, CITRA, DEDI, GROUP_ID, MEMBER, testCatalogueYaml, USERS } from '../helpers/bot-harness.js';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { REPO_KNOWLEDGE_DIR } from '../helpers/kb.js';
import { makeTmpDir } from '../helpers/tmp.js';

const WAIT = { timeoutMs: 15_000 };

let emulator: BotApiEmulator;
let tmp: { dir: string; cleanup: () => void };
let bot: BotProcess | undefined;

function env(): Record<string, string> {
  return {
    BOT_TOKEN: PLAYGROUND_TOKEN,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    ADMIN_IDS: `${ADMIN.id},${ADMIN2.id}`,
    ADMIN_CHAT_ID: String(GROUP_ID),
    DATA_DIR: path.join(tmp.dir, 'data'),
    KNOWLEDGE_DIR: path.join(tmp.dir, 'knowledge'),
    PORT: '0',
    LOG_LEVEL: 'warn',
  };
}

const outputs: Array<() => string> = [];

async function startBot(): Promise<BotProcess> {
  const started = startBotProcess(env());
  outputs.push(started.output);
  await started.waitForOutput('Bot berjalan', 90_000);
  return started;
}

async function kill9(process: BotProcess): Promise<void> {
  process.kill('SIGKILL');
  await process.exited;
}

async function say(userId: number, text: string, chatId = userId, predicate: (m: ChatMessageView) => boolean = () => true): Promise<ChatMessageView> {
  const since = emulator.seq;
  emulator.sendText({ chatId, fromId: userId, text });
  return (await emulator.waitForBotMessage(chatId, predicate, { ...WAIT, sinceSeq: since })).message;
}

async function press(userId: number, message: ChatMessageView, data: string) {
  const since = emulator.seq;
  emulator.pressButton({ chatId: message.chatId, messageId: message.id, fromId: userId, data });
  const event = await emulator.waitFor(
    (e) => e.type === 'callback_answer' && e.answer.fromId === userId && e.answer.messageId === message.id && e.answer.data === data,
    WAIT.timeoutMs,
    since,
  );
  return (event as Extract<typeof event, { type: 'callback_answer' }>).answer;
}

/** Presses, then resolves with the bot's next message in the chat. */
async function pressForNext(userId: number, message: ChatMessageView, data: string): Promise<ChatMessageView> {
  const since = emulator.seq;
  await press(userId, message, data);
  return (await emulator.waitForBotMessage(message.chatId, () => true, { ...WAIT, sinceSeq: since })).message;
}

function dataEndingWith(message: ChatMessageView, suffix: string): string {
  const found = message.reply_markup?.inline_keyboard.flat().find((b) => 'callback_data' in b && b.callback_data?.endsWith(suffix));
  if (!found || !('callback_data' in found) || !found.callback_data) throw new Error(`no button ending "${suffix}" on: ${message.text}`);
  return found.callback_data;
}

/** The wizard's steps after the NIP (instansi … motivation, level fungsional); resolves with the summary. */
async function answerFromInstansi(userId: number, a: { email: string; phone: string }): Promise<ChatMessageView> {
  await say(userId, ANSWERS.instansi);
  const levelQ = await say(userId, ANSWERS.jabatan);
  await pressForNext(userId, levelQ, dataEndingWith(levelQ, ':l:fungsional'));
  await say(userId, a.email);
  await say(userId, a.phone);
  return say(userId, ANSWERS.motivation);
}

/** Reads the bot's database without writing to it (the bot process owns it). */
function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(tmp.dir, 'data', 'asisten.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  tmp = makeTmpDir('asisten-e2e-enrol-');
  // The repository's documents, with a catalogue whose registration windows are open around today (the
  // repository's own catalogue has real dates that will close; this test must not expire with them).
  const knowledge = path.join(tmp.dir, 'knowledge');
  fs.cpSync(REPO_KNOWLEDGE_DIR, knowledge, { recursive: true });
  fs.writeFileSync(path.join(knowledge, 'programmes.yaml'), testCatalogueYaml());
  emulator = new BotApiEmulator({
    token: PLAYGROUND_TOKEN,
    bot: PLAYGROUND_BOT,
    users: USERS,
    chats: [
      {
        ...ADMIN_GROUP,
        members: [
          { userId: ADMIN.id, status: 'creator' },
          { userId: ADMIN2.id, status: 'administrator' },
          { userId: MEMBER.id, status: 'member' },
        ],
        botStatus: 'member',
      },
    ],
  });
  await emulator.start();
}, 30_000);

afterAll(async () => {
  if (bot) {
    bot.kill('SIGTERM');
    await bot.exited;
  }
  await emulator?.stop();
  tmp?.cleanup();
});

describe('enrolment with the bot as a real process', () => {
  let requestId: number;
  let card: ChatMessageView;

  it('an official completes /daftar (invalid NIP first, answers kept) and the card reaches the admin group', async () => {
    bot = await startBot();

    const list = await say(BUDI.id, '/daftar');
    expect(list.text).toContain('Langkah 1 dari 9');
    await pressForNext(BUDI.id, list, dataEndingWith(list, ':p:gta-test'));
    await say(BUDI.id, ANSWERS.fullName);
    const refused = await say(BUDI.id, '19900115 201513 1 002'); // TMT month 13
    expect(refused.text).toContain('TMT CPNS pada NIP (digit 9–14');
    expect(refused.text).toContain('Langkah 3 dari 9');
    await say(BUDI.id, ANSWERS.nip);
    const summary = await answerFromInstansi(BUDI.id, ANSWERS);
    expect(summary.text).toContain(`Nama lengkap: ${ANSWERS.fullName}`); // answered before the invalid NIP
    expect(summary.text).toContain('NIP: 199001152015031002');

    const since = emulator.seq;
    const done = await pressForNext(BUDI.id, summary, dataEndingWith(summary, ':ok'));
    expect(done.text).toMatch(/Pengajuan #\d+ terkirim/);
    requestId = Number(/#(\d+)/.exec(done.text)![1]);

    card = (await emulator.waitForBotMessage(GROUP_ID, (m) => m.text.includes(`Pengajuan #${requestId} `), { ...WAIT, sinceSeq: since })).message;
    expect(card.text).toContain('NIP: 199001152015031002');
    expect(card.reply_markup?.inline_keyboard.flat().map((b) => ('callback_data' in b ? b.callback_data : ''))).toEqual([
      `adm:a:${requestId}`,
      `adm:r:${requestId}`,
      `adm:i:${requestId}`,
    ]);
  }, 120_000);

  it('refuses a non-admin pressing Setujui in the admin group', async () => {
    const answer = await press(MEMBER.id, card, `adm:a:${requestId}`);
    expect(answer).toMatchObject({ showAlert: true });
    expect(answer.text).toContain('Anda tidak berwenang');
    expect(query<{ status: string }>('SELECT status FROM requests WHERE id = ?', requestId)).toEqual([{ status: 'pending' }]);
  });

  it('survives SIGKILL twice — after the card, and right after the decision — and notifies the applicant exactly once', async () => {
    await waitUntil(() => query<{ n: number }>(`SELECT COUNT(*) AS n FROM outbox WHERE status IN ('pending', 'sending')`)[0]!.n === 0);
    await kill9(bot!);
    bot = await startBot();

    // The notice's first attempt gets a 429, so it is still in the outbox when the process dies again.
    emulator.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', retry_after: 3 });
    const since = emulator.seq;
    const answer = await press(ADMIN.id, card, `adm:a:${requestId}`);
    expect(answer.text).toContain(`Pengajuan #${requestId} disetujui`);
    expect(query<{ status: string }>('SELECT status FROM requests WHERE id = ?', requestId)).toEqual([{ status: 'approved' }]);
    // Kill once the failed attempt is recorded and no row is mid-send: a row killed while leased is only
    // retried when its 60 s lease expires (no loss, but a slow test).
    await waitUntil(
      () =>
        query<{ n: number }>(
          `SELECT COUNT(*) AS n FROM outbox WHERE request_id = ? AND kind = 'decision_notice' AND status = 'pending' AND attempts = 1 AND last_error LIKE '%429%'`,
          requestId,
        )[0]!.n === 1 && query<{ n: number }>(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'sending'`)[0]!.n === 0,
    );
    await kill9(bot!);
    bot = await startBot();

    const notice = (
      await emulator
        .waitForBotMessage(BUDI.id, (m) => m.text.includes(`Pengajuan #${requestId} disetujui`), { timeoutMs: 30_000, sinceSeq: since })
        .catch((error: Error) => Promise.reject(new Error(`${error.message}\n${diagnostics()}`)))
    ).message;
    expect(notice.text).toContain('Government Transformation Academy (GTA) Uji');
    const edited = (await emulator.waitForBotMessage(GROUP_ID, (m) => m.id === card.id && m.text.includes('Disetujui oleh Siti Rahma'), { timeoutMs: 30_000, sinceSeq: since, edits: true })).message;
    expect(edited.reply_markup).toBeUndefined();

    // Exactly once: every outbox row of the request is final, and the chat has one notice.
    await waitUntil(() => query<{ n: number }>(`SELECT COUNT(*) AS n FROM outbox WHERE request_id = ? AND status IN ('pending', 'sending')`, requestId)[0]!.n === 0);
    expect(query<{ kind: string; status: string }>(`SELECT kind, status FROM outbox WHERE request_id = ? AND kind = 'decision_notice'`, requestId)).toEqual([
      { kind: 'decision_notice', status: 'sent' },
    ]);
    expect(emulator.messages(BUDI.id).filter((m) => m.from === 'bot' && m.text.includes(`#${requestId} disetujui`))).toHaveLength(1);
  }, 180_000);

  it('/status shows the decision and /ekspor contains the row', async () => {
    const status = await say(BUDI.id, '/status');
    expect(status.text).toContain(`#${requestId}`);
    expect(status.text).toContain('Status: Disetujui');

    const since = emulator.seq;
    emulator.sendText({ chatId: ADMIN.id, fromId: ADMIN.id, text: '/ekspor' });
    const doc = (await emulator.waitForBotMessage(ADMIN.id, (m) => m.kind === 'document', { ...WAIT, sinceSeq: since })).message;
    expect(doc.document?.fileName).toMatch(/^pengajuan-\d{8}\.csv$/);
    const csv = Buffer.from(await (await fetch(`${emulator.url}${doc.document!.url}`)).arrayBuffer()).toString('utf8');
    const row = csv.split('\r\n').find((line) => line.startsWith(`${requestId},`));
    expect(row).toBeDefined();
    expect(row).toContain('gta-test,Government Transformation Academy (GTA) Uji,approved,Disetujui');
    expect(row).toContain('199001152015031002');
    expect(row).toContain('Siti Rahma');
  }, 60_000);

  it('/hapusdata + shutdown leave no personal data in DATA_DIR (db, -wal, -shm) nor in the admin chat', async () => {
    const citra = {
      fullName: 'Citra Lestari Wulandari',
      nip: '19920303 201801 2 003',
      email: 'citra.wulandari@kaltimprov.go.id',
      phone: '0813-5555-7777',
      nik: '6472010101010001',
    };
    const list = await say(CITRA.id, '/daftar');
    await pressForNext(CITRA.id, list, dataEndingWith(list, ':p:gta-test'));
    await say(CITRA.id, citra.fullName);
    await say(CITRA.id, citra.nip);
    const summary = await answerFromInstansi(CITRA.id, citra);
    let since = emulator.seq;
    const done = await pressForNext(CITRA.id, summary, dataEndingWith(summary, ':ok'));
    const id = Number(/#(\d+)/.exec(done.text)![1]);
    const citraCard = (await emulator.waitForBotMessage(GROUP_ID, (m) => m.text.includes(`Pengajuan #${id} `), { ...WAIT, sinceSeq: since })).message;

    // The admin asks for information in the group; Citra answers with her NIK, landline and name.
    since = emulator.seq;
    await press(ADMIN.id, citraCard, `adm:i:${id}`);
    const prompt = (await emulator.waitForBotMessage(GROUP_ID, (m) => m.text.includes('pertanyaan untuk pemohon'), { ...WAIT, sinceSeq: since })).message;
    emulator.sendText({ chatId: GROUP_ID, fromId: ADMIN.id, text: 'Mohon kirim NIK dan nomor kantor.', replyToMessageId: prompt.id });
    await emulator.waitForBotMessage(CITRA.id, (m) => m.text.includes('Mohon kirim NIK'), { ...WAIT, sinceSeq: since });
    since = emulator.seq;
    await say(CITRA.id, `NIK ${citra.nik}, kantor (0541) 777-8899, nama saya ${citra.fullName}`);
    await emulator.waitForBotMessage(GROUP_ID, (m) => m.text.includes(citra.nik), { ...WAIT, sinceSeq: since });
    // An admin looks at the request: the /lihat reply shows her data too.
    await say(ADMIN.id, `/lihat ${id}`, GROUP_ID, (m) => m.text.includes(citra.email));
    // A question the bot cannot answer, with personal data in it.
    await say(CITRA.id, `Saya bernama ${citra.fullName}, hp ${citra.phone}: kapan kuota DTS zzqx dibuka?`);

    // Erasure.
    const confirm = await say(CITRA.id, '/hapusdata');
    since = emulator.seq;
    await press(CITRA.id, confirm, confirm.reply_markup!.inline_keyboard.flat().map((b) => ('callback_data' in b ? b.callback_data! : '')).find((d) => d === 'pd:y')!);
    await emulator.waitForBotMessage(CITRA.id, (m) => m.id === confirm.id && m.text.includes('dihapus'), { ...WAIT, sinceSeq: since, edits: true });
    await waitUntil(() => query<{ n: number }>(`SELECT COUNT(*) AS n FROM outbox WHERE status IN ('pending', 'sending')`)[0]!.n === 0);

    const needles = [
      citra.fullName, 'Lestari Wulandari', '199203032018012003', citra.email, citra.nik, '6281355557777', '0813-5555-7777', '5555-7777',
      '777-8899', '7778899',
    ];
    const scan = (label: string) => {
      const dir = path.join(tmp.dir, 'data');
      const found: string[] = [];
      for (const name of fs.readdirSync(dir)) {
        const file = path.join(dir, name);
        if (!fs.statSync(file).isFile()) continue;
        const bytes = fs.readFileSync(file);
        for (const needle of needles) if (bytes.includes(Buffer.from(needle, 'utf8'))) found.push(`${label}: ${name} contains ${needle}`);
      }
      return found;
    };
    // While running, right after the erasure (the WAL was checkpointed and truncated)…
    expect(scan('running')).toEqual([]);
    // …and after a clean shutdown.
    bot!.kill('SIGTERM');
    expect(await bot!.exited).toBe(0);
    expect(scan('stopped')).toEqual([]);
    const adminChat = emulator.messages(GROUP_ID).map((m) => m.text).join('\n');
    for (const needle of needles) expect(adminChat).not.toContain(needle);
    // The cards, the forwarded reply and the /lihat reply are still there, blanked.
    expect(emulator.messages(GROUP_ID).filter((m) => m.text === '[dihapus]').length).toBeGreaterThanOrEqual(2);
    bot = await startBot();
  }, 180_000);

  it('a SIGKILL while a card is mid-send does not hold up the admin chat: the card arrives within seconds of the restart', async () => {
    const list = await say(DEDI.id, '/daftar');
    await pressForNext(DEDI.id, list, dataEndingWith(list, ':p:gta-test'));
    await say(DEDI.id, 'Dedi Kurniawan');
    await say(DEDI.id, '19930404 201901 1 007');
    const summary = await answerFromInstansi(DEDI.id, { email: 'dedi.k@kaltimprov.go.id', phone: '0812-1111-2222' });
    // Telegram is slow to accept the card: it is mid-send (leased) when the process dies.
    emulator.setDelay('sendMessage', 30_000); // longer than the test's window: the killed process's call cannot land in it
    emulator.pressButton({ chatId: DEDI.id, messageId: summary.id, fromId: DEDI.id, data: dataEndingWith(summary, ':ok') });
    await waitUntil(() => query<{ n: number }>(`SELECT COUNT(*) AS n FROM outbox WHERE kind = 'admin_card' AND status = 'sending'`)[0]!.n === 1);
    await kill9(bot!);
    emulator.setDelay('sendMessage', 0);
    const id = query<{ id: number }>(`SELECT MAX(id) AS id FROM requests`)[0]!.id;
    const since = emulator.seq;
    bot = await startBot();
    const restarted = Date.now();
    await emulator.waitForBotMessage(GROUP_ID, (m) => m.text.includes(`Pengajuan #${id} `), { timeoutMs: 10_000, sinceSeq: since });
    expect(Date.now() - restarted).toBeLessThan(10_000);
  }, 120_000);

  it('made no malformed Bot API call across the whole flow (no 400, e.g. "message is not modified")', () => {
    const bad = emulator.calls.filter((c) => !c.ok && c.error?.error_code === 400).map((c) => `${c.method}: ${c.error?.description}`);
    expect(bad).toEqual([]);
  });

  it('never logs the applicant\'s NIP, e-mail or phone (any of the three processes)', () => {
    const output = outputs.map((read) => read()).join('\n');
    expect(output).not.toContain('199001152015031002');
    expect(output).not.toContain(ANSWERS.email);
    expect(output).not.toContain('6281234567890');
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met in time\n${diagnostics()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What the outbox and the processes say, for a failure message. */
function diagnostics(): string {
  const outbox = query<Record<string, unknown>>('SELECT id, kind, chat_id, status, attempts, next_attempt_at, lease_until, last_error FROM outbox ORDER BY id');
  const calls = emulator.calls.filter((c) => !c.ok).map((c) => `${c.method} ${c.error?.error_code} ${c.error?.description}`);
  return `outbox:\n${outbox.map((r) => JSON.stringify(r)).join('\n')}\nfailed calls:\n${calls.join('\n')}\nprocess output:\n${outputs.map((read) => read()).join('\n---\n')}`;
}
