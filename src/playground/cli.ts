/**
 * Runs the playground emulator alone: `tsx src/playground/cli.ts [port]`.
 *
 * Useful for end-to-end tests that spawn the bot as a separate process against it, and for pointing a bot under
 * a debugger at a stable Telegram. Prints one JSON line on stdout once listening (easy to parse from a test),
 * then a human-readable hint on stderr; stops cleanly on SIGINT/SIGTERM.
 */
import { startPlayground } from './playground.js';

function parsePort(arg: string | undefined): number {
  const raw = arg ?? process.env.PORT ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`Port tidak valid: "${raw}". Pakai: tsx src/playground/cli.ts [port]`);
  }
  return port;
}

async function main(): Promise<void> {
  const playground = await startPlayground({ port: parsePort(process.argv[2]) });
  process.stdout.write(`${JSON.stringify({
    url: playground.url,
    apiRoot: playground.apiRoot,
    token: playground.token,
    adminIds: playground.adminIds,
    adminChatId: playground.adminChatId,
  })}\n`);
  process.stderr.write(
    `Playground berjalan di ${playground.url}\n`
      + `Jalankan bot dengan TELEGRAM_API_ROOT=${playground.apiRoot} BOT_TOKEN=${playground.token} `
      + `ADMIN_IDS=${playground.adminIds.join(',')} ADMIN_CHAT_ID=${playground.adminChatId}\n`,
  );
  const shutdown = (): void => {
    void playground.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
