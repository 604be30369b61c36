/**
 * Bot API methods about the bot itself and how it receives updates: getMe, getUpdates, webhooks, command menus,
 * the menu button and the bot's name/descriptions. Everything else is in `bot-api-messages.ts`.
 */
import { badRequest, conflict } from './bot-api-error.js';
import { parseCommandScope, validateCommands, validateLanguageCode } from './bot-commands.js';
import type { EmulatorWorld } from './emulator-world.js';
import { isMissing, isRecord, readBool, readInt, readJson, readString, type Params } from './params.js';
import type { UploadedFile } from './request-body.js';
import type { Update } from './update-queue.js';

/** What a method handler receives. */
export interface MethodContext {
  world: EmulatorWorld;
  params: Params;
  files: Map<string, UploadedFile>;
  /** lets a long-running call (getUpdates) withdraw itself when the HTTP client goes away */
  onCancel: (cancel: () => void) => void;
}

/** A Bot API method: returns the `result`, or throws a BotApiError. */
export type MethodHandler = (context: MethodContext) => unknown;

const UPDATE_TYPES = new Set([
  'message', 'edited_message', 'channel_post', 'edited_channel_post', 'business_connection', 'business_message',
  'edited_business_message', 'deleted_business_messages', 'message_reaction', 'message_reaction_count',
  'inline_query', 'chosen_inline_result', 'callback_query', 'shipping_query', 'pre_checkout_query',
  'purchased_paid_media', 'poll', 'poll_answer', 'my_chat_member', 'chat_member', 'chat_join_request',
  'chat_boost', 'removed_chat_boost',
]);

function readAllowedUpdates(params: Params): string[] | undefined {
  const raw = readJson(params, 'allowed_updates', "can't parse allowed_updates JSON object");
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) throw badRequest("can't parse allowed_updates JSON object");
  return raw.filter((t): t is string => typeof t === 'string' && UPDATE_TYPES.has(t));
}

function getMe({ world }: MethodContext): unknown {
  return {
    ...world.botUser(),
    can_join_groups: true,
    can_read_all_group_messages: !world.privacyMode,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  };
}

function getUpdates({ world, params, onCancel }: MethodContext): Promise<Update[]> {
  if (world.webhook) {
    throw conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  }
  const allowedUpdates = readAllowedUpdates(params);
  const result = world.updates.get({
    ...optional('offset', readInt(params, 'offset')),
    ...optional('limit', readInt(params, 'limit')),
    ...optional('timeoutSeconds', readInt(params, 'timeout')),
    ...optional('allowedUpdates', allowedUpdates),
  }, onCancel);
  if (world.updates.waiting) world.events.push({ type: 'long_poll' });
  return result;
}

/** `{ key: value }` when value is defined, `{}` otherwise (exactOptionalPropertyTypes-friendly). */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function setWebhook({ world, params }: MethodContext): boolean {
  const url = readString(params, 'url') ?? '';
  if (readBool(params, 'drop_pending_updates')) world.updates.dropAll();
  if (url === '') {
    world.webhook = null;
    return true;
  }
  if (!/^https:\/\/[^/\s]+/i.test(url)) throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
  const secretToken = readString(params, 'secret_token');
  if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
    throw badRequest('secret token contains unallowed characters');
  }
  world.updates.abortWaiter(conflict('terminated by setWebhook request'));
  const allowedUpdates = readAllowedUpdates(params);
  const maxConnections = readInt(params, 'max_connections');
  world.webhook = {
    url,
    ...optional('secretToken', secretToken),
    ...optional('maxConnections', maxConnections),
    ...optional('allowedUpdates', allowedUpdates),
  };
  return true;
}

function deleteWebhook({ world, params }: MethodContext): boolean {
  if (readBool(params, 'drop_pending_updates')) world.updates.dropAll();
  world.webhook = null;
  return true;
}

