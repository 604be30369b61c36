/**
 * Typed access to Bot API parameters. Form-encoded requests deliver every value as a string and JSON requests
 * deliver typed values; Telegram accepts both (`"chat_id": "42"` and `"chat_id": 42`), and so does the emulator.
 * Structured values (reply_markup, allowed_updates …) may arrive as JSON text inside a form field.
 */
import { badRequest } from './bot-api-error.js';

/** Parameters of one call, as received. */
export type Params = Readonly<Record<string, unknown>>;

/** True when the parameter is absent (undefined, null or the empty string, which forms produce). */
export function isMissing(params: Params, name: string): boolean {
  const value = params[name];
  return value === undefined || value === null || value === '';
}

/** An optional string parameter; numbers are stringified, like Telegram's server does. */
export function readString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * An optional integer. Telegram's server reads integers leniently (garbage becomes 0), so the emulator does the
 * same instead of inventing errors Telegram would not send.
 */
export function readInt(params: Params, name: string): number | undefined {
  if (isMissing(params, name)) return undefined;
  const value = params[name];
  const number = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isFinite(number) ? Math.trunc(number) : 0;
}

/** An optional boolean: `true`, `"true"` and `"1"` are true. */
export function readBool(params: Params, name: string): boolean | undefined {
  if (isMissing(params, name)) return undefined;
  const value = params[name];
  if (typeof value === 'boolean') return value;
  return value === 'true' || value === '1' || value === 1;
}

/**
 * An optional JSON-valued parameter: objects as sent in JSON bodies, or their text in form fields.
 * @param error the Bad Request reason Telegram gives when the text is not valid JSON
 */
export function readJson(params: Params, name: string, error: string): unknown {
  if (isMissing(params, name)) return undefined;
  const value = params[name];
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw badRequest(error);
  }
}

/** A chat identifier: an integer id or `@username`. */
export type ChatRef = number | string;

/** The `chat_id` parameter; missing → `Bad Request: chat_id is empty`, as on Telegram. */
export function readChatId(params: Params, name = 'chat_id'): ChatRef {
  if (isMissing(params, name)) throw badRequest(`${name} is empty`);
  const value = params[name];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  const text = String(value).trim();
  if (/^-?\d+$/.test(text)) return Number(text);
  if (text.startsWith('@')) return text;
  throw badRequest('chat not found');
}

/** A required integer parameter with Telegram's message when it is missing. */
export function requireInt(params: Params, name: string, missingReason: string): number {
  const value = readInt(params, name);
  if (value === undefined) throw badRequest(missingReason);
  return value;
}

/** Narrows an unknown JSON value to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
