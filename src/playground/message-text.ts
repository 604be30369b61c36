/**
 * Turns `text`/`caption` + `parse_mode`/`entities` into what Telegram stores, with Telegram's checks:
 * HTML parse errors, empty text, and the length limit counted *after* entity parsing (4096 for text, 1024 for
 * captions), so `<b>` tags do not count but every visible character does.
 */
import type { MessageEntity, User } from 'grammy/types';
import { badRequest } from './bot-api-error.js';
import { isMissing, readJson, readString, type Params } from './params.js';
import { parseTelegramHtml, sortEntities, TelegramHtmlError } from './telegram-html.js';

/** Text as stored on a message. */
export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/** Which field is being read, and its limits and error wordings. */
export interface TextField {
  name: 'text' | 'caption';
  entitiesName: 'entities' | 'caption_entities';
  maxLength: number;
  required: boolean;
}

export const MESSAGE_TEXT: TextField = { name: 'text', entitiesName: 'entities', maxLength: 4096, required: true };
export const CAPTION: TextField = { name: 'caption', entitiesName: 'caption_entities', maxLength: 1024, required: false };

const WHITESPACE = /[\t\n\v\f\r ]/;

/**
 * Telegram trims leading and trailing whitespace of message texts; entities are shifted and clipped with it
 * (so `"\n<b>Hi</b>\n"` arrives as `"Hi"` with a bold entity at 0).
 */
export function trimFormatted(input: FormattedText): FormattedText {
  let start = 0;
  let end = input.text.length;
  while (start < end && WHITESPACE.test(input.text[start] as string)) start++;
  while (end > start && WHITESPACE.test(input.text[end - 1] as string)) end--;
  if (start === 0 && end === input.text.length) return input;
  const entities = input.entities.flatMap((entity) => {
    const from = Math.max(entity.offset, start);
    const to = Math.min(entity.offset + entity.length, end);
    return to > from ? [{ ...entity, offset: from - start, length: to - from }] : [];
  });
  return { text: input.text.slice(start, end), entities };
}

/** Entities given explicitly (no parse_mode); checked only for shape and bounds. */
function explicitEntities(params: Params, field: TextField, text: string): MessageEntity[] {
  const raw = readJson(params, field.entitiesName, `can't parse ${field.entitiesName} JSON object`);
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw badRequest(`can't parse ${field.entitiesName} JSON object`);
  return sortEntities(raw.map((item: unknown) => {
    const entity = item as MessageEntity;
    if (typeof entity?.type !== 'string' || !Number.isInteger(entity.offset) || !Number.isInteger(entity.length)) {
      throw badRequest(`can't parse ${field.entitiesName} JSON object`);
    }
    if (entity.offset < 0 || entity.length <= 0 || entity.offset + entity.length > text.length) {
      throw badRequest('entity beyond the end of text');
    }
    return entity;
  }));
}

/** Parses according to `parse_mode` (HTML is emulated exactly; Markdown modes are passed through as plain text). */
function applyParseMode(params: Params, field: TextField, raw: string, resolveUser: (id: number) => User | undefined): FormattedText {
  const parseMode = readString(params, 'parse_mode') ?? '';
  const mode = parseMode.toLowerCase();
  if (mode === '') return { text: raw, entities: explicitEntities(params, field, raw) };
  if (mode === 'html') {
    try {
      return parseTelegramHtml(raw, { resolveUser });
    } catch (error) {
      if (error instanceof TelegramHtmlError) throw badRequest(`can't parse entities: ${error.reason}`);
      throw error;
    }
  }
  if (mode === 'markdown' || mode === 'markdownv2') return { text: raw, entities: [] };
  throw badRequest(`unsupported parse_mode`);
}

/** Number of Unicode code points: Telegram's length limits count characters, not UTF-16 units or bytes. */
function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Reads a message text or caption from the parameters, as Telegram stores it.
 * @throws BotApiError `message text is empty`, `message is too long`, `message caption is too long`,
 *   `can't parse entities: …`
 */
export function readFormattedText(params: Params, field: TextField, resolveUser: (id: number) => User | undefined): FormattedText {
  if (isMissing(params, field.name)) {
    if (field.required) throw badRequest('message text is empty');
    return { text: '', entities: [] };
  }
  const raw = readString(params, field.name) ?? '';
  const formatted = trimFormatted(applyParseMode(params, field, raw, resolveUser));
  if (formatted.text.length === 0 && field.required) throw badRequest('message text is empty');
  if (characterCount(formatted.text) > field.maxLength) {
    throw badRequest(field.name === 'text' ? 'message is too long' : 'message caption is too long');
  }
  return formatted;
}

/** Deep equality for JSON-like values (entities, markup) used by the "message is not modified" check. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
