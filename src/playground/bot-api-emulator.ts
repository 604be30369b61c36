/**
 * An in-process Telegram: a Bot API server for the bot (`/bot<token>/<method>`), a user side for tests and the
 * web page (people send, edit, press buttons), and the chat page itself at `/`.
 *
 * Why: the project must run and be tested with no Telegram token and no network. Pointing grammY at this server
 * (`new Bot(token, { client: { apiRoot: emulator.apiRoot } })`) exercises the real bot code end to end — HTTP,
 * long polling, multipart uploads, Telegram's validation and error wording — instead of mocking `ctx.reply`.
 *
 * @example
 * ```ts
 * const emulator = new BotApiEmulator({ token, bot, users: [budi] });
 * await emulator.start();
 * const bot = new Bot(token, { client: { apiRoot: emulator.apiRoot } });
 * emulator.sendText({ chatId: budi.id, fromId: budi.id, text: '/start' });
 * const { message } = await emulator.waitForBotMessage(budi.id);
 * ```
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotCommand } from 'grammy/types';
import { BotApiError } from './bot-api-error.js';
import { MESSAGE_METHODS } from './bot-api-messages.js';
import { SETTINGS_METHODS, type MethodHandler } from './bot-api-settings.js';
import type {
  ApiCallRecord,
  BotApiEmulatorOptions,
  CallbackAnswerRecord,
  ChatActionRecord,
  ChatMessageView,
  EmulatorEvent,
  InjectedError,
  SequencedEvent,
} from './emulator-types.js';
import { EmulatorWorld } from './emulator-world.js';
import { contentDisposition, sendJson, sleep } from './http-helpers.js';
import { handlePlaygroundApi } from './playground-api.js';
import { readRequestParams, type RequestParams } from './request-body.js';
import { serveStatic } from './static-files.js';
import type { Update } from './update-queue.js';
import {
  userBlockBot,
  userEditText,
  userPressButton,
  userPressGameButton,
  userSendDocument,
  userSendPhoto,
  userSendSticker,
  userSendText,
  userSendVoice,
  userUnblockBot,
  type DocumentInput,
  type EditTextInput,
  type MediaInput,
  type PressButtonInput,
  type SendTextInput,
  type StickerInput,
  type VoiceInput,
} from './user-actions.js';

/** All Bot API methods, by lower-cased name (Telegram matches method names case-insensitively). */
const METHODS = new Map<string, { name: string; handler: MethodHandler }>(
  Object.entries({ ...SETTINGS_METHODS, ...MESSAGE_METHODS }).map(([name, handler]) => [name.toLowerCase(), { name, handler }]),
);

/** Keep the call log bounded for long playground sessions. */
const MAX_CALLS = 10_000;

interface InjectedFailure {
  error: InjectedError;
  remaining: number;
}

export class BotApiEmulator {
  private readonly world: EmulatorWorld;
  private readonly host: string;
  private readonly eventsTimeoutMs: number;
  private readonly failures = new Map<string, InjectedFailure[]>();
  private readonly delays = new Map<string, number>();
  private server: Server | null = null;
  private port = 0;
  private callSeq = 0;

