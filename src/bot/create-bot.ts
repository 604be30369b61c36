import { Bot, GrammyError, HttpError, type BotConfig } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { fromLanguageCode, type Locale } from '../locale.js';
import type { BotContext, BotDeps } from './context.js';
import { createI18n } from './i18n.js';
import { createGeneralFeature, createFallbackCallbacks } from './features/general.js';
import { createProgrammesFeature } from './features/programmes.js';
import { createQuestionsFeature } from './features/questions.js';
import { createEnrolmentFeature } from './features/enrolment.js';
import { createAdminFeature } from './features/admin.js';
import { groupCommands, userCommands } from './commands.js';
import type { InFlightTracker } from './in-flight.js';

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
 * Build the bot: middleware order is error boundary → per-chat sequencing → logging →
 * rate limit → i18n → features. No environment reads: everything comes through `deps`.
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
  const adminSet = new Set(deps.config.adminIds);

  if (options.inFlight) {
    const tracker = options.inFlight;
    bot.use((_ctx, next) => tracker.track(next()));
  }

  // Flood guard: messages a user sends while earlier ones still wait in their chat's queue are dropped
  // beyond a small backlog. A person (or a client) that waits for each answer is never limited, however
  // fast the answers come; a burst of many messages at once is.
  const rl = { limit: 120, windowMs: 60_000, maxBacklog: 6, ...deps.config.rateLimit };
  const noticed = new Map<number, number>();
  const notifyLimited = async (ctx: BotContext) => {
    const uid = ctx.from?.id;
    if (uid === undefined) return;
    const last = noticed.get(uid) ?? 0;
    if (Date.now() - last < Math.max(rl.windowMs, 30_000)) return; // one polite notice, not one per message
    noticed.set(uid, Date.now());
    if (noticed.size > 10_000) noticed.clear();
    const locale = (await deps.stores.getLocale(uid)) ?? fromLanguageCode(ctx.from?.language_code);
    await ctx.api.sendMessage(ctx.chat?.id ?? uid, tFor(locale, 'rate-limited')).catch(() => undefined);
  };
  const backlog = new Map<number, number>();
  bot.use(async (ctx, next) => {
    const uid = ctx.from?.id;
    if (uid === undefined || !(ctx.message || ctx.editedMessage)) return next();
    const waiting = backlog.get(uid) ?? 0;
    if (waiting >= rl.maxBacklog) return notifyLimited(ctx);
    backlog.set(uid, waiting + 1);
    try {
      await next();
    } finally {
      const left = (backlog.get(uid) ?? 1) - 1;
      if (left <= 0) backlog.delete(uid);
      else backlog.set(uid, left);
    }
  });

  // Chats are handled one update at a time (order preserved), different chats concurrently.
  bot.use(sequentialize((ctx) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));

  bot.use(async (ctx, next) => {
    ctx.deps = deps;
    ctx.isAdmin = ctx.from !== undefined && adminSet.has(ctx.from.id);
    ctx.locale = 'id';
    ctx.tFor = tFor;
    const started = performance.now();
    let outcome = 'ok';
    try {
      await next();
    } catch (err) {
      outcome = 'error';
      throw err;
    } finally {
      deps.logger.info(
        { updateId: ctx.update.update_id, type: updateType(ctx.update), chatType: ctx.chat?.type, latencyMs: Math.round(performance.now() - started), outcome },
        'update',
      );
    }
  });

  // Per-user window limit (@grammyjs/ratelimiter): generous, against sustained spam and LLM cost.
  bot.use(
    limit<BotContext, never>({
      timeFrame: rl.windowMs,
      limit: rl.limit,
      keyGenerator: (ctx) => (ctx.message || ctx.editedMessage ? ctx.from?.id.toString() : undefined),
      onLimitExceeded: (ctx) => notifyLimited(ctx),
    }),
  );

  bot.use(i18n);
  bot.use(async (ctx, next) => {
    ctx.locale = (await ctx.i18n.getLocale()) === 'en' ? 'en' : 'id';
    await next();
  });

  // Admin first: an admin's typed rejection reason must win over their own unfinished /daftar draft.
  bot.use(createAdminFeature());
  bot.use(createEnrolmentFeature());
  bot.use(createGeneralFeature());
  bot.use(createProgrammesFeature());
  bot.use(createQuestionsFeature());
  bot.use(createFallbackCallbacks());

  bot.catch(async (err) => {
    const ctx = err.ctx;
    const e = err.error;
    const detail = e instanceof GrammyError ? { method: e.method, code: e.error_code, description: e.description } : e instanceof HttpError ? { http: String(e.error) } : { message: (e as Error)?.message };
    deps.logger.error({ updateId: ctx.update.update_id, ...detail, stack: (e as Error)?.stack }, 'update failed');
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    if (ctx.chat && !(e instanceof GrammyError && e.error_code === 403)) {
      await ctx.reply(tFor(ctx.locale ?? 'id', 'error-generic')).catch(() => undefined);
    }
  });

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
    await bot.api.setMyCommands(userCommands(t, true), { scope: { type: 'chat', chat_id: adminId } }).catch((err: unknown) => {
      deps.logger.warn({ adminId, err: (err as Error).message }, 'admin command menu not set (has the admin started the bot?)');
    });
  }
  if (deps.config.adminChatId !== undefined) {
    await bot.api.setMyCommands(groupCommands(t, true), { scope: { type: 'chat', chat_id: deps.config.adminChatId } }).catch((err: unknown) => {
      deps.logger.warn({ err: (err as Error).message }, 'admin chat command menu not set');
    });
  }
}

function updateType(u: object): string {
  return Object.keys(u).find((k) => k !== 'update_id') ?? 'unknown';
}
