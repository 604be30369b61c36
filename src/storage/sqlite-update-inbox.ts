import type Database from 'better-sqlite3';
import { migrate } from './migrations.js';

/** Start-up replays of one update before it is given up (logged and marked done): no crash loop. */
export const MAX_REPLAY_ATTEMPTS = 3;

/**
 * Durable inbox for webhook updates: an update is written here before Telegram gets its
 * 200, so a crash after the acknowledgement loses nothing (it is processed on restart),
 * and a re-delivered `update_id` is recognised and processed once.
 *
 * A row is marked done after its handling ended, whether the handler succeeded or failed (the bot's error
 * boundary has logged the failure): a handler error must not make the update come back at every start.
 * Only a row whose handling was cut short by the process dying stays pending; each start-up replay counts
 * an attempt, and after {@link MAX_REPLAY_ATTEMPTS} the row is given up, so even an update that kills the
 * process outright cannot cause a crash loop.
 */
export class SqliteUpdateInbox {
  private readonly sql;

  constructor(private readonly db: Database.Database) {
    migrate(db);
    this.sql = {
      accept: db.prepare('INSERT OR IGNORE INTO webhook_inbox (update_id, payload, received_at) VALUES (?, ?, ?)'),
      markDone: db.prepare(`UPDATE webhook_inbox SET done_at = ?, payload = '' WHERE update_id = ?`),
      pending: db.prepare('SELECT update_id, payload, attempts FROM webhook_inbox WHERE done_at IS NULL ORDER BY update_id'),
      countAttempt: db.prepare('UPDATE webhook_inbox SET attempts = attempts + 1 WHERE update_id = ? RETURNING attempts'),
      prune: db.prepare('DELETE FROM webhook_inbox WHERE done_at IS NOT NULL AND received_at < ?'),
    };
  }

  /** Store an update; false when this update_id was seen before (a duplicate delivery). */
  accept(update: { update_id: number }, now = new Date()): boolean {
    return this.sql.accept.run(update.update_id, JSON.stringify(update), now.toISOString()).changes === 1;
  }

  /** Marks an update handled and forgets its content (it may hold personal data); the id stays for de-duplication. */
  markDone(updateId: number, now = new Date()): void {
    this.sql.markDone.run(now.toISOString(), updateId);
  }

  /** Updates accepted but not finished (the process stopped in between), oldest first. */
  pending(): Array<{ update_id: number }> {
    return (this.sql.pending.all() as Array<{ payload: string }>).map((r) => JSON.parse(r.payload) as { update_id: number });
  }

  /**
   * The pending updates to replay at start-up, each with one more attempt counted; those replayed
   * {@link MAX_REPLAY_ATTEMPTS} times already are marked done and returned in `givenUp` instead.
   */
  takeForReplay(now = new Date()): { replay: Array<{ update_id: number }>; givenUp: number[] } {
    return this.db
      .transaction(() => {
        const replay: Array<{ update_id: number }> = [];
        const givenUp: number[] = [];
        for (const row of this.sql.pending.all() as Array<{ update_id: number; payload: string; attempts: number }>) {
          if (row.attempts >= MAX_REPLAY_ATTEMPTS) {
            this.markDone(row.update_id, now);
            givenUp.push(row.update_id);
            continue;
          }
          this.sql.countAttempt.run(row.update_id);
          try {
            replay.push(JSON.parse(row.payload) as { update_id: number });
          } catch {
            this.markDone(row.update_id, now);
            givenUp.push(row.update_id);
          }
        }
        return { replay, givenUp };
      })
      .immediate();
  }

  /** Forget finished updates older than `before` (Telegram stops re-delivering after a day). Run periodically. */
  prune(before: Date): number {
    return this.sql.prune.run(before.toISOString()).changes;
  }
}
