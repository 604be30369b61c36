import { pino, type Logger, type DestinationStream } from 'pino';
import { redactDeep, redactPii } from './pii.js';

export type { Logger };

/**
 * Structured JSON logger (pino) that never writes personal data.
 *
 * Every string in a log record — message and fields alike — passes through
 * {@link redactPii}, so an NIP, NIK, phone number or e-mail typed by an official
 * cannot reach the logs even when a developer logs a raw question by mistake.
 * Known-sensitive keys are removed outright.
 *
 * @example
 * const log = createLogger({ level: 'info' });
 * log.info({ updateId: 1, latencyMs: 12 }, 'update handled');
 */
export function createLogger(opts: { level?: string; destination?: DestinationStream; name?: string } = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      name: opts.name ?? 'asisten-asn',
      base: undefined,
      redact: {
        paths: ['nip', 'nik', 'email', 'phone', '*.nip', '*.nik', '*.email', '*.phone', 'token', '*.token', 'apiKey', '*.apiKey'],
        censor: '[redacted]',
      },
      hooks: {
        logMethod(args, method) {
          const cleaned = args.map((a) => (typeof a === 'string' ? redactPii(a) : a instanceof Error ? a : redactDeep(a)));
          return method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
      serializers: { err: serializeError },
    },
    opts.destination,
  );
}

/**
 * The `err` field of a log record. Callers should pass the thrown value itself, but anything is accepted —
 * a string, `undefined`, a Bot API error object — because a logger that throws while reporting an error turns
 * a logged failure into a crash. Telegram errors (grammY's `GrammyError`) keep their method, code and
 * description and drop the stack: "409: Conflict" says all there is, seventeen frames of grammY do not.
 */
export function serializeError(err: unknown): Record<string, unknown> {
  if (err instanceof Error) {
    const e = err as Error & { error_code?: unknown; description?: unknown; method?: unknown; code?: unknown };
    const out: Record<string, unknown> = { type: e.name, message: redactPii(String(e.message ?? '')) };
    if (typeof e.error_code === 'number') {
      out.code = e.error_code;
      if (typeof e.method === 'string') out.method = e.method;
      if (typeof e.description === 'string') out.description = redactPii(e.description);
      return out;
    }
    if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
    if (e.stack) out.stack = redactPii(e.stack);
    if (e.cause !== undefined && e.cause !== err) out.cause = serializeError(e.cause);
    return out;
  }
  if (typeof err === 'string') return { message: redactPii(err) };
  if (err === undefined || err === null) return { message: String(err) };
  if (typeof err === 'object') {
    const message = (err as { message?: unknown }).message;
    return { type: 'object', message: redactPii(typeof message === 'string' ? message : safeJson(err)) };
  }
  return { message: redactPii(String(err)) };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A logger that discards everything (tests, benchmarks). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
