/**
 * Application configuration, parsed from an environment-like record.
 *
 * `parseConfig` is pure: it never reads `process.env` or `.env` itself, so tests can
 * build any configuration they like. `main.ts` and the scripts load dotenv once and
 * pass `process.env` in.
 *
 * @example
 * const config = parseConfig({ BOT_TOKEN: '123:abc…', ADMIN_IDS: '42,43' });
 */
import path from 'node:path';
import { z } from 'zod';

/** The validated configuration: every setting typed, defaults applied, paths absolute. */
export interface Config {
  botToken: string | undefined;
  telegramApiRoot: string;
  adminIds: number[];
  /** MAINTAINER_IDS plus every admin: who may upload and remove documents and see knowledge gaps. */
  maintainerIds: number[];
  adminChatId: number | undefined;
  dataDir: string;
  knowledgeDir: string;
  openai: {
    apiKey: string | undefined;
    baseUrl: string | undefined;
    model: string;
    timeoutMs: number;
    /** True when an LLM is configured (key or base URL set). */
    enabled: boolean;
  };
  embeddings: {
    provider: 'local' | 'openai';
    model: string;
  };
  webhook: {
    url: string | undefined;
    secret: string | undefined;
  };
  port: number;
  /** Address the HTTP server listens on (webhook and health; the playground keeps its own 127.0.0.1 default). */
  host: string | undefined;
  /** Address the playground (no BOT_TOKEN) listens on: PLAYGROUND_HOST, else HOST, else this machine only (127.0.0.1). */
  playgroundHost: string;
  retentionDays: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  nodeEnv: 'development' | 'production' | 'test';
}

/** A configuration problem, phrased so the reader knows what to change. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Konfigurasi tidak valid / invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

const TOKEN_RE = /^\d{5,}:[A-Za-z0-9_-]{30,}$/;

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
/** An http(s) URL: "localhost:11434/v1" parses as a URL with the scheme "localhost:", which no client can call. */
const httpUrl = (message: string) => z.string().trim().refine((v) => /^https?:\/\/\S+$/i.test(v) && URL.canParse(v), message);

const schema = z.object({
  BOT_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(TOKEN_RE, 'BOT_TOKEN tidak berformat token BotFather (contoh: 123456789:AAH…); kosongkan untuk playground lokal')
      .optional(),
  ),
  TELEGRAM_API_ROOT: z.preprocess(
    emptyToUndefined,
    httpUrl('TELEGRAM_API_ROOT harus URL, mis. https://api.telegram.org').default('https://api.telegram.org'),
  ),
  ADMIN_IDS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\s*-?\d+(\s*,\s*-?\d+)*\s*$/, 'ADMIN_IDS harus daftar id pengguna Telegram dipisah koma, mis. 12345,67890')
      .optional(),
  ),
  MAINTAINER_IDS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\s*-?\d+(\s*,\s*-?\d+)*\s*$/, 'MAINTAINER_IDS harus daftar id pengguna Telegram dipisah koma, mis. 12345,67890')
      .optional(),
  ),
  ADMIN_CHAT_ID: z.preprocess(
    emptyToUndefined,
    z.string().regex(/^-?\d+$/, 'ADMIN_CHAT_ID harus id chat berupa angka, mis. -1001234567890').optional(),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  KNOWLEDGE_DIR: z.preprocess(emptyToUndefined, z.string().default('./knowledge')),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.preprocess(emptyToUndefined, httpUrl('OPENAI_BASE_URL harus URL http(s), mis. http://localhost:11434/v1').optional()),
  OPENAI_MODEL: z.preprocess(emptyToUndefined, z.string().default('gpt-4o-mini')),
  OPENAI_TIMEOUT_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().positive('OPENAI_TIMEOUT_SECONDS harus angka positif').default(20)),
  EMBEDDINGS: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.enum(['local', 'openai'], { message: 'EMBEDDINGS harus "local" atau "openai"' }).default('local'),
  ),
  EMBEDDINGS_MODEL: optionalString,
  WEBHOOK_URL: z.preprocess(emptyToUndefined, httpUrl('WEBHOOK_URL harus URL https publik').optional()),
  WEBHOOK_SECRET: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, 'WEBHOOK_SECRET hanya boleh huruf, angka, _ dan - (1–256 karakter)')
      .optional(),
  ),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(/^(?:[0-9.]+|\[?[0-9a-fA-F:]+\]?|[A-Za-z0-9.-]+)$/, 'HOST harus alamat IP atau nama host, mis. 0.0.0.0 atau 127.0.0.1')
      .optional(),
  ),
  PLAYGROUND_HOST: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(/^(?:[0-9.]+|\[?[0-9a-fA-F:]+\]?|[A-Za-z0-9.-]+)$/, 'PLAYGROUND_HOST harus alamat IP atau nama host, mis. 127.0.0.1 atau 0.0.0.0')
      .optional(),
  ),
  RETENTION_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().positive('RETENTION_DAYS harus jumlah hari, bilangan bulat positif').default(365)),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test']).default('development')),
});

