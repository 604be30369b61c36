/**
 * Entities Telegram's servers attach to what *people* type. Bots rely on them: grammY's `bot.command()` looks
 * for a `bot_command` entity at offset 0, mention handlers look for `mention`. The emulator detects the same
 * kinds a Telegram client would send for plain typed text: bot commands, @mentions, #hashtags and URLs.
 */
import type { MessageEntity } from 'grammy/types';
import { sortEntities } from './telegram-html.js';

/** `/command` or `/command@bot_username`, at the start or after whitespace. */
const COMMAND = /(^|[\s(])(\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z][A-Za-z0-9_]{3,31})?)(?![A-Za-z0-9_@/])/g;
/** `@username` (5–32 characters, Telegram's rule), not part of an e-mail address. */
const MENTION = /(^|[^A-Za-z0-9_@])(@[A-Za-z][A-Za-z0-9_]{4,31})(?![A-Za-z0-9_])/g;
const HASHTAG = /(^|[^\p{L}\p{N}_#])(#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu;
const URL_PATTERN = /(^|[\s(])((?:https?:\/\/)[^\s<>"]+[^\s<>".,;:!?)\]'])/gi;

function collect(text: string, pattern: RegExp, type: MessageEntity['type']): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (const match of text.matchAll(pattern)) {
    const prefix = match[1] ?? '';
    const value = match[2] ?? '';
    entities.push({ type, offset: (match.index ?? 0) + prefix.length, length: value.length } as MessageEntity);
  }
  return entities;
}

/** True when `inner` lies inside an entity already found (a URL's path is not a command). */
function overlaps(entity: MessageEntity, others: readonly MessageEntity[]): boolean {
  return others.some((o) => entity.offset < o.offset + o.length && o.offset < entity.offset + entity.length);
}

/** Entities for a message typed by a user; offsets in UTF-16 code units (JavaScript string indices). */
export function detectUserEntities(text: string): MessageEntity[] {
  const urls = collect(text, URL_PATTERN, 'url');
  const found: MessageEntity[] = [...urls];
  for (const [pattern, type] of [[COMMAND, 'bot_command'], [MENTION, 'mention'], [HASHTAG, 'hashtag']] as const) {
    for (const entity of collect(text, pattern, type)) if (!overlaps(entity, found)) found.push(entity);
  }
  return sortEntities(found);
}
