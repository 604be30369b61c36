import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AnswerService } from '../../src/answering/answer-service.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { ADMIN_GROUP, ADMIN_PERSONA, MEMBER_PERSONA, OFFICIAL_PERSONA } from '../../src/playground/personas.js';
import { openRepoKnowledgeBase } from '../helpers/kb.js';
import { ALICE, BotHarness } from '../helpers/bot-harness.js';

let kb: KnowledgeBase;
let cleanupKb: () => void;
let h: BotHarness;

beforeAll(async () => {
  ({ kb, cleanup: cleanupKb } = await openRepoKnowledgeBase());
  h = await BotHarness.start({ kb, privacyMode: false, registerCommands: true });
});
afterAll(async () => {
  await h.stop();
  cleanupKb();
});

const rejected = () => h.emulator.calls.filter((c) => !c.ok);

describe('Q&A in a private chat', () => {
  it('/start greets in Indonesian with the main menu', async () => {
    const text = await h.ask('/start');
    expect(text).toContain('Halo, Budi!');
    const msg = h.emulator.lastMessage(OFFICIAL_PERSONA.id)!;
    expect(msg.reply_markup?.inline_keyboard.flat().map((b) => ('callback_data' in b ? b.callback_data : ''))).toContain('menu:programmes');
  });

  it('registers the command menus in Indonesian and English', () => {
    const calls = h.emulator.calls.filter((c) => c.method === 'setMyCommands');
    const langs = new Set(calls.map((c) => (c.params.language_code as string | undefined) ?? 'default'));
    expect(langs.has('default') && langs.has('en')).toBe(true);
    const en = calls.find((c) => c.params.language_code === 'en')!;
    expect(JSON.stringify(en.params.commands)).toContain('Training programmes');
  });

  it('answers a question with sources, a typing indicator and rating buttons', async () => {
    const since = h.emulator.seq;
    const text = await h.ask('Berapa indeks SPBE Kaltim tahun 2024?');
    expect(text).toContain('3,79');
    expect(text).toMatch(/Sumber:\n\[1\] /);
    expect(h.emulator.chatActions.some((a) => a.chatId === OFFICIAL_PERSONA.id && a.action === 'typing')).toBe(true);
    const msg = h.emulator.lastMessage(OFFICIAL_PERSONA.id)!;
    expect(msg.html).toContain('<a href="http');
    const buttons = msg.reply_markup!.inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(['👍 Membantu', '👎 Kurang membantu']);
    // Rate it: the callback is answered and the vote stored.
    const data = (buttons[0] as { callback_data: string }).callback_data;
    h.emulator.pressButton({ chatId: OFFICIAL_PERSONA.id, messageId: msg.id, fromId: OFFICIAL_PERSONA.id, data });
    const ans = await h.emulator.waitFor((e) => e.type === 'callback_answer', 5000, since);
    expect(ans.type === 'callback_answer' && ans.answer.text).toContain('Terima kasih');
    const answerId = data.split(':')[2];
    await expect(h.stores.feedbackCounts(answerId)).resolves.toEqual({ up: 1, down: 0 });
    expect(rejected()).toEqual([]);
  });

  it('a partial answer says what is missing first, is rated apart and listed for maintainers', async () => {
    const since = h.emulator.seq;
    const text = await h.ask('Berapa indeks SPBE Pemprov Kaltim tahun 2025?');
    expect(text).toMatch(/^Indeks SPBE Pemprov Kaltim 2025 belum tercatat di basis pengetahuan\. Yang terakhir tercatat: /);
    expect(text).toContain('3,79');
    expect(text).toContain('Kutipan lengkap: /sumber');
    const msg = h.emulator.lastMessage(OFFICIAL_PERSONA.id)!;
    const data = (msg.reply_markup!.inline_keyboard.flat()[1] as { callback_data: string }).callback_data;
    h.emulator.pressButton({ chatId: OFFICIAL_PERSONA.id, messageId: msg.id, fromId: OFFICIAL_PERSONA.id, data });
    await h.emulator.waitFor((e) => e.type === 'callback_answer', 5000, since);
    const rated = await h.stores.worstRatedAnswers(50);
    expect(rated.find((a) => a.answerId === data.split(':')[2])).toMatchObject({ coverage: 'partial', down: 1 });
    expect((await h.stores.topUnanswered(50)).find((q) => q.question.includes('2025'))).toMatchObject({ coverage: 'partial' });
  });

  it('/sumber shows the full passages of the last answer', async () => {
    await h.ask('Berapa indeks SPBE Kaltim tahun 2024?');
    const text = await h.ask('/sumber');
    expect(text).toContain('Sumber jawaban terakhir');
    expect(text).toContain('3,79');
    expect(rejected()).toEqual([]);
  });

  it('refuses honestly when the answer is not in the knowledge base and records it', async () => {
    const text = await h.ask('Bagaimana resep rendang padang yang enak?');
    expect(text).toContain('belum ada di basis pengetahuan');
    await vi.waitFor(async () => {
      const top = await h.stores.topUnanswered(5);
      expect(top.map((u) => u.question)).toContain('Bagaimana resep rendang padang yang enak?');
    });
  });

  it('escapes HTML-like text and survives odd input without a rejected call', async () => {
    await h.ask('<b>indeks</b> & <script>alert(1)</script> SPBE Kaltim 2024?');
    await h.ask('x'.repeat(4096));
    await h.ask('🙂🙂 apa itu SPBE? 🚀');
    expect(rejected()).toEqual([]);
    expect(h.emulator.lastMessage(OFFICIAL_PERSONA.id)!.text).toContain('SPBE');
  });

  it("answers a message at Telegram's 4096-character maximum with a polite length notice", async () => {
    const text = await h.ask('a'.repeat(4096));
    expect(text).toContain('terlalu panjang');
  });

  it('gives one short notice for non-text messages', async () => {
    const since = h.emulator.seq;
    h.emulator.sendSticker({ chatId: OFFICIAL_PERSONA.id, fromId: OFFICIAL_PERSONA.id, emoji: '👍' } as never);
    const ev = await h.emulator.waitForBotMessage(OFFICIAL_PERSONA.id, () => true, { sinceSeq: since });
    expect(ev.message.text).toContain('hanya dapat membaca pesan teks');
  });

  it('re-answers an edited question', async () => {
    const since = h.emulator.seq;
    const id = h.emulator.messages(OFFICIAL_PERSONA.id).filter((m) => m.from === 'user' && m.kind === 'text').at(-1)!.id;
    h.emulator.editText({ chatId: OFFICIAL_PERSONA.id, messageId: id, fromId: OFFICIAL_PERSONA.id, text: 'Apa itu Satu Data Indonesia?' });
    const ev = await h.emulator.waitForBotMessage(OFFICIAL_PERSONA.id, () => true, { sinceSeq: since });
    expect(ev.message.text).toContain('pesan yang Anda edit');
    expect(ev.message.text).toContain('Satu Data');
  });

  it('answers an old or unknown button gracefully', async () => {
    // A button left over from an older version of the bot.
    const old = await h.bot.api.sendMessage(OFFICIAL_PERSONA.id, 'Pesan lama', { reply_markup: { inline_keyboard: [[{ text: 'Lama', callback_data: 'tombol:lama:123' }]] } });
    const since = h.emulator.seq;
    h.emulator.pressButton({ chatId: OFFICIAL_PERSONA.id, messageId: old.message_id, fromId: OFFICIAL_PERSONA.id, data: 'tombol:lama:123' });
    const ev = await h.emulator.waitFor((e) => e.type === 'callback_answer', 5000, since);
    expect(ev.type === 'callback_answer' && ev.answer.text).toBe('Tombol ini sudah tidak berlaku.');
  });
});

