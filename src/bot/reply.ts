import type { InlineKeyboard } from 'grammy';
import type { BotContext } from './context.js';
import { splitHtmlMessage } from './format.js';

/**
 * Send HTML that may exceed Telegram's limit: split into parts, the keyboard (if any) on
 * the last part, link previews off (answers carry several links).
 */
export async function replyHtml(
  ctx: BotContext,
  htmlOrParts: string | string[],
  opts: { keyboard?: InlineKeyboard; replyTo?: number } = {},
): Promise<void> {
  const parts = typeof htmlOrParts === 'string' ? splitHtmlMessage(htmlOrParts) : htmlOrParts;
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    await ctx.reply(part, {
      parse_mode: 'HTML',
      reply_markup: last ? opts.keyboard : undefined,
      link_preview_options: { is_disabled: true },
      reply_parameters: i === 0 && opts.replyTo ? { message_id: opts.replyTo, allow_sending_without_reply: true } : undefined,
    });
  }
}
