/**
 * Validation of `reply_markup` the way the Bot API does it. The rules that bite bots in production are the ones
 * reproduced here: `callback_data` must be 1–64 *bytes* (an Indonesian label with "é" or an emoji costs more than
 * one byte per character) → `BUTTON_DATA_INVALID`; a button must carry exactly one action; text must not be empty.
 */
import type {
  ForceReply,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
} from 'grammy/types';
import { badRequest } from './bot-api-error.js';
import { isRecord } from './params.js';

/** Any markup a message can carry. */
export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** Telegram limits a keyboard to 100 buttons. */
const MAX_BUTTONS = 100;

/** The fields of which an inline button must have exactly one. */
const BUTTON_ACTIONS = [
  'url', 'callback_data', 'web_app', 'login_url', 'switch_inline_query', 'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat', 'copy_text', 'callback_game', 'pay',
] as const;

function buttonError(reason: string): never {
  throw badRequest(`can't parse inline keyboard button: ${reason}`);
}

/** Checks one inline button and returns it as given (Telegram echoes buttons back unchanged). */
function validateInlineButton(raw: unknown): InlineKeyboardButton {
  if (!isRecord(raw)) buttonError('InlineKeyboardButton must be an Object');
  if (typeof raw.text !== 'string') buttonError('Field "text" must be of type String');
  if (raw.text.trim().length === 0) throw badRequest('BUTTON_TEXT_INVALID');
  const actions = BUTTON_ACTIONS.filter((key) => raw[key] !== undefined);
  if (actions.length === 0) buttonError('Text buttons are unallowed in the inline keyboard');
  if (actions.length > 1) buttonError(`only one of the fields ${actions.join(', ')} can be specified`);
  if (raw.callback_data !== undefined) {
    const bytes = typeof raw.callback_data === 'string' ? Buffer.byteLength(raw.callback_data, 'utf8') : 0;
    if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
  }
  if (raw.url !== undefined && (typeof raw.url !== 'string' || !isValidButtonUrl(raw.url))) {
    throw badRequest('BUTTON_URL_INVALID');
  }
  return raw as unknown as InlineKeyboardButton;
}

/** http(s) and tg links with a host; what Telegram accepts for URL buttons in practice. */
function isValidButtonUrl(url: string): boolean {
  if (/^tg:\/\//i.test(url)) return true;
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `http://${url}`);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.includes('.');
  } catch {
    return false;
  }
}

function validateRows<T>(rows: unknown, field: string, type: string, check: (button: unknown) => T): T[][] {
  if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row))) {
    throw badRequest(`field "${field}" of the ${type} must be an Array of Arrays`);
  }
  const checked = (rows as unknown[][]).map((row) => row.map(check));
  if (checked.reduce((sum, row) => sum + row.length, 0) > MAX_BUTTONS) throw badRequest('reply markup is too long');
  return checked;
}

function validateReplyButton(raw: unknown): unknown {
  if (typeof raw === 'string') {
    if (raw.length === 0) throw badRequest('BUTTON_TEXT_INVALID');
    return raw;
  }
  if (!isRecord(raw) || typeof raw.text !== 'string') {
    throw badRequest("can't parse keyboard button: Field \"text\" must be of type String");
  }
  if (raw.text.length === 0) throw badRequest('BUTTON_TEXT_INVALID');
  return raw;
}

/**
 * Validates a `reply_markup` value (already JSON-decoded). Returns undefined when absent.
 * @throws BotApiError with Telegram's Bad Request reasons
 */
export function validateReplyMarkup(raw: unknown): ReplyMarkup | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) throw badRequest("can't parse reply keyboard markup JSON object");
  if (raw.inline_keyboard !== undefined) {
    const rows = validateRows(raw.inline_keyboard, 'inline_keyboard', 'InlineKeyboardMarkup', validateInlineButton);
    return { inline_keyboard: rows };
  }
  if (raw.keyboard !== undefined) {
    validateRows(raw.keyboard, 'keyboard', 'ReplyKeyboardMarkup', validateReplyButton);
    return raw as unknown as ReplyKeyboardMarkup;
  }
  if (raw.remove_keyboard !== undefined) return raw as unknown as ReplyKeyboardRemove;
  if (raw.force_reply !== undefined) return raw as unknown as ForceReply;
  throw badRequest("can't parse reply keyboard markup JSON object");
}

/** The inline keyboard of a markup, if it is one (only inline keyboards stay attached to a message). */
export function inlineKeyboardOf(markup: ReplyMarkup | undefined): InlineKeyboardMarkup | undefined {
  return markup !== undefined && 'inline_keyboard' in markup ? markup : undefined;
}

/** True when the inline keyboard has a callback button with exactly this data. */
export function hasCallbackButton(markup: InlineKeyboardMarkup | undefined, data: string): boolean {
  return markup?.inline_keyboard.some((row) => row.some((b) => 'callback_data' in b && b.callback_data === data)) ?? false;
}
