/**
 * The state of the emulated Telegram: people, chats, messages, files, updates and the event stream.
 * Bot API methods (bot side) and user actions (people side) both change the world only through this class, so
 * every change is recorded once, in one place, and shows up in `messages()`, in `waitFor` and on the page.
 */
import type { InlineKeyboardMarkup, MessageEntity, ReplyKeyboardMarkup, User } from 'grammy/types';
import { chatNotFound, forbidden } from './bot-api-error.js';
import { CommandsRegistry } from './bot-commands.js';
import type {
  ApiCallRecord,
  BotApiEmulatorOptions,
  BotIdentity,
  CallbackAnswerRecord,
  ChatActionRecord,
  ChatMessageView,
  MemberStatus,
  MessageKind,
  PlaygroundView,
  TelegramUser,
} from './emulator-types.js';
import { EventLog } from './event-log.js';
import { FileStore, type StoredFile } from './file-store.js';
import type { ChatRef } from './params.js';
import { DEFAULT_RATE_LIMITS, RateLimiter } from './rate-limiter.js';
import { renderEntitiesToSafeHtml } from './telegram-html.js';
import { UpdateQueue } from './update-queue.js';

/** Where the bot stands in a chat. */
export type BotMembership = 'member' | 'administrator' | 'left' | 'kicked';

/** A chat as the emulator keeps it. */
export interface ChatState {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  /** the person, for private chats */
  user?: TelegramUser;
  members: Map<number, MemberStatus>;
  botStatus: BotMembership;
  nextMessageId: number;
  messages: Map<number, StoredMessage>;
  menuButton?: unknown;
}

/** A message as stored; rendered on demand into Telegram's `Message` or the page's view. */
export interface StoredMessage {
  chatId: number;
  messageId: number;
  fromBot: boolean;
  senderId: number;
  date: number;
  kind: MessageKind;
  /** text, or caption of a media message */
  text: string;
  entities: MessageEntity[];
  inlineMarkup?: InlineKeyboardMarkup;
  replyKeyboard?: ReplyKeyboardMarkup | 'remove';
  /** sent with ForceReply: the client opens a reply to it */
  forceReply?: boolean;
  editCount: number;
  editDate?: number;
  files: StoredFile[];
  emoji?: string;
  duration?: number;
  replyToMessageId?: number;
  linkPreviewOptions?: unknown;
  deleted: boolean;
}

/** A callback query waiting for `answerCallbackQuery`. */
export interface CallbackQueryState {
  id: string;
  chatId: number;
  messageId: number;
  fromId: number;
  data: string;
  createdAt: number;
  answered: boolean;
}

/** What `setWebhook` stored. */
export interface WebhookState {
  url: string;
  secretToken?: string;
  maxConnections?: number;
  allowedUpdates?: string[];
}

/** Fields of a new message; the world assigns id and date. */
export type NewMessage = Omit<StoredMessage, 'messageId' | 'date' | 'editCount' | 'deleted' | 'files'> & {
  files?: StoredFile[];
};

export class EmulatorWorld {
  readonly token: string;
  readonly bot: BotIdentity;
  readonly privacyMode: boolean;
  readonly callbackQueryTimeoutMs: number;
  readonly clock: () => number;
  readonly events: EventLog;
  readonly updates = new UpdateQueue();
  readonly files = new FileStore();
  readonly commands = new CommandsRegistry();
  readonly limiter: RateLimiter | null;
  readonly calls: ApiCallRecord[] = [];
  readonly callbackAnswers: CallbackAnswerRecord[] = [];
  readonly chatActions: ChatActionRecord[] = [];
  readonly callbackQueries = new Map<string, CallbackQueryState>();
  readonly blocked = new Set<number>();
  readonly botTexts = new Map<string, string>();
  readonly views: PlaygroundView[];
  defaultMenuButton: unknown = { type: 'commands' };
  webhook: WebhookState | null = null;
  private readonly users = new Map<number, TelegramUser>();
  private readonly chats = new Map<number, ChatState>();

