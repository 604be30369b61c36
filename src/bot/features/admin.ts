import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

/** Placeholder: filled in by the enrolment work. */
export function createAdminFeature(): Composer<BotContext> {
  return new Composer<BotContext>();
}
