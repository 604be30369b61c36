/** The Bot API side of the emulator over real HTTP: shapes, validation and wording as Telegram's. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BotApiEmulator } from '../../src/playground/bot-api-emulator.js';
import { ADMIN_GROUP, ADMIN_PERSONA, MEMBER_PERSONA, OFFICIAL_PERSONA } from '../../src/playground/personas.js';
import { callApi, callApiForm, createEmulator } from './helpers.js';

const budi = OFFICIAL_PERSONA.id;
const siti = ADMIN_PERSONA.id;
const group = ADMIN_GROUP.id;

interface SentMessage {
  message_id: number;
  text?: string;
  entities?: unknown[];
  chat: { id: number; type: string };
  from: { id: number; is_bot: boolean };
  reply_markup?: unknown;
  edit_date?: number;
  document?: { file_name: string; mime_type: string; file_id: string; file_size: number };
  caption?: string;
}

interface UpdateShape {
  update_id: number;
  message?: { message_id: number; text: string; entities?: unknown[]; chat: { id: number; type: string }; from: { id: number } };
  callback_query?: { id: string; data: string; chat_instance: string; message: { message_id: number }; from: { id: number } };
}

let emulator: BotApiEmulator;

beforeAll(async () => {
  emulator = createEmulator({ rateLimits: false });
  await emulator.start();
});

afterAll(async () => {
  await emulator.stop();
});

/** Confirms everything queued so each test starts from an empty queue. */
async function drainUpdates(): Promise<void> {
  await callApi(emulator, 'getUpdates', { offset: -1, timeout: 0 });
  const last = emulator.pendingUpdates().at(-1);
  if (last) await callApi(emulator, 'getUpdates', { offset: last.update_id + 1, timeout: 0 });
}

async function sendBotMessage(params: Record<string, unknown>): Promise<SentMessage> {
  const { body } = await callApi<SentMessage>(emulator, 'sendMessage', params);
  if (!body.ok || !body.result) throw new Error(`sendMessage failed: ${body.description}`);
  return body.result;
}

describe('routing and authentication', () => {
  it('answers getMe like Telegram', async () => {
    const { status, body } = await callApi(emulator, 'getMe');
    expect(status).toBe(200);
    expect(body).toEqual({
      ok: true,
      result: expect.objectContaining({ id: 8000000001, is_bot: true, first_name: 'Asisten Digital ASN', username: 'asisten_asn_bot' }),
    });
  });

  it('rejects a wrong token with 401 Unauthorized', async () => {
    const { status, body } = await callApi(emulator, 'getMe', {}, { token: '123:wrong' });
    expect(status).toBe(401);
    expect(body).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
  });

  it('answers an unknown method with 404 Not Found', async () => {
    const { status, body } = await callApi(emulator, 'sendTelepathy');
    expect(status).toBe(404);
    expect(body).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
  });

  it('matches method names case-insensitively and accepts GET with a query string', async () => {
    const response = await fetch(`${emulator.apiRoot}/bot${emulator.token}/getme`);
    expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
    const chat = await fetch(`${emulator.apiRoot}/bot${emulator.token}/getChat?chat_id=${group}`);
    expect(await chat.json()).toMatchObject({ ok: true, result: { id: group, type: 'supergroup', title: ADMIN_GROUP.title } });
  });

  it('records every call', async () => {
    await callApi(emulator, 'getChat', { chat_id: 42 });
    expect(emulator.calls.at(-1)).toMatchObject({
      method: 'getChat',
      params: { chat_id: 42 },
      ok: false,
      error: { error_code: 400, description: 'Bad Request: chat not found' },
    });
  });
});