  constructor(options: BotApiEmulatorOptions) {
    this.token = options.token;
    this.bot = options.bot;
    this.privacyMode = options.privacyMode ?? true;
    this.callbackQueryTimeoutMs = options.callbackQueryTimeoutMs ?? 15_000;
    this.clock = options.clock ?? Date.now;
    this.events = new EventLog(this.clock);
    this.limiter = options.rateLimits === false
      ? null
      : new RateLimiter({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits }, this.clock);
    for (const user of options.users) this.addUser(user);
    for (const group of options.chats ?? []) this.addGroup(group);
    for (const id of options.blockedUsers ?? []) {
      if (!this.users.has(id)) throw new Error(`blockedUsers: ${id} is not among users`);
      this.blocked.add(id);
    }
    this.views = options.views ?? this.defaultViews();
  }

  private addUser(user: TelegramUser): void {
    this.users.set(user.id, user);
    this.chats.set(user.id, {
      id: user.id, type: 'private', user, members: new Map(), botStatus: 'member', nextMessageId: 1, messages: new Map(),
    });
  }

  private addGroup(group: NonNullable<BotApiEmulatorOptions['chats']>[number]): void {
    for (const member of group.members) {
      if (!this.users.has(member.userId)) throw new Error(`Group ${group.id}: member ${member.userId} is not among users`);
    }
    this.chats.set(group.id, {
      id: group.id,
      type: group.type,
      title: group.title,
      members: new Map(group.members.map((m) => [m.userId, m.status])),
      botStatus: group.botStatus ?? 'member',
      nextMessageId: 1,
      messages: new Map(),
    });
  }

  private defaultViews(): PlaygroundView[] {
    return [...this.chats.values()].map((chat) => ({
      key: String(chat.id),
      label: chat.title ?? displayName(chat.user as TelegramUser),
      chatId: chat.id,
      speakerIds: chat.type === 'private' ? [chat.id] : [...chat.members.keys()],
    }));
  }

  /** Current time in unix seconds, as Telegram dates are. */
  now(): number {
    return Math.floor(this.clock() / 1000);
  }

  botUser(): User {
    return { id: this.bot.id, is_bot: true, first_name: this.bot.first_name, username: this.bot.username };
  }

  user(id: number): TelegramUser | undefined {
    return this.users.get(id);
  }

  allUsers(): TelegramUser[] {
    return [...this.users.values()];
  }

  allChats(): ChatState[] {
    return [...this.chats.values()];
  }

  /** A person as Telegram's `User` object (the bot, too). */
  userObject(id: number): User | undefined {
    if (id === this.bot.id) return this.botUser();
    const user = this.users.get(id);
    if (!user) return undefined;
    const object: User = { id: user.id, is_bot: user.is_bot ?? false, first_name: user.first_name };
    if (user.last_name) object.last_name = user.last_name;
    if (user.username) object.username = user.username;
    if (user.language_code) object.language_code = user.language_code;
    return object;
  }

  chat(id: number): ChatState | undefined {
    return this.chats.get(id);
  }

  /** The chat a `chat_id` names, or Telegram's `400 chat not found`. */
  resolveChat(ref: ChatRef): ChatState {
    const chat = typeof ref === 'number' ? this.chats.get(ref) : undefined;
    if (!chat) throw chatNotFound();
    return chat;
  }

  /**
   * The chat if the bot may post there: a person who blocked the bot gives 403, as does a group the bot
   * left or was removed from.
   */
  writableChat(ref: ChatRef): ChatState {
    const chat = this.resolveChat(ref);
    if (chat.type === 'private' && this.blocked.has(chat.id)) throw forbidden('bot was blocked by the user');
    if (chat.type !== 'private' && chat.botStatus === 'kicked') throw forbidden(`bot was kicked from the ${chat.type} chat`);
    if (chat.type !== 'private' && chat.botStatus === 'left') throw forbidden(`bot is not a member of the ${chat.type} chat`);
    return chat;
  }

  /** Telegram's `Chat` object for a chat. */
  chatObject(chat: ChatState): Record<string, unknown> {
    if (chat.type !== 'private') return { id: chat.id, title: chat.title, type: chat.type };
    const user = chat.user as TelegramUser;
    const object: Record<string, unknown> = { id: chat.id, first_name: user.first_name };
    if (user.last_name) object.last_name = user.last_name;
    if (user.username) object.username = user.username;
    object.type = 'private';
    return object;
  }

