/**
 * One ordered stream of everything the emulator does. Tests await events instead of sleeping
 * (`waitFor`), and the web page long-polls the same stream (`nextBatch`), so the two always agree on what
 * happened and in which order.
 */
import type { EmulatorEvent, SequencedEvent } from './emulator-types.js';

type Listener = (event: SequencedEvent) => void;

/** Keeps the last events; a page that fell further behind reloads the chat instead. */
const MAX_EVENTS = 10_000;

/** Raised by {@link EventLog.waitFor} when nothing matched in time; says what was awaited. */
export class WaitTimeoutError extends Error {
  override readonly name = 'WaitTimeoutError';
}

/** Events after a position, and the position they bring the reader to. */
export interface EventBatch {
  events: SequencedEvent[];
  /** true when events after the requested position were already forgotten: reload instead */
  truncated: boolean;
  /** the latest sequence number at the time of reading; poll again after it */
  seq: number;
}

export class EventLog {
  private readonly events: SequencedEvent[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly wakers = new Set<() => void>();
  private lastSeq = 0;
  private closed = false;

  constructor(private readonly clock: () => number = Date.now) {}

  /** Sequence number of the latest event (0 before the first). */
  get seq(): number {
    return this.lastSeq;
  }

  /** Appends an event and tells everyone waiting. */
  push(event: EmulatorEvent): SequencedEvent {
    const sequenced = { ...event, seq: ++this.lastSeq, at: this.clock() } as SequencedEvent;
    this.events.push(sequenced);
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
    for (const listener of [...this.listeners]) listener(sequenced);
    return sequenced;
  }

  /** Events after `seq` that pass `filter`; `truncated` when older ones were already forgotten. */
  since(seq: number, filter: (event: SequencedEvent) => boolean = () => true): EventBatch {
    const oldest = this.events[0]?.seq ?? this.lastSeq + 1;
    return {
      events: this.events.filter((e) => e.seq > seq && filter(e)),
      truncated: seq + 1 < oldest && seq < this.lastSeq,
      seq: this.lastSeq,
    };
  }

  /**
   * Resolves with the first event matching `predicate` that is pushed after this call (or after `sinceSeq`,
   * when given, so an event that happened between an action and the wait is not missed).
   */
  waitFor(predicate: (event: SequencedEvent) => boolean, timeoutMs = 5000, sinceSeq?: number): Promise<SequencedEvent> {
    if (sinceSeq !== undefined) {
      const past = this.since(sinceSeq, predicate).events[0];
      if (past) return Promise.resolve(past);
    }
    return new Promise((resolve, reject) => {
      const listener: Listener = (event) => {
        if (!predicate(event)) return;
        cleanup();
        resolve(event);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new WaitTimeoutError(`waitFor: no matching event within ${timeoutMs} ms (last seq ${this.lastSeq})`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
    });
  }

  /**
   * The page's long poll: events after `after` that pass `filter`, waiting up to `timeoutMs` for the first one.
   * Resolves early (possibly empty) when `signal` aborts or the log closes.
   */
  async nextBatch(
    after: number,
    filter: (event: SequencedEvent) => boolean,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<EventBatch> {
    const ready = this.since(after, filter);
    if (ready.events.length > 0 || ready.truncated || timeoutMs <= 0 || this.closed) return ready;
    await new Promise<void>((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        this.wakers.delete(finish);
        signal?.removeEventListener('abort', finish);
        resolve();
      };
      const listener: Listener = (event) => {
        if (filter(event)) finish();
      };
      const timer = setTimeout(finish, timeoutMs);
      signal?.addEventListener('abort', finish);
      this.listeners.add(listener);
      this.wakers.add(finish);
    });
    return this.since(after, filter);
  }

  /** Wakes every long poll (used on shutdown). */
  close(): void {
    this.closed = true;
    for (const wake of [...this.wakers]) wake();
  }
}
