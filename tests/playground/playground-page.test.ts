/** The people's side over HTTP (the page API) and the page files themselves. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotApiEmulator } from '../../src/playground/bot-api-emulator.js';
import type { SequencedEvent } from '../../src/playground/emulator-types.js';
import { ADMIN_GROUP, ADMIN_PERSONA, MAINTAINER_PERSONA, MEMBER_PERSONA, OFFICIAL_PERSONA } from '../../src/playground/personas.js';
import { startPlayground, type Playground } from '../../src/playground/playground.js';
import { readWebFile, WEB_FILES } from '../../src/playground/static-files.js';
import { callApi, pageApi } from './helpers.js';

const budi = OFFICIAL_PERSONA.id;
const siti = ADMIN_PERSONA.id;
const andi = MEMBER_PERSONA.id;
const group = ADMIN_GROUP.id;

interface PageResult {
  ok: boolean;
  error?: string;
  updateId?: number | null;
  callbackQueryId?: string;
}

let playground: Playground;
let emulator: BotApiEmulator;

beforeAll(async () => {
  playground = await startPlayground({ port: 0, emulator: { rateLimits: false } });
  emulator = playground.emulator;
});

afterAll(async () => {
  await playground.close();
});

describe('startPlayground', () => {
  it('returns what the bot needs to run against it', () => {
    expect(playground).toMatchObject({
      token: '8000000001:PLAYGROUND_local_token_0123456789abc',
      adminIds: [siti],
      adminChatId: group,
      apiRoot: playground.url,
    });
    expect(playground.token).toMatch(/^\d+:[A-Za-z0-9_-]{30,}$/);
    expect(playground.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('explains how to fix a port that is already in use', async () => {
    const port = Number(new URL(playground.url).port);
    await expect(startPlayground({ port })).rejects.toThrow(/PORT/);
  });
});

describe('page API: state and actions', () => {
  it('describes the persona tabs (official, admin, maintainer, admin group) with speakers and their roles', async () => {
    const { status, body } = await pageApi<{ views: Array<{ key: string; chatId: number; chatType: string; speakers: Array<{ id: number; isAdmin: boolean }> }> }>(emulator, 'state');
    expect(status).toBe(200);
    expect(body.views.map((v) => [v.key, v.chatId, v.chatType])).toEqual([
      ['official', budi, 'private'],
      ['admin', siti, 'private'],
      ['maintainer', MAINTAINER_PERSONA.id, 'private'],
      ['group', group, 'supergroup'],
    ]);
    expect(body.views[3]?.speakers.map((s) => [s.id, s.isAdmin])).toEqual([[siti, true], [andi, false]]);
  });

  it('sends text as a message update with a bot_command entity', async () => {
    const { status, body } = await pageApi<PageResult>(emulator, 'send', { chatId: budi, fromId: budi, text: '/start halo' });
    expect(status).toBe(200);
    expect(body.updateId).toEqual(expect.any(Number));
    const update = emulator.pendingUpdates().find((u) => u.update_id === body.updateId);
    expect(update?.message).toMatchObject({
      text: '/start halo',
      chat: { id: budi, type: 'private' },
      from: { id: budi, is_bot: false, first_name: 'Budi', username: 'budi_asn', language_code: 'id' },
      entities: [{ type: 'bot_command', offset: 0, length: 6 }],
    });
  });

  it('marks @bot mentions and sends group messages with chat.type supergroup', async () => {
    const { body } = await pageApi<PageResult>(emulator, 'send', { chatId: group, fromId: siti, text: '/antrean @asisten_asn_bot' });
    const update = emulator.pendingUpdates().find((u) => u.update_id === body.updateId);
    expect(update?.message).toMatchObject({
      chat: { id: group, type: 'supergroup', title: 'Grup Admin Pendaftaran' },
      entities: [{ type: 'bot_command', offset: 0, length: 8 }, { type: 'mention', offset: 9, length: 16 }],
    });
  });

  it('presses a button: callback_query with a fresh id, the message and chat_instance', async () => {
    const sent = await callApi<{ message_id: number }>(emulator, 'sendMessage', {
      chat_id: group,
      text: 'Permintaan baru',
      reply_markup: { inline_keyboard: [[{ text: 'Setujui', callback_data: 'req:1:approve' }]] },
    });
    const messageId = sent.body.result?.message_id;
    const press = await pageApi<PageResult>(emulator, 'press', { chatId: group, messageId, fromId: andi, data: 'req:1:approve' });
    expect(press.status).toBe(200);
    const update = emulator.pendingUpdates().find((u) => u.update_id === press.body.updateId);
    expect(update?.callback_query).toMatchObject({
      id: press.body.callbackQueryId,
      from: { id: andi },
      data: 'req:1:approve',
      chat_instance: expect.stringMatching(/^-?\d+$/),
      message: { message_id: messageId, chat: { id: group, type: 'supergroup' } },
    });
  });

  it('sends a sticker (a non-text message) with realistic fields', async () => {
    const { body } = await pageApi<PageResult>(emulator, 'sticker', { chatId: budi, fromId: budi });
    const update = emulator.pendingUpdates().find((u) => u.update_id === body.updateId);
    expect(update?.message).toMatchObject({
      sticker: { type: 'regular', width: 512, height: 512, emoji: '👍', file_id: expect.any(String), file_unique_id: expect.any(String) },
    });
    expect(update?.message).not.toHaveProperty('text');
  });

  it.each([
    ['send', { chatId: budi, fromId: budi }, 400, 'Kolom "text" wajib diisi'],
    ['send', { chatId: 'abc', fromId: budi, text: 'x' }, 400, 'Kolom "chatId" harus bilangan bulat'],
    ['send', { chatId: 123, fromId: budi, text: 'x' }, 404, 'Chat 123 tidak dikenal'],
    ['send', { chatId: budi, fromId: siti, text: 'x' }, 403, `Pengguna ${siti} tidak bisa menulis di chat pribadi ${budi}`],
    ['send', { chatId: group, fromId: budi, text: 'x' }, 403, `Pengguna ${budi} bukan anggota grup ${group}`],
    ['press', { chatId: budi, messageId: 99999, fromId: budi, data: 'x' }, 404, 'Pesan bot 99999 tidak ditemukan'],
    ['sticker', { chatId: budi, fromId: budi, kind: 'video' }, 400, 'Kolom "kind" harus sticker, photo atau voice'],
  ])('rejects bad input to %s: %j', async (path, payload, status, error) => {
    const response = await pageApi<PageResult>(emulator, path, payload);
    expect(response).toEqual({ status, body: { ok: false, error } });
  });

  it('rejects non-JSON bodies, unknown routes and cross-origin posts', async () => {
    const text = await fetch(`${emulator.url}/playground/api/send`, { method: 'POST', body: 'chatId=1', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const broken = await fetch(`${emulator.url}/playground/api/send`, { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } });
    expect(await broken.json()).toEqual({ ok: false, error: 'Badan permintaan bukan JSON yang valid' });
    expect((await pageApi(emulator, 'nope')).status).toBe(404);
    const foreign = await pageApi(emulator, 'send', { chatId: budi, fromId: budi, text: 'x' }, { origin: 'http://evil.invalid' });
    expect(foreign.status).toBe(403);
  });
});

describe('page API: history and events', () => {
  it('returns the chat history with safe HTML', async () => {
    await callApi(emulator, 'sendMessage', { chat_id: siti, text: '<b>Antrean</b> &lt;3 item&gt;', parse_mode: 'HTML' });
    const { body } = await pageApi<{ messages: Array<{ from: string; html: string; text: string }> }>(emulator, `messages?chatId=${siti}`);
    expect(body.messages.at(-1)).toMatchObject({ from: 'bot', text: 'Antrean <3 item>', html: '<b>Antrean</b> &lt;3 item&gt;' });
  });

  it('long-polls events: new and edited messages, chat actions and callback answers, for one chat only', async () => {
    const { body: start } = await pageApi<{ seq: number }>(emulator, `messages?chatId=${budi}`);
    const poll = pageApi<{ seq: number; events: SequencedEvent[] }>(emulator, `events?chatId=${budi}&after=${start.seq}`);
    await callApi(emulator, 'sendMessage', { chat_id: siti, text: 'untuk chat lain' });
    await callApi(emulator, 'sendChatAction', { chat_id: budi, action: 'typing' });
    const first = await poll;
    expect(first.body.events.map((e) => e.type)).toEqual(['chat_action']);
    expect(first.body.events[0]).toMatchObject({ chatId: budi, action: 'typing', until: expect.any(Number) });

    const sent = await callApi<{ message_id: number }>(emulator, 'sendMessage', {
      chat_id: budi, text: 'Sebentar', reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] },
    });
    const messageId = sent.body.result?.message_id as number;
    await callApi(emulator, 'editMessageText', { chat_id: budi, message_id: messageId, text: 'Sebentar… selesai', reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] } });
    const press = await pageApi<PageResult>(emulator, 'press', { chatId: budi, messageId, fromId: budi, data: 'ok' });
    await callApi(emulator, 'answerCallbackQuery', { callback_query_id: press.body.callbackQueryId, text: 'Siap!' });

    const second = await pageApi<{ seq: number; events: SequencedEvent[] }>(emulator, `events?chatId=${budi}&after=${first.body.seq}`);
    expect(second.body.events.map((e) => e.type)).toEqual(['message', 'edit', 'callback_answer']);
    expect(second.body.events[1]).toMatchObject({ message: { id: messageId, text: 'Sebentar… selesai', edited: true } });
    expect(second.body.events[2]).toMatchObject({ answer: { text: 'Siap!', showAlert: false, callbackQueryId: press.body.callbackQueryId } });
  });

  it('returns at once with timeout=0 when nothing happened', async () => {
    const { body } = await pageApi<{ events: unknown[]; seq: number }>(emulator, `events?chatId=${budi}&after=${emulator.seq}&timeout=0`);
    expect(body.events).toEqual([]);
  });

  it('404s an unknown file', async () => {
    expect((await pageApi(emulator, 'file/BQAC-nothing')).status).toBe(404);
  });
});

describe('the chat page', () => {
  it('is served at / with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${emulator.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<html lang="id">');
    for (const path of ['/app.js', '/style.css']) expect((await fetch(`${emulator.url}${path}`)).status).toBe(200);
  });

  it.each(WEB_FILES)('%s references no external URL (works offline)', async (name) => {
    const text = (await readWebFile(name)).toString('utf8');
    expect(text).not.toMatch(/https?:\/\//i);
    expect(text).not.toMatch(/(^|[^:])\/\/[a-z0-9-]+\.[a-z]/i);
    if (name === 'style.css') expect(text).not.toMatch(/@import|url\((?!data:)/i);
    if (name === 'index.html') expect(text).not.toMatch(/<(?:script|link|img|iframe)[^>]+(?:src|href)="(?!\/|data:|#)/i);
  });

  it('carries the stable test ids and accessibility landmarks', async () => {
    const html = (await readWebFile('index.html')).toString('utf8');
    const js = (await readWebFile('app.js')).toString('utf8');
    for (const id of ['speaker-select', 'message-input', 'send-button', 'typing-indicator', 'commands-button']) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    for (const id of ["'message'", "'inline-button'", "'toast'", '`persona-${view.key}`']) expect(js).toContain(id);
    expect(html).toMatch(/role="log" aria-live="polite"/);
    expect(html).toContain('<label for="message-input"');
    for (const button of html.match(/<button[^>]*>[^<]*/g) ?? []) {
      expect(button.includes('aria-label=') || button.replace(/<button[^>]*>/, '').trim().length > 0).toBe(true);
    }
  });
});

describe('cli', () => {
  it('starts the emulator alone and prints its URL and token as JSON', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/playground/cli.ts', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const lines = createInterface({ input: child.stdout });
      const [line] = (await once(lines, 'line')) as [string];
      const info = JSON.parse(line) as { url: string; apiRoot: string; token: string; adminIds: number[]; adminChatId: number };
      expect(info).toMatchObject({ token: '8000000001:PLAYGROUND_local_token_0123456789abc', adminIds: [siti], adminChatId: group });
      const response = await fetch(`${info.apiRoot}/bot${info.token}/getMe`);
      expect(await response.json()).toMatchObject({ ok: true, result: { username: 'asisten_asn_bot' } });
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  });
});
