import { fromLanguageCode } from '../../locale.js';
import type { BotContext, BotDeps } from '../context.js';

/**
 * One polite "slow down" notice per user and window, however many of their messages are dropped.
 * Shared by the flood guard and the per-minute window, so a user never gets two notices for one burst.
 */
export function createLimitNotice(deps: BotDeps, tFor: BotContext['tFor'], windowMs: number): (ctx: BotContext) => Promise<void> {
  const noticed = new Map<number, number>();
  return async (ctx) => {
    const uid = ctx.from?.id;
    if (uid === undefined) return;
    const last = noticed.get(uid) ?? 0;
    if (Date.now() - last < Math.max(windowMs, 30_000)) return;
    noticed.set(uid, Date.now());
    if (noticed.size > 10_000) noticed.clear();
    const locale = (await deps.stores.getLocale(uid)) ?? fromLanguageCode(ctx.from?.language_code);
    await ctx.api.sendMessage(ctx.chat?.id ?? uid, tFor(locale, 'rate-limited')).catch((err: unknown) => {
      deps.logger.warn({ err, userId: uid }, 'rate-limit notice not sent');
    });
  };
}
