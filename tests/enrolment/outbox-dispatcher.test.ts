import { describe, expect, it } from 'vitest';
import type { SendResult } from '../../src/enrolment/types.js';
import { dispatchOutbox, retryDelayMs, startOutboxLoop } from '../../src/enrolment/outbox-dispatcher.js';
import { decideRequest, submitRequest } from '../../src/enrolment/use-cases.js';
import { ADMIN_IDS, APPLICANT, catalogue, completeDraft, NOW, recordingSender, useTempStore } from './fixtures.js';

const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
/** One admin, so each submission queues one card and one acknowledgement. */
const destinations = { adminIds: [9001] };

const opened = useTempStore();

async function submitOne() {
  const result = await submitRequest(opened.store, completeDraft(), catalogue, destinations, NOW);
  if (!result.ok) throw new Error(result.code);
  return result.request;
}

const statusOf = async (kind: string) => (await opened.store.listOutbox()).find((m) => m.kind === kind)!;

describe('dispatchOutbox', () => {
  it('sends each message once, hands over the current request, stores card references', async () => {
    const request = await submitOne();
    const sender = recordingSender();
    expect(await dispatchOutbox(opened.store, sender.send, { now: NOW })).toMatchObject({ claimed: 2, sent: 2 });
    expect(sender.deliveries.map((d) => [d.kind, d.chatId, d.request?.id, d.request?.status])).toEqual([
      ['admin_card', 9001, request.id, 'pending'],
      ['submitted_ack', APPLICANT.chatId, request.id, 'pending'],
    ]);
    expect(await dispatchOutbox(opened.store, sender.send, { now: at(60) })).toMatchObject({ claimed: 0 });
    expect(sender.deliveries).toHaveLength(2);
    expect(await opened.store.listAdminCards(request.id)).toEqual([{ requestId: request.id, chatId: 9001, messageId: 100 }]);
    expect((await statusOf('admin_card')).status).toBe('sent');
  });

  it('retries with exponential backoff, honours retry_after, gives up after 10 attempts', async () => {
    await submitOne();
    const sender = recordingSender((delivery) =>
      delivery.kind === 'submitted_ack' ? { ok: false, kind: 'retry', description: '502 Bad Gateway' } : { ok: true },
    );
    await dispatchOutbox(opened.store, sender.send, { now: NOW });
    let ack = await statusOf('submitted_ack');
    expect(ack).toMatchObject({ status: 'pending', attempts: 1, lastError: 'retry: 502 Bad Gateway', nextAttemptAt: at(5).toISOString() });

    expect(await dispatchOutbox(opened.store, sender.send, { now: at(4) })).toMatchObject({ claimed: 0 });
    await dispatchOutbox(opened.store, sender.send, { now: at(5) });
    ack = await statusOf('submitted_ack');
    expect(ack).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: at(15).toISOString() });

    // A 429 says how long to wait.
    const limited = recordingSender(() => ({ ok: false, kind: 'retry', retryAfterSec: 33, description: '429' }));
    await dispatchOutbox(opened.store, limited.send, { now: at(15) });
    expect(await statusOf('submitted_ack')).toMatchObject({ attempts: 3, nextAttemptAt: at(48).toISOString() });

    let clock = 48;
    for (let attempt = 4; attempt <= 10; attempt += 1) {
      await dispatchOutbox(opened.store, sender.send, { now: at(clock) });
      clock += retryDelayMs(attempt) / 1000;
    }
    expect(await statusOf('submitted_ack')).toMatchObject({ status: 'failed', attempts: 10 });
    expect((await statusOf('submitted_ack')).lastError).toMatch(/gave up after 10 attempts/);
    const sends = sender.deliveries.filter((d) => d.kind === 'submitted_ack').length + limited.deliveries.length;
    expect(sends).toBe(10);
    expect(await dispatchOutbox(opened.store, sender.send, { now: at(1e6) })).toMatchObject({ claimed: 0 });
  });

  it('a blocked user is recorded and never retried; a fatal error fails at once', async () => {
    await submitOne();
    const sender = recordingSender((delivery): SendResult =>
      delivery.kind === 'submitted_ack'
        ? { ok: false, kind: 'blocked', description: 'Forbidden: bot was blocked by the user' }
        : { ok: false, kind: 'fatal', description: "Bad Request: can't parse entities" },
    );
    expect(await dispatchOutbox(opened.store, sender.send, { now: NOW })).toMatchObject({ blocked: 1, failed: 1 });
    expect(await statusOf('submitted_ack')).toMatchObject({ status: 'blocked', lastError: 'blocked: Forbidden: bot was blocked by the user' });
    expect(await statusOf('admin_card')).toMatchObject({ status: 'failed' });
    await dispatchOutbox(opened.store, sender.send, { now: at(3600) });
    expect(sender.deliveries).toHaveLength(2);
  });

  it('a throwing port is treated as retryable', async () => {
    await submitOne();
    const sender = recordingSender(() => {
      throw new Error('ECONNRESET');
    });
    expect(await dispatchOutbox(opened.store, sender.send, { now: NOW })).toMatchObject({ retried: 2 });
    expect(await statusOf('admin_card')).toMatchObject({ status: 'pending', lastError: 'retry: ECONNRESET' });
  });

  it('keeps per-chat order: a later message waits for an earlier one that is being retried', async () => {
    const request = await submitOne();
    await decideRequest(opened.store, { requestId: request.id, adminId: 9001, adminName: 'Ani', decision: 'approve' }, ADMIN_IDS, NOW);
    let fail = true;
    const sender = recordingSender((d) => (d.kind === 'submitted_ack' && fail ? { ok: false, kind: 'retry' } : { ok: true }));
    await dispatchOutbox(opened.store, sender.send, { now: NOW });
    await dispatchOutbox(opened.store, sender.send, { now: at(1) });
    expect(sender.deliveries.map((d) => d.kind)).toEqual(['admin_card', 'submitted_ack']);
    fail = false;
    await dispatchOutbox(opened.store, sender.send, { now: at(5) });
    await dispatchOutbox(opened.store, sender.send, { now: at(6) });
    expect(sender.deliveries.map((d) => d.kind)).toEqual(['admin_card', 'submitted_ack', 'submitted_ack', 'decision_notice']);
  });

  it('two dispatchers never send the same row while its lease holds', async () => {
    await submitOne();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = recordingSender(async () => {
      await gate;
      return { ok: true };
    });
    const fast = recordingSender();

    const first = dispatchOutbox(opened.store, slow.send, { now: NOW, batch: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(slow.deliveries.map((d) => d.kind)).toEqual(['admin_card']);
    // Meanwhile another dispatcher (say, a second process) runs: it gets only the other chat's message.
    await dispatchOutbox(opened.store, fast.send, { now: at(1) });
    expect(fast.deliveries.map((d) => d.kind)).toEqual(['submitted_ack']);
    release();
    expect(await first).toMatchObject({ sent: 1, leaseLost: 0 });
    expect((await opened.store.listOutbox()).map((m) => m.status)).toEqual(['sent', 'sent']);
  });

  it('an outcome reported after the lease was taken over is not recorded', async () => {
    await submitOne();
    const claimed = await opened.store.claimOutbox({ owner: 'a', now: NOW.toISOString(), leaseUntil: at(10).toISOString(), limit: 1 });
    const [row] = claimed;
    const stolen = await opened.store.claimOutbox({ owner: 'b', now: at(11).toISOString(), leaseUntil: at(70).toISOString(), limit: 1 });
    expect(stolen.map((m) => m.id)).toEqual([row!.id]);
    expect(await opened.store.settleOutbox(row!.id, 'a', { status: 'sent', at: at(12).toISOString() })).toBe(false);
    expect(await opened.store.settleOutbox(row!.id, 'b', { status: 'sent', at: at(12).toISOString() })).toBe(true);
  });
});

