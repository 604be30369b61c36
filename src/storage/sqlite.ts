import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';
import { StorageError } from './storage-error.js';

export const DATABASE_FILE = 'asisten.db';

/**
 * Opens (creating if needed) `${dataDir}/asisten.db` and brings it to the latest schema.
 *
 * Pragmas, and why:
 * - `journal_mode = WAL`: readers never block the writer, so the bot answers while an export runs, and
 *   several processes (bot, scripts) can share the file.
 * - `busy_timeout = 5000`: a writer waits for another writer's transaction instead of failing at once.
 * - `synchronous = NORMAL`: durable across application crashes in WAL mode; a power cut may lose the last
 *   transactions but never corrupts the file. The right tradeoff for a chat bot.
 * - `foreign_keys = ON`: SQLite leaves them off by default.
 *
 * @example const db = openDatabase(config.dataDir); const store = new SqliteEnrolmentStore(db);
 */
export function openDatabase(dataDir: string, options: { fileName?: string } = {}): Database.Database {
  const file = path.join(dataDir, options.fileName ?? DATABASE_FILE);
  let db: Database.Database;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(file);
  } catch (error) {
    throw new StorageError(
      `Cannot open the database ${file}: ${(error as Error).message}. Check that DATA_DIR exists and is writable by this user.`,
      { file },
      { cause: error },
    );
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