describe('getUpdates', () => {
  beforeEach(drainUpdates);

  it('long-polls until a person writes, and drops updates once confirmed by offset', async () => {
    const seq = emulator.seq;
    const poll = callApi<UpdateShape[]>(emulator, 'getUpdates', { timeout: 10 });
    await emulator.waitFor((e) => e.type === 'long_poll', 5000, seq);
    emulator.sendText({ chatId: budi, fromId: budi, text: '/start' });
    const { body } = await poll;
    const update = body.result?.[0];
    expect(update?.message).toMatchObject({
      text: '/start',
      chat: { id: budi, type: 'private' },
      from: { id: budi },
      entities: [{ type: 'bot_command', offset: 0, length: 6 }],
    });
    // not confirmed yet: delivered again
    const again = await callApi<UpdateShape[]>(emulator, 'getUpdates', { timeout: 0 });
    expect(again.body.result?.map((u) => u.update_id)).toEqual([update?.update_id]);
    // confirmed: gone
    const after = await callApi<UpdateShape[]>(emulator, 'getUpdates', { offset: (update?.update_id ?? 0) + 1, timeout: 0 });
    expect(after.body.result).toEqual([]);
    expect(emulator.pendingUpdates()).toEqual([]);
  });

  it('returns an empty list when the timeout expires', async () => {
    const started = Date.now();
    const { body } = await callApi(emulator, 'getUpdates', { timeout: 1 });
    expect(body).toEqual({ ok: true, result: [] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('honours limit and form-encoded parameters', async () => {
    emulator.sendText({ chatId: budi, fromId: budi, text: 'satu' });
    emulator.sendText({ chatId: budi, fromId: budi, text: 'dua' });
    const { body } = await callApiForm<UpdateShape[]>(emulator, 'getUpdates', { limit: '1', timeout: '0' });
    expect(body.result?.map((u) => u.message?.text)).toEqual(['satu']);
  });

  it('remembers allowed_updates and drops other types', async () => {
    emulator.sendText({ chatId: budi, fromId: budi, text: 'halo' });
    const { body } = await callApi<UpdateShape[]>(emulator, 'getUpdates', { timeout: 0, allowed_updates: ['callback_query'] });
    expect(body.result).toEqual([]);
    await callApi(emulator, 'getUpdates', { timeout: 0, allowed_updates: [] });
  });

  it('terminates the older long poll with 409 when a second one starts, and keeps the newer one', async () => {
    const seq = emulator.seq;
    const first = callApi<UpdateShape[]>(emulator, 'getUpdates', { timeout: 10 });
    const firstWaiting = await emulator.waitFor((e) => e.type === 'long_poll', 5000, seq);
    const second = callApi<UpdateShape[]>(emulator, 'getUpdates', { timeout: 10 });
    await emulator.waitFor((e) => e.type === 'long_poll', 5000, firstWaiting.seq);
    const conflict = await first;
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({
      ok: false,
      error_code: 409,
      description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
    emulator.sendText({ chatId: budi, fromId: budi, text: 'masih hidup?' });
    expect((await second).body.result?.[0]?.message?.text).toBe('masih hidup?');
  });

  it('refuses getUpdates while a webhook is set', async () => {
    await callApi(emulator, 'setWebhook', { url: 'https://bot.example.go.id/hook', secret_token: 'abc_123' });
    const info = await callApi(emulator, 'getWebhookInfo');
    expect(info.body.result).toMatchObject({ url: 'https://bot.example.go.id/hook', pending_update_count: 0 });
    const { status, body } = await callApi(emulator, 'getUpdates', { timeout: 0 });
    expect(status).toBe(409);
    expect(body.description).toBe("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    await callApi(emulator, 'deleteWebhook', { drop_pending_updates: true });
    expect((await callApi(emulator, 'getUpdates', { timeout: 0 })).body.ok).toBe(true);
  });
});

describe('sendMessage validation', () => {
  it('sends HTML and returns the Message object', async () => {
    const message = await sendBotMessage({ chat_id: budi, text: '<b>Halo</b> Budi', parse_mode: 'HTML' });
    expect(message).toMatchObject({
      text: 'Halo Budi',
      entities: [{ type: 'bold', offset: 0, length: 4 }],
      chat: { id: budi, type: 'private' },
      from: { id: 8000000001, is_bot: true },
    });
    expect(emulator.lastMessage(budi)).toMatchObject({ id: message.message_id, from: 'bot', html: '<b>Halo</b> Budi' });
  });

  it.each([
    [{ chat_id: 424242, text: 'x' }, 'Bad Request: chat not found'],
    [{ text: 'x' }, 'Bad Request: chat_id is empty'],
    [{ chat_id: budi, text: '' }, 'Bad Request: message text is empty'],
    [{ chat_id: budi }, 'Bad Request: message text is empty'],
    [{ chat_id: budi, text: '  \n ' }, 'Bad Request: message text is empty'],
    [{ chat_id: budi, text: 'Awas <script>alert(1)</script>', parse_mode: 'HTML' },
      'Bad Request: can\'t parse entities: Unsupported start tag "script" at byte offset 5'],
    [{ chat_id: budi, text: '<b>tebal', parse_mode: 'HTML' },
      'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"'],
    [{ chat_id: budi, text: 'skor 3 < 5', parse_mode: 'HTML' },
      'Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 7'],
  ])('%j → %s', async (params, description) => {
    const { status, body } = await callApi(emulator, 'sendMessage', params);
    expect(status).toBe(400);
    expect(body).toEqual({ ok: false, error_code: 400, description });
  });

  it('counts the 4096 limit after entity parsing', async () => {
    const ok = await callApi(emulator, 'sendMessage', { chat_id: budi, text: `<b>${'a'.repeat(4096)}</b>`, parse_mode: 'HTML' });
    expect(ok.body.ok).toBe(true);
    const long = await callApi(emulator, 'sendMessage', { chat_id: budi, text: 'a'.repeat(4097) });
    expect(long.status).toBe(400);
    expect(long.body.description).toBe('Bad Request: message is too long');
    const emoji = await callApi(emulator, 'sendMessage', { chat_id: budi, text: '😀'.repeat(4096) });
    expect(emoji.body.ok).toBe(true);
  });

  it('rejects callback_data over 64 bytes (not characters) with BUTTON_DATA_INVALID', async () => {
    const keyboard = (data: string) => ({ inline_keyboard: [[{ text: 'Setujui', callback_data: data }]] });
    expect((await callApi(emulator, 'sendMessage', { chat_id: budi, text: 'x', reply_markup: keyboard('a'.repeat(64)) })).body.ok).toBe(true);
    for (const data of ['a'.repeat(65), 'é'.repeat(33), '']) {
      const { status, body } = await callApi(emulator, 'sendMessage', { chat_id: budi, text: 'x', reply_markup: keyboard(data) });
      expect(status).toBe(400);
      expect(body.description).toBe('Bad Request: BUTTON_DATA_INVALID');
    }
  });

  it('requires exactly one action per inline button', async () => {
    const none = await callApi(emulator, 'sendMessage', { chat_id: budi, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'A' }]] } });
    expect(none.body.description).toBe("Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    const both = await callApi(emulator, 'sendMessage', {
      chat_id: budi, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a', url: 'https://spbe.go.id' }]] },
    });
    expect(both.status).toBe(400);
    expect(both.body.description).toMatch(/^Bad Request: can't parse inline keyboard button: only one of the fields/);
  });

  it('accepts reply_markup as a JSON string in a form body', async () => {
    const { body } = await callApiForm<SentMessage>(emulator, 'sendMessage', {
      chat_id: String(budi),
      text: 'Pilih',
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'Buka', url: 'https://spbe.go.id' }]] }),
    });
    expect(body.result?.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Buka', url: 'https://spbe.go.id' }]] });
  });

  it('links replies with reply_parameters and rejects unknown targets', async () => {
    const first = await sendBotMessage({ chat_id: budi, text: 'pertama' });
    const reply = await sendBotMessage({ chat_id: budi, text: 'balasan', reply_parameters: { message_id: first.message_id } });
    expect(reply).toMatchObject({ reply_to_message: { message_id: first.message_id, text: 'pertama' } });
    expect(emulator.lastMessage(budi)?.replyTo).toMatchObject({ id: first.message_id, text: 'pertama' });
    const missing = await callApi(emulator, 'sendMessage', { chat_id: budi, text: 'x', reply_to_message_id: 99999 });
    expect(missing.body.description).toBe('Bad Request: message to be replied not found');
  });

  it('answers 403 for a person who blocked the bot', async () => {
    emulator.blockUser(siti);
    const { status, body } = await callApi(emulator, 'sendMessage', { chat_id: siti, text: 'halo' });
    expect(status).toBe(403);
    expect(body).toEqual({ ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    emulator.unblockUser(siti);
    expect((await callApi(emulator, 'sendMessage', { chat_id: siti, text: 'halo' })).body.ok).toBe(true);
  });
});

describe('editing and deleting', () => {
  it('edits text, drops the keyboard when reply_markup is omitted, and refuses an identical edit', async () => {
    const markup = { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] };
    const sent = await sendBotMessage({ chat_id: budi, text: 'Menjawab', reply_markup: markup });
    const same = await callApi(emulator, 'editMessageText', { chat_id: budi, message_id: sent.message_id, text: 'Menjawab', reply_markup: markup });
    expect(same.status).toBe(400);
    expect(same.body.description).toBe(
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
    const edited = await callApi<SentMessage>(emulator, 'editMessageText', { chat_id: budi, message_id: sent.message_id, text: 'Menjawab…selesai' });
    expect(edited.body.result).toMatchObject({ text: 'Menjawab…selesai', edit_date: expect.any(Number) });
    expect(edited.body.result?.reply_markup).toBeUndefined();
    expect(emulator.messages(budi).find((m) => m.id === sent.message_id)).toMatchObject({ edited: true, editCount: 1 });
  });

  it('reports unknown messages and messages the bot cannot edit', async () => {
    const unknown = await callApi(emulator, 'editMessageText', { chat_id: budi, message_id: 987654, text: 'x' });
    expect(unknown.body.description).toBe('Bad Request: message to edit not found');
    emulator.sendText({ chatId: budi, fromId: budi, text: 'pesan saya' });
    const own = emulator.lastMessage(budi);
    const foreign = await callApi(emulator, 'editMessageText', { chat_id: budi, message_id: own?.id, text: 'x' });
    expect(foreign.body.description).toBe("Bad Request: message can't be edited");
  });

  it('edits only the reply markup', async () => {
    const sent = await sendBotMessage({ chat_id: budi, text: 'Kartu', reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } });
    const next = { inline_keyboard: [[{ text: 'B', callback_data: 'b' }]] };
    expect((await callApi(emulator, 'editMessageReplyMarkup', { chat_id: budi, message_id: sent.message_id, reply_markup: next })).body.ok).toBe(true);
    const again = await callApi(emulator, 'editMessageReplyMarkup', { chat_id: budi, message_id: sent.message_id, reply_markup: next });
    expect(again.body.description).toMatch(/^Bad Request: message is not modified/);
  });

  it('deletes a message once', async () => {
    const sent = await sendBotMessage({ chat_id: budi, text: 'sementara' });
    expect((await callApi(emulator, 'deleteMessage', { chat_id: budi, message_id: sent.message_id })).body).toEqual({ ok: true, result: true });
    expect(emulator.messages(budi).some((m) => m.id === sent.message_id)).toBe(false);
    const twice = await callApi(emulator, 'deleteMessage', { chat_id: budi, message_id: sent.message_id });
    expect(twice.body.description).toBe('Bad Request: message to delete not found');
  });
});

