import type { InlineKeyboard } from 'grammy';
import type { ForceReply } from 'grammy/types';
import type { BotContext } from './context.js';
import { splitHtmlMessage } from './format.js';

/*
 * The one way the bot sends and edits HTML: every message it writes in HTML goes through `replyHtml`,
 * `editHtml` or, for calls made without a context (the outbox), `HTML_OPTIONS`. Link previews are off
 * everywhere (answers carry several links). Plain-text replies (`ctx.reply(text)`) are never parsed, so a
 * stray "<" in a translation or a user's name cannot make Telegram refuse them.
 */

/** Options of every HTML message: parse mode and no link preview. */
export const HTML_OPTIONS = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;

export interface HtmlReplyOptions {
  keyboard?: InlineKeyboard | ForceReply;
  /** Message to reply to (first part only; sent anyway if it is gone). */
  replyTo?: number;
}

/**
 * Send HTML that may exceed Telegram's limit: split into parts, the keyboard (if any) on the last part.
 * Returns the last message sent.
 */
export async function replyHtml(ctx: BotContext, htmlOrParts: string | string[], opts: HtmlReplyOptions = {}) {
  const parts = typeof htmlOrParts === 'string' ? splitHtmlMessage(htmlOrParts) : htmlOrParts;
  let sent: Awaited<ReturnType<BotContext['reply']>> | undefined;
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    sent = await ctx.reply(part, {
      ...HTML_OPTIONS,
      reply_markup: last ? opts.keyboard : undefined,
      reply_parameters: i === 0 && opts.replyTo ? { message_id: opts.replyTo, allow_sending_without_reply: true } : undefined,
    });
  }
  return sent;
}

/**
 * Edit a message's HTML: the pressed button's message by default, or `target`. "Message is not modified"
 * counts as success (the message already shows this text).
 */
export async function editHtml(
  ctx: BotContext,
  html: string,
  opts: { keyboard?: InlineKeyboard; target?: { chatId: number; messageId: number } } = {},
): Promise<void> {
  const options = { ...HTML_OPTIONS, reply_markup: opts.keyboard };
  const edit = opts.target ? ctx.api.editMessageText(opts.target.chatId, opts.target.messageId, html, options) : ctx.editMessageText(html, options);
  await edit.catch((err: unknown) => {
    if (!isNotModified(err)) throw err;
  });
}

/** Edit the pressed message, or send a new one when it cannot be edited (too old, deleted …). */
export async function editOrReplyHtml(ctx: BotContext, html: string, keyboard?: InlineKeyboard): Promise<void> {
  await editHtml(ctx, html, { keyboard }).catch(() => replyHtml(ctx, html, { keyboard }));
}

/** Telegram's 400 for an edit that changes nothing. */
export function isNotModified(err: unknown): boolean {
  return String((err as Error)?.message ?? err).includes('message is not modified');
}
