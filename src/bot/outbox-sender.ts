import type { Bot } from 'grammy';
import type { SendPort } from '../enrolment/use-cases.js';
import type { BotContext, BotDeps } from './context.js';

/** Placeholder until the enrolment feature renders outbox messages. */
export function createOutboxSender(_bot: Bot<BotContext>, _deps: BotDeps): SendPort {
  return async () => ({ ok: false, kind: 'retry', description: 'not implemented' }) as never;
}
