import { randomUUID } from 'node:crypto';
import type { EnrolmentStore, OutboxSettlement } from './enrolment-store.js';
import type { OutboxDelivery, OutboxMessage, SendResult } from './types.js';

/** The bot's side of the outbox: render and send one message, classify the outcome (see `SendResult`). */
export type SendPort = (delivery: OutboxDelivery) => Promise<SendResult>;

export interface DispatchOptions {
  /** Clock for this run; tests pass a fixed instant. Defaults to the real time at each step. */
  now?: Date;
  /** Messages leased per run (default 20). */
  batch?: number;
  /**
   * How long a lease protects a row from other dispatchers (default 60 s). Must be longer than the slowest
   * `send` (including the bot's own retries), or a second dispatcher may send the same row again.
   */
  leaseMs?: number;
  /** Attempts before a retryable message is given up as `failed` (default 10). */
  maxAttempts?: number;
  /** Lease owner id; random per run by default. */
  owner?: string;
}

export interface DispatchSummary {
  claimed: number;
  sent: number;
  retried: number;
  blocked: number;
  failed: number;
  /** Outcomes that could not be recorded because the lease had expired and another dispatcher took the row. */
  leaseLost: number;
}

const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 30 * 60_000;

/**
 * Delay before attempt `attempt + 1`: Telegram's `retry_after` when given (429), else exponential
 * 5 s · 2^(attempt−1), capped at 30 minutes (5 s, 10 s, 20 s … ≈ 85 min over 10 attempts).
 */
export function retryDelayMs(attempt: number, retryAfterSec?: number): number {
  if (retryAfterSec !== undefined && retryAfterSec > 0) return Math.ceil(retryAfterSec * 1000);
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1), MAX_DELAY_MS);
}

/**
 * Delivers due outbox messages through `send`.
 *
 * Delivery guarantee, stated honestly: rows are *leased* before sending, so two dispatchers (two processes,
 * a restart overlapping the old process) never send the same row at the same time, and a row marked `sent`
 * is never sent again. What cannot be closed is the gap between Telegram accepting a message and us
 * recording it: if the process dies right there (or a send outlives its lease), the lease expires and the
 * row is sent again. That is at-least-once with a window of one message per crash — preferable to the
 * alternative (mark first, then send) which loses the message instead. Telegram has no idempotency key.
 *
 * Per chat, messages go out in the order they were created (an acknowledgement before its decision);
 * a chat waiting for a retry holds back its later messages only.
 *
 * @example
 * const summary = await dispatchOutbox(store, (delivery) => botSend(delivery), { batch: 20 });
 */
export async function dispatchOutbox(
  store: EnrolmentStore,
  send: SendPort,
  options: DispatchOptions = {},
): Promise<DispatchSummary> {
  const clock = (): Date => options.now ?? new Date();
  const owner = options.owner ?? leaseOwner();
  const maxAttempts = options.maxAttempts ?? 10;
  const leaseMs = options.leaseMs ?? 60_000;
  const started = clock();

  const claimed = await store.claimOutbox({
    owner,
    now: started.toISOString(),
    leaseUntil: new Date(started.getTime() + leaseMs).toISOString(),
    limit: options.batch ?? 20,
  });

  const summary: DispatchSummary = { claimed: claimed.length, sent: 0, retried: 0, blocked: 0, failed: 0, leaseLost: 0 };
  for (const message of claimed) {
    const settlement =
      message.attempts > maxAttempts
        ? // Only reachable when a crashed dispatcher left the row leased after its last attempt.
          ({ status: 'failed', error: `gave up after ${maxAttempts} attempts`, at: clock().toISOString() } as const)
        : await deliver(store, send, message, maxAttempts, clock);
    const recorded = await store.settleOutbox(message.id, owner, settlement);
    if (!recorded) summary.leaseLost += 1;
    else if (settlement.status === 'sent') summary.sent += 1;
    else if (settlement.status === 'pending') summary.retried += 1;
    else summary[settlement.status] += 1;
  }
  return summary;
}