  isGroupAdmin(chatId: number, userId: number): boolean {
    const status = this.chats.get(chatId)?.members.get(userId);
    return status === 'creator' || status === 'administrator';
  }

  /** Stores a new message and announces it. */
  addMessage(fields: NewMessage): StoredMessage {
    const chat = this.resolveChat(fields.chatId);
    const message: StoredMessage = {
      ...fields,
      files: fields.files ?? [],
      messageId: chat.nextMessageId++,
      date: this.now(),
      editCount: 0,
      deleted: false,
    };
    chat.messages.set(message.messageId, message);
    this.events.push({ type: 'message', chatId: chat.id, message: this.toView(message) });
    return message;
  }

  /** A message that exists and is not deleted. */
  findMessage(chatId: number, messageId: number): StoredMessage | undefined {
    const message = this.chats.get(chatId)?.messages.get(messageId);
    return message && !message.deleted ? message : undefined;
  }

  /** Records an edit (text, entities, markup already applied by the caller) and announces it. */
  markEdited(message: StoredMessage, contentChanged: boolean): void {
    if (contentChanged) {
      message.editCount++;
      message.editDate = this.now();
    }
    this.events.push({ type: 'edit', chatId: message.chatId, message: this.toView(message) });
  }

  markDeleted(message: StoredMessage): void {
    message.deleted = true;
    this.events.push({ type: 'delete', chatId: message.chatId, messageId: message.messageId });
  }

  private senderObject(message: StoredMessage): User {
    return message.fromBot ? this.botUser() : (this.userObject(message.senderId) as User);
  }

  private mediaFields(message: StoredMessage): Record<string, unknown> {
    const [file] = message.files;
    if (!file) return {};
    const base = { file_id: file.fileId, file_unique_id: file.uniqueId, file_size: file.data.length };
    switch (message.kind) {
      case 'document':
        return { document: { file_name: file.fileName, mime_type: file.mimeType, ...base } };
      case 'photo':
        return {
          photo: message.files.map((f, k) => ({
            file_id: f.fileId, file_unique_id: f.uniqueId, file_size: f.data.length,
            width: [90, 320, 800][k] ?? 800, height: [67, 240, 600][k] ?? 600,
          })),
        };
      case 'sticker':
        return {
          sticker: {
            ...base, type: 'regular', width: 512, height: 512, is_animated: false, is_video: false,
            emoji: message.emoji ?? '👍', set_name: 'PlaygroundStickers',
          },
        };
      case 'voice':
        return { voice: { ...base, duration: message.duration ?? 3, mime_type: 'audio/ogg' } };
      default:
        return {};
    }
  }

  /** Telegram's `Message` object; `reply_to_message` is nested one level deep, as on Telegram. */
  toTelegramMessage(message: StoredMessage, nested = false): Record<string, unknown> {
    const chat = this.resolveChat(message.chatId);
    const object: Record<string, unknown> = {
      message_id: message.messageId,
      from: this.senderObject(message),
      chat: this.chatObject(chat),
      date: message.date,
    };
    if (message.editDate !== undefined) object.edit_date = message.editDate;
    const reply = message.replyToMessageId === undefined ? undefined : this.findMessage(chat.id, message.replyToMessageId);
    if (reply && !nested) object.reply_to_message = this.toTelegramMessage(reply, true);
    Object.assign(object, this.mediaFields(message));
    const isText = message.kind === 'text';
    if (message.text.length > 0) object[isText ? 'text' : 'caption'] = message.text;
    if (message.entities.length > 0) object[isText ? 'entities' : 'caption_entities'] = message.entities;
    if (message.linkPreviewOptions !== undefined) object.link_preview_options = message.linkPreviewOptions;
    if (message.inlineMarkup) object.reply_markup = message.inlineMarkup;
    return object;
  }

