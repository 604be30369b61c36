/**
 * The update queue behind `getUpdates`, with Telegram's long-polling rules:
 * - updates stay queued until confirmed by a later call whose `offset` is greater than their `update_id`;
 *   a negative offset keeps only the last |offset| updates;
 * - `allowed_updates` is remembered between calls and filters what is delivered;
 * - only one long poll may wait at a time. As in the official server (Client.cpp `do_get_updates` →
 *   `abort_long_poll`), a *new* waiting request terminates the *older* one with
 *   `409 Conflict: terminated by other getUpdates request; make sure that only one bot instance is running`.
 */
import { conflict, type BotApiError } from './bot-api-error.js';

/** An update as sent to the bot: `update_id` plus exactly one payload field. */
export type Update = { update_id: number } & Record<string, unknown>;

interface QueuedUpdate {
  update: Update;
  type: string;
}

interface Waiter {
  limit: number;
  resolve: (updates: Update[]) => void;
  reject: (error: BotApiError) => void;
  timer: NodeJS.Timeout;
}

/** Types delivered when `allowed_updates` is empty or was never set (Telegram's default). */
const NOT_BY_DEFAULT = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

export const CONFLICT_OTHER_GET_UPDATES =
  'terminated by other getUpdates request; make sure that only one bot instance is running';

/** Parameters of one getUpdates call, already read. */
export interface GetUpdatesRequest {
  offset?: number;
  limit?: number;
  timeoutSeconds?: number;
  allowedUpdates?: string[];
}

export class UpdateQueue {
  private queue: QueuedUpdate[] = [];
  private nextId: number;
  private allowed: string[] = [];
  private waiter: Waiter | null = null;

  constructor(firstUpdateId = 1) {
    this.nextId = firstUpdateId;
  }

  /** Adds an update and wakes the waiting long poll. Returns the new update_id. */
  push(type: string, payload: unknown): number {
    const update: Update = { update_id: this.nextId++, [type]: payload };
    this.queue.push({ update, type });
    this.wake();
    return update.update_id;
  }

  /** Updates not yet confirmed, oldest first (what the bot would get next). */
  pending(): Update[] {
    return this.queue.map((q) => q.update);
  }

  /** Updates waiting to be confirmed; counts like `pending_update_count`. */
  get size(): number {
    return this.queue.length;
  }

  /** True while a getUpdates long poll is waiting for updates. */
  get waiting(): boolean {
    return this.waiter !== null;
  }

  /** The remembered `allowed_updates` (empty = Telegram's default set). */
  get allowedUpdates(): string[] {
    return [...this.allowed];
  }

  /** `deleteWebhook({ drop_pending_updates: true })` and friends. */
  dropAll(): void {
    this.queue = [];
  }

  private isAllowed(type: string): boolean {
    return this.allowed.length === 0 ? !NOT_BY_DEFAULT.has(type) : this.allowed.includes(type);
  }

  private confirm(offset: number): void {
    if (offset < 0) this.queue = this.queue.slice(Math.max(0, this.queue.length + offset));
    else this.queue = this.queue.filter((q) => q.update.update_id >= offset);
  }

  /** Delivers up to `limit` updates, silently dropping the types the bot does not want (as Telegram does). */
  private take(limit: number): Update[] {
    this.queue = this.queue.filter((q) => this.isAllowed(q.type));
    return this.queue.slice(0, limit).map((q) => q.update);
  }

  private wake(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    const updates = this.take(waiter.limit);
    if (updates.length === 0) return;
    this.waiter = null;
    clearTimeout(waiter.timer);
    waiter.resolve(updates);
  }

  /**
   * Answers one getUpdates call. `onCancel` receives a function that withdraws this call when its HTTP client
   * goes away (grammY aborts its long poll on `bot.stop()`), so a dead request never swallows a wake-up.
   */
  get(request: GetUpdatesRequest, onCancel?: (cancel: () => void) => void): Promise<Update[]> {
    if (request.offset !== undefined && request.offset !== 0) this.confirm(request.offset);
    if (request.allowedUpdates !== undefined) this.allowed = [...request.allowedUpdates];
    const limit = Math.min(100, Math.max(1, request.limit ?? 100));
    const ready = this.take(limit);
    const timeoutSeconds = Math.max(0, request.timeoutSeconds ?? 0);
    if (ready.length > 0 || timeoutSeconds === 0) return Promise.resolve(ready);
    this.abortWaiter(conflict(CONFLICT_OTHER_GET_UPDATES));
    return new Promise<Update[]>((resolve, reject) => {
      const waiter: Waiter = {
        limit,
        resolve,
        reject,
        timer: setTimeout(() => {
          if (this.waiter === waiter) this.waiter = null;
          resolve([]);
        }, timeoutSeconds * 1000),
      };
      this.waiter = waiter;
      onCancel?.(() => {
        if (this.waiter !== waiter) return;
        this.waiter = null;
        clearTimeout(waiter.timer);
        resolve([]);
      });
    });
  }

  /** Ends the waiting long poll with an error (409 for a competing poll or a new webhook). */
  abortWaiter(error: BotApiError): void {
    const waiter = this.waiter;
    if (!waiter) return;
    this.waiter = null;
    clearTimeout(waiter.timer);
    waiter.reject(error);
  }

  /** Ends the waiting long poll with no updates (shutdown). */
  close(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    this.waiter = null;
    clearTimeout(waiter.timer);
    waiter.resolve([]);
  }
}
