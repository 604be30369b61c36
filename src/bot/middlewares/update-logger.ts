import type { Middleware } from 'grammy';
import type { BotContext } from '../context.js';

/** One log line per update: id, type, chat type, latency and outcome — never the message text. */
export const updateLogger: Middleware<BotContext> = async (ctx, next) => {
  const started = performance.now();
  let outcome = 'ok';
  try {
    await next();
  } catch (err) {
    outcome = 'error';
    throw err;
  } finally {
    ctx.deps.logger.info(
      { updateId: ctx.update.update_id, type: updateType(ctx.update), chatType: ctx.chat?.type, latencyMs: Math.round(performance.now() - started), outcome },
      'update',
    );
  }
};

export function updateType(u: object): string {
  return Object.keys(u).find((k) => k !== 'update_id') ?? 'unknown';
}
