/**
 * Starts the local playground: the Bot API emulator and the chat page on one port, populated with the default
 * personas. The caller (src/main.ts) then starts the real bot against it:
 *
 * @example
 * ```ts
 * const playground = await startPlayground({ port: config.port });
 * const bot = createBot(playground.token, { apiRoot: playground.apiRoot, adminIds: playground.adminIds, … });
 * console.log(`Buka ${playground.url} untuk mencoba bot.`);
 * ```
 */
import { BotApiEmulator } from './bot-api-emulator.js';
import type { BotApiEmulatorOptions } from './emulator-types.js';
import {
  ADMIN_GROUP,
  ADMIN_PERSONA,
  MAINTAINER_PERSONA,
  PLAYGROUND_BOT,
  PLAYGROUND_CHATS,
  PLAYGROUND_TOKEN,
  PLAYGROUND_USERS,
  PLAYGROUND_VIEWS,
} from './personas.js';

export interface PlaygroundOptions {
  /** HTTP port for the page and the Bot API (default 3000; 0 = any free port) */
  port?: number;
  /** interface to listen on (default 127.0.0.1: the playground is for this machine only) */
  host?: string;
  /** extra emulator options (e.g. `rateLimits: false` in tests) */
  emulator?: Partial<Omit<BotApiEmulatorOptions, 'token' | 'bot' | 'users' | 'chats' | 'views' | 'host'>>;
}

export interface Playground {
  emulator: BotApiEmulator;
  /** the chat page, e.g. http://127.0.0.1:3000 */
  url: string;
  /** `TELEGRAM_API_ROOT` for the bot */
  apiRoot: string;
  /** `BOT_TOKEN` for the bot */
  token: string;
  /** `ADMIN_IDS` for the bot */
  adminIds: number[];
  /** `MAINTAINER_IDS` for the bot (the Pengelola persona) */
  maintainerIds: number[];
  /** `ADMIN_CHAT_ID` for the bot */
  adminChatId: number;
  close(): Promise<void>;
}

/**
 * Starts the emulator with the playground personas.
 * @throws Error telling to set `PORT` when the port is already in use
 */
export async function startPlayground({ port = 3000, host = '127.0.0.1', emulator: extra = {} }: PlaygroundOptions = {}): Promise<Playground> {
  const emulator = new BotApiEmulator({
    ...extra,
    token: PLAYGROUND_TOKEN,
    bot: PLAYGROUND_BOT,
    users: PLAYGROUND_USERS,
    chats: PLAYGROUND_CHATS,
    views: PLAYGROUND_VIEWS,
    host,
  });
  const { url } = await emulator.start(port);
  return {
    emulator,
    url,
    apiRoot: emulator.apiRoot,
    token: PLAYGROUND_TOKEN,
    adminIds: [ADMIN_PERSONA.id],
    maintainerIds: [MAINTAINER_PERSONA.id],
    adminChatId: ADMIN_GROUP.id,
    close: () => emulator.stop(),
  };
}
