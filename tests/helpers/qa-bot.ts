import path from 'node:path';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import { AnswerService } from '../../src/answering/answer-service.js';
import type { BotContext, BotDeps } from '../../src/bot/context.js';
import { createBot, registerCommands } from '../../src/bot/create-bot.js';
import { parseCatalogue } from '../../src/enrolment/catalogue.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { silentLogger, type Logger } from '../../src/logger.js';
import { BotApiEmulator } from '../../src/playground/bot-api-emulator.js';
import { ADMIN_GROUP, ADMIN_PERSONA, MEMBER_PERSONA, OFFICIAL_PERSONA, PLAYGROUND_BOT, PLAYGROUND_TOKEN } from '../../src/playground/personas.js';
import { openDatabase } from '../../src/storage/sqlite.js';
import { SqliteBotStores } from '../../src/storage/sqlite-bot-stores.js';
import { SqliteEnrolmentStore } from '../../src/storage/sqlite-enrolment-store.js';
import { makeTmpDir } from './tmp.js';

export const ENGLISH_USER = { id: 700003, first_name: 'Alex', language_code: 'en' } as const;

export const TEST_CATALOGUE = `programmes:
  - id: gta-uji
    name: "Government Transformation Academy (GTA)"
    provider: "BPSDM Komdigi"
    description: "Pelatihan transformasi digital untuk ASN."
    eligibility: { levels: [pelaksana, fungsional, pengawas, administrator] }
    mode: online
    registration: { opens: 2020-01-01, closes: 2099-12-31 }
    link: "https://digitalent.komdigi.go.id"
`;

export interface QaBot {
  emulator: BotApiEmulator;
  bot: Bot<BotContext>;
  deps: BotDeps;
  stores: SqliteBotStores;
  /** Send text as a person and wait for the bot's next message in that chat. */
  ask: (text: string, opts?: { chatId?: number; fromId?: number; timeoutMs?: number }) => Promise<string>;
  stop: () => Promise<void>;
}

export async function startQaBot(
  kb: KnowledgeBase,
  opts: { answers?: AnswerService; rateLimit?: { limit?: number; windowMs?: number; maxBacklog?: number }; logger?: Logger; privacyMode?: boolean } = {},
): Promise<QaBot> {
  const tmp = makeTmpDir('asisten-bot-');
  const emulator = new BotApiEmulator({
    token: PLAYGROUND_TOKEN,
    bot: PLAYGROUND_BOT,
    users: [OFFICIAL_PERSONA, ADMIN_PERSONA, MEMBER_PERSONA, ENGLISH_USER],
    chats: [
      {
        ...ADMIN_GROUP,
        members: [
          { userId: ADMIN_PERSONA.id, status: 'creator' },
          { userId: MEMBER_PERSONA.id, status: 'member' },
        ],
        botStatus: 'member',
      },
    ],
    rateLimits: false,
    privacyMode: opts.privacyMode ?? false,
  });
  await emulator.start();
  const db = openDatabase(path.join(tmp.dir, 'data'));
  const stores = new SqliteBotStores(db);
  const catalogue = parseCatalogue(TEST_CATALOGUE, 'programmes.yaml');
  const logger = opts.logger ?? silentLogger();
  const deps: BotDeps = {
    answers: opts.answers ?? new AnswerService({ kb, logger }),
    kb,
    stores,
    enrolment: new SqliteEnrolmentStore(db),
    catalogue: () => catalogue,
    config: { adminIds: [ADMIN_PERSONA.id], adminChatId: ADMIN_GROUP.id, retentionDays: 365, rateLimit: opts.rateLimit ?? { limit: 1000, windowMs: 1000 } },
    logger,
  };
  const bot = createBot(PLAYGROUND_TOKEN, deps, { apiRoot: emulator.apiRoot });
  await bot.init();
  await registerCommands(bot, deps);
  const runner: RunnerHandle = run(bot);
  return {
    emulator,
    bot,
    deps,
    stores,
    ask: async (text, o = {}) => {
      const chatId = o.chatId ?? OFFICIAL_PERSONA.id;
      const since = emulator.seq;
      emulator.sendText({ chatId, fromId: o.fromId ?? chatId, text });
      const ev = await emulator.waitForBotMessage(chatId, () => true, { sinceSeq: since, timeoutMs: o.timeoutMs ?? 8000 });
      // A reply may be split into several messages: collect until the chat is quiet.
      const texts = [ev.message.text];
      let last = ev.seq;
      for (;;) {
        const more = await emulator.waitForBotMessage(chatId, () => true, { sinceSeq: last, timeoutMs: 250 }).catch(() => undefined);
        if (!more) break;
        texts.push(more.message.text);
        last = more.seq;
      }
      return texts.join('\n');
    },
    stop: async () => {
      if (runner.isRunning()) await runner.stop();
      await emulator.stop();
      db.close();
      tmp.cleanup();
    },
  };
}