describe('callback queries', () => {
  it('delivers a press as callback_query and accepts exactly one answer', async () => {
    await drainUpdates();
    const card = await sendBotMessage({ chat_id: budi, text: 'Daftar DTS?', reply_markup: { inline_keyboard: [[{ text: 'Ya', callback_data: 'enrol:dts' }]] } });
    emulator.pressButton({ chatId: budi, messageId: card.message_id, fromId: budi, data: 'enrol:dts' });
    const { body } = await callApi<UpdateShape[]>(emulator, 'getUpdates', { timeout: 0 });
    const query = body.result?.at(-1)?.callback_query;
    expect(query).toMatchObject({ data: 'enrol:dts', from: { id: budi }, message: { message_id: card.message_id } });
    expect(query?.chat_instance).toMatch(/^-?\d+$/);

    const first = await callApi(emulator, 'answerCallbackQuery', { callback_query_id: query?.id, text: 'Tercatat', show_alert: true });
    expect(first.body).toEqual({ ok: true, result: true });
    expect(emulator.callbackAnswers.at(-1)).toMatchObject({ callbackQueryId: query?.id, text: 'Tercatat', showAlert: true, chatId: budi });
    const second = await callApi(emulator, 'answerCallbackQuery', { callback_query_id: query?.id });
    expect(second.status).toBe(400);
    expect(second.body.description).toBe('Bad Request: query is too old and response timeout expired or query ID is invalid');
    const unknown = await callApi(emulator, 'answerCallbackQuery', { callback_query_id: '123' });
    expect(unknown.body.description).toBe('Bad Request: query is too old and response timeout expired or query ID is invalid');
  });

  it('only lets people press buttons that exist', async () => {
    const card = await sendBotMessage({ chat_id: budi, text: 'Kartu', reply_markup: { inline_keyboard: [[{ text: 'Ya', callback_data: 'ya' }]] } });
    expect(() => emulator.pressButton({ chatId: budi, messageId: card.message_id, fromId: budi, data: 'palsu' })).toThrow(/tidak punya tombol/);
  });
});

