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
      serializers: {
        err: (err: Error) => ({ type: err.name, message: redactPii(err.message), stack: err.stack ? redactPii(err.stack) : undefined }),
      },
    },
    opts.destination,
  );
}

/** A logger that discards everything (tests, benchmarks). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
