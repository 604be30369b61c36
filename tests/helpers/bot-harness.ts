/**
 * The real bot, in-process, against the Bot API emulator: `createBot` with real SQLite stores in a temporary
 * DATA_DIR, the real knowledge base, a catalogue whose windows are open around today, the real outbox loop with
 * the real sender, and long polling through @grammyjs/runner (as `app.ts` does). Tests talk to it as people do
 * (type, press buttons) and wait for emulator events instead of sleeping.
 *
 * @example
 * const h = await BotHarness.start();
 * const reply = await h.say(BUDI.id, '/daftar');
 * await h.press(BUDI.id, reply, 'w:…:p:gta-test');
 * await h.stop();
 */
import type Database from 'better-sqlite3';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import { AnswerService } from '../../src/answering/answer-service.js';
import type { BotContext, BotDeps } from '../../src/bot/context.js';
import { createBot, registerCommands } from '../../src/bot/create-bot.js';
import { createBotDeps } from '../../src/bot-deps.js';
import { createOutboxSender } from '../../src/bot/outbox-sender.js';
import { wibDate } from '../../src/enrolment/calendar.js';
import { parseCatalogue, type Catalogue } from '../../src/enrolment/catalogue.js';
import { startOutboxLoop, type OutboxLoop } from '../../src/enrolment/outbox-dispatcher.js';
import type { EnrolmentRequest } from '../../src/enrolment/types.js';
import { submitRequest } from '../../src/enrolment/use-cases.js';
import { applyInput, startDraft } from '../../src/enrolment/wizard.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { silentLogger } from '../../src/logger.js';
import { BotApiEmulator } from '../../src/playground/bot-api-emulator.js';
import type { CallbackAnswerRecord, ChatMessageView, TelegramUser } from '../../src/playground/emulator-types.js';
import { ADMIN_GROUP, ADMIN_PERSONA, MAINTAINER_PERSONA, MEMBER_PERSONA, OFFICIAL_PERSONA, PLAYGROUND_BOT, PLAYGROUND_TOKEN } from '../../src/playground/personas.js';
import type { MaintenanceDeps } from '../../src/bot/context.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { SqliteBotStores } from '../../src/storage/sqlite-bot-stores.js';
import { SqliteEnrolmentStore } from '../../src/storage/sqlite-enrolment-store.js';
import { openRepoKnowledgeBase } from './kb.js';
import { makeTmpDir } from './tmp.js';

export const BUDI = OFFICIAL_PERSONA;
export const ADMIN = ADMIN_PERSONA;
export const MEMBER = MEMBER_PERSONA;
/** A content maintainer (MAINTAINER_IDS); admins are maintainers too. */
export const MAINTAINER = MAINTAINER_PERSONA;
/** A second admin, to race the first one. */
export const ADMIN2 = { id: 900002, first_name: 'Rudi', last_name: 'Hartono', language_code: 'id' } as const satisfies TelegramUser;
/** An applicant whose Telegram is in English. */
export const ALICE = { id: 700003, first_name: 'Alice', last_name: 'Wijaya', language_code: 'en' } as const satisfies TelegramUser;
/** More applicants, for queues. */
export const CITRA = { id: 700004, first_name: 'Citra', language_code: 'id' } as const satisfies TelegramUser;
export const DEDI = { id: 700005, first_name: 'Dedi', language_code: 'id' } as const satisfies TelegramUser;
export const EKA = { id: 700006, first_name: 'Eka', language_code: 'id' } as const satisfies TelegramUser;
export const FAJAR = { id: 700007, first_name: 'Fajar', language_code: 'id' } as const satisfies TelegramUser;
export const GITA = { id: 700008, first_name: 'Gita', language_code: 'id' } as const satisfies TelegramUser;
export const HADI = { id: 700009, first_name: 'Hadi', language_code: 'id' } as const satisfies TelegramUser;

