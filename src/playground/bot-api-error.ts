/**
 * The error half of the Bot API contract: `{ ok: false, error_code, description, parameters? }` sent with
 * HTTP status = error_code. Method handlers throw these; the HTTP layer turns them into responses, so every
 * failure a bot sees from the emulator has Telegram's shape and wording.
 */

/** `parameters` of a failed Bot API response (429 carries `retry_after`, migrations carry `migrate_to_chat_id`). */
export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

/** A failed Bot API call, as Telegram would report it. */
export class BotApiError extends Error {
  override readonly name = 'BotApiError';

  constructor(
    readonly error_code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }

  /** The JSON body Telegram sends for this error. */
  toJSON(): { ok: false; error_code: number; description: string; parameters?: ResponseParameters } {
    return this.parameters
      ? { ok: false, error_code: this.error_code, description: this.description, parameters: this.parameters }
      : { ok: false, error_code: this.error_code, description: this.description };
  }
}

/** `400 Bad Request: <reason>`; Telegram lower-cases nothing here, the reason is passed as written. */
export function badRequest(reason: string): BotApiError {
  return new BotApiError(400, `Bad Request: ${reason}`);
}

/** `403 Forbidden: <reason>`, e.g. `bot was blocked by the user`. */
export function forbidden(reason: string): BotApiError {
  return new BotApiError(403, `Forbidden: ${reason}`);
}

/** `429 Too Many Requests: retry after N` with `parameters.retry_after` (whole seconds, at least 1). */
export function tooManyRequests(retryAfterSeconds: number): BotApiError {
  const retryAfter = Math.max(1, Math.ceil(retryAfterSeconds));
  return new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
}

/** `409 Conflict: <reason>` (competing getUpdates, getUpdates while a webhook is set). */
export function conflict(reason: string): BotApiError {
  return new BotApiError(409, `Conflict: ${reason}`);
}

/** The 400 a chat id the bot cannot see produces. */
export function chatNotFound(): BotApiError {
  return badRequest('chat not found');
}
