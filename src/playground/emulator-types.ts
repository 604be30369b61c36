/**
 * Public types of the Bot API emulator: its options, what tests and the web page read back (calls, chat history
 * as people see it, callback answers, chat actions) and the event stream both of them follow.
 */
import type { InlineKeyboardMarkup, MessageEntity, ReplyKeyboardMarkup } from 'grammy/types';
import type { RateLimitOptions } from './rate-limiter.js';

/** A person in the playground (the fields Telegram's `User` has for people). */
export interface TelegramUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_bot?: boolean;
}

/** The bot's own account, as `getMe` returns it. */
export interface BotIdentity {
  id: number;
  username: string;
  first_name: string;
}

/** Membership of a person in a group chat. */
export type MemberStatus = 'creator' | 'administrator' | 'member';

/** A group or supergroup the bot is in. */
export interface GroupChatOptions {
  id: number;
  type: 'group' | 'supergroup';
  title: string;
  members: Array<{ userId: number; status: MemberStatus }>;
  /** the bot's own status; an administrator sees every message even in privacy mode (default 'member') */
  botStatus?: 'member' | 'administrator';
}

/** A tab of the web page: one chat, seen by one of `speakerIds` at a time. */
export interface PlaygroundView {
  key: string;
  label: string;
  chatId: number;
  speakerIds: number[];
}

/** Options of {@link BotApiEmulator}. */
export interface BotApiEmulatorOptions {
  token: string;
  bot: BotIdentity;
  /** people; each gets a private chat with the bot (chat id = user id) */
  users: TelegramUser[];
  chats?: GroupChatOptions[];
  /** tabs for the web page (default: one per private chat and one per group) */
  views?: PlaygroundView[];
  /** Telegram-like flood limits; `false` turns them off (default on, lenient) */
  rateLimits?: false | Partial<RateLimitOptions>;
  /**
   * Telegram's group privacy mode (default true): in groups the bot only receives commands, replies to its own
   * messages and messages mentioning it, unless it is an administrator there.
   */
  privacyMode?: boolean;
  /** how long a callback query may be answered (Telegram: about 15 s; default 15 000 ms) */
  callbackQueryTimeoutMs?: number;
  /** longest wait of the page's event long poll (default 25 000 ms) */
  eventsTimeoutMs?: number;
  /**
   * People who have blocked the bot from the start (a persona flag): every send to them is
   * `403 Forbidden: bot was blocked by the user`, as on Telegram, until they write to the bot again.
   */
  blockedUsers?: number[];
  /** interface the HTTP server listens on (default 127.0.0.1) */
  host?: string;
  /** clock in milliseconds, for tests (default Date.now) */
  clock?: () => number;
}

/** One Bot API call as the emulator saw it. */
export interface ApiCallRecord {
  seq: number;
  method: string;
  params: Record<string, unknown>;
  /** names of uploaded files, by field */
  files: Record<string, string>;
  ok: boolean;
  result?: unknown;
  error?: { error_code: number; description: string; parameters?: { retry_after?: number } };
  at: number;
}

/** A document attached to a message, as the page and tests see it. */
export interface DocumentInfo {
  fileId: string;
  fileName: string;
  mimeType: string;
  size: number;
  /** download address relative to the emulator root */
  url: string;
}

/** Kinds of messages the playground can show. */
export type MessageKind = 'text' | 'document' | 'sticker' | 'photo' | 'voice' | 'service';

/** A message as the people in the chat see it. */
export interface ChatMessageView {
  id: number;
  chatId: number;
  from: 'bot' | 'user';
  sender: { id: number; name: string; username?: string };
  /** unix seconds, like Telegram */
  date: number;
  kind: MessageKind;
  /** text, or the caption of a media message */
  text: string;
  entities: MessageEntity[];
  /** `text` + `entities` rendered as safe HTML */
  html: string;
  reply_markup?: InlineKeyboardMarkup;
  /** a custom reply keyboard the bot sent with this message (or `remove` when it removed one) */
  replyKeyboard?: ReplyKeyboardMarkup | 'remove';
  /** the bot asked for a reply (ForceReply): the page opens a reply to this message */
  forceReply?: boolean;
  edited: boolean;
  editCount: number;
  document?: DocumentInfo;
  sticker?: { emoji: string };
  replyTo?: { id: number; senderName: string; text: string };
}

/** An `answerCallbackQuery` call. */
export interface CallbackAnswerRecord {
  callbackQueryId: string;
  chatId?: number;
  messageId?: number;
  fromId: number;
  data?: string;
  text?: string;
  showAlert: boolean;
  url?: string;
  at: number;
}

/** A `sendChatAction` call. */
export interface ChatActionRecord {
  chatId: number;
  action: string;
  at: number;
}

/** Something that happened; tests wait for these and the page polls them. */
export type EmulatorEvent =
  | { type: 'call'; call: ApiCallRecord }
  | { type: 'message'; chatId: number; message: ChatMessageView }
  | { type: 'edit'; chatId: number; message: ChatMessageView }
  | { type: 'delete'; chatId: number; messageId: number }
  | { type: 'chat_action'; chatId: number; action: string; until: number }
  | { type: 'callback_answer'; chatId?: number; answer: CallbackAnswerRecord }
  | { type: 'update'; updateId: number; updateType: string; chatId?: number }
  | { type: 'commands' }
  /** a getUpdates long poll started waiting (tests await it instead of sleeping) */
  | { type: 'long_poll' };

/** An event with its position in the stream. */
export type SequencedEvent = EmulatorEvent & { seq: number; at: number };

/** Error to inject with `failNext`. */
export interface InjectedError {
  error_code: number;
  description: string;
  retry_after?: number;
}
