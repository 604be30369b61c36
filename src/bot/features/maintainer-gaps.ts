import { Composer, InlineKeyboard } from 'grammy';
import type { Answer } from '../../answering/answer-service.js';
import { confirmWatch, coverageOf, FEEDBACK_REASONS, listGaps, offerWatch, recordGap, WATCH_DAYS, type FeedbackReason } from '../../answering/knowledge-gaps.js';
import { redactPii } from '../../pii.js';
import { FEEDBACK_REASON_DATA, feedbackReasonData, GAP_EXAMPLES_DATA, gapExamplesData, type ReasonCode, WATCH_DATA, watchData } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { logFailure, now } from '../helpers.js';
import { escapeHtml } from '../format.js';
import { replyHtml } from '../reply.js';
import { formatWib, truncate } from './enrolment-render.js';

/**
 * Closing the loop on questions the bot could not answer: /celah for maintainers (grouped, with examples),
 * the "🔔 Kabari saya" offer under a refusal or partial answer, and the optional reason after a 👎.
 */
const REASON_CODE: Record<FeedbackReason, ReasonCode> = { wrong: 'w', outdated: 'o', incomplete: 'i', irrelevant: 'r' };
const CODE_REASON = Object.fromEntries(Object.entries(REASON_CODE).map(([r, c]) => [c, r])) as Record<string, FeedbackReason>;
const REASON_KEY: Record<FeedbackReason, string> = {
  wrong: 'feedback-reason-wrong',
  outdated: 'feedback-reason-outdated',
  incomplete: 'feedback-reason-incomplete',
  irrelevant: 'feedback-reason-irrelevant',
};
const GAPS_SHOWN = 10;

export function createMaintainerGapsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command(['celah', 'gaps'], async (ctx) => {
    const m = ctx.deps.maintenance;
    const gaps = m && ctx.from ? await listGaps(m.gaps, m.uploads.roles, ctx.from.id, GAPS_SHOWN) : null;
    if (!m || !gaps) return void (await ctx.reply(ctx.t('not-maintainer')));
    if (ctx.chat.type !== 'private' && ctx.chat.id !== ctx.deps.config.adminChatId) return void (await ctx.reply(ctx.t('maintainer-private-only')));
    if (gaps.length === 0) return void (await ctx.reply(ctx.t('gaps-none')));
    const lines = [ctx.t('gaps-title'), ''];
    const kb = new InlineKeyboard();
    gaps.forEach((g, i) => {
      const partial = g.partialCount > 0 ? ctx.t('gaps-partial', { count: g.partialCount }) : '';
      lines.push(ctx.t('gaps-line', { n: i + 1, example: escapeHtml(truncate(g.example, 200)), count: g.count, partial, first: formatWib(g.firstSeen), last: formatWib(g.lastSeen) }));
      kb.text(ctx.t('gaps-btn-examples', { n: i + 1 }), gapExamplesData(g.id));
      if (i % 5 === 4) kb.row();
    });
    const waiting = await m.gaps.countWaiting(now(ctx).toISOString());
    if (waiting > 0) lines.push('', ctx.t('gaps-waiting', { count: waiting }));
    await replyHtml(ctx, lines.join('\n'), { keyboard: kb });
  });

  composer.callbackQuery(GAP_EXAMPLES_DATA, async (ctx) => {
    const m = ctx.deps.maintenance;
    if (!m || !ctx.isMaintainer) return void (await ctx.answerCallbackQuery({ text: ctx.t('not-maintainer'), show_alert: true }));
    await ctx.answerCallbackQuery();
    const found = await m.gaps.gapExamples(Number(ctx.match[1]), 5);
    if (!found) return void (await ctx.reply(ctx.t('callback-expired')));
    const { group, examples } = found;
    const lines = [ctx.t('gaps-examples-title', { count: group.count, first: formatWib(group.firstSeen), last: formatWib(group.lastSeen) })];
    for (const e of examples) lines.push(`• ${escapeHtml(truncate(e.question, 300))} <i>${formatWib(e.askedAt)}${e.coverage === 'partial' ? ` ${ctx.t('gaps-example-partial')}` : ''}</i>`);
    await replyHtml(ctx, lines.join('\n'));
  });

  composer.callbackQuery(WATCH_DATA, async (ctx) => {
    const m = ctx.deps.maintenance;
    if (!m) return void (await ctx.answerCallbackQuery({ text: ctx.t('callback-expired') }));
    const ok = await confirmWatch(m.gaps, { id: Number(ctx.match[1]), userId: ctx.from.id, now: now(ctx) });
    await ctx.answerCallbackQuery({ text: ok ? ctx.t('watch-confirmed', { days: WATCH_DAYS }) : ctx.t('watch-expired'), show_alert: ok });
    // The 🔔 row goes; 👍/👎 of a partial answer stay.
    const rows = ctx.callbackQuery.message?.reply_markup?.inline_keyboard.filter((row) => !row.some((b) => 'callback_data' in b && WATCH_DATA.test(b.callback_data ?? ''))) ?? [];
    await ctx.editMessageReplyMarkup({ reply_markup: rows.length ? { inline_keyboard: rows } : undefined }).catch(logFailure(ctx, 'gap message edit'));
  });

  composer.callbackQuery(FEEDBACK_REASON_DATA, async (ctx) => {
    const m = ctx.deps.maintenance;
    const reason = CODE_REASON[ctx.match[2]];
    if (m && reason) await m.gaps.setFeedbackReason({ answerId: ctx.match[1], userId: ctx.from.id, reason });
    await ctx.answerCallbackQuery({ text: ctx.t('feedback-reason-thanks') });
    await ctx.editMessageText(ctx.t('feedback-reason-thanks')).catch(logFailure(ctx, 'gap message edit'));
  });

  return composer;
}

