/**
 * Bot API methods that act in chats: sending, editing and deleting messages, documents, chat actions, callback
 * answers and chat information. Each checks what Telegram checks, in Telegram's words, because the point of the
 * playground is that a bot which works here works on Telegram.
 */
import type { InlineKeyboardMarkup } from 'grammy/types';
import { badRequest, tooManyRequests } from './bot-api-error.js';
import type { MethodContext, MethodHandler } from './bot-api-settings.js';
import type { ChatState, EmulatorWorld, StoredMessage } from './emulator-world.js';
import type { StoredFile } from './file-store.js';
import { CAPTION, MESSAGE_TEXT, readFormattedText, sameJson } from './message-text.js';
import {
  isMissing, isRecord, readBool, readChatId, readInt, readJson, readString, requireInt, type Params,
} from './params.js';
import { inlineKeyboardOf, validateReplyMarkup, type ReplyMarkup } from './reply-markup.js';

const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
const QUERY_TOO_OLD = 'query is too old and response timeout expired or query ID is invalid';

const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice', 'upload_document',
  'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);

/** How long Telegram shows a chat action (or until the bot's next message). */
export const CHAT_ACTION_MS = 5000;

/** Counts one outgoing message against the flood limits; 429 when over. */
function throttle(world: EmulatorWorld, chat: ChatState | undefined): void {
  if (!world.limiter) return;
  const kind = chat?.type === 'private' ? 'private' : 'group';
  const wait = world.limiter.take(chat?.id, kind);
  if (wait > 0) throw tooManyRequests(wait);
}

function readMarkup(params: Params): ReplyMarkup | undefined {
  return validateReplyMarkup(readJson(params, 'reply_markup', "can't parse reply keyboard markup JSON object"));
}

/** `reply_parameters` (current) or `reply_to_message_id` (older bots): the message being answered. */
function readReplyTarget(world: EmulatorWorld, chat: ChatState, params: Params): number | undefined {
  const raw = readJson(params, 'reply_parameters', "can't parse ReplyParameters JSON object");
  let messageId = readInt(params, 'reply_to_message_id');
  let allowWithout = readBool(params, 'allow_sending_without_reply') ?? false;
  if (raw !== undefined) {
    if (!isRecord(raw)) throw badRequest("can't parse ReplyParameters JSON object");
    messageId = Number(raw.message_id);
    allowWithout = raw.allow_sending_without_reply === true;
    if (raw.chat_id !== undefined && Number(raw.chat_id) !== chat.id) throw badRequest('message to be replied not found');
  }
  if (messageId === undefined || messageId === 0) return undefined;
  if (world.findMessage(chat.id, messageId)) return messageId;
  if (allowWithout) return undefined;
  throw badRequest('message to be replied not found');
}

/** A reply keyboard (or its removal) travels with the message but is not part of the returned Message. */
function replyKeyboardOf(markup: ReplyMarkup | undefined): StoredMessage['replyKeyboard'] {
  if (markup && 'keyboard' in markup) return markup;
  if (markup && 'remove_keyboard' in markup) return 'remove';
  return undefined;
}

function linkPreview(params: Params): unknown {
  const options = readJson(params, 'link_preview_options', "can't parse LinkPreviewOptions JSON object");
  if (options !== undefined) return options;
  return readBool(params, 'disable_web_page_preview') ? { is_disabled: true } : undefined;
}

function sendMessage({ world, params }: MethodContext): unknown {
  const chat = world.writableChat(readChatId(params));
  const formatted = readFormattedText(params, MESSAGE_TEXT, (id) => world.userObject(id));
  const markup = readMarkup(params);
  const replyTo = readReplyTarget(world, chat, params);
  throttle(world, chat);
  const preview = linkPreview(params);
  const replyKeyboard = replyKeyboardOf(markup);
  const message = world.addMessage({
    chatId: chat.id,
    fromBot: true,
    senderId: world.bot.id,
    kind: 'text',
    text: formatted.text,
    entities: formatted.entities,
    ...(inlineKeyboardOf(markup) ? { inlineMarkup: inlineKeyboardOf(markup) as InlineKeyboardMarkup } : {}),
    ...(replyKeyboard === undefined ? {} : { replyKeyboard }),
    ...(markup && 'force_reply' in markup ? { forceReply: true } : {}),
    ...(replyTo === undefined ? {} : { replyToMessageId: replyTo }),
    ...(preview === undefined ? {} : { linkPreviewOptions: preview }),
  });
  return world.toTelegramMessage(message);
}

/** The message an edit method targets: chat_id + message_id (inline messages do not exist here). */
function editTarget(world: EmulatorWorld, params: Params, notFound: string): StoredMessage {
  if (!isMissing(params, 'inline_message_id')) throw badRequest('MESSAGE_ID_INVALID');
  const chat = world.writableChat(readChatId(params));
  const messageId = requireInt(params, 'message_id', 'message identifier is not specified');
  const message = world.findMessage(chat.id, messageId);
  if (!message) throw badRequest(notFound);
  if (!message.fromBot) throw badRequest("message can't be edited");
  return message;
}