/** Parse and validate configuration. Throws {@link ConfigError} listing every problem at once. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    // One line per problem, starting with the setting's name (once: most messages already begin with it).
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = i.path.join('.');
        return i.message.startsWith(`${name} `) ? i.message : `${name}: ${i.message}`;
      }),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  const idList = (v: string | undefined) => (v ? v.split(',').map((s) => Number(s.trim())) : []);
  const adminIds = idList(e.ADMIN_IDS);
  // Admins are maintainers too: one list to check, so no code path can forget the rule.
  const maintainerIds = [...new Set([...adminIds, ...idList(e.MAINTAINER_IDS)])];
  // A user id is positive; a group id (-100…) or 0 here means no such person could ever act.
  for (const [name, raw] of [['ADMIN_IDS', e.ADMIN_IDS], ['MAINTAINER_IDS', e.MAINTAINER_IDS]] as const) {
    const bad = (raw ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '' && !(Number.isSafeInteger(Number(v)) && Number(v) > 0));
    if (bad.length > 0) {
      problems.push(`${name}: ${bad.join(', ')} bukan id pengguna Telegram (harus bilangan bulat positif ≤ 2^53; id grup seperti -100… masuk ke ADMIN_CHAT_ID)`);
    }
  }
  if (e.ADMIN_CHAT_ID && !Number.isSafeInteger(Number(e.ADMIN_CHAT_ID))) {
    problems.push('ADMIN_CHAT_ID: terlalu besar untuk id chat Telegram');
  }
  if (e.NODE_ENV === 'production' && e.BOT_TOKEN && adminIds.length === 0) {
    problems.push('ADMIN_IDS: wajib diisi di production (id Telegram admin, dipisah koma)');
  }
  if (e.NODE_ENV === 'production' && !e.BOT_TOKEN) {
    problems.push('BOT_TOKEN: wajib diisi di production (playground lokal hanya untuk pengembangan)');
  }
  if (e.WEBHOOK_URL && !e.WEBHOOK_SECRET) {
    problems.push('WEBHOOK_SECRET: wajib diisi bila WEBHOOK_URL dipakai (Telegram mengirimnya di setiap permintaan)');
  }
  if (e.EMBEDDINGS === 'openai' && !e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
    problems.push('EMBEDDINGS=openai memerlukan OPENAI_API_KEY atau OPENAI_BASE_URL');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    botToken: e.BOT_TOKEN,
    telegramApiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
    adminIds,
    maintainerIds,
    adminChatId: e.ADMIN_CHAT_ID ? Number(e.ADMIN_CHAT_ID) : undefined,
    dataDir: path.resolve(e.DATA_DIR),
    knowledgeDir: path.resolve(e.KNOWLEDGE_DIR),
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.OPENAI_MODEL,
      timeoutMs: Math.round(e.OPENAI_TIMEOUT_SECONDS * 1000),
      enabled: Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL),
    },
    embeddings: {
      provider: e.EMBEDDINGS,
      model: e.EMBEDDINGS_MODEL ?? (e.EMBEDDINGS === 'openai' ? 'text-embedding-3-small' : 'hash-ngram-v1'),
    },
    webhook: { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET },
    port: e.PORT,
    host: e.HOST,
    playgroundHost: e.PLAYGROUND_HOST ?? e.HOST ?? '127.0.0.1',
    retentionDays: e.RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
  };
}
