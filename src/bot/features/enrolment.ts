import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

/** Placeholder: filled in by the enrolment work. */
export function createEnrolmentFeature(): Composer<BotContext> {
  return new Composer<BotContext>();
}
