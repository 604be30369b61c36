import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';
import { ensureWritableDataDir, openDatabase } from '../src/storage/sqlite.js';
import { makeTmpDir } from './helpers/tmp.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    parseConfig(env);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
};

describe('ADMIN_IDS', () => {
  it.each(['-1001234567890', '0', '9007199254740993', '42,-5'])('refuses %s with one clear line', (value) => {
    const problems = problemsOf({ ADMIN_IDS: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^ADMIN_IDS: .*bukan id pengguna Telegram/);
  });

  it('accepts positive user ids', () => {
    expect(parseConfig({ ADMIN_IDS: '11111, 22222' }).adminIds).toEqual([11111, 22222]);
  });
});

describe('HOST', () => {
  it('is optional and passed through', () => {
    expect(parseConfig({}).host).toBeUndefined();
    expect(parseConfig({ HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(problemsOf({ HOST: 'not a host!' })[0]).toMatch(/^HOST: /);
  });
});

describe('DATA_DIR checks', () => {
  it('refuses a virtual file system at once, naming it', () => {
    expect(() => ensureWritableDataDir('/proc/x')).toThrow(/DATA_DIR \/proc\/x is inside \/proc/);
  });

  it('refuses a folder that cannot be written', () => {
    const tmp = makeTmpDir();
    const file = path.join(tmp.dir, 'a-file');
    fs.writeFileSync(file, 'x');
    expect(() => ensureWritableDataDir(path.join(file, 'data'))).toThrow(/DATA_DIR .*a-file\/data is not writable \(ENOTDIR/);
    tmp.cleanup();
  });

  it('names the file and says what to do when the database file is not a database', () => {
    const tmp = makeTmpDir();
    fs.writeFileSync(path.join(tmp.dir, 'asisten.db'), 'this is not sqlite, just text that is long enough to be a header...'.repeat(20));
    expect(() => openDatabase(tmp.dir)).toThrow(new RegExp(`${tmp.dir}/asisten.db is not a usable SQLite database .*Restore it from a backup`));
    tmp.cleanup();
  });

  it('names the file when it is read-only', async () => {
    const { default: Database } = await import('better-sqlite3');
    const { describeSqliteError } = await import('../src/storage/sqlite.js');
    const tmp = makeTmpDir();
    openDatabase(tmp.dir).close();
    const file = path.join(tmp.dir, 'asisten.db');
    // A real SQLITE_READONLY (chmod cannot produce one when the tests run as root).
    const ro = new Database(file, { readonly: true });
    let raw: unknown;
    try {
      ro.exec(`INSERT INTO meta (key, value) VALUES ('x', 'y')`);
    } catch (err) {
      raw = err;
    }
    ro.close();
    expect(String(raw)).toMatch(/readonly database/);
    expect((describeSqliteError(raw, file) as Error).message).toMatch(new RegExp(`${file} is read-only for this user .*write permission`));
    tmp.cleanup();
  });
});