async function deliver(
  store: EnrolmentStore,
  send: SendPort,
  message: OutboxMessage,
  maxAttempts: number,
  clock: () => Date,
): Promise<OutboxSettlement> {
  const request = message.requestId === null ? null : await store.getRequest(message.requestId);
  let result: SendResult;
  try {
    result = await send({ ...message, request });
  } catch (error) {
    // A throwing port is a bug or a network failure we cannot classify: retrying is the safe choice.
    result = { ok: false, kind: 'retry', description: error instanceof Error ? error.message : String(error) };
  }
  const at = clock();

  if (result.ok) {
    const posted = result.chatId !== undefined && result.messageId !== undefined ? { chatId: result.chatId, messageId: result.messageId } : undefined;
    if (posted && message.kind === 'admin_card') {
      return { status: 'sent', at: at.toISOString(), card: result.fingerprint ? { ...posted, fingerprint: result.fingerprint } : posted };
    }
    if (posted && message.kind === 'info_forwarded') return { status: 'sent', at: at.toISOString(), adminMessage: posted };
    return { status: 'sent', at: at.toISOString() };
  }

  const error = `${result.kind}${result.description ? `: ${result.description}` : ''}`.slice(0, 500);
  if (result.kind === 'blocked') return { status: 'blocked', error, at: at.toISOString() };
  if (result.kind === 'fatal') return { status: 'failed', error, at: at.toISOString() };
  if (message.attempts >= maxAttempts) {
    return { status: 'failed', error: `${error} (gave up after ${message.attempts} attempts)`, at: at.toISOString() };
  }
  const nextAttemptAt = new Date(at.getTime() + retryDelayMs(message.attempts, result.retryAfterSec)).toISOString();
  return { status: 'pending', nextAttemptAt, error, at: at.toISOString() };
}

/**
 * A lease owner names its process (`pid:<pid>:<random>`), so a restarted bot can tell the leases of a dead
 * process from those of a live one.
 */
export function leaseOwner(pid: number = process.pid): string {
  return `pid:${pid}:${randomUUID()}`;
}

/** True when the process named by a lease owner is still running (an owner without a pid counts as alive). */
export function leaseOwnerAlive(owner: string): boolean {
  const m = /^pid:(\d+):/.exec(owner);
  if (!m) return true;
  const pid = Number(m[1]);
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Start-up: messages leased by a process that is no longer running are made due at once instead of waiting
 * for their lease to expire (up to 60 s, during which per-chat ordering holds back every later message to
 * that chat). Such a message may have reached Telegram just before the crash and is then sent twice: the
 * at-least-once window, kept to the one message that was in flight. Returns how many were released.
 */
export async function reclaimAbandonedLeases(
  store: EnrolmentStore,
  options: { isAlive?: (owner: string) => boolean; now?: Date } = {},
): Promise<number> {
  const alive = options.isAlive ?? leaseOwnerAlive;
  const dead = (await store.listOutboxLeaseOwners()).filter((owner) => !alive(owner));
  if (dead.length === 0) return 0;
  return store.releaseOutboxLeases({ owners: dead, now: (options.now ?? new Date()).toISOString() });
}

export interface OutboxLoop {
  /** Stops after the run in progress, if any. */
  stop(): Promise<void>;
}

/**
 * Runs `dispatchOutbox` every `intervalMs` (default 1 s, about Telegram's per-chat rate) until stopped.
 * Errors of a run (database busy…) are reported to `onError` and the loop carries on.
 */
export function startOutboxLoop(
  store: EnrolmentStore,
  send: SendPort,
  options: Omit<DispatchOptions, 'now'> & {
    intervalMs?: number;
    onError?: (error: unknown) => void;
    /** Clock for each run (tests); the real time by default. */
    clock?: () => Date;
  } = {},
): OutboxLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = (): void => {
    const { clock, intervalMs: _interval, onError: _onError, ...dispatchOptions } = options;
    running = dispatchOutbox(store, send, clock ? { ...dispatchOptions, now: clock() } : dispatchOptions)
      .then(() => undefined, (error: unknown) => options.onError?.(error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 1_000);
      });
  };
  tick();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
