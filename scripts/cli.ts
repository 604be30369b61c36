import 'dotenv/config';
import { ConfigError, parseConfig, type Config } from '../src/config.js';

/** Shared start-up for the CLIs: .env once, validated config, readable errors (no stack traces). */
export function loadCliConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

/** Progress for people goes to stderr so stdout stays machine-readable (--json). */
export const progress = (m: string) => process.stderr.write(`${m}\n`);

export function fail(err: unknown): never {
  console.error(`Gagal: ${(err as Error).message ?? String(err)}`);
  process.exit(1);
}
