import type { Update } from 'grammy/types';

/**
 * Structural check of a webhook body before it is stored and handed to the bot.
 *
 * Telegram only ever sends well-formed updates, but the webhook is a public URL: anything that carries the
 * secret token is stored durably and replayed after a restart, so a body that would make a handler throw
 * (a numeric `text`, an `update_id` of `1.5` or `1e400`, a deeply nested document) must be refused here,
 * with a 400, instead of becoming a poison row. What is checked is what the bot's handlers rely on; unknown
 * update kinds pass (grammY ignores them).
 */

/** Deeper than any real update (a reply to a message with a quote and entities is about 6 levels). */
export const MAX_UPDATE_DEPTH = 32;

/** Returns why `value` is not an update we accept, or `null` when it is fine. */
export function updateProblem(value: unknown): string | null {
  if (!isObject(value)) return 'body is not a JSON object';
  const id = value.update_id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return 'update_id must be a non-negative integer';
  for (const key of ['message', 'edited_message', 'channel_post', 'edited_channel_post'] as const) {
    if (key in value) {
      const problem = messageProblem(value[key]);
      if (problem) return `${key}: ${problem}`;
    }
  }
  if ('callback_query' in value) {
    const q = value.callback_query;
    if (!isObject(q)) return 'callback_query is not an object';
    if (typeof q.id !== 'string') return 'callback_query.id must be a string';
    if (!isUser(q.from)) return 'callback_query.from must be a user';
    // Telegram omits `data` for game buttons: optional, but a string when present.
    if ('data' in q && typeof q.data !== 'string') return 'callback_query.data must be a string';
    if ('message' in q && !isObject(q.message)) return 'callback_query.message is not an object';
    if (isObject(q.message) && 'chat' in q.message && !isChat(q.message.chat)) return 'callback_query.message.chat is invalid';
  }
  if ('my_chat_member' in value) {
    const m = value.my_chat_member;
    if (!isObject(m) || !isChat(m.chat) || !isUser(m.from)) return 'my_chat_member is invalid';
  }
  return null;
}

/** Nesting depth of a JSON text, counted without parsing (so a hostile body cannot exhaust the stack). */
export function jsonDepthExceeds(text: string, max = MAX_UPDATE_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}


function messageProblem(m: unknown): string | null {
  if (!isObject(m)) return 'not an object';
  if (typeof m.message_id !== 'number' || !Number.isSafeInteger(m.message_id)) return 'message_id must be an integer';
  if (!isChat(m.chat)) return 'chat is invalid';
  if ('from' in m && !isUser(m.from)) return 'from must be a user';
  for (const key of ['text', 'caption'] as const) {
    if (key in m && typeof m[key] !== 'string') return `${key} must be a string`;
  }
  if ('entities' in m && !Array.isArray(m.entities)) return 'entities must be an array';
  if ('reply_to_message' in m && m.reply_to_message !== undefined) {
    const inner = messageProblem(m.reply_to_message);
    if (inner) return `reply_to_message: ${inner}`;
  }
  return null;
}

function isChat(c: unknown): boolean {
  return isObject(c) && typeof c.id === 'number' && Number.isSafeInteger(c.id) && typeof c.type === 'string';
}

function isUser(u: unknown): boolean {
  return isObject(u) && typeof u.id === 'number' && Number.isSafeInteger(u.id) && u.id > 0;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
