/**
 * The database cannot be opened or brought to the schema this code expects.
 *
 * Carries the database file and, for migrations, the version involved, and says what to do about it.
 */
export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    message: string,
    readonly context: { file?: string; version?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