describe('sendDocument as multipart/form-data', () => {
  it('stores the uploaded bytes with name, MIME type and an HTML caption', async () => {
    const form = new FormData();
    form.set('chat_id', String(siti));
    form.set('caption', '<b>Antrean</b> hari ini');
    form.set('parse_mode', 'HTML');
    form.set('reply_markup', JSON.stringify({ inline_keyboard: [[{ text: 'Segarkan', callback_data: 'refresh' }]] }));
    form.set('document', new Blob(['id;status\n1;baru\n']), 'antrean.csv');
    const response = await fetch(`${emulator.apiRoot}/bot${emulator.token}/sendDocument`, { method: 'POST', body: form });
    const body = (await response.json()) as { ok: boolean; result: SentMessage };
    expect(body.ok).toBe(true);
    expect(body.result).toMatchObject({
      caption: 'Antrean hari ini',
      document: { file_name: 'antrean.csv', mime_type: 'text/csv', file_size: 17 },
    });
    const view = emulator.lastMessage(siti);
    expect(view).toMatchObject({ kind: 'document', html: '<b>Antrean</b> hari ini', document: { fileName: 'antrean.csv' } });
    const download = await fetch(`${emulator.url}${view?.document?.url}`);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="antrean.csv"; filename*=UTF-8\'\'antrean.csv');
    expect(await download.text()).toBe('id;status\n1;baru\n');

    const file = await callApi<{ file_path: string }>(emulator, 'getFile', { file_id: body.result.document?.file_id });
    const viaBotApi = await fetch(`${emulator.apiRoot}/file/bot${emulator.token}/${file.body.result?.file_path}`);
    expect(await viaBotApi.text()).toBe('id;status\n1;baru\n');
  });

  it('reports a missing document and a bad caption like Telegram', async () => {
    const missing = await callApi(emulator, 'sendDocument', { chat_id: siti });
    expect(missing.body.description).toBe('Bad Request: there is no document in the request');
    const form = new FormData();
    form.set('chat_id', String(siti));
    form.set('caption', '<i>miring');
    form.set('parse_mode', 'HTML');
    form.set('document', new Blob(['x']), 'x.txt');
    const response = await fetch(`${emulator.apiRoot}/bot${emulator.token}/sendDocument`, { method: 'POST', body: form });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { description: string }).description).toBe(
      'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "i"',
    );
  });
});

