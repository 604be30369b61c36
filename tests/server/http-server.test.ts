import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger.js';
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
let logLines: string[];
/** A real logger (serializers included): a logger that throws while reporting would crash the server. */
const captureLogger = () => createLogger({ level: 'info', destination: new Writable({ write(chunk, _enc, cb) { logLines.push(String(chunk)); cb(); } }) });

const url = (p: string) => `http://127.0.0.1:${server.port}${p}`;
const post = (body: unknown, secret = 'rahasia-uji') =>
  fetch(url('/telegram/webhook'), { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(body) });

beforeEach(async () => {
  tmp = makeTmpDir();
  db = openDatabase(path.join(tmp.dir, 'data'));
  inbox = new SqliteUpdateInbox(db);
  processed = [];
  logLines = [];
  ready = false;
  slow = undefined;
  server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    logger: captureLogger(),
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
    const res = await post({ update_id: 10, message: { message_id: 1, date: 0, chat: { id: 5, type: 'private' }, text: 'halo' } });
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

  const raw = (body: string, headers: Record<string, string> = {}) =>
    fetch(url('/telegram/webhook'), { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'rahasia-uji', ...headers }, body });
  const chat = { id: 5, type: 'private' };
  const from = { id: 5, is_bot: false, first_name: 'Budi' };

  it.each([
    ['a fractional update_id', '{"update_id":1.5}'],
    ['an update_id beyond the double range', '{"update_id":1e400}'],
    ['a negative update_id', '{"update_id":-3}'],
    ['an array', '[{"update_id":1}]'],
    ['a bare number', '42'],
    ['null', 'null'],
    ['a numeric text', JSON.stringify({ update_id: 41, message: { message_id: 1, date: 0, chat, from, text: 12345 } })],
    ['a message without chat', JSON.stringify({ update_id: 42, message: { message_id: 1, date: 0, text: 'hai' } })],
    ['a numeric callback data', JSON.stringify({ update_id: 43, callback_query: { id: 'q', from, chat_instance: '1', data: 7 } })],
    ['deeply nested JSON', `{"update_id":44,"x":${'['.repeat(5000)}${']'.repeat(5000)}}`],
  ])('answers 400 to %s and stores nothing', async (_name, body) => {
    const res = await raw(body);
    expect(res.status).toBe(400);
    expect(inbox.pending()).toEqual([]);
    expect(processed).toEqual([]);
  });

  it('accepts a callback query without data (game buttons have none)', async () => {
    const res = await raw(JSON.stringify({ update_id: 50, callback_query: { id: 'q1', from, chat_instance: '1', game_short_name: 'g' } }));
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(processed).toEqual([50]);
  });

  it('answers 413 (not a connection reset) to a body over 1 MB', async () => {
    const big = JSON.stringify({ update_id: 60, message: { message_id: 1, date: 0, chat, from, text: 'x'.repeat(5 * 1024 * 1024) } });
    const res = await raw(big);
    expect(res.status).toBe(413);
    expect(inbox.pending()).toEqual([]);
    // The server is still there.
    expect((await fetch(url('/healthz'))).status).toBe(200);
  });

  it('answers 500 when the update cannot be stored, and keeps running', async () => {
    db.close();
    const res = await raw(JSON.stringify({ update_id: 70, message: { message_id: 1, date: 0, chat, from, text: 'hai' } }));
    expect(res.status).toBe(500);
    expect((await fetch(url('/healthz'))).status).toBe(200);
    const line = logLines.map((l) => JSON.parse(l) as { msg: string; err?: { message: string } }).find((l) => l.msg === 'webhook update could not be stored');
    expect(line?.err?.message).toMatch(/not open/);
    db = openDatabase(path.join(tmp.dir, 'data'));
  });
});
