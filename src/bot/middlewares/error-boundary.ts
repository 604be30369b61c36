import { GrammyError, type BotError } from 'grammy';
import type { BotContext, BotDeps } from '../context.js';

/**
 * What a failed update leaves behind: one error line in the log (method, code and description for Bot
 * API errors, via the logger's `err` serializer), the button press answered so the client stops spinning,
 * and a short apology to the user — unless Telegram refused us the chat (403: the user blocked the bot),
 * where a reply would fail too.
 *
 * It is the boundary of every update (see `update-boundary.ts` for the webhook and replay paths) and must
 * never throw itself: the runner would print a page of "ERROR ERROR ERROR" and a webhook replay would fail.
 */
export function updateErrorHandler(deps: BotDeps, tFor: BotContext['tFor']) {
  return async (err: BotError<BotContext>): Promise<void> => {
    const ctx = err.ctx;
    const e = err.error;
    const updateId = ctx.update?.update_id;
    try {
      deps.logger.error({ updateId, err: e }, 'update failed');
      const unsent = (what: string) => (error: unknown) => deps.logger.warn({ updateId, err: error }, `${what} after a failed update not sent`);
      // Presses are answered after their handler (callback-answer.ts), so a failed one is still unanswered here.
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(unsent('callback answer'));
      if (ctx.chat && !(e instanceof GrammyError && e.error_code === 403)) {
        await ctx.reply(tFor(ctx.locale ?? 'id', 'error-generic')).catch(unsent('apology'));
      }
    } catch (inner) {
      deps.logger.error({ updateId, err: inner }, 'error handler failed');
    }
  };
}
