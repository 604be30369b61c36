import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentSchemaVersion, migrate, migrations } from '../../src/storage/migrations.js';
import { openDatabase } from '../../src/storage/sqlite.js';
import { StorageError } from '../../src/storage/storage-error.js';
import { tempDataDir } from '../enrolment/fixtures.js';

let temp: ReturnType<typeof tempDataDir>;
beforeEach(() => {
  temp = tempDataDir();
});
afterEach(() => temp.cleanup());

describe('openDatabase', () => {
  it('creates the data dir and asisten.db with the expected pragmas', () => {
    const dataDir = path.join(temp.dir, 'nested', 'data');
    const db = openDatabase(dataDir);
    try {
      expect(existsSync(path.join(dataDir, 'asisten.db'))).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(currentSchemaVersion(db)).toBe(Math.max(...migrations.map((m) => m.version)));
    } finally {
      db.close();
    }
  });

  it('is idempotent on re-open and keeps data', () => {
    const first = openDatabase(temp.dir);
    first.prepare(`INSERT INTO meta (key, value) VALUES ('probe', 'kept')`).run();
    const tables = first.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();
    first.close();

    const second = openDatabase(temp.dir);
    try {
      expect(migrate(second)).toEqual([]);
      expect(second.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all()).toEqual(tables);
      expect(second.prepare(`SELECT value FROM meta WHERE key = 'probe'`).pluck().get()).toBe('kept');
      expect(second.prepare(`SELECT version FROM schema_migrations ORDER BY version`).pluck().all()).toEqual(migrations.map((m) => m.version));
      expect(tables).toEqual(expect.arrayContaining(['requests', 'audit_log', 'outbox', 'admin_cards', 'drafts', 'webhook_inbox']));
      expect(tables).not.toContain('processed_updates');
    } finally {
      second.close();
    }
  });

  it('applies only the new migrations, each in its own transaction', () => {
    const db = new Database(path.join(temp.dir, 'step.db'));
    try {
      expect(migrate(db, migrations.slice(0, 1))).toEqual([1]);
      expect(migrate(db)).toEqual(migrations.slice(1).map((m) => m.version));

      const broken = [...migrations, { version: 99, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE x (a); SELEC nonsense') }];
      const latest = migrations[migrations.length - 1].version;
      expect(() => migrate(db, broken)).toThrow(new RegExp(`Migration 99 \\(broken\\) failed .* stays at version ${latest}`));
      expect(db.prepare(`SELECT COUNT(*) FROM sqlite_schema WHERE name = 'x'`).pluck().get()).toBe(0);
      expect(currentSchemaVersion(db)).toBe(latest);
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer version, saying what to do', () => {
    const db = openDatabase(temp.dir);
    db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (42, 'future', 'x')`).run();
    db.close();
    expect(() => openDatabase(temp.dir)).toThrow(StorageError);
    expect(() => openDatabase(temp.dir)).toThrow(/schema version 42.*upgrade the app/);
  });
});