describe('languages', () => {
  it('uses English for an English Telegram client, and /bahasa switches and persists', async () => {
    expect(await h.ask('/start', { chatId: ALICE.id, fromId: ALICE.id })).toContain('Hello, Alice!');
    await h.ask('/bahasa', { chatId: ALICE.id, fromId: ALICE.id });
    const since = h.emulator.seq;
    const msg = h.emulator.lastMessage(ALICE.id)!;
    h.emulator.pressButton({ chatId: ALICE.id, messageId: msg.id, fromId: ALICE.id, data: 'lang:id' });
    await h.emulator.waitForBotMessage(ALICE.id, (m) => m.text.includes('Bahasa Indonesia'), { sinceSeq: since, edits: true });
    await expect(h.stores.getLocale(ALICE.id)).resolves.toBe('id');
    expect(await h.ask('/start', { chatId: ALICE.id, fromId: ALICE.id })).toContain('Halo, Alice!');
    await h.stores.setLocale(ALICE.id, 'en');
    expect(await h.ask('/bantuan', { chatId: ALICE.id, fromId: ALICE.id })).toContain('How to use');
  });
});

describe('groups', () => {
  it('stays quiet unless mentioned, replied to, or asked with /tanya', async () => {
    const since = h.emulator.seq;
    h.emulator.sendText({ chatId: ADMIN_GROUP.id, fromId: MEMBER_PERSONA.id, text: 'Berapa indeks SPBE Kaltim 2024?' });
    const mention = await h.ask('@asisten_asn_bot berapa indeks SPBE Kaltim 2024?', { chatId: ADMIN_GROUP.id, fromId: MEMBER_PERSONA.id });
    expect(mention).toContain('3,79');
    const botMsgs = h.emulator.messages(ADMIN_GROUP.id).filter((m) => m.from === 'bot' && m.date >= 0);
    expect(botMsgs.length).toBe(1); // only the mention got an answer
    const tanya = await h.ask('/tanya apa itu GTA?', { chatId: ADMIN_GROUP.id, fromId: ADMIN_PERSONA.id });
    expect(tanya).toContain('Government Transformation Academy');
    void since;
  });
});

