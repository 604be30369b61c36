/**
 * The page's JSON API under `/playground/api/`: state (personas, chats, command menus), chat history, an event
 * long poll, and the people's actions (send, press, sticker/photo/voice, document). Input is validated and
 * errors come back as `{ ok: false, error }` with a fitting status, in Indonesian like the page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SequencedEvent } from './emulator-types.js';
import { displayName, type EmulatorWorld } from './emulator-world.js';
import { contentDisposition, isCrossOrigin, sendJson } from './http-helpers.js';
import { isRecord } from './params.js';
import { readBody } from './request-body.js';
import {
  PlaygroundInputError,
  userPressButton,
  userSendDocument,
  userSendPhoto,
  userSendSticker,
  userSendText,
  userSendVoice,
} from './user-actions.js';

/** What the page API needs from the emulator. */
export interface PlaygroundApiContext {
  world: EmulatorWorld;
  eventsTimeoutMs: number;
}

const MAX_JSON_BYTES = 64 * 1024;
/** Base64 of a 25 MB file fits: people may send files above the bot's 20 MB download limit, as on Telegram. */
const MAX_DOCUMENT_JSON_BYTES = 36 * 1024 * 1024;

async function readJsonBody(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new PlaygroundInputError('Content-Type harus application/json', 415);
  }
  let body: Buffer;
  try {
    body = await readBody(req, limit);
  } catch {
    throw new PlaygroundInputError('Permintaan terlalu besar', 413);
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new PlaygroundInputError('Badan permintaan bukan JSON yang valid');
  }
  if (!isRecord(json)) throw new PlaygroundInputError('Badan permintaan harus objek JSON');
  return json;
}

function requireInteger(body: Record<string, unknown>, name: string): number {
  const value = body[name];
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw new PlaygroundInputError(`Kolom "${name}" harus bilangan bulat`);
  }
  return number;
}

function optionalInteger(body: Record<string, unknown>, name: string): number | undefined {
  return body[name] === undefined || body[name] === null ? undefined : requireInteger(body, name);
}

function requireText(body: Record<string, unknown>, name: string, max: number): string {
  const value = body[name];
  if (typeof value !== 'string' || value.length === 0) throw new PlaygroundInputError(`Kolom "${name}" wajib diisi`);
  if (value.length > max) throw new PlaygroundInputError(`Kolom "${name}" terlalu panjang`);
  return value;
}

function optionalText(body: Record<string, unknown>, name: string, max: number): string | undefined {
  return body[name] === undefined || body[name] === null || body[name] === '' ? undefined : requireText(body, name, max);
}

/** Tabs of the page with, per speaker, the command menu Telegram would show them. */
function state(world: EmulatorWorld): unknown {
  const views = world.views.map((view) => {
    const chat = world.chat(view.chatId);
    return {
      key: view.key,
      label: view.label,
      chatId: view.chatId,
      chatType: chat?.type ?? 'private',
      title: chat?.title ?? world.bot.first_name,
      speakers: view.speakerIds.map((id) => {
        const user = world.user(id);
        const isAdmin = chat?.type === 'private' ? false : world.isGroupAdmin(view.chatId, id);
        const languageCode = user?.language_code;
        return {
          id,
          name: user ? displayName(user) : String(id),
          username: user?.username ?? null,
          isAdmin,
          commands: world.commands.resolve({
            chatId: view.chatId, chatType: chat?.type ?? 'private', userId: id, isAdmin,
            ...(languageCode ? { languageCode } : {}),
          }),
        };
      }),
    };
  });
  return { ok: true, seq: world.events.seq, bot: world.bot, views };
}

function chatIdParam(url: URL, world: EmulatorWorld): number {
  const raw = url.searchParams.get('chatId') ?? '';
  if (!/^-?\d+$/.test(raw)) throw new PlaygroundInputError('Parameter "chatId" wajib berupa bilangan bulat');
  const chatId = Number(raw);
  if (!world.chat(chatId)) throw new PlaygroundInputError(`Chat ${chatId} tidak dikenal`, 404);
  return chatId;
}

/** Events the page shows for one chat (bot calls and raw updates stay internal). */
function pageEventFilter(chatId: number): (event: SequencedEvent) => boolean {
  return (event) => {
    switch (event.type) {
      case 'commands':
        return true;
      case 'message':
      case 'edit':
      case 'delete':
      case 'chat_action':
      case 'callback_answer':
        return event.chatId === chatId;
      default:
        return false;
    }
  };
}

async function events(context: PlaygroundApiContext, res: ServerResponse, url: URL): Promise<void> {
  const { world } = context;
  const chatId = chatIdParam(url, world);
  const after = Number(url.searchParams.get('after') ?? '0');
  if (!Number.isSafeInteger(after) || after < 0) throw new PlaygroundInputError('Parameter "after" tidak valid');
  const timeoutParam = url.searchParams.get('timeout');
  const timeoutMs = timeoutParam === null ? context.eventsTimeoutMs : Math.min(context.eventsTimeoutMs, Math.max(0, Number(timeoutParam) * 1000) || 0);
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  const batch = await world.events.nextBatch(after, pageEventFilter(chatId), timeoutMs, abort.signal);
  sendJson(res, 200, { ok: true, seq: batch.seq, reset: batch.truncated, events: batch.events });
}

