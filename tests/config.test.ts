import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, type Config } from '../src/config.js';
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

const TOKEN = '123456789:AAHfakeTokenForTestsOnly_abcdefghijk';

/** One row per setting: an environment, and what the parsed configuration must show for it. */
const VALID: Array<[string, Record<string, string>, (c: Config) => unknown, unknown]> = [
  ['defaults', {}, (c) => [c.botToken, c.telegramApiRoot, c.adminIds, c.adminChatId, c.port, c.host, c.playgroundHost, c.retentionDays, c.logLevel, c.nodeEnv], [undefined, 'https://api.telegram.org', [], undefined, 3000, undefined, '127.0.0.1', 365, 'info', 'development']],
  ['BOT_TOKEN', { BOT_TOKEN: TOKEN }, (c) => c.botToken, TOKEN],
  ['an empty value counts as unset', { BOT_TOKEN: '  ', ADMIN_IDS: '' }, (c) => [c.botToken, c.adminIds], [undefined, []]],
  ['TELEGRAM_API_ROOT loses its trailing slash', { TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' }, (c) => c.telegramApiRoot, 'http://127.0.0.1:8081'],
  ['ADMIN_IDS', { ADMIN_IDS: '11111, 22222' }, (c) => c.adminIds, [11111, 22222]],
  ['MAINTAINER_IDS include the admins', { ADMIN_IDS: '1', MAINTAINER_IDS: '2,1' }, (c) => c.maintainerIds, [1, 2]],
  ['ADMIN_CHAT_ID', { ADMIN_CHAT_ID: '-1001234567890' }, (c) => c.adminChatId, -1001234567890],
  ['DATA_DIR and KNOWLEDGE_DIR are made absolute', { DATA_DIR: 'd', KNOWLEDGE_DIR: 'k' }, (c) => [c.dataDir, c.knowledgeDir], [path.resolve('d'), path.resolve('k')]],
  ['OPENAI_API_KEY enables LLM answers', { OPENAI_API_KEY: 'sk-x' }, (c) => [c.openai.enabled, c.openai.model, c.openai.timeoutMs], [true, 'gpt-4o-mini', 20_000]],
  ['OPENAI_BASE_URL alone enables LLM answers', { OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_MODEL: 'llama3', OPENAI_TIMEOUT_SECONDS: '2.5' }, (c) => [c.openai.enabled, c.openai.baseUrl, c.openai.model, c.openai.timeoutMs], [true, 'http://localhost:11434/v1', 'llama3', 2500]],
  ['EMBEDDINGS local by default', {}, (c) => c.embeddings, { provider: 'local', model: 'hash-ngram-v1' }],
  ['EMBEDDINGS=openai', { EMBEDDINGS: 'OpenAI', OPENAI_API_KEY: 'sk-x' }, (c) => c.embeddings, { provider: 'openai', model: 'text-embedding-3-small' }],
  ['EMBEDDINGS_MODEL', { EMBEDDINGS: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:1/v1', EMBEDDINGS_MODEL: 'bge-m3' }, (c) => c.embeddings.model, 'bge-m3'],
  ['WEBHOOK_URL with its secret', { WEBHOOK_URL: 'https://bot.example.go.id/hook', WEBHOOK_SECRET: 's3cret_-' }, (c) => c.webhook, { url: 'https://bot.example.go.id/hook', secret: 's3cret_-' }],
  ['PORT', { PORT: '8080' }, (c) => c.port, 8080],
  ['HOST is also the playground host', { HOST: '127.0.0.2' }, (c) => [c.host, c.playgroundHost], ['127.0.0.2', '127.0.0.2']],
  ['PLAYGROUND_HOST wins for the playground', { HOST: '0.0.0.0', PLAYGROUND_HOST: '127.0.0.1' }, (c) => [c.host, c.playgroundHost], ['0.0.0.0', '127.0.0.1']],
  ['RETENTION_DAYS', { RETENTION_DAYS: '30' }, (c) => c.retentionDays, 30],
  ['LOG_LEVEL', { LOG_LEVEL: 'debug' }, (c) => c.logLevel, 'debug'],
  ['production with a token and admins', { NODE_ENV: 'production', BOT_TOKEN: TOKEN, ADMIN_IDS: '42' }, (c) => c.nodeEnv, 'production'],
];

/** One row per mistake: an environment, and the start of the one line that must name it. */
const INVALID: Array<[Record<string, string>, RegExp]> = [
  [{ BOT_TOKEN: 'not-a-token' }, /^BOT_TOKEN:? .*format token BotFather/],
  [{ TELEGRAM_API_ROOT: 'telegram' }, /^TELEGRAM_API_ROOT:? harus URL/],
  [{ ADMIN_IDS: 'abc' }, /^ADMIN_IDS:? harus daftar id/],
  [{ ADMIN_IDS: '-1001234567890' }, /^ADMIN_IDS: .*bukan id pengguna Telegram/],
  [{ ADMIN_IDS: '0' }, /^ADMIN_IDS: .*bukan id pengguna Telegram/],
  [{ ADMIN_IDS: '9007199254740993' }, /^ADMIN_IDS: .*bukan id pengguna Telegram/],
  [{ ADMIN_IDS: '42,-5' }, /^ADMIN_IDS: -5 bukan id pengguna Telegram/],
  [{ MAINTAINER_IDS: '-100200' }, /^MAINTAINER_IDS: .*bukan id pengguna Telegram/],
  [{ ADMIN_CHAT_ID: 'grup' }, /^ADMIN_CHAT_ID:? harus id chat/],
  [{ ADMIN_CHAT_ID: '-100123456789012345678' }, /^ADMIN_CHAT_ID: terlalu besar/],
  [{ OPENAI_BASE_URL: 'localhost:11434' }, /^OPENAI_BASE_URL:? harus URL/],
  [{ OPENAI_TIMEOUT_SECONDS: '0' }, /^OPENAI_TIMEOUT_SECONDS:? harus angka positif/],
  [{ EMBEDDINGS: 'bert' }, /^EMBEDDINGS:? harus "local" atau "openai"/],
  [{ EMBEDDINGS: 'openai' }, /^EMBEDDINGS=openai memerlukan OPENAI_API_KEY/],
  [{ WEBHOOK_URL: 'bot.example' }, /^WEBHOOK_URL:? harus URL/],
  [{ WEBHOOK_URL: 'https://bot.example.go.id/hook' }, /^WEBHOOK_SECRET: wajib diisi bila WEBHOOK_URL/],
  [{ WEBHOOK_SECRET: 'has spaces' }, /^WEBHOOK_SECRET:? hanya boleh/],
  [{ PORT: '70000' }, /^PORT: /],
  [{ HOST: 'not a host!' }, /^HOST:? harus alamat IP/],
  [{ PLAYGROUND_HOST: 'no/slash' }, /^PLAYGROUND_HOST:? harus alamat IP/],
  [{ RETENTION_DAYS: '-1' }, /^RETENTION_DAYS:? harus jumlah hari/],
  [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: /],
  [{ NODE_ENV: 'staging' }, /^NODE_ENV: /],
  [{ NODE_ENV: 'production' }, /^BOT_TOKEN: wajib diisi di production/],
  [{ NODE_ENV: 'production', BOT_TOKEN: TOKEN }, /^ADMIN_IDS: wajib diisi di production/],
];

describe('parseConfig', () => {
  it.each(VALID)('%s', (_name, env, pick, expected) => {
    expect(pick(parseConfig(env))).toEqual(expected);
  });

  it.each(INVALID)('refuses %o with one line naming the setting', (env, line) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(line);
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'loud' }).map((p) => p.split(/[: ]/)[0]).sort()).toEqual(['LOG_LEVEL', 'PORT']);
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