describe('retryDelayMs', () => {
  it('doubles from 5 s and caps at 30 minutes; retry_after wins', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(20)).toBe(30 * 60_000);
    expect(retryDelayMs(3, 7)).toBe(7_000);
  });
});

describe('startOutboxLoop', () => {
  it('dispatches until stopped', async () => {
    await submitOne();
    const sender = recordingSender();
    const loop = startOutboxLoop(opened.store, sender.send, { intervalMs: 5, clock: () => NOW });
    const deadline = Date.now() + 5_000;
    while (sender.deliveries.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    await loop.stop();
    expect(sender.deliveries.map((d) => d.kind).sort()).toEqual(['admin_card', 'submitted_ack']);
  });
});

describe('housekeeping', () => {
  it('deletes finished outbox rows and abandoned drafts older than a cutoff', async () => {
    await submitOne();
    await dispatchOutbox(opened.store, recordingSender().send, { now: NOW });
    expect(await opened.store.deleteFinishedOutboxBefore(at(-1).toISOString())).toBe(0);
    expect(await opened.store.deleteFinishedOutboxBefore(at(1).toISOString())).toBe(2);
    await opened.store.saveDraft(completeDraft({}, { userId: 1, chatId: 1 }, NOW));
    expect(await opened.store.deleteDraftsUpdatedBefore(at(1).toISOString())).toBe(1);
    expect(await opened.store.getDraft(1)).toBeNull();
  });
});

describe('after a crash mid-send', () => {
  it('the next process sends at once instead of waiting out the dead lease (real SIGKILL)', async () => {
    const { spawn } = await import('node:child_process');
    const path = await import('node:path');
    const { reclaimAbandonedLeases } = await import('../../src/enrolment/outbox-dispatcher.js');
    // Two cards for the same admin chat: the first is in flight when the process dies.
    await submitOne();
    const second = await submitRequest(opened.store, completeDraft({ nip: '199203152019032004' }), catalogue, destinations, NOW);
    expect(second.ok).toBe(true);
    const root = path.resolve(import.meta.dirname, '../..');
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/storage/fixtures/stall-send-process.ts', opened.db.name.replace(/\/[^/]+$/, '')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => (String(d).includes('leased') ? resolve() : undefined));
      child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));

    const now = new Date();
    // Before: the dead lease (60 s) holds back the whole admin chat.
    const blocked = recordingSender();
    expect(await dispatchOutbox(opened.store, blocked.send, { now: new Date(now.getTime() + 1000) })).toMatchObject({ sent: 1 }); // only the applicant's ack
    expect(blocked.deliveries.map((d) => d.kind)).toEqual(['submitted_ack']);

    expect(await reclaimAbandonedLeases(opened.store, { now })).toBe(1);
    const sender = recordingSender();
    for (let s = 1; s <= 3; s += 1) await dispatchOutbox(opened.store, sender.send, { now: new Date(now.getTime() + s * 1000) });
    expect(sender.deliveries.filter((d) => d.kind === 'admin_card')).toHaveLength(2);
  }, 30_000);

  it('keeps the leases of a process that is still running', async () => {
    const { reclaimAbandonedLeases, leaseOwnerAlive } = await import('../../src/enrolment/outbox-dispatcher.js');
    await submitOne();
    await opened.store.claimOutbox({ owner: `pid:${process.pid}:x`, now: NOW.toISOString(), leaseUntil: at(60).toISOString(), limit: 5 });
    expect(leaseOwnerAlive(`pid:${process.pid}:x`)).toBe(true);
    expect(await reclaimAbandonedLeases(opened.store, { now: at(1) })).toBe(0);
  });
});
