import { Composer, InlineKeyboard } from 'grammy';
import { findProgramme, isOpen, type Programme } from '../../enrolment/catalogue.js';
import { wibDate } from '../../enrolment/calendar.js';
import { enrolData, menuData, PROGRAMME_DATA, PROGRAMME_LIST_DATA, programmeData } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { escapeHtml, link, truncateWords } from '../format.js';
import { editOrReplyHtml, replyHtml } from '../reply.js';

/** /program: the catalogue with a detail button per programme; detail shows eligibility and an enrol button. */
export function createProgrammesFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  const list = async (ctx: BotContext, edit = false) => {
    const catalogue = ctx.deps.catalogue();
    const now = ctx.deps.now?.() ?? new Date();
    if (catalogue.programmes.length === 0) {
      await ctx.reply(ctx.t('programmes-empty'));
      return;
    }
    const kb = new InlineKeyboard();
    const lines = [ctx.t('programmes-title'), ''];
    for (const p of catalogue.programmes) {
      const status = programmeStatus(p, now);
      const icon = status === 'open' ? '✅' : status === 'upcoming' ? '⏳' : '⛔';
      lines.push(`${icon} <b>${escapeHtml(p.name)}</b> — ${escapeHtml(p.provider)}`);
      kb.text(`${icon} ${truncateWords(p.name, 40)}`, programmeData(p.id)).row();
    }
    const html = lines.join('\n');
    if (edit) await editOrReplyHtml(ctx, html, kb);
    else await replyHtml(ctx, html, { keyboard: kb });
  };

  composer.command(['program', 'programs', 'programmes'], (ctx) => list(ctx));
  composer.callbackQuery(menuData('programmes'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await list(ctx);
  });
  composer.callbackQuery(PROGRAMME_LIST_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await list(ctx, true);
  });
  composer.callbackQuery(PROGRAMME_DATA, async (ctx) => {
    const p = findProgramme(ctx.deps.catalogue(), ctx.match[1]);
    if (!p) {
      await ctx.answerCallbackQuery({ text: ctx.t('callback-expired') });
      return;
    }
    await ctx.answerCallbackQuery();
    const now = ctx.deps.now?.() ?? new Date();
    const kb = new InlineKeyboard();
    if (isOpen(p, now) && ctx.chat?.type === 'private') kb.text(ctx.t('btn-enrol-this'), enrolData(p.id)).row();
    kb.text(ctx.t('btn-back'), PROGRAMME_LIST_DATA);
    await replyHtml(ctx, programmeDetailHtml(ctx, p, now), { keyboard: kb });
  });
  return composer;
}

export function programmeStatus(p: Programme, now: Date): 'open' | 'closed' | 'upcoming' {
  if (isOpen(p, now)) return 'open';
  return wibDate(now) < p.registration.opens ? 'upcoming' : 'closed';
}

export function programmeDetailHtml(ctx: BotContext, p: Programme, now: Date): string {
  const status = programmeStatus(p, now);
  const dates = { opens: p.registration.opens, closes: p.registration.closes };
  const lines = [
    `<b>${escapeHtml(p.name)}</b>`,
    escapeHtml(p.description),
    '',
    ctx.t(status === 'open' ? 'programme-open' : status === 'upcoming' ? 'programme-upcoming' : 'programme-closed', dates),
    `<b>${ctx.t('programme-provider')}:</b> ${escapeHtml(p.provider)}`,
  ];
  if (p.audience) lines.push(`<b>${ctx.t('programme-audience')}:</b> ${escapeHtml(p.audience)}`);
  lines.push(`<b>${ctx.t('programme-eligibility')}:</b> ${p.eligibility.levels.map((l) => escapeHtml(ctx.t(`level-${l}`))).join(', ')}`);
  if (p.eligibility.note) lines.push(`<i>${escapeHtml(p.eligibility.note)}</i>`);
  lines.push(`<b>${ctx.t('programme-mode')}:</b> ${escapeHtml(ctx.t(`mode-${p.mode}`))}`);
  if (p.quota) lines.push(`<b>${ctx.t('programme-quota')}:</b> ${p.quota}`);
  if (p.link) lines.push(`<b>${ctx.t('programme-link')}:</b> ${link(p.link, p.link)}`);
  if (p.example) lines.push('', ctx.t('programme-example'));
  return lines.join('\n');
}
