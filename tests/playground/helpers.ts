/** Shared helpers for playground tests: a fresh emulator with the playground personas, and raw HTTP calls. */
import { BotApiEmulator } from '../../src/playground/bot-api-emulator.js';
import type { BotApiEmulatorOptions } from '../../src/playground/emulator-types.js';
import {
  PLAYGROUND_BOT,
  PLAYGROUND_CHATS,
  PLAYGROUND_TOKEN,
  PLAYGROUND_USERS,
  PLAYGROUND_VIEWS,
} from '../../src/playground/personas.js';

/** A Bot API response as Telegram sends it. */
export interface ApiResponse<T = unknown> {
  ok: boolean;
  result?: T;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

/** An emulator with the playground's people and chats (not started). */
export function createEmulator(options: Partial<BotApiEmulatorOptions> = {}): BotApiEmulator {
  return new BotApiEmulator({
    token: PLAYGROUND_TOKEN,
    bot: PLAYGROUND_BOT,
    users: PLAYGROUND_USERS,
    chats: PLAYGROUND_CHATS,
    views: PLAYGROUND_VIEWS,
    ...options,
  });
}

/** Calls a Bot API method with a JSON body; returns HTTP status and the parsed body. */
export async function callApi<T = unknown>(
  emulator: BotApiEmulator,
  method: string,
  params: Record<string, unknown> = {},
  init: { token?: string; signal?: AbortSignal } = {},
): Promise<{ status: number; body: ApiResponse<T> }> {
  const response = await fetch(`${emulator.apiRoot}/bot${init.token ?? emulator.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  return { status: response.status, body: (await response.json()) as ApiResponse<T> };
}

/** Calls a Bot API method with an `application/x-www-form-urlencoded` body. */
export async function callApiForm<T = unknown>(
  emulator: BotApiEmulator,
  method: string,
  params: Record<string, string>,
): Promise<{ status: number; body: ApiResponse<T> }> {
  const response = await fetch(`${emulator.apiRoot}/bot${emulator.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: (await response.json()) as ApiResponse<T> };
}

/** Calls the page API. */
export async function pageApi<T = Record<string, unknown>>(
  emulator: BotApiEmulator,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${emulator.url}/playground/api/${path}`, body === undefined
    ? { headers }
    : { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as T };
}
