/**
 * The languages the assistant speaks: Indonesian (the default) and English. One type for the user's
 * interface language, the language of a question and the language a notice is rendered in.
 */
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

/** Telegram's `language_code` → our locale: English for `en*`, else Indonesian. */
export function fromLanguageCode(code: string | undefined): Locale {
  return code && code.toLowerCase().startsWith('en') ? 'en' : DEFAULT_LOCALE;
}