export const USERS: TelegramUser[] = [BUDI, ADMIN, MEMBER, ADMIN2, ALICE, CITRA, DEDI, EKA, FAJAR, GITA, HADI, MAINTAINER];
export const ADMIN_IDS = [ADMIN.id, ADMIN2.id];
export const GROUP_ID = ADMIN_GROUP.id;

const DAY = 86_400_000;

/** A catalogue valid around `now`: two open programmes and one closed. */
export function testCatalogueYaml(now: Date = new Date()): string {
  const day = (offset: number) => wibDate(new Date(now.getTime() + offset * DAY));
  return `programmes:
  - id: gta-test
    name: "Government Transformation Academy (GTA) Uji"
    provider: "BPSDM Komdigi"
    description: "Pelatihan budaya kerja digital untuk ASN."
    eligibility:
      levels: [pelaksana, fungsional, pengawas, administrator]
    mode: online
    registration: { opens: ${day(-30)}, closes: ${day(60)} }
    quota: 200
    link: "https://digitalent.komdigi.go.id"
    example: true
  - id: dla-test
    name: "Digital Leadership Academy (DLA) Uji"
    provider: "BPSDM Komdigi"
    description: "Kepemimpinan digital untuk pimpinan."
    eligibility:
      levels: [administrator, pimpinan_tinggi]
    mode: hybrid
    registration: { opens: ${day(-10)}, closes: ${day(30)} }
  - id: closed-test
    name: "Program Yang Sudah Ditutup"
    provider: "Diskominfo"
    description: "Sudah ditutup."
    eligibility:
      levels: [pimpinan_tinggi]
    mode: offline
    registration: { opens: ${day(-400)}, closes: ${day(-300)} }
`;
}

/** Valid answers for the wizard (text steps). */
export const ANSWERS = {
  fullName: 'Budi Santoso, S.Kom.',
  nip: '19900115 201503 1 002',
  instansi: 'Dinas Kominfo Provinsi Kalimantan Timur',
  jabatan: 'Pranata Komputer Ahli Muda',
  email: 'budi.santoso@kaltimprov.go.id',
  phone: '0812-3456-7890',
  motivation: 'Ingin memperkuat layanan digital di unit kerja saya.',
};

export interface HarnessOptions {
  /** Reuse an emulator (restarts keep the chat history and unconfirmed updates). */
  emulator?: BotApiEmulator;
  /** Reuse a data directory (restarts keep the database). */
  dataDir?: string;
  kb?: KnowledgeBase;
  /** Cards to ADMIN_CHAT_ID (default) or, with false, privately to each admin. */
  adminChat?: boolean;
  outboxIntervalMs?: number;
  /** Emulator flood limits (default off, for speed; the e2e test runs with them on). */
  rateLimits?: boolean;
  /**
   * Content maintenance (uploads, /dokumen, /celah, 🔔) over `knowledgeDir` — which must then be a
   * temporary copy (uploads write into it), given with the matching `kb`.
   */
  maintenance?: { knowledgeDir: string };
  /** Another answering service (a slow or failing one, an LLM stub). */
  answers?: AnswerService;
  /** The bot's window limit and flood guard (default: generous, so tests are never limited). */
  rateLimit?: { limit?: number; windowMs?: number; maxBacklog?: number };
  /** Telegram's group privacy mode for the bot (default on, as BotFather sets it). */
  privacyMode?: boolean;
  /** Register the command menus at start, as the app does. */
  registerCommands?: boolean;
}