describe('delivery', () => {
  it('still delivers the reply after a 429 with retry_after', async () => {
    h.emulator.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    const text = await h.ask('Apa itu SPBE?', { timeoutMs: 10_000 });
    expect(text).toContain('SPBE');
    const calls = h.emulator.calls.filter((c) => c.method === 'sendMessage');
    expect(calls.some((c) => c.error?.error_code === 429)).toBe(true);
  });

  it('answers other users while one answer is slow', async () => {
    const slow = new AnswerService({ kb });
    const original = slow.answerStream.bind(slow);
    slow.answerStream = async function* (q, o) {
      if (q.includes('lambat')) await new Promise((r) => setTimeout(r, 2500));
      yield* original(q, o);
    };
    const h2 = await BotHarness.start({ kb, privacyMode: false, registerCommands: true, answers: slow });
    try {
      const t0 = Date.now();
      h2.emulator.sendText({ chatId: OFFICIAL_PERSONA.id, fromId: OFFICIAL_PERSONA.id, text: 'pertanyaan lambat tentang SPBE' });
      const fast = await h2.ask('Apa itu SPBE?', { chatId: ALICE.id, fromId: ALICE.id });
      expect(fast).toContain('SPBE');
      expect(Date.now() - t0).toBeLessThan(2000);
    } finally {
      await h2.stop();
    }
  });

  it('rate-limits a flooding user with exactly one polite notice', async () => {
    const h3 = await BotHarness.start({ kb, privacyMode: false, registerCommands: true, rateLimit: { limit: 3, windowMs: 5000 } });
    try {
      const since = h3.emulator.seq;
      for (let i = 0; i < 8; i++) h3.emulator.sendText({ chatId: OFFICIAL_PERSONA.id, fromId: OFFICIAL_PERSONA.id, text: `Apa itu SPBE? ${i}` });
      await h3.emulator.waitForBotMessage(OFFICIAL_PERSONA.id, (m) => m.text.includes('terlalu cepat'), { sinceSeq: since });
      await new Promise((r) => setTimeout(r, 800));
      const bot = h3.emulator.messages(OFFICIAL_PERSONA.id).filter((m) => m.from === 'bot');
      expect(bot.filter((m) => m.text.includes('terlalu cepat'))).toHaveLength(1);
      expect(bot.filter((m) => m.text.includes('Sumber:')).length).toBe(3);
    } finally {
      await h3.stop();
    }
  });
});

