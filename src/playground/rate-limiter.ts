/**
 * Telegram's flood limits, as token buckets. Telegram documents them only roughly ("about 1 message per second
 * in a chat, 20 per minute in a group, 30 per second overall") and enforces them with bursts allowed, so the
 * emulator does the same: a bot that stays near the documented rates never sees a 429, a bot that floods a chat
 * gets `429 Too Many Requests: retry after N` exactly as in production — which is what auto-retry code needs to be
 * tested against.
 */

/** Limits in messages; `burst` is how many may go at once before the sustained rate applies. */
export interface RateLimitOptions {
  /** all chats together: sustained per second (Telegram: 30) */
  globalPerSecond: number;
  globalBurst: number;
  /** one private chat: sustained per second (Telegram: ~1) */
  privatePerSecond: number;
  privateBurst: number;
  /** one group or supergroup: sustained per minute (Telegram: 20) */
  groupPerMinute: number;
  groupBurst: number;
}

/** Lenient enough that an ordinary session (answers, streamed edits, request cards) never trips them. */
export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  globalPerSecond: 30,
  globalBurst: 30,
  privatePerSecond: 1,
  privateBurst: 20,
  groupPerMinute: 20,
  groupBurst: 20,
};

/** A bucket refilled continuously; `take` returns 0 when allowed, else the seconds until a token is back. */
class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.refillPerMs);
    this.updatedAt = now;
  }

  /** Seconds to wait before one token is available (0 = available now). Does not consume. */
  waitSeconds(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.refillPerMs / 1000;
  }

  consume(): void {
    this.tokens -= 1;
  }
}

/** What kind of chat a message goes to; decides which per-chat limit applies. */
export type ChatKind = 'private' | 'group';

/** Per-chat and global flood control. */
export class RateLimiter {
  private readonly global: TokenBucket;
  private readonly chats = new Map<number | string, TokenBucket>();

  constructor(
    private readonly options: RateLimitOptions = DEFAULT_RATE_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {
    this.global = new TokenBucket(options.globalBurst, options.globalPerSecond / 1000, clock());
  }

  private chatBucket(chatId: number | string, kind: ChatKind, now: number): TokenBucket {
    let bucket = this.chats.get(chatId);
    if (!bucket) {
      bucket = kind === 'private'
        ? new TokenBucket(this.options.privateBurst, this.options.privatePerSecond / 1000, now)
        : new TokenBucket(this.options.groupBurst, this.options.groupPerMinute / 60_000, now);
      this.chats.set(chatId, bucket);
    }
    return bucket;
  }

  /**
   * Counts one message to `chatId`. Returns 0 when it may go, otherwise the seconds to wait (nothing counted).
   * With `chatId === undefined` only the global limit applies (edits, which Telegram limits more loosely).
   */
  take(chatId: number | string | undefined, kind: ChatKind): number {
    const now = this.clock();
    const chat = chatId === undefined ? undefined : this.chatBucket(chatId, kind, now);
    const wait = Math.max(this.global.waitSeconds(now), chat?.waitSeconds(now) ?? 0);
    if (wait > 0) return wait;
    this.global.consume();
    chat?.consume();
    return 0;
  }
}
