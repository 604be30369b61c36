import { Composer, InlineKeyboard } from 'grammy';
import type { Locale } from '../../locale.js';
import { LANGUAGE_DATA, languageData, menuData } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { escapeHtml, link } from '../format.js';
import { logFailure } from '../helpers.js';
import { replyHtml } from '../reply.js';
import { userCommands } from '../commands.js';
import type { StoredSources } from './questions.js';

/** /start, /bantuan, /bahasa, /privasi, /sumber, non-text messages, and stale buttons. */
export function createGeneralFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  const mainMenu = (ctx: BotContext) =>
    new InlineKeyboard()
      .text(ctx.t('btn-example'), menuData('example'))
      .text(ctx.t('btn-programmes'), menuData('programmes'))
      .row()
      .text(ctx.t('btn-enrol'), menuData('enrol'))
      .text(ctx.t('btn-help'), menuData('help'))
      .row()
      .text(ctx.t('btn-language'), menuData('language'));

  composer.command('start', async (ctx) => {
    const name = escapeHtml(ctx.from?.first_name ?? 'ASN');
    await replyHtml(ctx, ctx.t('start-welcome', { name }), { keyboard: ctx.chat.type === 'private' ? mainMenu(ctx) : undefined });
  });

  const help = async (ctx: BotContext) => {
    let html = ctx.t('help-text', { username: escapeHtml(ctx.me.username) });
    if (ctx.isAdmin) html += `\n\n${ctx.t('help-admin')}`;
    if (ctx.isMaintainer) html += `\n\n${ctx.t('help-maintainer')}`;
    await replyHtml(ctx, html);
  };
  composer.command(['bantuan', 'help'], help);

  const languageKeyboard = new InlineKeyboard().text('🇮🇩 Bahasa Indonesia', languageData('id')).text('🇬🇧 English', languageData('en'));
  composer.command(['bahasa', 'language'], async (ctx) => {
    await ctx.reply(ctx.t('language-choose'), { reply_markup: languageKeyboard });
  });
  composer.callbackQuery(LANGUAGE_DATA, async (ctx) => {
    const locale = ctx.match[1] as Locale;
    await ctx.deps.stores.setLocale(ctx.from.id, locale);
    ctx.i18n.useLocale(locale);
    ctx.locale = locale;
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('language-set')).catch(logFailure(ctx, 'language confirmation edit'));
    // The menu of a private chat follows its user's language; a group's menu stays as registered.
    if (ctx.chat?.type === 'private') await setChatCommands(ctx, locale);
  });

  composer.command(['privasi', 'privacy'], async (ctx) => {
    await replyHtml(ctx, ctx.t('privacy-text', { days: ctx.deps.config.retentionDays }));
  });

  composer.command(['sumber', 'sources'], async (ctx) => {
    const s = await ctx.deps.stores.getLastSources<StoredSources>(ctx.chat.id);
    if (!s || !s.passages?.length) {
      await ctx.reply(ctx.t('sources-none'));
      return;
    }
    const blocks = [ctx.t('sources-title'), `<i>${escapeHtml(s.question)}</i>`];
    for (const p of s.passages) {
      const meta = [`${escapeHtml(ctx.t('sources-heading'))}: ${escapeHtml(p.heading || '-')}`];
      if (p.lastVerified) meta.push(`${escapeHtml(ctx.t('sources-verified'))}: ${escapeHtml(p.lastVerified)}`);
      // All sources of the document: the section's fact may come from any of them.
      const urls = p.sources?.length ? p.sources : p.url ? [p.url] : [];
      const sourceList = urls.map((u) => `• ${link(u, u)}`).join('\n');
      blocks.push(`<b>[${p.n}] ${link(p.title, p.url)}</b>\n${meta.join(' · ')}\n<blockquote>${escapeHtml(p.text)}</blockquote>${sourceList ? `\n${escapeHtml(ctx.t('sources-documents'))}:\n${sourceList}` : ''}`);
    }
    await replyHtml(ctx, blocks.join('\n\n'));
  });

  composer.callbackQuery(menuData('help'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await help(ctx);
  });
  composer.callbackQuery(menuData('language'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('language-choose'), { reply_markup: languageKeyboard });
  });

  // Non-text messages: one short, friendly notice (private chats only; groups stay quiet).
  composer
    .chatType('private')
    .on(['message:photo', 'message:sticker', 'message:voice', 'message:audio', 'message:video', 'message:video_note', 'message:document', 'message:animation', 'message:location', 'message:contact', 'message:poll', 'message:venue', 'message:dice'], async (ctx) => {
      // Mid-form, or while an admin waits for information, say what is expected instead.
      const uid = ctx.from.id;
      if (await ctx.deps.enrolment.getDraft(uid)) return void (await ctx.reply(ctx.t('unsupported-media-form')));
      if (await ctx.deps.enrolment.findLatestRequestOfApplicant(uid, ['needs_info'])) return void (await ctx.reply(ctx.t('unsupported-media-info')));
      await ctx.reply(ctx.t('unsupported-media'));
    });

  return composer;
}

/** Menu of commands for one chat in the chosen language. */
export async function setChatCommands(ctx: BotContext, locale: Locale): Promise<void> {
  if (!ctx.chat) return;
  await ctx.api
    .setMyCommands(userCommands((k) => ctx.tFor(locale, k), ctx.isAdmin, ctx.isMaintainer), { scope: { type: 'chat', chat_id: ctx.chat.id } })
    .catch((err: unknown) => ctx.deps.logger.warn({ err }, 'setMyCommands for chat failed'));
}

/** Answer every button press nobody else handled, so Telegram's spinner never hangs. */
export function createFallbackCallbacks(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('callback_query', async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t('callback-expired') });
  });
  return composer;
}
