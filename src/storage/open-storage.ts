import type Database from 'better-sqlite3';
import { checkpoint, openDatabase } from './sqlite.js';
import { SqliteBotStores } from './sqlite-bot-stores.js';
import { SqliteEnrolmentStore } from './sqlite-enrolment-store.js';
import { SqliteKnowledgeStores } from './sqlite-knowledge-stores.js';
import { SqliteUpdateInbox } from './sqlite-update-inbox.js';

/**
 * Every store of the bot over one SQLite database in `dataDir`: the one place that opens them, for the app,
 * the benchmark and the test harnesses alike.
 *
 * @example
 * const storage = openStorage(config.dataDir);
 * const deps = createBotDeps({ config, core, storage, logger });
 * // …
 * storage.close();
 */
export interface Storage {
  db: Database.Database;
  bot: SqliteBotStores;
  enrolment: SqliteEnrolmentStore;
  knowledge: SqliteKnowledgeStores;
  /** Webhook updates accepted before the 200 (webhook mode). */
  inbox: SqliteUpdateInbox;
  /** Checkpoints the WAL (no old page images with erased data stay behind), then closes. Throws if the checkpoint fails. */
  close(): void;
}

export function openStorage(dataDir: string): Storage {
  const db = openDatabase(dataDir);
  return {
    db,
    bot: new SqliteBotStores(db),
    enrolment: new SqliteEnrolmentStore(db),
    knowledge: new SqliteKnowledgeStores(db),
    inbox: new SqliteUpdateInbox(db),
    close: () => {
      try {
        checkpoint(db);
      } finally {
        db.close();
      }
    },
  };
}