function getWebhookInfo({ world }: MethodContext): unknown {
  const hook = world.webhook;
  const info: Record<string, unknown> = {
    url: hook?.url ?? '',
    has_custom_certificate: false,
    pending_update_count: world.updates.size,
  };
  if (hook?.maxConnections !== undefined) info.max_connections = hook.maxConnections;
  if (hook?.allowedUpdates !== undefined) info.allowed_updates = hook.allowedUpdates;
  return info;
}

function commandTarget(world: EmulatorWorld, params: Params): { scope: ReturnType<typeof parseCommandScope>; language: string } {
  const scope = parseCommandScope(readJson(params, 'scope', "can't parse BotCommandScope JSON object"), (id) => world.chat(id) !== undefined);
  return { scope, language: validateLanguageCode(readString(params, 'language_code')) };
}

function setMyCommands({ world, params }: MethodContext): boolean {
  const commands = validateCommands(readJson(params, 'commands', "can't parse commands JSON object") ?? []);
  const { scope, language } = commandTarget(world, params);
  world.commands.set(scope, language, commands);
  world.events.push({ type: 'commands' });
  return true;
}

function getMyCommands({ world, params }: MethodContext): unknown {
  const { scope, language } = commandTarget(world, params);
  return world.commands.get(scope, language);
}

function deleteMyCommands({ world, params }: MethodContext): boolean {
  const { scope, language } = commandTarget(world, params);
  world.commands.delete(scope, language);
  world.events.push({ type: 'commands' });
  return true;
}

function setChatMenuButton({ world, params }: MethodContext): boolean {
  const button = readJson(params, 'menu_button', "can't parse menu button JSON object") ?? { type: 'default' };
  if (!isRecord(button) || !['commands', 'web_app', 'default'].includes(String(button.type))) {
    throw badRequest("can't parse menu button JSON object");
  }
  if (isMissing(params, 'chat_id')) {
    world.defaultMenuButton = button.type === 'default' ? { type: 'commands' } : button;
  } else {
    const chat = world.resolveChat(readInt(params, 'chat_id') ?? 0);
    if (chat.type !== 'private') throw badRequest('menu button can be changed only in private chats');
    chat.menuButton = button.type === 'default' ? undefined : button;
  }
  world.events.push({ type: 'commands' });
  return true;
}

function getChatMenuButton({ world, params }: MethodContext): unknown {
  if (isMissing(params, 'chat_id')) return world.defaultMenuButton;
  return world.resolveChat(readInt(params, 'chat_id') ?? 0).menuButton ?? world.defaultMenuButton;
}

/** setMyName / setMyDescription / setMyShortDescription and their getters: stored per language. */
function botTextMethods(field: 'name' | 'description' | 'short_description', maxLength: number): [MethodHandler, MethodHandler] {
  const set: MethodHandler = ({ world, params }) => {
    const language = validateLanguageCode(readString(params, 'language_code'));
    const value = readString(params, field) ?? '';
    if (value.length > maxLength) throw badRequest(`bot ${field.replace('_', ' ')} is too long`);
    if (value === '') world.botTexts.delete(`${field}|${language}`);
    else world.botTexts.set(`${field}|${language}`, value);
    return true;
  };
  const get: MethodHandler = ({ world, params }) => {
    const language = validateLanguageCode(readString(params, 'language_code'));
    const fallback = field === 'name' ? world.bot.first_name : '';
    return { [field]: world.botTexts.get(`${field}|${language}`) ?? world.botTexts.get(`${field}|`) ?? fallback };
  };
  return [set, get];
}

const [setMyName, getMyName] = botTextMethods('name', 64);
const [setMyDescription, getMyDescription] = botTextMethods('description', 512);
const [setMyShortDescription, getMyShortDescription] = botTextMethods('short_description', 120);

/** Methods about the bot and update delivery, by name. */
export const SETTINGS_METHODS: Record<string, MethodHandler> = {
  getMe,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  setChatMenuButton,
  getChatMenuButton,
  setMyName,
  getMyName,
  setMyDescription,
  getMyDescription,
  setMyShortDescription,
  getMyShortDescription,
  logOut: () => true,
  close: () => true,
};
