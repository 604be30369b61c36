/**
 * Start the whole bot process for a validated configuration: knowledge base (built if
 * needed), database, catalogue, bot (long polling or webhook), outbox loop, health
 * endpoints. Returns `stop()` for graceful shutdown. Throws {@link StartupError} with one
 * readable line for every foreseeable start-up problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Api, GrammyError, HttpError } from 'grammy';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { createCoreServices } from './services.js';
import { ensureWritableDataDir } from './storage/sqlite.js';
import { openStorage, type Storage } from './storage/open-storage.js';
import { watchIndex } from './answering/knowledge-gaps.js';
import { createBotDeps } from './bot-deps.js';
import { daysBefore, HOUSEKEEPING_POLICY } from './enrolment/housekeeping-policy.js';
import { pruneUploadActions } from './knowledge/maintenance/uploads.js';
import { loadCatalogue, type Catalogue } from './enrolment/catalogue.js';
import { applyRetention } from './enrolment/use-cases.js';
import { reclaimAbandonedLeases, startOutboxLoop, type OutboxLoop } from './enrolment/outbox-dispatcher.js';
import { createBot, registerCommands } from './bot/create-bot.js';
import { createOutboxSender } from './bot/outbox-sender.js';
import { startHttpServer, type RunningHttpServer } from './server/http-server.js';
import { InFlightTracker } from './bot/in-flight.js';
import { handleUpdateSafely } from './bot/update-boundary.js';
import type { Update } from 'grammy/types';

/** A foreseeable start-up problem, phrased as one readable line for the operator (no stack trace). */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

export interface RunningApp {
  stop: () => Promise<void>;
  mode: 'polling' | 'webhook';
  httpPort?: number;
}

export interface StartAppOptions {
  logger: Logger;
  progress?: (m: string) => void;
  /** Serve /healthz and /readyz in polling mode (the playground has its own server). */
  healthServer?: boolean;
}

export async function startApp(config: Config, opts: StartAppOptions): Promise<RunningApp> {
  const { logger } = opts;
  if (!config.botToken) throw new StartupError('BOT_TOKEN belum diatur.');
  let ready = false;

  // Before the index build: a DATA_DIR that cannot be written stops here with one line (not a hang).
  let storage: Storage;
  try {
    ensureWritableDataDir(config.dataDir);
  } catch (err) {
    throw new StartupError((err as Error).message);
  }
  const core = await createCoreServices(config, { progress: opts.progress, warn: opts.progress, logger });
  try {
    storage = openStorage(config.dataDir);
  } catch (err) {
    throw new StartupError((err as Error).message);
  }
  const { db, enrolment, inbox } = storage;
  const catalogueFile = path.join(config.knowledgeDir, 'programmes.yaml');
  const catalogue = catalogueProvider(catalogueFile, logger);

  const deps = createBotDeps({ core, storage, catalogue, logger, roles: config, retentionDays: config.retentionDays, knowledgeDir: config.knowledgeDir });
  const maintenance = deps.maintenance!;
  const waiting = maintenance.waiting;
  // A re-index by another process (npm run reindex) is hot-swapped here, and waiting questions are asked again.
  const indexWatcher = watchIndex(core.kb, (buildId) => {
    logger.info({ buildId }, 'new index loaded');
    void waiting.recheck(buildId);
  });

  const inFlight = new InFlightTracker();
  const bot = createBot(config.botToken, deps, { apiRoot: config.telegramApiRoot, inFlight });
  try {
    // Probe with a plain client first: the bot's own client retries network errors and 5xx
    // (auto-retry), which is right at run time but would hide a start-up mistake.
    const probe = new Api(config.botToken, { apiRoot: config.telegramApiRoot, timeoutSeconds: 15 });
    bot.botInfo = await probe.getMe();
    await bot.init();
  } catch (err) {
    indexWatcher.stop();
    storage.close();
    throw new StartupError(describeTelegramError(err, config.telegramApiRoot));
  }
  logger.info({ bot: bot.botInfo.username, mode: config.webhook.url ? 'webhook' : 'polling', answers: core.answers.mode }, 'bot initialised');
  await registerCommands(bot, deps).catch((err: unknown) => logger.warn({ err }, 'setMyCommands failed'));

  // Messages the previous process was sending when it died are due again now, not after their lease
  // (a card stuck behind one for a minute would hold up the whole admin chat).
  const reclaimed = await reclaimAbandonedLeases(enrolment).catch((err: unknown) => {
    logger.error({ err }, 'outbox leases could not be reclaimed');
    return 0;
  });
  if (reclaimed > 0) logger.warn({ reclaimed }, 'outbox: messages of a stopped process are due again (at-least-once: one may be sent twice)');
  const outbox: OutboxLoop = startOutboxLoop(enrolment, createOutboxSender(bot, deps), {
    onError: (err) => logger.error({ err }, 'outbox run failed'),
  });
  const housekeeping = () => {
    const now = new Date();
    const failed = (what: string) => (err: unknown) => logger.error({ err }, `housekeeping: ${what} failed`);
    applyRetention(enrolment, { days: config.retentionDays, now }).catch(failed('retention'));
    enrolment.deleteFinishedOutboxBefore(daysBefore(now, HOUSEKEEPING_POLICY.finishedOutboxDays).toISOString()).catch(failed('outbox pruning'));
    if (config.webhook.url) inbox.prune(daysBefore(now, HOUSEKEEPING_POLICY.handledWebhookUpdatesDays));
    enrolment.deleteDraftsUpdatedBefore(daysBefore(now, HOUSEKEEPING_POLICY.abandonedDraftDays).toISOString()).catch(failed('draft pruning'));
    // Staged uploads nobody confirmed and expired 🔔 questions.
    pruneUploadActions(maintenance.uploads).catch(failed('upload action pruning'));
    storage.knowledge.deleteExpiredWatches(now.toISOString()).catch(failed('expired watch pruning'));
  };
  const retention = setInterval(housekeeping, HOUSEKEEPING_POLICY.intervalMs);
  retention.unref();
  housekeeping();

  let runner: RunnerHandle | undefined;
  let http: RunningHttpServer | undefined;
  if (config.webhook.url) {
    const webhookPath = new URL(config.webhook.url).pathname || '/';
    http = await startHttpServer({
      port: config.port,
      host: config.host,
      logger,
      isReady: () => ready,
      webhook: {
        path: webhookPath,
        secret: config.webhook.secret!,
        accept: (u) => inbox.accept(u),
        // Done after any outcome: a handler error is logged by the boundary and must not be replayed forever.
        process: async (u) => {
          await handleUpdateSafely(bot, u, logger);
          inbox.markDone(u.update_id);
        },
      },
    });
    // Finish what a previous process accepted but did not complete (each row at most MAX_REPLAY_ATTEMPTS times).
    const { replay, givenUp } = inbox.takeForReplay();
    if (givenUp.length > 0) logger.error({ updateIds: givenUp }, 'webhook updates given up after repeated replays (the process died while handling them)');
    for (const u of replay) {
      void inFlight
        .track(handleUpdateSafely(bot, u as Update, logger).then(() => inbox.markDone(u.update_id)))
        .catch((err: unknown) => logger.error({ err, updateId: u.update_id }, 'replayed webhook update failed'));
    }
    await bot.api.setWebhook(config.webhook.url, { secret_token: config.webhook.secret, allowed_updates: ALLOWED_UPDATES, drop_pending_updates: false });
    logger.info({ path: webhookPath, port: http.port }, 'webhook set');
  } else {
    await bot.api.deleteWebhook({ drop_pending_updates: false });
    if (opts.healthServer) http = await startHttpServer({ port: config.port, host: config.host, logger, isReady: () => ready });
    // silent: the runner would print every fetch error with its stack; the unrecoverable ones end the task below.
    runner = run(bot, { runner: { silent: true, fetch: { allowed_updates: ALLOWED_UPDATES } } });
    // Polling errors the runner cannot retry (409: another instance or a webhook; 401: token revoked): one line.
    runner.task()?.catch((err: unknown) => {
      process.stderr.write(`Polling berhenti: ${describeTelegramError(err, config.telegramApiRoot)}\n`);
      void stop().finally(() => process.exit(1));
    });
  }
  ready = true;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      ready = false;
      logger.info('shutting down: finishing updates in flight');
      if (runner?.isRunning()) await runner.stop();
      await http?.close();
      // Updates already handed to handlers finish before the database closes.
      const left = await inFlight.drain(3500);
      if (left > 0) logger.warn({ left }, 'shutdown: updates still running after 3.5 s');
      await outbox.stop();
      clearInterval(retention);
      indexWatcher.stop();
      // Leave no old page images (which may hold erased personal data) in the -wal file.
      try {
        storage.close();
      } catch (err) {
        logger.warn({ err }, 'shutdown: WAL checkpoint failed');
        if (db.open) db.close();
      }
      logger.info('stopped');
    })());
  return { stop, mode: config.webhook.url ? 'webhook' : 'polling', httpPort: http?.port };
}

