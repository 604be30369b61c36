import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.js';

/**
 * A button press is acknowledged (answerCallbackQuery) only after its handler finished, i.e. after the
 * database commit it caused.
 *
 * Why: Telegram does not re-deliver an update once the press was answered and the next getUpdates confirmed
 * it, and the user's spinner stops at the answer. Answering first and committing second means a crash in
 * between loses the press while the user believes it worked (they must press again, or never learn that
 * the request was not submitted). Answering after the commit turns that window into a safe replay: the
 * press is re-delivered, and the handlers are idempotent against their own committed state (a submitted
 * draft is gone, a decided request is refused with who decided).
 *
 * Handlers keep calling `ctx.answerCallbackQuery(…)` where it reads naturally; the first call's options are
 * kept and sent when the handler returns. If the handler throws, nothing is sent here and the error boundary
 * (`bot.catch`) answers once.
 */
export const answerCallbackAfterHandling: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (!ctx.callbackQuery) return next();
  const answerNow = ctx.answerCallbackQuery.bind(ctx);
  let requested: { options: Parameters<typeof answerNow>[0] } | undefined;
  ctx.answerCallbackQuery = (async (options?: Parameters<typeof answerNow>[0]) => {
    requested ??= { options };
    return true;
  }) as typeof ctx.answerCallbackQuery;
  try {
    await next();
  } finally {
    // From here on (the error boundary included) an answer goes straight to Telegram.
    ctx.answerCallbackQuery = answerNow;
  }
  // The work is done and committed; a late answer (Telegram's ~15 s limit) only leaves the spinner running.
  if (requested) {
    await answerNow(requested.options).catch((err: unknown) => ctx.deps.logger.warn({ updateId: ctx.update.update_id, err }, 'callback answer after handling not sent'));
  }
};