function messages(world: EmulatorWorld, url: URL): unknown {
  const chatId = chatIdParam(url, world);
  return { ok: true, seq: world.events.seq, messages: world.messageViews(chatId) };
}

async function send(world: EmulatorWorld, req: IncomingMessage): Promise<unknown> {
  const body = await readJsonBody(req, MAX_JSON_BYTES);
  const replyToMessageId = optionalInteger(body, 'replyToMessageId');
  const updateId = userSendText(world, {
    chatId: requireInteger(body, 'chatId'),
    fromId: requireInteger(body, 'fromId'),
    text: requireText(body, 'text', 4096 * 2),
    ...(replyToMessageId === undefined ? {} : { replyToMessageId }),
  });
  return { ok: true, updateId };
}

async function press(world: EmulatorWorld, req: IncomingMessage): Promise<unknown> {
  const body = await readJsonBody(req, MAX_JSON_BYTES);
  const result = userPressButton(world, {
    chatId: requireInteger(body, 'chatId'),
    messageId: requireInteger(body, 'messageId'),
    fromId: requireInteger(body, 'fromId'),
    data: requireText(body, 'data', 64),
  });
  return { ok: true, ...result };
}

/** A non-text message for trying how the bot copes: sticker (default), photo or voice. */
async function sticker(world: EmulatorWorld, req: IncomingMessage): Promise<unknown> {
  const body = await readJsonBody(req, MAX_JSON_BYTES);
  const input = { chatId: requireInteger(body, 'chatId'), fromId: requireInteger(body, 'fromId') };
  const kind = optionalText(body, 'kind', 16) ?? 'sticker';
  const caption = optionalText(body, 'caption', 1024);
  const withCaption = caption === undefined ? input : { ...input, caption };
  let updateId: number | null;
  if (kind === 'sticker') updateId = userSendSticker(world, { ...input, emoji: optionalText(body, 'emoji', 16) ?? '👍' });
  else if (kind === 'photo') updateId = userSendPhoto(world, withCaption);
  else if (kind === 'voice') updateId = userSendVoice(world, input);
  else throw new PlaygroundInputError('Kolom "kind" harus sticker, photo atau voice');
  return { ok: true, updateId };
}

/** A document from the page: `{ chatId, fromId, fileName, contentBase64, mimeType?, caption? }`. */
async function document(world: EmulatorWorld, req: IncomingMessage): Promise<unknown> {
  const body = await readJsonBody(req, MAX_DOCUMENT_JSON_BYTES);
  const fileName = requireText(body, 'fileName', 255);
  const content = Buffer.from(requireText(body, 'contentBase64', MAX_DOCUMENT_JSON_BYTES), 'base64');
  const mimeType = optionalText(body, 'mimeType', 255);
  const caption = optionalText(body, 'caption', 1024);
  const updateId = userSendDocument(world, {
    chatId: requireInteger(body, 'chatId'),
    fromId: requireInteger(body, 'fromId'),
    fileName,
    content,
    ...(mimeType ? { mimeType } : {}),
    ...(caption ? { caption } : {}),
  });
  return { ok: true, updateId };
}

function download(world: EmulatorWorld, res: ServerResponse, fileId: string): void {
  const file = world.files.get(fileId);
  if (!file) throw new PlaygroundInputError('Berkas tidak ditemukan', 404);
  res.writeHead(200, {
    'content-type': file.mimeType,
    'content-length': file.data.length,
    'content-disposition': contentDisposition(file.fileName),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(file.data);
}

type Route = (context: PlaygroundApiContext, req: IncomingMessage, res: ServerResponse, url: URL) => Promise<unknown> | unknown;

const GET_ROUTES: Record<string, Route> = {
  state: ({ world }) => state(world),
  messages: ({ world }, _req, _res, url) => messages(world, url),
  events: async (context, _req, res, url) => events(context, res, url),
};

const POST_ROUTES: Record<string, Route> = {
  send: ({ world }, req) => send(world, req),
  press: ({ world }, req) => press(world, req),
  sticker: ({ world }, req) => sticker(world, req),
  document: ({ world }, req) => document(world, req),
};

/** Handles a request under `/playground/api/`. */
export async function handlePlaygroundApi(context: PlaygroundApiContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  try {
    const path = url.pathname.slice('/playground/api/'.length);
    const method = req.method ?? 'GET';
    const fileMatch = /^file\/([^/]+)$/.exec(path);
    if (method === 'GET' && fileMatch) return download(context.world, res, decodeURIComponent(fileMatch[1] as string));
    const routes = method === 'GET' ? GET_ROUTES : method === 'POST' ? POST_ROUTES : {};
    const route = routes[path];
    if (!route) {
      const known = path in GET_ROUTES || path in POST_ROUTES;
      throw new PlaygroundInputError(known ? 'Metode HTTP tidak didukung' : 'Alamat API tidak dikenal', known ? 405 : 404);
    }
    if (method === 'POST' && isCrossOrigin(req)) throw new PlaygroundInputError('Permintaan lintas asal ditolak', 403);
    const result = await route(context, req, res, url);
    if (result !== undefined) sendJson(res, 200, result);
  } catch (error) {
    if (error instanceof PlaygroundInputError) sendJson(res, error.status, { ok: false, error: error.message });
    else sendJson(res, 500, { ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}