describe('fault injection and rate limits', () => {
  it('fails the next call with 429 and retry_after, then recovers', async () => {
    emulator.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', retry_after: 3 });
    const failed = await callApi(emulator, 'sendMessage', { chat_id: budi, text: 'x' });
    expect(failed.status).toBe(429);
    expect(failed.body).toEqual({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
    expect((await callApi(emulator, 'sendMessage', { chat_id: budi, text: 'x' })).body.ok).toBe(true);
  });

  it('fails a given number of times and delays calls', async () => {
    emulator.failNext('getChat', { error_code: 500, description: 'Internal Server Error' }, 2);
    expect((await callApi(emulator, 'getChat', { chat_id: budi })).status).toBe(500);
    expect((await callApi(emulator, 'getChat', { chat_id: budi })).status).toBe(500);
    expect((await callApi(emulator, 'getChat', { chat_id: budi })).status).toBe(200);
    emulator.setDelay('getChat', 150);
    const started = Date.now();
    await callApi(emulator, 'getChat', { chat_id: budi });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    emulator.setDelay('getChat', 0);
  });

  it('limits a group to 20 messages per minute with a burst, answering 429 Too Many Requests', async () => {
    const now = 1_700_000_000_000;
    const limited = createEmulator({ clock: () => now });
    await limited.start();
    try {
      for (let k = 0; k < 20; k++) {
        expect((await callApi(limited, 'sendMessage', { chat_id: group, text: `kartu ${k}` })).body.ok).toBe(true);
      }
      const { status, body } = await callApi(limited, 'sendMessage', { chat_id: group, text: 'satu lagi' });
      expect(status).toBe(429);
      expect(body).toEqual({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
      // other chats are not affected by the group's limit
      expect((await callApi(limited, 'sendMessage', { chat_id: budi, text: 'pribadi' })).body.ok).toBe(true);
    } finally {
      await limited.stop();
    }
  });
});

describe('commands, chat members and groups', () => {
  it('stores commands per scope and language and resolves the menu as Telegram does', async () => {
    await callApi(emulator, 'setMyCommands', { commands: [{ command: 'start', description: 'Start' }] });
    await callApi(emulator, 'setMyCommands', { commands: [{ command: 'mulai', description: 'Mulai' }], language_code: 'id' });
    await callApi(emulator, 'setMyCommands', {
      commands: [{ command: 'antrean', description: 'Antrean permintaan' }],
      scope: { type: 'chat', chat_id: siti },
    });
    expect((await callApi(emulator, 'getMyCommands', { language_code: 'id' })).body.result).toEqual([{ command: 'mulai', description: 'Mulai' }]);
    expect(emulator.commandsFor(budi, budi)).toEqual([{ command: 'mulai', description: 'Mulai' }]);
    expect(emulator.commandsFor(siti, siti)).toEqual([{ command: 'antrean', description: 'Antrean permintaan' }]);
    const invalid = await callApi(emulator, 'setMyCommands', { commands: [{ command: 'Bad Command', description: 'x' }] });
    expect(invalid.body.description).toBe('Bad Request: BOT_COMMAND_INVALID');
    await callApi(emulator, 'deleteMyCommands', { language_code: 'id' });
    expect(emulator.commandsFor(budi, budi)).toEqual([{ command: 'start', description: 'Start' }]);
  });

  it('reports group roles with getChatMember', async () => {
    const admin = await callApi(emulator, 'getChatMember', { chat_id: group, user_id: siti });
    expect(admin.body.result).toMatchObject({ status: 'creator', user: { id: siti } });
    const member = await callApi(emulator, 'getChatMember', { chat_id: group, user_id: MEMBER_PERSONA.id });
    expect(member.body.result).toMatchObject({ status: 'member' });
    const outsider = await callApi(emulator, 'getChatMember', { chat_id: group, user_id: budi });
    expect(outsider.body.result).toMatchObject({ status: 'left' });
  });

  it('applies group privacy mode: commands reach the bot, chatter does not', async () => {
    await drainUpdates();
    expect(emulator.sendText({ chatId: group, fromId: MEMBER_PERSONA.id, text: 'selamat pagi semua' })).toBeNull();
    const updateId = emulator.sendText({ chatId: group, fromId: siti, text: '/antrean@asisten_asn_bot' });
    expect(updateId).toEqual(expect.any(Number));
    const { body } = await callApi<UpdateShape[]>(emulator, 'getUpdates', { timeout: 0 });
    expect(body.result?.map((u) => u.message?.text)).toEqual(['/antrean@asisten_asn_bot']);
    expect(body.result?.[0]?.message).toMatchObject({
      chat: { id: group, type: 'supergroup' },
      entities: [{ type: 'bot_command', offset: 0, length: 24 }],
    });
  });

  it('stops posting to a group after leaveChat', async () => {
    const limited = createEmulator({ rateLimits: false });
    await limited.start();
    try {
      expect((await callApi(limited, 'leaveChat', { chat_id: group })).body.ok).toBe(true);
      const { status, body } = await callApi(limited, 'sendMessage', { chat_id: group, text: 'x' });
      expect(status).toBe(403);
      expect(body.description).toBe('Forbidden: bot is not a member of the supergroup chat');
    } finally {
      await limited.stop();
    }
  });
});

describe('getFile and file downloads', () => {
  it('serves a file a person sent, with file_size; above 20 MB getFile fails as on Telegram', async () => {
    emulator.sendDocument({ chatId: budi, fromId: budi, fileName: 'kecil.txt', content: 'halo' });
    emulator.sendDocument({ chatId: budi, fromId: budi, fileName: 'besar.pdf', content: Buffer.alloc(21 * 1024 * 1024, 1) });
    const { body } = await callApi<Array<{ message?: { document?: { file_id: string; file_size: number } } }>>(emulator, 'getUpdates', { timeout: 0 });
    const docs = (body.result ?? []).map((u) => u.message?.document).filter(Boolean) as Array<{ file_id: string; file_size: number }>;
    const [small, big] = docs.slice(-2);
    expect(small!.file_size).toBe(4);
    expect(big!.file_size).toBe(21 * 1024 * 1024);
    const file = await callApi<{ file_path: string; file_size: number }>(emulator, 'getFile', { file_id: small!.file_id });
    expect(file.body.result).toMatchObject({ file_size: 4, file_path: expect.stringMatching(/^documents\/file_\d+\.txt$/) });
    const download = await fetch(`${emulator.apiRoot}/file/bot${emulator.token}/${file.body.result!.file_path}`);
    expect(await download.text()).toBe('halo');
    const wrongToken = await fetch(`${emulator.apiRoot}/file/bot123:wrong/${file.body.result!.file_path}`);
    expect(wrongToken.status).toBe(404);
    const tooBig = await callApi(emulator, 'getFile', { file_id: big!.file_id });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.description).toBe('Bad Request: file is too big');
    await drainUpdates();
  });
});

describe('what Telegram does that bots must survive', () => {
  it('a game button press is a callback_query without data', async () => {
    await drainUpdates();
    const sent = await sendBotMessage({ chat_id: budi, text: 'Main kuis', reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'Main', callback_game: {} }]] }) });
    emulator.pressGameButton({ chatId: budi, fromId: budi, messageId: sent.message_id });
    const { body } = await callApi<Array<{ callback_query?: Record<string, unknown> }>>(emulator, 'getUpdates', { timeout: 0 });
    const query = body.result!.at(-1)!.callback_query!;
    expect(query).toMatchObject({ game_short_name: 'permainan', from: { id: budi } });
    expect('data' in query).toBe(false);
    expect((await callApi(emulator, 'answerCallbackQuery', { callback_query_id: query.id })).body.ok).toBe(true);
    // A message without a game button cannot produce one.
    const plain = await sendBotMessage({ chat_id: budi, text: 'biasa' });
    expect(() => emulator.pressGameButton({ chatId: budi, fromId: budi, messageId: plain.message_id })).toThrow(/callback_game/);
  });

  it('setMyCommands for the chat of someone the bot never met: 400 chat not found', async () => {
    const { status, body } = await callApi(emulator, 'setMyCommands', { commands: JSON.stringify([{ command: 'antrian', description: 'Antrean' }]), scope: JSON.stringify({ type: 'chat', chat_id: 987654321 }) });
    expect(status).toBe(400);
    expect(body).toMatchObject({ ok: false, description: 'Bad Request: chat not found' });
  });

  it('a persona can start out having blocked the bot (403 on every send)', async () => {
    const blocked = createEmulator({ rateLimits: false, blockedUsers: [budi] });
    await blocked.start();
    try {
      const { status, body } = await callApi(blocked, 'sendMessage', { chat_id: budi, text: 'halo' });
      expect(status).toBe(403);
      expect(body).toMatchObject({ description: 'Forbidden: bot was blocked by the user' });
    } finally {
      await blocked.stop();
    }
  });
});