export class BotHarness {
  private constructor(
    readonly emulator: BotApiEmulator,
    readonly dataDir: string,
    readonly db: Database.Database,
    readonly deps: BotDeps,
    readonly bot: Bot<BotContext>,
    private readonly runner: RunnerHandle,
    private readonly outbox: OutboxLoop,
    private readonly owned: { emulator: boolean; dir?: () => void; kb?: () => void },
    private readonly options: HarnessOptions,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<BotHarness> {
    const owned: { emulator: boolean; dir?: () => void; kb?: () => void } = { emulator: !options.emulator };
    const emulator =
      options.emulator ??
      new BotApiEmulator({
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
        rateLimits: options.rateLimits ? {} : false,
        ...(options.privacyMode === undefined ? {} : { privacyMode: options.privacyMode }),
      });
    if (!options.emulator) await emulator.start();

    let dataDir = options.dataDir;
    if (!dataDir) {
      const tmp = makeTmpDir('asisten-bot-');
      dataDir = tmp.dir;
      owned.dir = tmp.cleanup;
    }
    let kb = options.kb;
    if (!kb) {
      const opened = await openRepoKnowledgeBase();
      kb = opened.kb;
      owned.kb = opened.cleanup;
    }

    const storage = openStorage(dataDir);
    const catalogue: Catalogue = parseCatalogue(testCatalogueYaml(), 'test-programmes.yaml');
    const logger = silentLogger();
    const deps = createBotDeps({
      core: { kb, answers: options.answers ?? new AnswerService({ kb, logger }) },
      storage,
      catalogue: () => catalogue,
      logger,
      roles: { adminIds: ADMIN_IDS, maintainerIds: options.maintenance ? [MAINTAINER.id] : [], adminChatId: options.adminChat === false ? undefined : GROUP_ID },
      knowledgeDir: options.maintenance?.knowledgeDir,
      rateLimit: options.rateLimit ?? { limit: 1000, windowMs: 1000 },
    });
    const db = storage.db;
    const bot = createBot(emulator.token, deps, { apiRoot: emulator.apiRoot });
    await bot.init();
    if (options.registerCommands) await registerCommands(bot, deps);
    const runner = run(bot, { runner: { fetch: { allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'] } } });
    const outbox = startOutboxLoop(storage.enrolment, createOutboxSender(bot, deps), {
      intervalMs: options.outboxIntervalMs ?? 50,
      onError: (error) => console.error('outbox run failed', error),
    });
    return new BotHarness(emulator, dataDir, db, deps, bot, runner, outbox, owned, { ...options, kb });
  }

  get store(): SqliteEnrolmentStore {
    return this.deps.enrolment as SqliteEnrolmentStore;
  }

  /** The maintenance deps (only with the `maintenance` option). */
  get maintenance(): MaintenanceDeps {
    if (!this.deps.maintenance) throw new Error('BotHarness started without the maintenance option');
    return this.deps.maintenance;
  }

  /**
   * A request of `user` stored through the domain's use case (no chat), for tests that need one to exist:
   * each test seeds its own instead of reading another test's.
   */
  async seedRequest(user: { id: number }, overrides: Partial<typeof ANSWERS & { programme: string; level: string }> = {}): Promise<EnrolmentRequest> {
    const a = { ...ANSWERS, programme: 'gta-test', level: 'fungsional', ...overrides };
    const catalogue = this.deps.catalogue();
    let draft = startDraft(user.id, user.id, 'id');
    for (const answer of [a.programme, a.fullName, a.nip, a.instansi, a.jabatan, a.level, a.email, a.phone, a.motivation]) {
      const step = applyInput(draft, draft.step, answer, { catalogue, now: new Date() });
      if (step.error) throw new Error(`seedRequest: "${answer}" refused at ${draft.step} (${step.error})`);
      draft = step.draft;
    }
    const result = await submitRequest(this.store, draft, catalogue, { adminChatId: GROUP_ID, adminIds: ADMIN_IDS });
    if (!result.ok) throw new Error(`seedRequest: ${result.code}`);
    await this.outboxSettled();
    return result.request;
  }

  get stores(): SqliteBotStores {
    return this.deps.stores as SqliteBotStores;
  }

  /**
   * A person types `text` in `chatId` (default: their private chat); resolves with the bot's first message
   * in that chat afterwards that matches `predicate`.
   */
  async say(
    userId: number,
    text: string,
    options: { chatId?: number; replyTo?: number; predicate?: (m: ChatMessageView) => boolean; timeoutMs?: number } = {},
  ): Promise<ChatMessageView> {
    const chatId = options.chatId ?? userId;
    const since = this.emulator.seq;
    this.emulator.sendText({ chatId, fromId: userId, text, ...(options.replyTo ? { replyToMessageId: options.replyTo } : {}) });
    const { message } = await this.emulator.waitForBotMessage(chatId, options.predicate ?? (() => true), {
      sinceSeq: since,
      timeoutMs: options.timeoutMs ?? 5000,
    });
    return message;
  }

  /**
   * A person types `text` and gets the bot's whole reply as one string: a long reply split into several
   * messages is collected until the chat is quiet.
   */
  async ask(text: string, options: { chatId?: number; fromId?: number; timeoutMs?: number } = {}): Promise<string> {
    const chatId = options.chatId ?? BUDI.id;
    const since = this.emulator.seq;
    this.emulator.sendText({ chatId, fromId: options.fromId ?? chatId, text });
    const first = await this.emulator.waitForBotMessage(chatId, () => true, { sinceSeq: since, timeoutMs: options.timeoutMs ?? 8000 });
    const texts = [first.message.text];
    let last = first.seq;
    for (;;) {
      const more = await this.emulator.waitForBotMessage(chatId, () => true, { sinceSeq: last, timeoutMs: 250 }).catch(() => undefined);
      if (!more) break;
      texts.push(more.message.text);
      last = more.seq;
    }
    return texts.join('\n');
  }

  /** A person presses the button with `data` on `message`; resolves with the bot's answerCallbackQuery. */
  async press(userId: number, message: ChatMessageView, data: string, timeoutMs = 5000): Promise<CallbackAnswerRecord> {
    const since = this.emulator.seq;
    this.emulator.pressButton({ chatId: message.chatId, messageId: message.id, fromId: userId, data });
    const event = await this.emulator.waitFor(
      (e) => e.type === 'callback_answer' && e.answer.fromId === userId && e.answer.messageId === message.id && e.answer.data === data,
      timeoutMs,
      since,
    );
    return (event as Extract<typeof event, { type: 'callback_answer' }>).answer;
  }

  /** Presses and also waits for the bot's next message in the chat (e.g. the next wizard question). */
  async pressAndWait(userId: number, message: ChatMessageView, data: string, predicate: (m: ChatMessageView) => boolean = () => true): Promise<ChatMessageView> {
    const since = this.emulator.seq;
    await this.press(userId, message, data);
    const { message: next } = await this.emulator.waitForBotMessage(message.chatId, predicate, { sinceSeq: since });
    return next;
  }

  /** Resolves when the bot sends (or, with `edits`, edits) a matching message in `chatId` after `sinceSeq`. */
  async waitForBotMessage(
    chatId: number,
    predicate: (m: ChatMessageView) => boolean,
    options: { sinceSeq?: number; edits?: boolean; timeoutMs?: number } = {},
  ): Promise<ChatMessageView> {
    return (await this.emulator.waitForBotMessage(chatId, predicate, options)).message;
  }

  lastBotMessage(chatId: number): ChatMessageView | undefined {
    return this.emulator.messages(chatId).filter((m) => m.from === 'bot').at(-1);
  }

  botMessages(chatId: number): ChatMessageView[] {
    return this.emulator.messages(chatId).filter((m) => m.from === 'bot');
  }

  /** The callback_data of a button whose label contains `label` (throws with the labels seen otherwise). */
  static button(message: ChatMessageView, label: string | RegExp): string {
    const buttons = message.reply_markup?.inline_keyboard.flat() ?? [];
    const found = buttons.find((b) => (typeof label === 'string' ? b.text.includes(label) : label.test(b.text)));
    if (!found || !('callback_data' in found) || !found.callback_data) {
      throw new Error(`no button "${String(label)}" on message ${message.id}; buttons: ${buttons.map((b) => b.text).join(' | ') || '(none)'}`);
    }
    return found.callback_data;
  }

  /** Waits until the outbox has nothing left to send (sent, blocked, failed or dropped). */
  async outboxSettled(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const open = (await this.store.listOutbox()).filter((m) => m.status === 'pending' || m.status === 'sending');
      if (open.length === 0) return;
      if (Date.now() > deadline) throw new Error(`outbox not settled: ${open.map((m) => `${m.id}:${m.kind}:${m.status}`).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stops polling and the outbox loop and closes the database; the emulator keeps running. */
  async stopBot(): Promise<void> {
    if (this.runner.isRunning()) await this.runner.stop();
    await this.outbox.stop();
    if (this.db.open) this.db.close();
  }

  /** A new bot process on the same database and emulator (what a restart looks like). */
  async restart(): Promise<BotHarness> {
    await this.stopBot();
    const next = await BotHarness.start({ ...this.options, emulator: this.emulator, dataDir: this.dataDir, kb: this.options.kb });
    // The new harness now owns the cleanup of what this one created.
    Object.assign(next.owned, this.owned);
    this.owned.emulator = false;
    delete this.owned.dir;
    delete this.owned.kb;
    return next;
  }

  async stop(): Promise<void> {
    await this.stopBot();
    if (this.owned.emulator) await this.emulator.stop();
    this.owned.kb?.();
    this.owned.dir?.();
  }
}

/** Walks the wizard from /daftar to the summary with valid answers; returns the summary message. */
export async function completeWizard(
  h: BotHarness,
  user: { id: number },
  overrides: Partial<typeof ANSWERS & { programme: string; level: string }> = {},
): Promise<ChatMessageView> {
  const a = { ...ANSWERS, programme: 'gta-test', level: 'fungsional', ...overrides };
  const list = await h.say(user.id, '/daftar');
  let q = await h.pressAndWait(user.id, list, dataEndingWith(list, `:p:${a.programme}`));
  q = await h.say(user.id, a.fullName);
  q = await h.say(user.id, a.nip);
  q = await h.say(user.id, a.instansi);
  q = await h.say(user.id, a.jabatan);
  q = await h.pressAndWait(user.id, q, dataEndingWith(q, `:l:${a.level}`));
  q = await h.say(user.id, a.email);
  q = await h.say(user.id, a.phone);
  return h.say(user.id, a.motivation);
}

/** The callback_data of the button whose data ends with `suffix` (language-independent). */
export function dataEndingWith(message: ChatMessageView, suffix: string): string {
  const buttons = message.reply_markup?.inline_keyboard.flat() ?? [];
  const found = buttons.find((b) => 'callback_data' in b && b.callback_data?.endsWith(suffix));
  if (!found || !('callback_data' in found) || !found.callback_data) {
    throw new Error(`no button with data ending "${suffix}" on message ${message.id}; data: ${buttons.map((b) => ('callback_data' in b ? b.callback_data : b.text)).join(' | ')}`);
  }
  return found.callback_data;
}

/**
 * Completes and submits a request for `user`; resolves with its id and the admin card once posted in
 * `cardChatId` (the admin group by default).
 */
export async function submitRequestAs(
  h: BotHarness,
  user: { id: number },
  overrides: Parameters<typeof completeWizard>[2] = {},
  cardChatId: number = GROUP_ID,
): Promise<{ id: number; card: ChatMessageView }> {
  const summary = await completeWizard(h, user, overrides);
  const since = h.emulator.seq;
  const done = await h.pressAndWait(user.id, summary, dataEndingWith(summary, ':ok'));
  const match = /#(\d+)/.exec(done.text);
  if (!match) throw new Error(`not submitted: ${done.text}`);
  const id = Number(match[1]);
  const card = await h.waitForBotMessage(cardChatId, (m) => m.text.includes(`#${id} `) && m.reply_markup !== undefined, { sinceSeq: since });
  return { id, card };
}