/** Result of a successful edit: the edited message, like Telegram (inline messages would return true). */
function editMessageText({ world, params }: MethodContext): unknown {
  const message = editTarget(world, params, 'message to edit not found');
  if (message.kind !== 'text') throw badRequest('there is no text in the message to edit');
  const formatted = readFormattedText(params, MESSAGE_TEXT, (id) => world.userObject(id));
  const markup = inlineKeyboardOf(readMarkup(params));
  const unchanged = formatted.text === message.text && sameJson(formatted.entities, message.entities);
  if (unchanged && sameJson(markup, message.inlineMarkup)) throw badRequest(NOT_MODIFIED);
  throttle(world, undefined);
  message.text = formatted.text;
  message.entities = formatted.entities;
  setInlineMarkup(message, markup);
  const preview = linkPreview(params);
  if (preview !== undefined) message.linkPreviewOptions = preview;
  world.markEdited(message, !unchanged);
  return world.toTelegramMessage(message);
}

function setInlineMarkup(message: StoredMessage, markup: InlineKeyboardMarkup | undefined): void {
  if (markup) message.inlineMarkup = markup;
  else delete message.inlineMarkup;
}

function editMessageCaption({ world, params }: MethodContext): unknown {
  const message = editTarget(world, params, 'message to edit not found');
  if (message.kind === 'text') throw badRequest('there is no caption in the message to edit');
  const formatted = readFormattedText(params, CAPTION, (id) => world.userObject(id));
  const markup = inlineKeyboardOf(readMarkup(params));
  const unchanged = formatted.text === message.text && sameJson(formatted.entities, message.entities);
  if (unchanged && sameJson(markup, message.inlineMarkup)) throw badRequest(NOT_MODIFIED);
  message.text = formatted.text;
  message.entities = formatted.entities;
  setInlineMarkup(message, markup);
  world.markEdited(message, !unchanged);
  return world.toTelegramMessage(message);
}

function editMessageReplyMarkup({ world, params }: MethodContext): unknown {
  const message = editTarget(world, params, 'message to edit not found');
  const raw = readMarkup(params);
  const markup = inlineKeyboardOf(raw);
  if (raw !== undefined && !markup) throw badRequest('inline keyboard expected');
  if (sameJson(markup, message.inlineMarkup)) throw badRequest(NOT_MODIFIED);
  throttle(world, undefined);
  setInlineMarkup(message, markup);
  world.markEdited(message, false);
  return world.toTelegramMessage(message);
}

function deleteMessage({ world, params }: MethodContext): boolean {
  const chat = world.resolveChat(readChatId(params));
  const messageId = requireInt(params, 'message_id', 'message identifier is not specified');
  const message = world.findMessage(chat.id, messageId);
  if (!message) throw badRequest('message to delete not found');
  if (chat.type !== 'private' && !message.fromBot && chat.botStatus !== 'administrator') {
    throw badRequest("message can't be deleted");
  }
  world.markDeleted(message);
  return true;
}

function answerCallbackQuery({ world, params }: MethodContext): boolean {
  const id = readString(params, 'callback_query_id') ?? '';
  const query = world.callbackQueries.get(id);
  const expired = query !== undefined && world.clock() - query.createdAt > world.callbackQueryTimeoutMs;
  if (!query || query.answered || expired) throw badRequest(QUERY_TOO_OLD);
  const text = readString(params, 'text');
  if (text !== undefined && [...text].length > 200) throw badRequest('MESSAGE_TOO_LONG');
  query.answered = true;
  const url = readString(params, 'url');
  const answer = {
    callbackQueryId: id,
    chatId: query.chatId,
    messageId: query.messageId,
    fromId: query.fromId,
    data: query.data,
    ...(text ? { text } : {}),
    showAlert: readBool(params, 'show_alert') ?? false,
    ...(url ? { url } : {}),
    at: world.clock(),
  };
  world.callbackAnswers.push(answer);
  world.events.push({ type: 'callback_answer', chatId: query.chatId, answer });
  return true;
}

function sendChatAction({ world, params }: MethodContext): boolean {
  const chat = world.writableChat(readChatId(params));
  const action = readString(params, 'action') ?? '';
  if (!CHAT_ACTIONS.has(action)) throw badRequest('wrong parameter action in request');
  const at = world.clock();
  world.chatActions.push({ chatId: chat.id, action, at });
  world.events.push({ type: 'chat_action', chatId: chat.id, action, until: at + CHAT_ACTION_MS });
  return true;
}