describe('flood guard with the default limits', () => {
  it('answers every message of a fast session that waits for each reply', async () => {
    const h5 = await BotHarness.start({ kb, privacyMode: false, registerCommands: true, rateLimit: {} });
    try {
      for (let i = 0; i < 40; i++) {
        const text = await h5.ask(i % 2 ? `Apa itu GTA? ${i}` : `Berapa indeks SPBE Kaltim 2024? ${i}`);
        expect(text).not.toContain('terlalu cepat');
      }
    } finally {
      await h5.stop();
    }
  });

  it('drops a burst sent all at once beyond the backlog, with one notice', async () => {
    const h6 = await BotHarness.start({ kb, privacyMode: false, registerCommands: true, rateLimit: {} });
    try {
      const since = h6.emulator.seq;
      for (let i = 0; i < 20; i++) h6.emulator.sendText({ chatId: OFFICIAL_PERSONA.id, fromId: OFFICIAL_PERSONA.id, text: `Apa itu SPBE? ${i}` });
      await h6.emulator.waitForBotMessage(OFFICIAL_PERSONA.id, (m) => m.text.includes('terlalu cepat'), { sinceSeq: since, timeoutMs: 10_000 });
      await new Promise((r) => setTimeout(r, 1500));
      const bot = h6.emulator.messages(OFFICIAL_PERSONA.id).filter((m) => m.from === 'bot');
      expect(bot.filter((m) => m.text.includes('terlalu cepat'))).toHaveLength(1);
      const answered = bot.filter((m) => m.text.includes('Sumber:')).length;
      expect(answered).toBeGreaterThan(0);
      expect(answered).toBeLessThan(20);
    } finally {
      await h6.stop();
    }
  });
});

describe('LLM mode through the bot', () => {
  it('streams into one message and ends with the final text, sources and rating buttons', async () => {
    const { startOpenAIStub } = await import('../helpers/openai-stub.js');
    const { LlmClient } = await import('../../src/answering/llm-client.js');
    const stub = await startOpenAIStub();
    stub.reply = 'Indeks SPBE Pemprov Kaltim tahun 2024 adalah 3,79 dengan predikat Sangat Baik [1]. Nilai ini di atas indeks nasional [2].';
    const answers = new AnswerService({ kb, llm: new LlmClient({ baseURL: stub.url, apiKey: 'k', model: 'm', timeoutMs: 5000 }) });
    const h4 = await BotHarness.start({ kb, privacyMode: false, registerCommands: true, answers });
    try {
      const since = h4.emulator.seq;
      h4.emulator.sendText({ chatId: OFFICIAL_PERSONA.id, fromId: OFFICIAL_PERSONA.id, text: 'Berapa indeks SPBE Kaltim tahun 2024?' });
      const final = await h4.emulator.waitForBotMessage(OFFICIAL_PERSONA.id, (m) => m.text.includes('Sumber:'), { sinceSeq: since, edits: true, timeoutMs: 10_000 });
      const bot = h4.emulator.messages(OFFICIAL_PERSONA.id).filter((m) => m.from === 'bot');
      expect(bot).toHaveLength(1); // one message, edited in place
      expect(final.type).toBe('edit');
      expect(final.message.text).toContain('3,79');
      expect(final.message.reply_markup?.inline_keyboard.flat()).toHaveLength(2);
      expect(h4.emulator.calls.filter((c) => !c.ok && c.method !== 'getUpdates')).toEqual([]);
    } finally {
      await h4.stop();
      await stub.close();
    }
  });
});
