import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Update } from 'grammy/types';
import type { Logger } from '../logger.js';

/**
 * HTTP endpoints of the bot process: `/healthz` (alive), `/readyz` (index loaded, bot
 * initialised) and, in webhook mode, the webhook itself.
 *
 * The webhook verifies `X-Telegram-Bot-Api-Secret-Token` on every request, stores the
 * update durably (`accept`), answers 200 at once — Telegram gives up after ~10 s and
 * re-delivers — and processes the update in the background. Duplicate `update_id`s are
 * acknowledged and dropped.
 */
export interface WebhookHandler {
  path: string;
  secret: string;
  /** Store the update; false for a duplicate. Must be durable before it returns. */
  accept: (update: Update) => boolean;
  /** Process in the background (not awaited by the HTTP response). */
  process: (update: Update) => Promise<void>;
}

export interface HttpServerOptions {
  port: number;
  host?: string;
  logger: Logger;
  isReady: () => boolean;
  webhook?: WebhookHandler;
}

export interface RunningHttpServer {
  server: http.Server;
  port: number;
  /** Stop accepting requests and wait for background webhook work to finish. */
  close: () => Promise<void>;
  inFlight: () => number;
}

const MAX_BODY = 1024 * 1024;

export async function startHttpServer(opts: HttpServerOptions): Promise<RunningHttpServer> {
  const inflight = new Set<Promise<void>>();
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/healthz') return json(res, 200, { status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
    if (req.method === 'GET' && url.pathname === '/readyz') {
      const ready = opts.isReady();
      return json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'starting' });
    }
    const wh = opts.webhook;
    if (!wh || url.pathname !== wh.path) return json(res, 404, { error: 'not found' });
    if (req.method !== 'POST') return json(res, 405, { error: 'method not allowed' });
    const given = req.headers['x-telegram-bot-api-secret-token'];
    if (typeof given !== 'string' || !safeEqual(given, wh.secret)) {
      opts.logger.warn({ event: 'webhook_rejected', remote: req.socket.remoteAddress }, 'webhook request with a wrong secret token');
      return json(res, 401, { error: 'unauthorized' });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        json(res, 413, { error: 'payload too large' });
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      let update: Update;
      try {
        update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Update;
        if (typeof update?.update_id !== 'number') throw new Error('update_id missing');
      } catch {
        return json(res, 400, { error: 'invalid update' });
      }
      let fresh: boolean;
      try {
        fresh = wh.accept(update);
      } catch (err) {
        // Not stored: let Telegram re-deliver rather than lose it.
        opts.logger.error({ err: (err as Error).message, updateId: update.update_id }, 'webhook update could not be stored');
        return json(res, 500, { error: 'storage unavailable' });
      }
      json(res, 200, { ok: true, duplicate: !fresh });
      if (!fresh) return;
      const p = wh
        .process(update)
        .catch((err: unknown) => opts.logger.error({ err: (err as Error).message, updateId: update.update_id }, 'webhook update failed'))
        .finally(() => inflight.delete(p));
      inflight.add(p);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`Port ${opts.port} sudah dipakai. Atur PORT ke port lain.`) : err),
    );
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    server,
    port,
    inFlight: () => inflight.size,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
      await Promise.allSettled([...inflight]);
    },
  };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