  /** The message as the people in the chat see it (for tests and the page). */
  toView(message: StoredMessage): ChatMessageView {
    const sender = this.senderObject(message);
    const view: ChatMessageView = {
      id: message.messageId,
      chatId: message.chatId,
      from: message.fromBot ? 'bot' : 'user',
      sender: { id: sender.id, name: displayName(sender), ...(sender.username ? { username: sender.username } : {}) },
      date: message.date,
      kind: message.kind,
      text: message.text,
      entities: message.entities,
      html: renderEntitiesToSafeHtml(message.text, message.entities),
      edited: message.editCount > 0,
      editCount: message.editCount,
    };
    if (message.inlineMarkup) view.reply_markup = message.inlineMarkup;
    if (message.replyKeyboard) view.replyKeyboard = message.replyKeyboard;
    if (message.forceReply) view.forceReply = true;
    const [file] = message.files;
    if (message.kind === 'document' && file) view.document = documentInfo(file);
    if (message.kind === 'sticker') view.sticker = { emoji: message.emoji ?? '👍' };
    const reply = message.replyToMessageId === undefined ? undefined : this.findMessage(message.chatId, message.replyToMessageId);
    if (reply) view.replyTo = { id: reply.messageId, senderName: displayName(this.senderObject(reply)), text: previewText(reply) };
    return view;
  }

  /** The visible history of a chat, oldest first. */
  messageViews(chatId: number): ChatMessageView[] {
    const chat = this.chats.get(chatId);
    if (!chat) return [];
    return [...chat.messages.values()].filter((m) => !m.deleted).map((m) => this.toView(m));
  }

  /** Whether an update about this user message reaches the bot (group privacy mode, membership). */
  deliversToBot(chat: ChatState, message: StoredMessage): boolean {
    if (chat.type === 'private') return true;
    if (chat.botStatus === 'left' || chat.botStatus === 'kicked') return false;
    if (!this.privacyMode || chat.botStatus === 'administrator') return true;
    const command = /^\/[A-Za-z0-9_]+(?:@([A-Za-z0-9_]+))?/.exec(message.text);
    if (command && message.kind === 'text') {
      const target = command[1];
      return target === undefined || target.toLowerCase() === this.bot.username.toLowerCase();
    }
    const reply = message.replyToMessageId === undefined ? undefined : this.findMessage(chat.id, message.replyToMessageId);
    return reply?.fromBot ?? false;
  }

  /** The update types carrying a chat id, for the event stream. */
  pushUpdate(type: string, payload: unknown, chatId?: number): number {
    const updateId = this.updates.push(type, payload);
    this.events.push({ type: 'update', updateId, updateType: type, ...(chatId === undefined ? {} : { chatId }) });
    return updateId;
  }

  /** Sends the bot a `my_chat_member` update, as Telegram does when a person blocks it or it leaves a group. */
  pushMyChatMember(chat: ChatState, actorId: number, oldStatus: string, newStatus: string): void {
    const bot = this.botUser();
    this.pushUpdate('my_chat_member', {
      chat: this.chatObject(chat),
      from: this.userObject(actorId) ?? bot,
      date: this.now(),
      old_chat_member: { status: oldStatus, user: bot },
      new_chat_member: newStatus === 'kicked' ? { status: 'kicked', user: bot, until_date: 0 } : { status: newStatus, user: bot },
    }, chat.id);
  }
}

/** "First Last", as Telegram shows a person. */
export function displayName(user: { first_name: string; last_name?: string }): string {
  return user.last_name ? `${user.first_name} ${user.last_name}` : user.first_name;
}

function documentInfo(file: StoredFile): NonNullable<ChatMessageView['document']> {
  return {
    fileId: file.fileId,
    fileName: file.fileName,
    mimeType: file.mimeType,
    size: file.data.length,
    url: `/playground/api/file/${encodeURIComponent(file.fileId)}`,
  };
}

const KIND_LABELS: Record<MessageKind, string> = {
  text: '', document: '📄 Dokumen', photo: '🖼 Foto', sticker: 'Stiker', voice: '🎤 Pesan suara', service: '',
};

/** A one-line preview of a message for reply quotes. */
function previewText(message: StoredMessage): string {
  const text = message.text.replace(/\s+/g, ' ').trim();
  const label = message.kind === 'sticker' ? `${message.emoji ?? ''} ${KIND_LABELS.sticker}`.trim() : KIND_LABELS[message.kind];
  const preview = text || label;
  return preview.length > 80 ? `${preview.slice(0, 79)}…` : preview;
}
