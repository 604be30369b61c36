import { GrammyError, HttpError, type BotError } from 'grammy';
import type { BotContext, BotDeps } from '../context.js';

/**
 * What a failed update leaves behind: one error line in the log (method, code and description for Bot
 * API errors), the button press answered so the client stops spinning, and a short apology to the user
 * — unless Telegram refused us the chat (403: the user blocked the bot), where a reply would fail too.
 */
export function updateErrorHandler(deps: BotDeps, tFor: BotContext['tFor']) {
  return async (err: BotError<BotContext>): Promise<void> => {
    const ctx = err.ctx;
    const e = err.error;
    const detail = e instanceof GrammyError ? { method: e.method, code: e.error_code, description: e.description } : e instanceof HttpError ? { http: String(e.error) } : { message: (e as Error)?.message };
    deps.logger.error({ updateId: ctx.update.update_id, ...detail, stack: (e as Error)?.stack }, 'update failed');
    const unsent = (what: string) => (error: unknown) => deps.logger.warn({ updateId: ctx.update.update_id, err: error }, `${what} after a failed update not sent`);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(unsent('callback answer'));
    if (ctx.chat && !(e instanceof GrammyError && e.error_code === 403)) {
      await ctx.reply(tFor(ctx.locale ?? 'id', 'error-generic')).catch(unsent('apology'));
    }
  };
}
