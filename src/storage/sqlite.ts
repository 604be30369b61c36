import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
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
 * - `secure_delete = ON`: deleted and overwritten rows are zeroed on their page instead of lingering in free
 *   space, so /hapusdata and retention really remove personal data from the file (see {@link checkpoint}
 *   for the WAL).
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
    db.pragma('secure_delete = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw describeSqliteError(error, file);
  }
  return db;
}

/**
 * Copies the write-ahead log into the database and truncates it to zero bytes. Called after personal data
 * was erased (the WAL still holds the old page images until then) and at shutdown. Returns false when a
 * reader kept part of the log (it is retried at the next erasure or shutdown).
 */
export function checkpoint(db: Database.Database): boolean {
  const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  return row?.busy === 0;
}

/** SQLite's terse errors, with the file named and what to do about it. Other errors pass unchanged. */
export function describeSqliteError(error: unknown, file: string): unknown {
  const code = (error as { code?: string })?.code ?? '';
  const message = (error as Error)?.message ?? String(error);
  if (code.startsWith('SQLITE_READONLY') || /readonly database/i.test(message)) {
    return new StorageError(
      `The database ${file} is read-only for this user (${message}). Give this user write permission on the file, its -wal and -shm files and the DATA_DIR folder (chown/chmod), or choose another DATA_DIR.`,
      { file },
      { cause: error },
    );
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT') || /not a database|malformed/i.test(message)) {
    return new StorageError(
      `${file} is not a usable SQLite database (${message}). Restore it from a backup, or move it aside to start with an empty database.`,
      { file },
      { cause: error },
    );
  }
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') {
    return new StorageError(`Cannot write the database ${file} (${code}: ${message}). Check free disk space and that DATA_DIR is on a working, writable disk.`, { file }, { cause: error });
  }
  return error;
}

/** Virtual file systems that cannot hold data (writing there fails or hangs). */
const VIRTUAL_ROOTS = ['/proc', '/sys', '/dev'];

/**
 * Checks, before anything is built or opened, that DATA_DIR is a real, writable folder: creates it if needed
 * and writes (and fsyncs) a probe file. Fails fast with one clear line instead of a hang or a stack trace.
 *
 * @throws StorageError naming the folder and what to do.
 */
export function ensureWritableDataDir(dataDir: string): void {
  const dir = path.resolve(dataDir);
  if (VIRTUAL_ROOTS.some((root) => dir === root || dir.startsWith(`${root}/`))) {
    throw new StorageError(`DATA_DIR ${dir} is inside ${dir.split('/').slice(0, 2).join('/')}, a virtual file system that cannot hold data. Choose a normal folder, e.g. ./data.`, { file: dir });
  }
  const probe = path.join(dir, `.write-test-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(probe, 'w');
    try {
      writeSync(fd, 'ok');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    rmSync(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new StorageError(
      `DATA_DIR ${dir} is not writable (${code}: ${(error as Error).message}). Create it and give this user write permission, or set DATA_DIR to another folder.`,
      { file: dir },
      { cause: error },
    );
  }
}
