import type { Middleware } from 'grammy';
import { DEFAULT_LOCALE } from '../../locale.js';
import type { BotContext, BotDeps } from '../context.js';

/**
 * Puts the dependencies, the admin and maintainer flags and translation on the context. The locale starts as the
 * default and is settled after i18n has run ({@link settleLocale}).
 */
export function contextSetup(deps: BotDeps, tFor: BotContext['tFor']): Middleware<BotContext> {
  const adminSet = new Set(deps.config.adminIds);
  // Admins are maintainers too (the domain checks the same rule: knowledge/maintenance/roles.ts).
  const maintainerSet = new Set([...deps.config.adminIds, ...(deps.config.maintainerIds ?? [])]);
  return async (ctx, next) => {
    ctx.deps = deps;
    ctx.isAdmin = ctx.from !== undefined && adminSet.has(ctx.from.id);
    ctx.isMaintainer = ctx.from !== undefined && maintainerSet.has(ctx.from.id);
    ctx.locale = DEFAULT_LOCALE;
    ctx.tFor = tFor;
    await next();
  };
}

/** The user's locale as i18n negotiated it (saved /bahasa choice, else Telegram's language_code). */
export const settleLocale: Middleware<BotContext> = async (ctx, next) => {
  ctx.locale = (await ctx.i18n.getLocale()) === 'en' ? 'en' : 'id';
  await next();
};
