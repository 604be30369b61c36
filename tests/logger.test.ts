import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { GrammyError } from 'grammy';
import { createLogger } from '../src/logger.js';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: new Writable({ write(c, _e, cb) { lines.push(String(c)); cb(); } }) });
  return { logger, records: () => lines.map((l) => JSON.parse(l) as Record<string, any>) };
}

describe('logger err field', () => {
  it.each([
    ['a string', 'chat not found 081234567890'],
    ['undefined', undefined],
    ['a plain object', { description: 'x' }],
    ['a number', 42],
  ])('accepts %s without throwing, and still redacts', (_n, value) => {
    const { logger, records } = capture();
    expect(() => logger.warn({ err: value }, 'admin command menu not set')).not.toThrow();
    const rec = records()[0]!;
    expect(rec.msg).toBe('admin command menu not set');
    expect(JSON.stringify(rec)).not.toContain('081234567890');
  });

  it('logs a Telegram error as one line with code and description, without a stack', () => {
    const { logger, records } = capture();
    const err = new GrammyError("Call to 'getUpdates' failed!", { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request' }, 'getUpdates', {});
    logger.error({ err }, 'polling stopped');
    const rec = records()[0]!;
    expect(rec.err).toMatchObject({ code: 409, method: 'getUpdates', description: expect.stringContaining('Conflict') });
    expect(rec.err.stack).toBeUndefined();
  });

  it('keeps the stack of other errors, redacted', () => {
    const { logger, records } = capture();
    logger.error({ err: new Error('gagal untuk budi@contoh.go.id') }, 'x');
    expect(records()[0]!.err.message).toBe('gagal untuk [email]');
    expect(records()[0]!.err.stack).toContain('logger.test');
  });
});
