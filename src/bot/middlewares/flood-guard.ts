import type { Middleware } from 'grammy';
import type { BotContext } from '../context.js';

/**
 * Drops the messages a user sends while more than `maxBacklog` of their earlier ones still wait in their
 * chat's queue. A person (or a client) that waits for each answer is never limited, however fast the
 * answers come; a burst of many messages at once is. Runs before per-chat sequencing, so it sees the queue.
 */
export function floodGuard(maxBacklog: number, onLimited: (ctx: BotContext) => Promise<void>): Middleware<BotContext> {
  const backlog = new Map<number, number>();
  return async (ctx, next) => {
    const uid = ctx.from?.id;
    if (uid === undefined || !(ctx.message || ctx.editedMessage)) return next();
    const waiting = backlog.get(uid) ?? 0;
    if (waiting >= maxBacklog) return onLimited(ctx);
    backlog.set(uid, waiting + 1);
    try {
      await next();
    } finally {
      const left = (backlog.get(uid) ?? 1) - 1;
      if (left <= 0) backlog.delete(uid);
      else backlog.set(uid, left);
    }
  };
}
