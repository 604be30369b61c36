import type Database from 'better-sqlite3';

/**
 * Durable inbox for webhook updates: an update is written here before Telegram gets its
 * 200, so a crash after the acknowledgement loses nothing (it is processed on restart),
 * and a re-delivered `update_id` is recognised and processed once.
 */
export class SqliteUpdateInbox {
  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS webhook_inbox (
      update_id INTEGER PRIMARY KEY,
      payload TEXT NOT NULL,
      received_at TEXT NOT NULL,
      done_at TEXT
    )`);
  }

  /** Store an update; false when this update_id was seen before (a duplicate delivery). */
  accept(update: { update_id: number }, now = new Date()): boolean {
    const res = this.db
      .prepare('INSERT OR IGNORE INTO webhook_inbox (update_id, payload, received_at) VALUES (?, ?, ?)')
      .run(update.update_id, JSON.stringify(update), now.toISOString());
    return res.changes === 1;
  }

  /** Marks an update handled and forgets its content (it may hold personal data); the id stays for de-duplication. */
  markDone(updateId: number, now = new Date()): void {
    this.db.prepare(`UPDATE webhook_inbox SET done_at = ?, payload = '' WHERE update_id = ?`).run(now.toISOString(), updateId);
  }

  /** Updates accepted but not finished (the process stopped in between), oldest first. */
  pending(): Array<{ update_id: number }> {
    return (this.db.prepare('SELECT payload FROM webhook_inbox WHERE done_at IS NULL ORDER BY update_id').all() as Array<{ payload: string }>).map(
      (r) => JSON.parse(r.payload) as { update_id: number },
    );
  }

  /** Forget finished updates older than `before` (Telegram stops re-delivering after a day). Run periodically. */
  prune(before: Date): number {
    return this.db.prepare('DELETE FROM webhook_inbox WHERE done_at IS NOT NULL AND received_at < ?').run(before.toISOString()).changes;
  }
}