const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

/** The catalogue, validated at start-up (a bad file stops the start with the line named) and re-read when it changes. */
function catalogueProvider(file: string, logger: Logger): () => Catalogue {
  const read = () => loadCatalogue(file);
  let current: Catalogue;
  try {
    current = read();
  } catch (err) {
    throw new StartupError((err as Error).message);
  }
  for (const w of current.warnings) logger.warn({ file }, w);
  let mtime = statMtime(file);
  return () => {
    const m = statMtime(file);
    if (m !== mtime) {
      mtime = m;
      try {
        current = read();
      } catch (err) {
        logger.error({ err }, 'programmes.yaml invalid; keeping the previous catalogue');
      }
    }
    return current;
  };
}

function statMtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

export function describeTelegramError(err: unknown, apiRoot: string): string {
  if (err instanceof GrammyError) {
    if (err.error_code === 401) return 'BOT_TOKEN ditolak Telegram (401 Unauthorized). Periksa token dari @BotFather.';
    if (err.error_code === 404) return `Bot API di ${apiRoot} menjawab 404: token atau TELEGRAM_API_ROOT salah.`;
    if (err.error_code === 409) {
      return `Telegram menolak getUpdates (409: ${err.description}). Token ini sudah dipakai proses lain (long polling) atau webhook masih aktif: hentikan proses lain itu, lalu mulai lagi.`;
    }
    return `Telegram menolak permintaan awal (${err.error_code}: ${err.description}).`;
  }
  if (err instanceof HttpError) {
    const inner = err.error as NodeJS.ErrnoException | undefined;
    const code = inner?.code ?? (inner?.cause as NodeJS.ErrnoException | undefined)?.code ?? inner?.message ?? 'tidak diketahui';
    return `Tidak dapat menghubungi Telegram Bot API di ${apiRoot} (${code}). Periksa koneksi internet/proxy atau TELEGRAM_API_ROOT.`;
  }
  return `Gagal memulai bot: ${(err as Error)?.message ?? String(err)}`;
}