/** The `document` parameter: an uploaded part (directly or via `attach://`), or the file_id of a known file. */
function readDocument(world: EmulatorWorld, context: MethodContext): StoredFile {
  const { params, files } = context;
  const direct = files.get('document');
  const value = readString(params, 'document');
  const upload = direct ?? (value?.startsWith('attach://') ? files.get(value.slice('attach://'.length)) : undefined);
  if (upload) {
    if (upload.data.length === 0) throw badRequest('file must be non-empty');
    return world.files.add('document', upload.data, upload.filename || 'document', upload.contentType);
  }
  if (value === undefined || value === '') throw badRequest('there is no document in the request');
  if (/^https?:\/\//i.test(value)) throw badRequest('failed to get HTTP URL content');
  const known = world.files.get(value);
  if (!known) throw badRequest('wrong file identifier/HTTP URL specified');
  return known;
}

function sendDocument(context: MethodContext): unknown {
  const { world, params } = context;
  const chat = world.writableChat(readChatId(params));
  const caption = readFormattedText(params, CAPTION, (id) => world.userObject(id));
  const markup = readMarkup(params);
  const replyTo = readReplyTarget(world, chat, params);
  const file = readDocument(world, context);
  throttle(world, chat);
  const message = world.addMessage({
    chatId: chat.id,
    fromBot: true,
    senderId: world.bot.id,
    kind: 'document',
    text: caption.text,
    entities: caption.entities,
    files: [file],
    ...(inlineKeyboardOf(markup) ? { inlineMarkup: inlineKeyboardOf(markup) as InlineKeyboardMarkup } : {}),
    ...(replyTo === undefined ? {} : { replyToMessageId: replyTo }),
  });
  return world.toTelegramMessage(message);
}

function getChat({ world, params }: MethodContext): unknown {
  const chat = world.resolveChat(readChatId(params));
  return { ...world.chatObject(chat), accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {
    unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false,
  } };
}

const ADMIN_RIGHTS = {
  can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true,
  can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false, can_change_info: true,
  can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false,
  can_pin_messages: true, can_manage_topics: false,
};

/** Telegram's `ChatMember` for a user id in a chat. */
function memberObject(world: EmulatorWorld, chat: ChatState, userId: number): Record<string, unknown> {
  const user = world.userObject(userId);
  if (!user) throw badRequest('user not found');
  if (userId === world.bot.id) {
    const status = chat.type === 'private' ? 'member' : chat.botStatus;
    return status === 'administrator' ? { status, user, ...ADMIN_RIGHTS } : { status, user };
  }
  if (chat.type === 'private') return { status: userId === chat.id ? 'member' : 'left', user };
  const status = chat.members.get(userId);
  if (status === 'creator') return { status, user, is_anonymous: false };
  if (status === 'administrator') return { status, user, ...ADMIN_RIGHTS };
  return { status: status ?? 'left', user };
}

function getChatMember({ world, params }: MethodContext): unknown {
  const chat = world.resolveChat(readChatId(params));
  const userId = requireInt(params, 'user_id', 'user not found');
  return memberObject(world, chat, userId);
}

function getChatAdministrators({ world, params }: MethodContext): unknown {
  const chat = world.resolveChat(readChatId(params));
  if (chat.type === 'private') throw badRequest('there are no administrators in the private chat');
  const admins = [...chat.members.entries()].filter(([, s]) => s === 'creator' || s === 'administrator').map(([id]) => id);
  if (chat.botStatus === 'administrator') admins.push(world.bot.id);
  return admins.map((id) => memberObject(world, chat, id));
}

function getChatMemberCount({ world, params }: MethodContext): number {
  const chat = world.resolveChat(readChatId(params));
  if (chat.type === 'private') return 2;
  return chat.members.size + (chat.botStatus === 'member' || chat.botStatus === 'administrator' ? 1 : 0);
}

function leaveChat({ world, params }: MethodContext): boolean {
  const chat = world.resolveChat(readChatId(params));
  if (chat.type === 'private') throw badRequest("chat member status can't be changed in private chats");
  if (chat.botStatus === 'left' || chat.botStatus === 'kicked') throw badRequest(`bot is not a member of the ${chat.type} chat`);
  const old = chat.botStatus;
  chat.botStatus = 'left';
  world.pushMyChatMember(chat, world.bot.id, old, 'left');
  return true;
}

/** Telegram serves bots files up to 20 MB; bigger ones fail getFile (no file_path is ever given). */
export const BOT_DOWNLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

function getFile({ world, params }: MethodContext): unknown {
  const file = world.files.get(readString(params, 'file_id') ?? '');
  if (!file) throw badRequest('invalid file_id');
  if (file.data.length > BOT_DOWNLOAD_LIMIT_BYTES) throw badRequest('file is too big');
  return { file_id: file.fileId, file_unique_id: file.uniqueId, file_size: file.data.length, file_path: file.path };
}

/** Methods acting in chats, by name. */
export const MESSAGE_METHODS: Record<string, MethodHandler> = {
  sendMessage,
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
  answerCallbackQuery,
  sendChatAction,
  sendDocument,
  getChat,
  getChatMember,
  getChatAdministrators,
  getChatMemberCount,
  leaveChat,
  getFile,
};
