import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotApiEmulator } from '../../src/playground/bot-api-emulator.js';
import { ADMIN_GROUP, ADMIN_PERSONA, OFFICIAL_PERSONA, PLAYGROUND_BOT, PLAYGROUND_CHATS, PLAYGROUND_TOKEN, PLAYGROUND_USERS } from '../../src/playground/personas.js';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { REPO_KNOWLEDGE_DIR } from '../helpers/kb.js';
import { makeTmpDir } from '../helpers/tmp.js';

/**
 * The bot as a real process (`src/main.ts`) against the Bot API emulator over HTTP, the way
 * it runs in production against Telegram.
 */
let emulator: BotApiEmulator;
let tmp: { dir: string; cleanup: () => void };
let knowledgeDir: string;

const LONG_SECTION = (i: number) =>
  `## Bagian ${i} pedoman arsip digital\n` +
  `Pedoman arsip digital bagian ${i} menjelaskan tata cara penyimpanan arsip elektronik instansi pemerintah. `.repeat(8) +
  '\n';

beforeAll(async () => {
  tmp = makeTmpDir('asisten-e2e-');
  // The repository's knowledge plus one long document, so that /sumber needs more than one message.
  knowledgeDir = path.join(tmp.dir, 'knowledge');
  fs.cpSync(REPO_KNOWLEDGE_DIR, knowledgeDir, { recursive: true });
  fs.writeFileSync(
    path.join(knowledgeDir, 'pedoman-arsip-digital.md'),
    `---\ntitle: Pedoman Arsip Digital\nsources: [https://contoh.go.id/arsip]\n---\n# Pedoman Arsip Digital\n${[1, 2, 3, 4, 5, 6].map(LONG_SECTION).join('\n')}`,
  );
  emulator = new BotApiEmulator({ token: PLAYGROUND_TOKEN, bot: PLAYGROUND_BOT, users: PLAYGROUND_USERS, chats: PLAYGROUND_CHATS });
  await emulator.start();
});
afterAll(async () => {
  await emulator.stop();
  tmp.cleanup();
});

function botEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    BOT_TOKEN: PLAYGROUND_TOKEN,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    ADMIN_IDS: String(ADMIN_PERSONA.id),
    ADMIN_CHAT_ID: String(ADMIN_GROUP.id),
    DATA_DIR: path.join(tmp.dir, 'data'),
    KNOWLEDGE_DIR: knowledgeDir,
    PORT: '0',
    ...extra,
  };
}

async function say(text: string, chatId = OFFICIAL_PERSONA.id): Promise<string> {
  const since = emulator.seq;
  emulator.sendText({ chatId, fromId: chatId, text });
  return (await emulator.waitForBotMessage(chatId, () => true, { sinceSeq: since, timeoutMs: 15_000 })).message.text;
}

describe('bot process against the Bot API emulator', () => {
  let bot: BotProcess;

  it('starts (building the index), answers /start and a question with sources', async () => {
    bot = startBotProcess(botEnv());
    await bot.waitForOutput('Bot berjalan', 90_000);
    expect(bot.output()).toContain('Indeks siap');
    expect(await say('/start')).toContain('Asisten Digital ASN');
    const answer = await say('Berapa indeks SPBE Kaltim tahun 2024?');
    expect(answer).toContain('3,79');
    expect(answer).toContain('Sumber:');
  }, 120_000);

  it('splits a reply longer than 4096 characters into valid messages', async () => {
    await say('Bagaimana tata cara penyimpanan arsip elektronik menurut pedoman arsip digital?');
    const before = emulator.messages(OFFICIAL_PERSONA.id).length;
    const since = emulator.seq;
    emulator.sendText({ chatId: OFFICIAL_PERSONA.id, fromId: OFFICIAL_PERSONA.id, text: '/sumber' });
    await emulator.waitForBotMessage(OFFICIAL_PERSONA.id, () => true, { sinceSeq: since, timeoutMs: 15_000 });
    await new Promise((r) => setTimeout(r, 1500));
    const parts = emulator.messages(OFFICIAL_PERSONA.id).slice(before).filter((m) => m.from === 'bot');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((m) => m.text.length <= 4096)).toBe(true);
    expect(parts.reduce((n, m) => n + m.text.length, 0)).toBeGreaterThan(4096);
    expect(emulator.calls.filter((c) => !c.ok && c.method !== 'getUpdates')).toEqual([]);
  });

  it('restarts in the middle of a session and carries on', async () => {
    bot.kill('SIGKILL');
    await bot.exited;
    // A message sent while the bot is down is delivered after the restart.
    emulator.sendText({ chatId: OFFICIAL_PERSONA.id, fromId: OFFICIAL_PERSONA.id, text: 'Apa itu GTA?' });
    const since = emulator.seq;
    bot = startBotProcess(botEnv());
    const ev = await emulator.waitForBotMessage(OFFICIAL_PERSONA.id, () => true, { sinceSeq: since - 1, timeoutMs: 60_000 });
    expect(ev.message.text).toContain('Government Transformation Academy');
    await bot.waitForOutput('Bot berjalan', 60_000);
  }, 90_000);

  it('exits 0 within 5 s on SIGTERM in mid-session', async () => {
    emulator.sendText({ chatId: OFFICIAL_PERSONA.id, fromId: OFFICIAL_PERSONA.id, text: 'Apa itu Satu Data Indonesia?' });
    const t0 = Date.now();
    bot.kill('SIGTERM');
    const code = await bot.exited;
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
  }, 20_000);
});

