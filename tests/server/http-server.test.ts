import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { silentLogger } from '../../src/logger.js';
import { startHttpServer, type RunningHttpServer } from '../../src/server/http-server.js';
import { openDatabase } from '../../src/storage/sqlite.js';
import { SqliteUpdateInbox } from '../../src/storage/sqlite-update-inbox.js';
import { makeTmpDir } from '../helpers/tmp.js';

let tmp: { dir: string; cleanup: () => void };
let server: RunningHttpServer;
let processed: number[];
let ready: boolean;
let inbox: SqliteUpdateInbox;
let db: ReturnType<typeof openDatabase>;
let slow: Promise<void> | undefined;
let release: (() => void) | undefined;

const url = (p: string) => `http://127.0.0.1:${server.port}${p}`;
const post = (body: unknown, secret = 'rahasia-uji') =>
  fetch(url('/telegram/webhook'), { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(body) });

beforeEach(async () => {
  tmp = makeTmpDir();
  db = openDatabase(path.join(tmp.dir, 'data'));
  inbox = new SqliteUpdateInbox(db);
  processed = [];
  ready = false;
  slow = undefined;
  server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    logger: silentLogger(),
    isReady: () => ready,
    webhook: {
      path: '/telegram/webhook',
      secret: 'rahasia-uji',
      accept: (u) => inbox.accept(u),
      process: async (u: Update) => {
        if (slow) await slow;
        processed.push(u.update_id);
        inbox.markDone(u.update_id);
      },
    },
  });
});
afterEach(async () => {
  release?.();
  await server.close();
  db.close();
  tmp.cleanup();
});

describe('health endpoints', () => {
  it('/healthz is alive and /readyz reflects readiness', async () => {
    expect((await fetch(url('/healthz'))).status).toBe(200);
    expect((await fetch(url('/readyz'))).status).toBe(503);
    ready = true;
    expect(await (await fetch(url('/readyz'))).json()).toEqual({ status: 'ready' });
  });
});

describe('webhook', () => {
  it('rejects requests without the right secret token and changes nothing', async () => {
    expect((await post({ update_id: 1 }, 'salah')).status).toBe(401);
    const noHeader = await fetch(url('/telegram/webhook'), { method: 'POST', body: '{"update_id":2}' });
    expect(noHeader.status).toBe(401);
    expect(inbox.pending()).toEqual([]);
    expect(processed).toEqual([]);
  });

  it('rejects malformed bodies and unknown paths', async () => {
    expect((await post('bukan update')).status).toBe(400);
    expect((await fetch(url('/lain'), { method: 'POST' })).status).toBe(404);
  });

  it('acknowledges at once and processes slow work in the background', async () => {
    slow = new Promise<void>((r) => (release = r));
    const t0 = Date.now();
    const res = await post({ update_id: 10, message: { message_id: 1 } });
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(processed).toEqual([]);
    expect(inbox.pending().map((u) => u.update_id)).toEqual([10]); // stored durably before the 200
    release!();
    await new Promise((r) => setTimeout(r, 50));
    expect(processed).toEqual([10]);
    expect(inbox.pending()).toEqual([]);
  });

  it('processes a re-delivered update_id only once', async () => {
    await post({ update_id: 20 });
    const dup = await post({ update_id: 20 });
    expect(await dup.json()).toEqual({ ok: true, duplicate: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(processed).toEqual([20]);
  });

  it('close() waits for updates in flight', async () => {
    slow = new Promise<void>((r) => (release = r));
    await post({ update_id: 30 });
    const closing = server.close();
    setTimeout(() => release!(), 100);
    await closing;
    expect(processed).toEqual([30]);
  });
});
