import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotApiEmulator } from '../../src/playground/bot-api-emulator.js';
import { ADMIN_GROUP, ADMIN_PERSONA, OFFICIAL_PERSONA, PLAYGROUND_BOT, PLAYGROUND_CHATS, PLAYGROUND_TOKEN, PLAYGROUND_USERS } from '../../src/playground/personas.js';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { REPO_KNOWLEDGE_DIR } from '../helpers/kb.js';
import { makeTmpDir } from '../helpers/tmp.js';
import { openDatabase } from '../../src/storage/sqlite.js';
import { SqliteUpdateInbox } from '../../src/storage/sqlite-update-inbox.js';

/**
 * Webhook mode as a real process: the test plays Telegram, POSTing updates to the bot's
 * webhook; the bot replies through the Bot API emulator.
 */
let emulator: BotApiEmulator;
let bot: BotProcess;
let tmp: { dir: string; cleanup: () => void };
let port: number;
const SECRET = 'rahasia_webhook_uji';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

const update = (id: number, text: string) => ({
  update_id: id,
  message: {
    message_id: 1000 + id,
    date: Math.floor(Date.now() / 1000),
    chat: { id: OFFICIAL_PERSONA.id, type: 'private', first_name: OFFICIAL_PERSONA.first_name },
    from: { id: OFFICIAL_PERSONA.id, is_bot: false, first_name: OFFICIAL_PERSONA.first_name, language_code: 'id' },
    text,
  },
});

const post = (body: unknown, secret = SECRET) =>
  fetch(`http://127.0.0.1:${port}/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(body) });

const botEnv = () => ({
  BOT_TOKEN: PLAYGROUND_TOKEN,
  TELEGRAM_API_ROOT: emulator.apiRoot,
  ADMIN_IDS: String(ADMIN_PERSONA.id),
  ADMIN_CHAT_ID: String(ADMIN_GROUP.id),
  DATA_DIR: path.join(tmp.dir, 'data'),
  KNOWLEDGE_DIR: REPO_KNOWLEDGE_DIR,
  WEBHOOK_URL: `https://bot.contoh.go.id/telegram/webhook`,
  WEBHOOK_SECRET: SECRET,
  PORT: String(port),
});

beforeAll(async () => {
  tmp = makeTmpDir('asisten-webhook-');
  emulator = new BotApiEmulator({ token: PLAYGROUND_TOKEN, bot: PLAYGROUND_BOT, users: PLAYGROUND_USERS, chats: PLAYGROUND_CHATS });
  await emulator.start();
  port = await freePort();
  bot = startBotProcess(botEnv());
  await bot.waitForOutput('Bot berjalan (webhook', 90_000);
}, 120_000);

afterAll(async () => {
  bot?.kill('SIGTERM');
  await bot?.exited;
  await emulator.stop();
  tmp.cleanup();
});

describe('webhook mode', () => {
  it('registers the webhook with the secret token and serves health checks', async () => {
    const set = emulator.calls.find((c) => c.method === 'setWebhook')!;
    expect(set.params).toMatchObject({ url: 'https://bot.contoh.go.id/telegram/webhook', secret_token: SECRET });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
  });

  it('rejects a request with a wrong secret and answers nothing', async () => {
    const res = await post(update(1, 'Apa itu SPBE?'), 'salah');
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(emulator.messages(OFFICIAL_PERSONA.id).filter((m) => m.from === 'bot')).toHaveLength(0);
  });

  it('acknowledges fast, answers, and processes a re-delivered update once', async () => {
    const since = emulator.seq;
    const t0 = Date.now();
    const res = await post(update(2, 'Berapa indeks SPBE Kaltim tahun 2024?'));
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(2000);
    const again = await post(update(2, 'Berapa indeks SPBE Kaltim tahun 2024?'));
    expect(await again.json()).toMatchObject({ duplicate: true });
    const ev = await emulator.waitForBotMessage(OFFICIAL_PERSONA.id, () => true, { sinceSeq: since, timeoutMs: 15_000 });
    expect(ev.message.text).toContain('3,79');
    await new Promise((r) => setTimeout(r, 500));
    const answers = emulator.messages(OFFICIAL_PERSONA.id).filter((m) => m.from === 'bot' && m.text.includes('3,79'));
    expect(answers).toHaveLength(1);
  });

  it('survives poison updates: a blocked user, an unknown chat, a callback without data, hostile bodies', async () => {
    const stranger = 777_000_111; // a user the Bot API has never seen: every reply to them fails with 400
    const from = (id: number) => ({ id, is_bot: false, first_name: 'Uji' });
    emulator.blockUser(OFFICIAL_PERSONA.id);
    const poison = [
      update(100, 'Apa itu SPBE?'), // reply → 403 bot was blocked by the user
      { update_id: 101, message: { message_id: 5, date: 0, chat: { id: stranger, type: 'private' }, from: from(stranger), text: '/start' } },
      { update_id: 102, callback_query: { id: 'cb-tanpa-data', from: from(OFFICIAL_PERSONA.id), chat_instance: '1', game_short_name: 'kuis' } },
      { update_id: 103, callback_query: { id: 'cb-asing', from: from(stranger), chat_instance: '1', data: 'adm:a:1' } },
    ];
    for (const u of poison) expect((await post(u)).status).toBe(200);
    const hostile = ['{"update_id":1.5}', '{"update_id":1e400}', JSON.stringify({ update_id: 104, message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: 12 } }), `[${'['.repeat(10_000)}${']'.repeat(10_000)}]`];
    for (const body of hostile) {
      const res = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body });
      expect(res.status).toBe(400);
    }
    const big = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify({ update_id: 105, pad: 'x'.repeat(5 * 1024 * 1024) }) });
    expect(big.status).toBe(413);
    await new Promise((r) => setTimeout(r, 1500));
    expect(bot.child.exitCode).toBeNull();
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    emulator.unblockUser(OFFICIAL_PERSONA.id);
  }, 30_000);

  it('restarts cleanly over poison rows left in the inbox: no crash loop', async () => {
    bot.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    // Rows accepted by an earlier process that died before finishing them, including ones no handler can digest.
    const db = openDatabase(path.join(tmp.dir, 'data'));
    const inbox = new SqliteUpdateInbox(db);
    inbox.accept({ update_id: 200, message: { message_id: 9, date: 0, chat: { id: 777_000_222, type: 'private' }, from: { id: 777_000_222, is_bot: false, first_name: 'X' }, text: 77 } } as never);
    inbox.accept({ update_id: 201, callback_query: { id: 'cb-x', from: { id: OFFICIAL_PERSONA.id, is_bot: false, first_name: 'B' }, chat_instance: '1' } } as never);
    inbox.accept(update(202, 'Apa itu SPBE?'));
    db.close();
    for (let round = 0; round < 3; round++) {
      const since = emulator.seq;
      bot = startBotProcess(botEnv());
      await bot.waitForOutput('Bot berjalan (webhook', 90_000);
      if (round === 0) await emulator.waitForBotMessage(OFFICIAL_PERSONA.id, () => true, { sinceSeq: since, timeoutMs: 15_000 });
      await new Promise((r) => setTimeout(r, 1000));
      expect(bot.child.exitCode).toBeNull();
      bot.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    }
    const check = openDatabase(path.join(tmp.dir, 'data'));
    expect(new SqliteUpdateInbox(check).pending()).toEqual([]);
    check.close();
    bot = startBotProcess(botEnv());
    await bot.waitForOutput('Bot berjalan (webhook', 90_000);
  }, 240_000);
});