  constructor(options: BotApiEmulatorOptions) {
    if (!/^\d+:[A-Za-z0-9_-]{30,}$/.test(options.token)) {
      throw new Error('BotApiEmulator: token must look like a Telegram token ("<bot id>:<30+ characters of A-Z a-z 0-9 _ ->")');
    }
    this.world = new EmulatorWorld(options);
    this.host = options.host ?? '127.0.0.1';
    this.eventsTimeoutMs = options.eventsTimeoutMs ?? 25_000;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Lifecycle
  // ---------------------------------------------------------------------------------------------------------

  /**
   * Starts listening (port 0 or omitted = a free random port).
   * @throws Error naming the port and the `PORT` variable when the port is taken
   */
  async start(port = 0): Promise<{ url: string }> {
    if (this.server) throw new Error('BotApiEmulator is already started');
    const server = createServer((req, res) => void this.route(req, res));
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException): void => {
        reject(error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} di ${this.host} sudah dipakai proses lain (port in use). Set PORT ke port lain, misalnya PORT=${port + 1}, atau hentikan proses itu.`)
          : error);
      };
      server.once('error', onError);
      server.listen(port, this.host, () => {
        server.off('error', onError);
        resolve();
      });
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return { url: this.url };
  }

  /** Stops the server, ending pending long polls and open connections. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    this.world.updates.close();
    this.world.events.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** `http://127.0.0.1:PORT` — the page, and the base of the Bot API. */
  get url(): string {
    if (!this.server) throw new Error('BotApiEmulator is not started; call start() first');
    const host = this.host === '0.0.0.0' || this.host === '::' ? '127.0.0.1' : this.host;
    return `http://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
  }

  /** What the bot gets as `TELEGRAM_API_ROOT` (grammY calls `${apiRoot}/bot${token}/${method}`). */
  get apiRoot(): string {
    return this.url;
  }

  get token(): string {
    return this.world.token;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Read side
  // ---------------------------------------------------------------------------------------------------------

  /** Every Bot API call, oldest first. */
  get calls(): readonly ApiCallRecord[] {
    return this.world.calls;
  }

  /** Chat history as the people see it. */
  messages(chatId: number): ChatMessageView[] {
    return this.world.messageViews(chatId);
  }

  /** The latest visible message of a chat. */
  lastMessage(chatId: number): ChatMessageView | undefined {
    return this.world.messageViews(chatId).at(-1);
  }

  get callbackAnswers(): readonly CallbackAnswerRecord[] {
    return this.world.callbackAnswers;
  }

  get chatActions(): readonly ChatActionRecord[] {
    return this.world.chatActions;
  }

  /** Updates queued and not yet confirmed by the bot. */
  pendingUpdates(): Update[] {
    return this.world.updates.pending();
  }

  /** Position in the event stream; pass to `waitFor` to include events from that point on. */
  get seq(): number {
    return this.world.events.seq;
  }

  /** The command menu a person sees in a chat (Telegram's scope and language lookup). */
  commandsFor(chatId: number, userId: number): BotCommand[] {
    const chat = this.world.chat(chatId);
    const languageCode = this.world.user(userId)?.language_code;
    return this.world.commands.resolve({
      chatId,
      chatType: chat?.type ?? 'private',
      userId,
      isAdmin: this.world.isGroupAdmin(chatId, userId),
      ...(languageCode ? { languageCode } : {}),
    });
  }

  /**
   * Resolves with the first event matching `predicate` after now (or after `sinceSeq`). Event-driven: no polling.
   * @example `await emulator.waitFor((e) => e.type === 'call' && e.call.method === 'answerCallbackQuery')`
   */
  waitFor(predicate: (event: SequencedEvent) => boolean, timeoutMs = 5000, sinceSeq?: number): Promise<SequencedEvent> {
    return this.world.events.waitFor(predicate, timeoutMs, sinceSeq);
  }

  /** Waits for a new (or edited, with `edits: true`) bot message in a chat that matches `predicate`. */
  async waitForBotMessage(
    chatId: number,
    predicate: (message: ChatMessageView) => boolean = () => true,
    options: { timeoutMs?: number; sinceSeq?: number; edits?: boolean } = {},
  ): Promise<Extract<SequencedEvent, { type: 'message' | 'edit' }>> {
    const event = await this.waitFor(
      (e) => (e.type === 'message' || (options.edits === true && e.type === 'edit'))
        && e.chatId === chatId && e.message.from === 'bot' && predicate(e.message),
      options.timeoutMs ?? 5000,
      options.sinceSeq,
    );
    return event as Extract<SequencedEvent, { type: 'message' | 'edit' }>;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Fault injection
  // ---------------------------------------------------------------------------------------------------------

  /**
   * Makes the next `times` calls of `method` fail with `error` (after their parameters are read, before any
   * effect). `retry_after` becomes `parameters.retry_after`, as in Telegram's 429.
   */
  failNext(method: string, error: InjectedError, times = 1): void {
    const key = method.toLowerCase();
    const list = this.failures.get(key) ?? [];
    list.push({ error, remaining: times });
    this.failures.set(key, list);
  }

  /** Delays every call of `method` by `ms` (0 removes the delay). */
  setDelay(method: string, ms: number): void {
    if (ms > 0) this.delays.set(method.toLowerCase(), ms);
    else this.delays.delete(method.toLowerCase());
  }

  /** The person blocks the bot (Telegram then answers 403 and sends `my_chat_member`). */
  blockUser(userId: number): void {
    userBlockBot(this.world, userId);
  }

  unblockUser(userId: number): void {
    userUnblockBot(this.world, userId);
  }

  // ---------------------------------------------------------------------------------------------------------
  // User side
  // ---------------------------------------------------------------------------------------------------------

  /** A person sends text; returns the update_id (null when group privacy mode hides it from the bot). */
  sendText(input: SendTextInput): number | null {
    return userSendText(this.world, input);
  }

  /** A person edits their message; Telegram sends `edited_message`. */
  editText(input: EditTextInput): number | null {
    return userEditText(this.world, input);
  }

  /** A person presses an inline callback button; returns the update_id of the `callback_query`. */
  pressButton(input: PressButtonInput): number {
    return userPressButton(this.world, input).updateId;
  }

  /** A person presses a game button: a `callback_query` without `data` (see `userPressGameButton`). */
  pressGameButton(input: Omit<PressButtonInput, 'data'>): number {
    return userPressGameButton(this.world, input).updateId;
  }

  sendSticker(input: StickerInput): number | null {
    return userSendSticker(this.world, input);
  }

  sendPhoto(input: MediaInput): number | null {
    return userSendPhoto(this.world, input);
  }

  sendVoice(input: VoiceInput): number | null {
    return userSendVoice(this.world, input);
  }

  sendDocument(input: DocumentInput): number | null {
    return userSendDocument(this.world, input);
  }

  // ---------------------------------------------------------------------------------------------------------
  // HTTP
  // ---------------------------------------------------------------------------------------------------------

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://emulator.invalid');
      const api = /^\/bot([^/]*)\/([^/]*)\/?$/.exec(url.pathname);
      if (api) return await this.handleBotApi(req, res, url, decodeURIComponent(api[1] ?? ''), api[2] ?? '');
      const file = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname);
      if (file) return this.handleFileDownload(res, decodeURIComponent(file[1] ?? ''), decodeURIComponent(file[2] ?? ''));
      if (url.pathname.startsWith('/playground/api/')) {
        return await handlePlaygroundApi({ world: this.world, eventsTimeoutMs: this.eventsTimeoutMs }, req, res, url);
      }
      if ((req.method === 'GET' || req.method === 'HEAD') && (await serveStatic(res, url.pathname, req.method))) return;
      req.resume();
      sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    } catch (error) {
      sendJson(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` });
    }
  }

  private handleFileDownload(res: ServerResponse, token: string, path: string): void {
    const file = token === this.world.token ? this.world.files.getByPath(path) : undefined;
    if (!file) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    res.writeHead(200, {
      'content-type': file.mimeType,
      'content-length': file.data.length,
      'content-disposition': contentDisposition(file.fileName),
    });
    res.end(file.data);
  }

  private async handleBotApi(req: IncomingMessage, res: ServerResponse, url: URL, token: string, methodName: string): Promise<void> {
    if (token !== this.world.token) {
      req.resume();
      return sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    const method = METHODS.get(methodName.toLowerCase());
    if (!method) {
      req.resume();
      return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    }
    let request: RequestParams = { params: {}, files: new Map() };
    let outcome: { ok: true; result: unknown } | { ok: false; error: BotApiError };
    try {
      request = await readRequestParams(req, url);
      outcome = { ok: true, result: await this.invoke(method.name, method.handler, request, res) };
    } catch (error) {
      if (!(error instanceof BotApiError)) throw error;
      outcome = { ok: false, error };
    }
    this.record(method.name, request, outcome);
    if (outcome.ok) sendJson(res, 200, { ok: true, result: outcome.result });
    else sendJson(res, outcome.error.error_code, outcome.error.toJSON());
  }

  private async invoke(name: string, handler: MethodHandler, request: RequestParams, res: ServerResponse): Promise<unknown> {
    await sleep(this.delays.get(name.toLowerCase()) ?? 0);
    const injected = this.takeFailure(name);
    if (injected) throw injected;
    return await handler({
      world: this.world,
      params: request.params,
      files: request.files,
      onCancel: (cancel) => res.on('close', () => {
        if (!res.writableFinished) cancel();
      }),
    });
  }

  private takeFailure(method: string): BotApiError | undefined {
    const list = this.failures.get(method.toLowerCase());
    const next = list?.[0];
    if (!list || !next) return undefined;
    next.remaining--;
    if (next.remaining <= 0) list.shift();
    const { error_code, description, retry_after } = next.error;
    return new BotApiError(error_code, description, retry_after === undefined ? undefined : { retry_after });
  }

  private record(method: string, request: RequestParams, outcome: { ok: true; result: unknown } | { ok: false; error: BotApiError }): void {
    const call: ApiCallRecord = {
      seq: ++this.callSeq,
      method,
      params: { ...request.params },
      files: Object.fromEntries([...request.files].map(([field, file]) => [field, file.filename])),
      ok: outcome.ok,
      at: this.world.clock(),
      ...(outcome.ok
        ? { result: outcome.result }
        : {
            error: {
              error_code: outcome.error.error_code,
              description: outcome.error.description,
              ...(outcome.error.parameters ? { parameters: outcome.error.parameters } : {}),
            },
          }),
    };
    this.world.calls.push(call);
    if (this.world.calls.length > MAX_CALLS) this.world.calls.splice(0, this.world.calls.length - MAX_CALLS);
    this.world.events.push({ type: 'call', call });
  }
}
