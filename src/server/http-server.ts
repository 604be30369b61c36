import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Update } from 'grammy/types';
import type { Logger } from '../logger.js';
import { jsonDepthExceeds, MAX_UPDATE_DEPTH, updateProblem } from './update-shape.js';

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

/** Largest webhook body accepted (Telegram's updates are a few KB). */
export const MAX_BODY = 1024 * 1024;
/** Up to this much of a too-large body is read and discarded so the 413 reaches the client. */
const MAX_DRAIN = 64 * 1024 * 1024;

export async function startHttpServer(opts: HttpServerOptions): Promise<RunningHttpServer> {
  const inflight = new Set<Promise<void>>();
  const json = (res: http.ServerResponse, status: number, body: unknown, close = false) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...(close ? { connection: 'close' } : {}) });
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
    // Too large: answer 413 after reading (and discarding) the body, so the client sees the status instead of
    // a connection reset; a body far beyond the limit is cut off.
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > MAX_BODY;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooLarge = true;
      if (size > MAX_DRAIN) {
        if (!res.headersSent) json(res, 413, { error: 'payload too large' }, true);
        req.destroy();
        return;
      }
      if (!tooLarge) chunks.push(c);
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      if (res.writableEnded) return;
      if (tooLarge) return json(res, 413, { error: 'payload too large', limitBytes: MAX_BODY }, true);
      const text = Buffer.concat(chunks).toString('utf8');
      let update: Update;
      try {
        if (jsonDepthExceeds(text)) throw new Error(`nested deeper than ${MAX_UPDATE_DEPTH} levels`);
        const value: unknown = JSON.parse(text);
        const problem = updateProblem(value);
        if (problem) throw new Error(problem);
        update = value as Update;
      } catch (err) {
        opts.logger.warn({ event: 'webhook_invalid', problem: (err as Error).message.slice(0, 200) }, 'webhook body is not a valid update');
        return json(res, 400, { error: 'invalid update' });
      }
      let fresh: boolean;
      try {
        fresh = wh.accept(update);
      } catch (err) {
        // Not stored: let Telegram re-deliver rather than lose it.
        opts.logger.error({ err, updateId: update.update_id }, 'webhook update could not be stored');
        return json(res, 500, { error: 'storage unavailable' });
      }
      json(res, 200, { ok: true, duplicate: !fresh });
      if (!fresh) return;
      // `process` is the bot's error boundary and should never reject; this catch is the last line of defence.
      const p = Promise.resolve()
        .then(() => wh.process(update))
        .catch((err: unknown) => opts.logger.error({ err, updateId: update.update_id }, 'webhook update failed'))
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
