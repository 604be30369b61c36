import { Bot, type BotConfig } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import type { Locale } from '../locale.js';
import type { BotContext, BotDeps } from './context.js';
import { createI18n } from './i18n.js';
import { createGeneralFeature, createFallbackCallbacks } from './features/general.js';
import { createProgrammesFeature } from './features/programmes.js';
import { createQuestionsFeature } from './features/questions.js';
import { createEnrolmentFeature } from './features/enrolment.js';
import { createAdminFeature } from './features/admin.js';
import { createMaintainerUploadsFeature } from './features/maintainer-uploads.js';
import { createMaintainerGapsFeature } from './features/maintainer-gaps.js';
import { groupCommands, userCommands } from './commands.js';
import type { InFlightTracker } from './in-flight.js';
import { contextSetup, settleLocale } from './middlewares/context-setup.js';
import { updateErrorHandler } from './middlewares/error-boundary.js';
import { floodGuard } from './middlewares/flood-guard.js';
import { createLimitNotice } from './middlewares/limit-notice.js';
import { updateLogger } from './middlewares/update-logger.js';
import { answerCallbackAfterHandling } from './middlewares/callback-answer.js';

export interface CreateBotOptions {
  /** Bot API root (TELEGRAM_API_ROOT); every call — conversations included — goes there. */
  apiRoot?: string;
  /** Extra grammY client options (tests). */
  client?: BotConfig<BotContext>['client'];
  /** Known bot info (skips getMe in tests). */
  botInfo?: BotConfig<BotContext>['botInfo'];
  /** Records every update being handled, so shutdown can wait for them. */
  inFlight?: InFlightTracker;
}

/**
 * Build the bot. Middleware, in order:
 * 1. in-flight tracking (shutdown waits for these updates);
 * 2. flood guard (before sequencing, so it sees a user's queue);
 * 3. per-chat sequencing (`@grammyjs/runner`: one update at a time per chat, chats concurrently);
 * 4. context setup and the update logger;
 * 5. the per-minute window (`@grammyjs/ratelimiter`);
 * 6. button presses answered after their handler committed (`middlewares/callback-answer.ts`);
 * 7. i18n and the settled locale;
 * 8. the features, admin first (an admin's typed reason must win over their own unfinished /daftar), then
 *    the maintainers' uploads and gaps, enrolment, general commands, programmes, questions, and a fallback
 *    that answers every stale button.
 * Errors of any update end in {@link updateErrorHandler}. No environment reads: everything comes through `deps`.
 *
 * @example
 * const bot = createBot(token, deps, { apiRoot: 'http://127.0.0.1:8081' });
 * await bot.init();
 */
export function createBot(token: string, deps: BotDeps, options: CreateBotOptions = {}): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, {
    client: { apiRoot: options.apiRoot, ...options.client },
    botInfo: options.botInfo,
  });
  // 429 (retry_after) and 5xx are retried; 4xx are not.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));

  const i18n = createI18n();
  const tFor = (locale: Locale, key: string, vars?: Record<string, string | number>) => i18n.t(locale, key, vars);
  const rl = { limit: 120, windowMs: 60_000, maxBacklog: 6, ...deps.config.rateLimit };
  const notifyLimited = createLimitNotice(deps, tFor, rl.windowMs);

  if (options.inFlight) {
    const tracker = options.inFlight;
    bot.use((_ctx, next) => tracker.track(next()));
  }
  bot.use(floodGuard(rl.maxBacklog, notifyLimited));
  bot.use(sequentialize((ctx) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  bot.use(contextSetup(deps, tFor));
  bot.use(updateLogger);
  // Generous, against sustained spam and LLM cost.
  bot.use(
    limit<BotContext, never>({
      timeFrame: rl.windowMs,
      limit: rl.limit,
      keyGenerator: (ctx) => (ctx.message || ctx.editedMessage ? ctx.from?.id.toString() : undefined),
      onLimitExceeded: (ctx) => notifyLimited(ctx),
    }),
  );
  bot.use(answerCallbackAfterHandling);
  bot.use(i18n);
  bot.use(settleLocale);

  bot.use(createAdminFeature());
  // Before enrolment and general: a maintainer's document is an upload, not "media I cannot read".
  bot.use(createMaintainerUploadsFeature());
  bot.use(createMaintainerGapsFeature());
  bot.use(createEnrolmentFeature());
  bot.use(createGeneralFeature());
  bot.use(createProgrammesFeature());
  bot.use(createQuestionsFeature());
  bot.use(createFallbackCallbacks());

  bot.catch(updateErrorHandler(deps, tFor));
  return bot;
}

/** Register the command menus in Indonesian (default) and English, plus the admins' menus. */
export async function registerCommands(bot: Bot<BotContext>, deps: BotDeps): Promise<void> {
  const i18n = createI18n();
  for (const locale of ['id', 'en'] as const) {
    const t = (k: string) => i18n.t(locale, k);
    const language_code = locale === 'id' ? undefined : locale;
    await bot.api.setMyCommands(userCommands(t), { scope: { type: 'all_private_chats' }, language_code });
    await bot.api.setMyCommands(groupCommands(t), { scope: { type: 'all_group_chats' }, language_code });
    if (locale === 'id') await bot.api.setMyCommands(userCommands(t), { language_code });
  }
  const t = (k: string) => i18n.t('id', k);
  for (const adminId of deps.config.adminIds) {
    await bot.api.setMyCommands(userCommands(t, true, true), { scope: { type: 'chat', chat_id: adminId } }).catch((err: unknown) => {
      deps.logger.warn({ adminId, err }, 'admin command menu not set (has the admin started the bot?)');
    });
  }
  for (const maintainerId of (deps.config.maintainerIds ?? []).filter((id) => !deps.config.adminIds.includes(id))) {
    await bot.api.setMyCommands(userCommands(t, false, true), { scope: { type: 'chat', chat_id: maintainerId } }).catch((err: unknown) => {
      deps.logger.warn({ maintainerId, err }, 'maintainer command menu not set (has the maintainer started the bot?)');
    });
  }
  if (deps.config.adminChatId !== undefined) {
    await bot.api.setMyCommands(groupCommands(t, true), { scope: { type: 'chat', chat_id: deps.config.adminChatId } }).catch((err: unknown) => {
      deps.logger.warn({ err }, 'admin chat command menu not set');
    });
  }
}
