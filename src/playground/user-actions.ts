/**
 * What the people in the playground do: type, edit, press buttons, send stickers, photos, voice notes and files.
 * Each action stores the message the way Telegram shows it and queues the update Telegram would send the bot,
 * with the fields bots read (`entities` with `bot_command`, `chat.type: 'supergroup'`, `chat_instance` …).
 */
import { randomBytes } from 'node:crypto';
import type { ChatState, EmulatorWorld, StoredMessage } from './emulator-world.js';
import { hasCallbackButton } from './reply-markup.js';
import { detectUserEntities } from './user-text-entities.js';

/** A user action that cannot happen in Telegram (unknown chat, not a member, no such button …). */
export class PlaygroundInputError extends Error {
  override readonly name = 'PlaygroundInputError';

  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface SendTextInput {
  chatId: number;
  fromId: number;
  text: string;
  replyToMessageId?: number;
}

export interface EditTextInput {
  chatId: number;
  messageId: number;
  fromId: number;
  text: string;
}

export interface PressButtonInput {
  chatId: number;
  messageId: number;
  fromId: number;
  data: string;
}

export interface MediaInput {
  chatId: number;
  fromId: number;
  caption?: string;
  replyToMessageId?: number;
}

export interface StickerInput extends MediaInput {
  emoji?: string;
}

export interface VoiceInput extends MediaInput {
  duration?: number;
}

export interface DocumentInput extends MediaInput {
  fileName: string;
  content: Buffer | string;
  mimeType?: string;
}

/** The chat a person acts in, checked: they must be its member (or, in a private chat, its owner). */
function actingChat(world: EmulatorWorld, chatId: number, fromId: number): ChatState {
  const chat = world.chat(chatId);
  if (!chat) throw new PlaygroundInputError(`Chat ${chatId} tidak dikenal`, 404);
  if (!world.user(fromId)) throw new PlaygroundInputError(`Pengguna ${fromId} tidak dikenal`, 404);
  if (chat.type === 'private' && chat.id !== fromId) {
    throw new PlaygroundInputError(`Pengguna ${fromId} tidak bisa menulis di chat pribadi ${chatId}`, 403);
  }
  if (chat.type !== 'private' && !chat.members.has(fromId)) {
    throw new PlaygroundInputError(`Pengguna ${fromId} bukan anggota grup ${chatId}`, 403);
  }
  return chat;
}

function checkReplyTarget(world: EmulatorWorld, chatId: number, messageId: number | undefined): void {
  if (messageId !== undefined && !world.findMessage(chatId, messageId)) {
    throw new PlaygroundInputError(`Pesan ${messageId} tidak ditemukan`, 404);
  }
}

/**
 * Writing to a bot you blocked unblocks it on Telegram (the "Restart" button); the bot learns it from a
 * `my_chat_member` update.
 */
function unblockOnWrite(world: EmulatorWorld, chat: ChatState, fromId: number): void {
  if (chat.type !== 'private' || !world.blocked.has(fromId)) return;
  world.blocked.delete(fromId);
  world.pushMyChatMember(chat, fromId, 'kicked', 'member');
}

/** Queues the `message` update for a stored user message if the bot would receive it. Returns its id. */
function deliver(world: EmulatorWorld, chat: ChatState, message: StoredMessage, type = 'message'): number | null {
  if (!world.deliversToBot(chat, message)) return null;
  return world.pushUpdate(type, world.toTelegramMessage(message), chat.id);
}

/** A person types and sends text. Returns the update_id, or null when the bot does not get it (privacy mode). */
export function userSendText(world: EmulatorWorld, input: SendTextInput): number | null {
  const chat = actingChat(world, input.chatId, input.fromId);
  if (typeof input.text !== 'string' || input.text.trim().length === 0) throw new PlaygroundInputError('Pesan kosong');
  if ([...input.text].length > 4096) throw new PlaygroundInputError('Pesan terlalu panjang (maks. 4096 karakter)');
  checkReplyTarget(world, chat.id, input.replyToMessageId);
  unblockOnWrite(world, chat, input.fromId);
  const message = world.addMessage({
    chatId: chat.id,
    fromBot: false,
    senderId: input.fromId,
    kind: 'text',
    text: input.text,
    entities: detectUserEntities(input.text),
    ...(input.replyToMessageId === undefined ? {} : { replyToMessageId: input.replyToMessageId }),
  });
  return deliver(world, chat, message);
}

/** A person edits one of their own text messages: Telegram sends `edited_message`. */
export function userEditText(world: EmulatorWorld, input: EditTextInput): number | null {
  const chat = actingChat(world, input.chatId, input.fromId);
  const message = world.findMessage(chat.id, input.messageId);
  if (!message || message.fromBot || message.senderId !== input.fromId || message.kind !== 'text') {
    throw new PlaygroundInputError(`Pesan ${input.messageId} bukan pesan teks milik pengguna ${input.fromId}`);
  }
  if (input.text.trim().length === 0) throw new PlaygroundInputError('Pesan kosong');
  message.text = input.text;
  message.entities = detectUserEntities(input.text);
  world.markEdited(message, true);
  return deliver(world, chat, message, 'edited_message');
}

/** Telegram's callback query ids are large decimal numbers as strings. */
function newCallbackQueryId(): string {
  return BigInt(`0x${randomBytes(8).toString('hex')}`).toString();
}

/** A stable per-chat token, as Telegram's `chat_instance`. */
function chatInstance(world: EmulatorWorld, chatId: number): string {
  let hash = 0n;
  for (const ch of `${world.bot.id}:${chatId}`) hash = (hash * 131n + BigInt(ch.charCodeAt(0))) % 9_000_000_000_000_000_000n;
  return (-(hash + 1_000_000_000_000_000_000n)).toString();
}

/**
 * A person presses an inline button with callback data. The button must exist on that bot message, as a real
 * client can only send data it was given. Returns the update_id.
 */
export function userPressButton(world: EmulatorWorld, input: PressButtonInput): { updateId: number; callbackQueryId: string } {
  const chat = actingChat(world, input.chatId, input.fromId);
  const message = world.findMessage(chat.id, input.messageId);
  if (!message || !message.fromBot) throw new PlaygroundInputError(`Pesan bot ${input.messageId} tidak ditemukan`, 404);
  if (!hasCallbackButton(message.inlineMarkup, input.data)) {
    throw new PlaygroundInputError(`Pesan ${input.messageId} tidak punya tombol dengan data "${input.data}"`);
  }
  return pushCallbackQuery(world, chat.id, message, input.fromId, { data: input.data });
}

/** Records a press and queues its `callback_query`: with `data`, or (a game button) `game_short_name` instead. */
function pushCallbackQuery(
  world: EmulatorWorld,
  chatId: number,
  message: StoredMessage,
  fromId: number,
  payload: { data: string } | { game_short_name: string },
): { updateId: number; callbackQueryId: string } {
  const id = newCallbackQueryId();
  world.callbackQueries.set(id, {
    id, chatId, messageId: message.messageId, fromId, data: 'data' in payload ? payload.data : '',
    createdAt: world.clock(), answered: false,
  });
  const updateId = world.pushUpdate('callback_query', {
    id,
    from: world.userObject(fromId),
    message: world.toTelegramMessage(message),
    chat_instance: chatInstance(world, chatId),
    ...payload,
  }, chatId);
  return { updateId, callbackQueryId: id };
}

/**
 * A person presses a game button (`callback_game`). Telegram then sends a `callback_query` *without* `data`
 * (it carries `game_short_name` instead): a valid update that a bot must handle without assuming `data`.
 */
export function userPressGameButton(world: EmulatorWorld, input: Omit<PressButtonInput, 'data'>): { updateId: number; callbackQueryId: string } {
  const chat = actingChat(world, input.chatId, input.fromId);
  const message = world.findMessage(chat.id, input.messageId);
  if (!message || !message.fromBot) throw new PlaygroundInputError(`Pesan bot ${input.messageId} tidak ditemukan`, 404);
  const hasGame = message.inlineMarkup?.inline_keyboard.some((row) => row.some((b) => 'callback_game' in b)) ?? false;
  if (!hasGame) throw new PlaygroundInputError(`Pesan ${input.messageId} tidak punya tombol permainan (callback_game)`);
  return pushCallbackQuery(world, chat.id, message, input.fromId, { game_short_name: 'permainan' });
}

/** Placeholder bytes for media people "send" (the bot only ever sees ids and sizes). */
function placeholder(size: number): Buffer {
  return randomBytes(size);
}

function addMedia(world: EmulatorWorld, input: MediaInput, fields: Pick<StoredMessage, 'kind' | 'files'> & Partial<StoredMessage>): number | null {
  const chat = actingChat(world, input.chatId, input.fromId);
  checkReplyTarget(world, chat.id, input.replyToMessageId);
  unblockOnWrite(world, chat, input.fromId);
  const caption = input.caption ?? '';
  const message = world.addMessage({
    chatId: chat.id,
    fromBot: false,
    senderId: input.fromId,
    text: caption,
    entities: caption ? detectUserEntities(caption) : [],
    ...(input.replyToMessageId === undefined ? {} : { replyToMessageId: input.replyToMessageId }),
    ...fields,
  });
  return deliver(world, chat, message);
}

export function userSendSticker(world: EmulatorWorld, input: StickerInput): number | null {
  const file = world.files.add('sticker', placeholder(2048), 'sticker.webp', 'image/webp');
  return addMedia(world, { ...input, caption: '' }, { kind: 'sticker', files: [file], emoji: input.emoji ?? '👍' });
}

export function userSendPhoto(world: EmulatorWorld, input: MediaInput): number | null {
  const files = [1200, 9000, 48000].map((size) => world.files.add('photo', placeholder(size), 'photo.jpg', 'image/jpeg'));
  return addMedia(world, input, { kind: 'photo', files });
}

export function userSendVoice(world: EmulatorWorld, input: VoiceInput): number | null {
  const file = world.files.add('voice', placeholder(6000), 'voice.ogg', 'audio/ogg');
  return addMedia(world, { ...input, caption: input.caption ?? '' }, { kind: 'voice', files: [file], duration: input.duration ?? 3 });
}

export function userSendDocument(world: EmulatorWorld, input: DocumentInput): number | null {
  const data = typeof input.content === 'string' ? Buffer.from(input.content, 'utf8') : input.content;
  if (data.length === 0) throw new PlaygroundInputError('Berkas kosong');
  const file = world.files.add('document', data, input.fileName, input.mimeType);
  return addMedia(world, input, { kind: 'document', files: [file] });
}

/** The person blocks the bot: later sends get `403 Forbidden: bot was blocked by the user`. */
export function userBlockBot(world: EmulatorWorld, userId: number): void {
  const chat = world.chat(userId);
  if (!chat || chat.type !== 'private') throw new PlaygroundInputError(`Pengguna ${userId} tidak dikenal`, 404);
  if (world.blocked.has(userId)) return;
  world.blocked.add(userId);
  world.pushMyChatMember(chat, userId, 'member', 'kicked');
}

export function userUnblockBot(world: EmulatorWorld, userId: number): void {
  const chat = world.chat(userId);
  if (chat) unblockOnWrite(world, chat, userId);
}
