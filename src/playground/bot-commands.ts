/**
 * Command menus per scope and language, with Telegram's lookup order. The order matters for a bilingual bot:
 * an Indonesian user should see the `language_code: 'id'` list, everyone else the default one, admins of a group
 * the administrators' list — and the playground's "Menu" button shows exactly what Telegram would show.
 */
import type { BotCommand } from 'grammy/types';
import { badRequest } from './bot-api-error.js';
import { isRecord } from './params.js';

/** A `BotCommandScope` reduced to what identifies it. */
export type CommandScope =
  | { type: 'default' | 'all_private_chats' | 'all_group_chats' | 'all_chat_administrators' }
  | { type: 'chat' | 'chat_administrators'; chat_id: number }
  | { type: 'chat_member'; chat_id: number; user_id: number };

/** Who is looking at the menu, and where. */
export interface CommandViewer {
  chatId: number;
  chatType: 'private' | 'group' | 'supergroup';
  userId: number;
  languageCode?: string;
  isAdmin: boolean;
}

const SCOPE_TYPES = new Set([
  'default', 'all_private_chats', 'all_group_chats', 'all_chat_administrators', 'chat', 'chat_administrators',
  'chat_member',
]);

function scopeKey(scope: CommandScope): string {
  if (scope.type === 'chat_member') return `chat_member:${scope.chat_id}:${scope.user_id}`;
  if (scope.type === 'chat' || scope.type === 'chat_administrators') return `${scope.type}:${scope.chat_id}`;
  return scope.type;
}

/** Reads and checks a `scope` parameter (JSON-decoded); absent → default scope. */
export function parseCommandScope(raw: unknown, chatExists: (chatId: number) => boolean): CommandScope {
  if (raw === undefined) return { type: 'default' };
  if (!isRecord(raw) || typeof raw.type !== 'string') throw badRequest("can't parse BotCommandScope JSON object");
  if (!SCOPE_TYPES.has(raw.type)) throw badRequest('unsupported bot command scope type');
  const type = raw.type;
  if (type !== 'chat' && type !== 'chat_administrators' && type !== 'chat_member') {
    return { type } as CommandScope;
  }
  const chatId = Number(raw.chat_id);
  if (!Number.isSafeInteger(chatId) || !chatExists(chatId)) throw badRequest('chat not found');
  if (type !== 'chat_member') return { type, chat_id: chatId };
  const userId = Number(raw.user_id);
  if (!Number.isSafeInteger(userId)) throw badRequest('user not found');
  return { type, chat_id: chatId, user_id: userId };
}

/** Checks a `commands` array as Telegram does (1–32 chars of a-z, 0-9, _; description 1–256). */
export function validateCommands(raw: unknown): BotCommand[] {
  if (!Array.isArray(raw)) throw badRequest("can't parse commands JSON object");
  if (raw.length > 100) throw badRequest('too many commands specified');
  return raw.map((item) => {
    if (!isRecord(item) || typeof item.command !== 'string' || typeof item.description !== 'string') {
      throw badRequest("can't parse BotCommand JSON object");
    }
    const command = item.command.replace(/^\//, '');
    if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
    const description = item.description.trim();
    if (description.length === 0 || description.length > 256) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    return { command, description };
  });
}

/** Checks `language_code`: empty or a two-letter ISO 639-1 code. */
export function validateLanguageCode(raw: string | undefined): string {
  const code = raw ?? '';
  if (code !== '' && !/^[a-z]{2}$/.test(code)) throw badRequest('language code is invalid');
  return code;
}

export class CommandsRegistry {
  private readonly lists = new Map<string, BotCommand[]>();

  private key(scope: CommandScope, languageCode: string): string {
    return `${scopeKey(scope)}|${languageCode}`;
  }

  /** setMyCommands; an empty list deletes, as on Telegram. */
  set(scope: CommandScope, languageCode: string, commands: BotCommand[]): void {
    if (commands.length === 0) this.lists.delete(this.key(scope, languageCode));
    else this.lists.set(this.key(scope, languageCode), commands);
  }

  /** getMyCommands: the exact list of this scope and language, or []. */
  get(scope: CommandScope, languageCode: string): BotCommand[] {
    return [...(this.lists.get(this.key(scope, languageCode)) ?? [])];
  }

  delete(scope: CommandScope, languageCode: string): void {
    this.lists.delete(this.key(scope, languageCode));
  }

  /**
   * The menu a person sees, following the order documented for BotCommandScope: the first scope (with the
   * user's language first, then without) that has a list wins.
   */
  resolve(viewer: CommandViewer): BotCommand[] {
    const languages = viewer.languageCode ? [viewer.languageCode.slice(0, 2), ''] : [''];
    for (const scope of this.scopesFor(viewer)) {
      for (const language of languages) {
        const list = this.lists.get(this.key(scope, language));
        if (list) return [...list];
      }
    }
    return [];
  }

  private scopesFor(viewer: CommandViewer): CommandScope[] {
    const { chatId, userId, isAdmin } = viewer;
    if (viewer.chatType === 'private') {
      return [{ type: 'chat', chat_id: chatId }, { type: 'all_private_chats' }, { type: 'default' }];
    }
    const scopes: CommandScope[] = [{ type: 'chat_member', chat_id: chatId, user_id: userId }];
    if (isAdmin) scopes.push({ type: 'chat_administrators', chat_id: chatId });
    scopes.push({ type: 'chat', chat_id: chatId });
    if (isAdmin) scopes.push({ type: 'all_chat_administrators' });
    scopes.push({ type: 'all_group_chats' }, { type: 'default' });
    return scopes;
  }
}