/**
 * Under a refusal or partial answer in a private chat: the 🔔 offer (stored as an offer until pressed).
 * Returns the keyboard to send with the answer (the 👍/👎 one, extended), or undefined.
 */
export async function withWatchOffer(ctx: BotContext, answer: Answer, question: string, keyboard: InlineKeyboard | undefined): Promise<InlineKeyboard | undefined> {
  const m = ctx.deps.maintenance;
  const coverage = coverageOf(answer);
  if (!m || ctx.chat?.type !== 'private' || !ctx.from || (coverage !== 'none' && coverage !== 'partial')) return keyboard;
  const safe = redactPii(answer.query ?? question).slice(0, 500).trim();
  if (!safe) return keyboard;
  const id = await offerWatch(m.gaps, { userId: ctx.from.id, chatId: ctx.chat.id, locale: ctx.locale, question: safe, now: now(ctx) });
  const kb = keyboard ?? new InlineKeyboard();
  if (keyboard) kb.row();
  return kb.text(ctx.t('watch-btn'), watchData(id));
}

/** Counts a refused or partial answer as a knowledge gap (`safeQuestion` is already redacted). */
export async function recordKnowledgeGap(ctx: BotContext, answer: Answer, safeQuestion: string): Promise<void> {
  const m = ctx.deps.maintenance;
  if (!m) return;
  await recordGap(m.gaps, { question: safeQuestion, terms: ctx.deps.kb.terms(safeQuestion), coverage: coverageOf(answer), now: now(ctx) });
}

/** After a 👎: one optional question, with the four reasons as buttons. */
export async function askFeedbackReason(ctx: BotContext, answerId: string): Promise<void> {
  if (!ctx.deps.maintenance) return;
  const kb = new InlineKeyboard();
  FEEDBACK_REASONS.forEach((r, i) => {
    kb.text(ctx.t(REASON_KEY[r]), feedbackReasonData(answerId, REASON_CODE[r]));
    if (i % 2 === 1) kb.row();
  });
  await ctx.reply(ctx.t('feedback-reason-ask'), { reply_markup: kb });
}

/** /statistik's line of 👎 reasons. */
export async function feedbackReasonsLine(ctx: BotContext): Promise<string | undefined> {
  const m = ctx.deps.maintenance;
  if (!m) return undefined;
  const c = await m.gaps.feedbackReasonCounts();
  return ctx.t('stats-feedback-reasons', { ...c });
}
