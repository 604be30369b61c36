import { fileURLToPath } from 'node:url';
import { I18n } from '@grammyjs/i18n';
import { fromLanguageCode } from '../locale.js';
import type { BotContext } from './context.js';


/**
 * Fluent catalogues in `src/bot/locales/`. The locale comes from the user's saved choice
 * (/bahasa), else Telegram's `language_code` (English for `en*`), else Indonesian.
 * `useIsolating: false`: Fluent would otherwise wrap variables in invisible bidi marks,
 * which show up in Telegram as stray characters and break HTML tests.
 */
export function createI18n(): I18n<BotContext> {
  return new I18n<BotContext>({
    defaultLocale: 'id',
    directory: fileURLToPath(new URL('./locales', import.meta.url)),
    useSession: false,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: async (ctx) => {
      const uid = ctx.from?.id;
      if (uid !== undefined) {
        const saved = await ctx.deps.stores.getLocale(uid);
        if (saved) return saved;
      }
      return fromLanguageCode(ctx.from?.language_code);
    },
  });
}

