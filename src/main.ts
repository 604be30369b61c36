import 'dotenv/config';
import { ConfigError, parseConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import { startApp, StartupError, type RunningApp } from './app.js';
import { CatalogueError } from './enrolment/catalogue-error.js';
import { IndexLoadError } from './knowledge/index-store.js';

/**
 * Composition root. `npm start`:
 * - with BOT_TOKEN: the bot on Telegram (long polling, or webhook when WEBHOOK_URL is set);
 * - without: the local playground — an embedded Bot API emulator and a web chat page —
 *   with the real bot connected to it (refused when NODE_ENV=production).
 * Start-up problems print one readable line (no stack trace) and exit 1 (2 for config).
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel });
  const progress = (m: string) => process.stderr.write(`${m}\n`);

  let playground: { url: string; close: () => Promise<void> } | undefined;
  if (!config.botToken) {
    const { startPlayground } = await import('./playground/playground.js');
    const pg = await startPlayground({ port: config.port, host: config.playgroundHost });
    playground = pg;
    config = {
      ...config,
      botToken: pg.token,
      telegramApiRoot: pg.apiRoot,
      adminIds: [...new Set([...config.adminIds, ...pg.adminIds])],
      maintainerIds: [...new Set([...config.maintainerIds, ...pg.adminIds, ...pg.maintainerIds])],
      adminChatId: config.adminChatId ?? pg.adminChatId,
      webhook: { url: undefined, secret: undefined },
    };
    progress('Mode playground: tidak ada BOT_TOKEN, bot berjalan terhadap emulator Telegram lokal.');
  }

  let app: RunningApp;
  try {
    app = await startApp(config, { logger, progress, healthServer: !playground });
  } catch (err) {
    await playground?.close();
    if (err instanceof StartupError || err instanceof CatalogueError || err instanceof IndexLoadError) {
      process.stderr.write(`Gagal memulai: ${(err as Error).message}\n`);
      process.exit(1);
    }
    throw err;
  }
  running = { app, playground };
  if (playground) {
    progress(`\n✅ Playground siap: buka ${playground.url} di peramban (persona: Pejabat, Admin, Pengelola, Grup Admin).\n`);
  } else {
    progress(`✅ Bot berjalan (${app.mode}${app.httpPort ? `, health di :${app.httpPort}/healthz` : ''}).`);
  }
}

/**
 * Signal handlers are installed before anything starts: a SIGTERM during start-up (systemd stopping a unit
 * that is still building its index) ends the process with exit 0 instead of the default signal death, and
 * one right after start-up finds the handlers in place.
 */
let running: { app: RunningApp; playground?: { close: () => Promise<void> } } | undefined;
let signalled = false;
const shutdown = async (signal: string) => {
  if (signalled) return;
  signalled = true;
  const say = (m: string) => process.stderr.write(`${m}\n`);
  say(`${signal} diterima: menghentikan dengan rapi…`);
  // Hard stop if something hangs: Telegram re-delivers whatever was not confirmed.
  const hard = setTimeout(() => process.exit(0), 4500);
  hard.unref();
  if (!running) process.exit(0); // still starting: nothing to finish (SQLite transactions are atomic)
  try {
    await running.app.stop();
    await running.playground?.close();
  } finally {
    process.exit(0);
  }
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

main().catch((err: unknown) => {
  process.stderr.write(`Gagal memulai: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
});
