import { InlineKeyboard } from 'grammy';
import type { AdminDestinations } from '../enrolment/types.js';
import type { BotContext } from './context.js';
import type { Translate } from './features/enrolment-render.js';

/*
 * Small helpers every feature uses: the clock (injectable in tests), translation as a plain function,
 * where admin messages go, and two standard replies.
 */

/** The current time: `deps.now` in tests, the real clock otherwise. */
export const now = (ctx: BotContext): Date => ctx.deps.now?.() ?? new Date();

/** `ctx.t` as a plain function, for renderers that know nothing of grammY. */
export const translate = (ctx: BotContext): Translate => (key, vars) => ctx.t(key, vars);

/** Where admin messages go: the admin chat when configured, else every admin privately. */
export function destinations(ctx: BotContext): AdminDestinations {
  const { adminChatId, adminIds } = ctx.deps.config;
  return adminChatId === undefined ? { adminIds } : { adminChatId, adminIds };
}

/**
 * For a call whose failure changes nothing for the user (a chat action, a cosmetic edit): log it and go on,
 * so no failure is swallowed silently.
 *
 * @example
 * await ctx.replyWithChatAction('typing').catch(logFailure(ctx, 'typing indicator'));
 */
export const logFailure = (ctx: BotContext, what: string) => (err: unknown): void => {
  ctx.deps.logger.debug({ err, updateId: ctx.update.update_id }, `${what} failed`);
};

/** Removes the inline keyboard of the message whose button was pressed (it has done its job). */
export async function removeKeyboard(ctx: BotContext): Promise<void> {
  if (!ctx.callbackQuery?.message) return;
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(logFailure(ctx, 'keyboard removal'));
}

/** "Please use this in a private chat", with a button that opens the private chat (on /daftar, straight into it). */
export async function privateOnly(ctx: BotContext, startPayload?: 'daftar'): Promise<void> {
  const username = ctx.me?.username;
  const url = username ? `https://t.me/${username}${startPayload ? `?start=${startPayload}` : ''}` : undefined;
  const keyboard = url ? new InlineKeyboard().url(ctx.t('enrol-open-private'), url) : undefined;
  await ctx.reply(ctx.t(startPayload ? 'enrol-private-only' : 'private-only'), { reply_markup: keyboard });
}