describe('start-up errors are one readable line', () => {
  it('a malformed token', async () => {
    const p = startBotProcess(botEnv({ BOT_TOKEN: 'bukan-token' }));
    expect(await p.exited).toBe(2);
    expect(p.output()).toContain('BOT_TOKEN tidak berformat token BotFather');
    expect(p.output()).not.toMatch(/\n\s+at /);
  });

  it('a token Telegram rejects (401)', async () => {
    const p = startBotProcess(botEnv({ BOT_TOKEN: '123456789:WRONG_token_for_the_emulator_0000000' }));
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('401');
    expect(p.output()).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('Telegram unreachable', async () => {
    const p = startBotProcess(botEnv({ TELEGRAM_API_ROOT: 'http://127.0.0.1:9' }));
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('Tidak dapat menghubungi Telegram Bot API');
    expect(p.output()).not.toMatch(/\n\s+at /);
  }, 60_000);

  it.each([
    ['a group id', '-1001234567890'],
    ['zero', '0'],
    ['beyond 2^53', '9007199254740993'],
  ])('ADMIN_IDS that is %s', async (_name, value) => {
    const p = startBotProcess(botEnv({ ADMIN_IDS: value }));
    expect(await p.exited).toBe(2);
    const lines = p.output().split('\n').filter((l) => l.includes('ADMIN_IDS'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('bukan id pengguna Telegram');
    expect(p.output()).not.toMatch(/\n\s+at /);
  });

  it('DATA_DIR under /proc: one clear line, at once (no hang)', async () => {
    const t0 = Date.now();
    const p = startBotProcess(botEnv({ DATA_DIR: '/proc/x' }));
    expect(await p.exited).toBe(1);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(p.output()).toContain('DATA_DIR /proc/x is inside /proc');
    expect(p.output()).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('production without ADMIN_IDS', async () => {
    const p = startBotProcess(botEnv({ NODE_ENV: 'production', ADMIN_IDS: '' }));
    expect(await p.exited).toBe(2);
    expect(p.output()).toContain('ADMIN_IDS: wajib diisi di production');
  });

  it('production without a token refuses the playground', async () => {
    const p = startBotProcess(botEnv({ NODE_ENV: 'production', BOT_TOKEN: '' }));
    expect(await p.exited).toBe(2);
    expect(p.output()).toContain('BOT_TOKEN: wajib diisi di production');
  });
});

describe('what real Telegram does at start-up', () => {
  it('starts although setMyCommands for an admin who never opened the bot is 400 "chat not found" (one warning line)', async () => {
    const stranger = 987_654_321; // an admin id the Bot API has no chat for
    const p = startBotProcess(botEnv({ ADMIN_IDS: `${ADMIN_PERSONA.id},${stranger}`, DATA_DIR: path.join(tmp.dir, 'data-scope') }));
    await p.waitForOutput('Bot berjalan', 90_000);
    const refused = emulator.calls.filter((c) => c.method === 'setMyCommands' && !c.ok);
    expect(refused.map((c) => c.error?.description)).toContain('Bad Request: chat not found');
    const warnings = p.output().split('\n').filter((l) => l.includes('admin command menu not set'));
    expect(warnings, p.output()).toHaveLength(1);
    expect(warnings[0]).toContain(String(stranger));
    p.kill('SIGTERM');
    expect(await p.exited, p.output()).toBe(0);
  }, 120_000);

  it('a second poller on the same token: the one pushed out reports 409 in one readable line and exits 1', async () => {
    const first = startBotProcess(botEnv({ DATA_DIR: path.join(tmp.dir, 'data-a') }));
    await first.waitForOutput('Bot berjalan', 90_000);
    const second = startBotProcess(botEnv({ DATA_DIR: path.join(tmp.dir, 'data-b') }));
    await second.waitForOutput('Bot berjalan', 90_000).catch(() => undefined);
    const loser = await Promise.race([first.exited.then(() => first), second.exited.then(() => second)]);
    const winner = loser === first ? second : first;
    expect(await loser.exited).toBe(1);
    const lines = loser.output().split('\n').filter((l) => l.includes('409'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Polling berhenti: .*409.*proses lain/);
    expect(loser.output()).not.toMatch(/\n\s+at /);
    expect(loser.output()).not.toContain('ERROR ERROR');
    winner.kill('SIGTERM');
    await winner.exited;
  }, 180_000);
});
