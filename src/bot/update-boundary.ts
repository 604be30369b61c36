import { BotError, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../logger.js';
import type { BotContext } from './context.js';

/**
 * The one error boundary every update passes through, however it entered: long polling (the runner calls
 * `bot.handleUpdate` and `bot.errorHandler` itself), webhook processing and the start-up replay of the
 * webhook inbox (both through this function).
 *
 * A failing handler goes to the bot's error handler (`bot.catch`: logged, the user gets a short apology);
 * if even that throws, the failure is logged here. It never rejects, so the caller can always mark the
 * update done — a poison update is logged once instead of killing the process at every start.
 *
 * @example
 * const outcome = await handleUpdateSafely(bot, update, logger);
 * inbox.markDone(update.update_id);
 */
export async function handleUpdateSafely(bot: Bot<BotContext>, update: Update, logger: Logger): Promise<'ok' | 'failed'> {
  try {
    await bot.handleUpdate(update);
    return 'ok';
  } catch (err) {
    try {
      if (err instanceof BotError) await bot.errorHandler(err as BotError<BotContext>);
      else logger.error({ err, updateId: update.update_id }, 'update failed before reaching the handlers');
    } catch (inner) {
      logger.error({ err: inner, updateId: update.update_id }, 'error handler failed');
    }
    return 'failed';
  }
}
