/**
 * A real grammY bot, long polling the emulator over HTTP: /start → HTML reply with an inline keyboard → button
 * press → answerCallbackQuery + editMessageText, all visible in the chat history as the person sees it.
 */
import { Bot, InlineKeyboard, InputFile } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotApiEmulator } from '../../src/playground/bot-api-emulator.js';
import { OFFICIAL_PERSONA, PLAYGROUND_BOT, PLAYGROUND_TOKEN } from '../../src/playground/personas.js';

const budi = OFFICIAL_PERSONA.id;

function createTestBot(apiRoot: string): Bot {
  const bot = new Bot(PLAYGROUND_TOKEN, { client: { apiRoot } });
  bot.command('start', (ctx) =>
    ctx.reply('<b>Selamat datang</b>, Budi! Pilih menu:', {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard().text('Program pelatihan', 'menu:programs'),
    }),
  );
  bot.callbackQuery('menu:programs', async (ctx) => {
    await ctx.answerCallbackQuery({ text: 'Memuat program…' });
    await ctx.editMessageText('Program: <i>DTS</i>, <i>GTA</i>', { parse_mode: 'HTML' });
  });
  bot.command('laporan', async (ctx) => {
    await ctx.replyWithChatAction('upload_document');
    await ctx.replyWithDocument(new InputFile(Buffer.from('nama,status\nBudi,disetujui\n'), 'antrean.csv'), {
      caption: 'Ekspor <b>antrean</b>',
      parse_mode: 'HTML',
    });
  });
  return bot;
}

describe('a real grammY bot against the emulator', () => {
  const emulator = new BotApiEmulator({ token: PLAYGROUND_TOKEN, bot: PLAYGROUND_BOT, users: [OFFICIAL_PERSONA] });
  let bot: Bot;
  let polling: Promise<void>;

  beforeAll(async () => {
    await emulator.start();
    bot = createTestBot(emulator.apiRoot);
    await bot.init();
    let started!: () => void;
    const ready = new Promise<void>((resolve) => (started = resolve));
    polling = bot.start({ onStart: () => started(), timeout: 10 });
    await ready;
  });

  afterAll(async () => {
    await bot.stop();
    await polling;
    await emulator.stop();
  });

  it('learns its identity from getMe', () => {
    expect(bot.botInfo.username).toBe(PLAYGROUND_BOT.username);
  });

  it('replies to /start with HTML and a keyboard, then edits the message when the button is pressed', async () => {
    const since = emulator.seq;
    emulator.sendText({ chatId: budi, fromId: budi, text: '/start' });
    const { message: reply } = await emulator.waitForBotMessage(budi, () => true, { sinceSeq: since });
    expect(reply.text).toBe('Selamat datang, Budi! Pilih menu:');
    expect(reply.entities).toEqual([{ type: 'bold', offset: 0, length: 14 }]);
    expect(reply.html).toBe('<b>Selamat datang</b>, Budi! Pilih menu:');
    expect(reply.reply_markup?.inline_keyboard[0]?.[0]).toEqual({ text: 'Program pelatihan', callback_data: 'menu:programs' });

    const beforePress = emulator.seq;
    emulator.pressButton({ chatId: budi, messageId: reply.id, fromId: budi, data: 'menu:programs' });
    await emulator.waitForBotMessage(budi, (m) => m.id === reply.id, { sinceSeq: beforePress, edits: true });

    expect(emulator.callbackAnswers.at(-1)).toMatchObject({ text: 'Memuat program…', showAlert: false, data: 'menu:programs' });
    const history = emulator.messages(budi);
    expect(history.map((m) => [m.from, m.text])).toEqual([
      ['user', '/start'],
      ['bot', 'Program: DTS, GTA'],
    ]);
    const edited = history[1];
    expect(edited).toMatchObject({ id: reply.id, edited: true, editCount: 1 });
    expect(edited?.reply_markup).toBeUndefined();
    expect(edited?.entities.map((e) => e.type)).toEqual(['italic', 'italic']);
  });

  it('uploads a document as multipart, which the page can download', async () => {
    const since = emulator.seq;
    emulator.sendText({ chatId: budi, fromId: budi, text: '/laporan' });
    const { message } = await emulator.waitForBotMessage(budi, (m) => m.kind === 'document', { sinceSeq: since });
    expect(message.document).toMatchObject({ fileName: 'antrean.csv', mimeType: 'text/csv' });
    expect(message.html).toBe('Ekspor <b>antrean</b>');
    expect(emulator.chatActions.at(-1)).toMatchObject({ chatId: budi, action: 'upload_document' });
    const download = await fetch(`${emulator.url}${message.document?.url}`);
    expect(download.headers.get('content-disposition')).toContain('antrean.csv');
    expect(await download.text()).toBe('nama,status\nBudi,disetujui\n');
  });
});
