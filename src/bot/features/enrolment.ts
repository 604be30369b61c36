import { Composer, InlineKeyboard } from 'grammy';
import { canCancel } from '../../enrolment/status-rules.js';
import { cancelRequest, deleteUserData, listMyRequests, provideInfo } from '../../enrolment/use-cases.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../format.js';
import { editOrReplyHtml, replyHtml } from '../reply.js';
import { ANY_WIZARD_DATA, ENROL_DATA, menuData, PRIVACY_DATA, REQUEST_DATA, requestData } from '../callback-data.js';
import { programmeNameHtml, requestStatusHtml, statusLabel, truncate } from './enrolment-render.js';
import {
  cancelDraft,
  handleDraftText,
  handleWizardButton,
  startEnrolment,
} from './enrolment-wizard.js';
import { destinations, now, privateOnly, removeKeyboard, translate } from '../helpers.js';

/** Most requests listed by /status (newest first). */
const STATUS_LIMIT = 10;

/**
 * The applicant's side of enrolment: /daftar (the wizard), /status, /batal, /hapusdata, and replies to an
 * admin's question.
 *
 * Mounted before the Q&A features, so private text reaches this composer first. It keeps a text only when
 * it belongs to the enrolment flow — the user has a draft, or an admin is waiting for their information —
 * and calls `next()` otherwise, so ordinary questions still get answered.
 */
export function createEnrolmentFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  // Starting ----------------------------------------------------------------------------------------------
  composer.command(['daftar', 'enrol', 'enroll'], (ctx) => startEnrolment(ctx));
  composer.command('start', async (ctx, next) => {
    if (ctx.match.trim() === 'daftar' && ctx.chat.type === 'private') return startEnrolment(ctx);
    return next();
  });
  composer.callbackQuery(menuData('enrol'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await startEnrolment(ctx);
  });
  composer.callbackQuery(ENROL_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await startEnrolment(ctx, ctx.match[1]);
  });
  composer.callbackQuery(ANY_WIZARD_DATA, handleWizardButton);

  // /batal ------------------------------------------------------------------------------------------------
  composer.command(['batal', 'cancel'], async (ctx) => {
    if (ctx.chat.type !== 'private') return privateOnly(ctx);
    const userId = ctx.from!.id;
    const arg = ctx.match.trim().replace(/^#/, '');
    if (arg === '' && (await cancelDraft(ctx, userId))) {
      await ctx.reply(ctx.t('enrol-cancelled'));
      return;
    }
    if (arg !== '') {
      if (!/^\d{1,15}$/.test(arg)) {
        await ctx.reply(ctx.t('cancel-usage'));
        return;
      }
      return askCancelConfirmation(ctx, Number(arg));
    }
    const active = (await listMyRequests(ctx.deps.enrolment, { applicantId: userId })).filter((r) => canCancel(r.status));
    if (active.length === 0) {
      await ctx.reply(ctx.t('cancel-nothing'));
      return;
    }
    if (active.length === 1) return askCancelConfirmation(ctx, active[0]!.id);
    const catalogue = ctx.deps.catalogue();
    const keyboard = new InlineKeyboard();
    const lines = [ctx.t('cancel-which'), ''];
    for (const request of active) {
      lines.push(`• <b>#${request.id}</b> · ${programmeNameHtml(catalogue, request.programmeId)} · ${escapeHtml(statusLabel(translate(ctx), request.status))}`);
      keyboard.text(ctx.t('cancel-btn-this', { id: String(request.id) }), requestData('c', request.id)).row();
    }
    await replyHtml(ctx, lines.join('\n'), { keyboard });
  });

  composer.callbackQuery(REQUEST_DATA, async (ctx) => {
    const verb = ctx.match[1] as 'c' | 'y' | 'n';
    const requestId = Number(ctx.match[2]);
    if (ctx.chat?.type !== 'private') {
      await ctx.answerCallbackQuery({ text: ctx.t('callback-expired') });
      return;
    }
    if (verb === 'c') {
      await ctx.answerCallbackQuery();
      await removeKeyboard(ctx);
      return askCancelConfirmation(ctx, requestId);
    }
    if (verb === 'n') {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t('cancel-kept', { id: String(requestId) })).catch(() => removeKeyboard(ctx));
      return;
    }
    const result = await cancelRequest(ctx.deps.enrolment, { requestId, applicantId: ctx.from.id }, now(ctx));
    const text = result.ok
      ? ctx.t('cancel-done', { id: String(requestId) })
      : result.code === 'not_found'
        ? ctx.t('cancel-not-found', { id: String(requestId) })
        : ctx.t('cancel-not-cancellable', { id: String(requestId), status: statusLabel(translate(ctx), result.status) });
    await ctx.answerCallbackQuery(result.ok ? undefined : { text: truncate(text, 190) });
    await ctx.editMessageText(text).catch(() => ctx.reply(text));
  });

  // /status -----------------------------------------------------------------------------------------------
  composer.command('status', async (ctx) => {
    if (ctx.chat.type !== 'private') return privateOnly(ctx);
    const requests = await listMyRequests(ctx.deps.enrolment, { applicantId: ctx.from!.id });
    const draft = await ctx.deps.enrolment.getDraft(ctx.from!.id);
    if (requests.length === 0) {
      await ctx.reply(draft ? ctx.t('status-none-draft') : ctx.t('status-none'));
      return;
    }
    const catalogue = ctx.deps.catalogue();
    const t = translate(ctx);
    const blocks = [`<b>${ctx.t('status-title')}</b>`, ...requests.slice(0, STATUS_LIMIT).map((r) => requestStatusHtml(t, r, catalogue))];
    if (requests.length > STATUS_LIMIT) blocks.push(ctx.t('status-more', { count: String(requests.length - STATUS_LIMIT) }));
    if (draft) blocks.push(`<i>${ctx.t('status-draft-open')}</i>`);
    await replyHtml(ctx, blocks.join('\n\n'));
  });

  // /hapusdata --------------------------------------------------------------------------------------------
  composer.command(['hapusdata', 'deletedata'], async (ctx) => {
    if (ctx.chat.type !== 'private') return privateOnly(ctx);
    const keyboard = new InlineKeyboard().text(ctx.t('privacy-delete-btn-yes'), PRIVACY_DATA.confirm).row().text(ctx.t('privacy-delete-btn-no'), PRIVACY_DATA.keep);
    await replyHtml(ctx, ctx.t('privacy-delete-confirm'), { keyboard });
  });
  composer.callbackQuery([PRIVACY_DATA.confirm, PRIVACY_DATA.keep], async (ctx) => {
    if (ctx.chat?.type !== 'private') {
      await ctx.answerCallbackQuery({ text: ctx.t('callback-expired') });
      return;
    }
    await ctx.answerCallbackQuery();
    if (ctx.callbackQuery.data === PRIVACY_DATA.keep) {
      await ctx.editMessageText(ctx.t('privacy-delete-kept')).catch(() => removeKeyboard(ctx));
      return;
    }
    const userId = ctx.from.id;
    const outcome = await deleteUserData(ctx.deps.enrolment, { userId }, now(ctx));
    await ctx.deps.stores.forgetUser(userId);
    // "🔔 Kabari saya" questions and their undelivered answers are personal data too.
    await ctx.deps.maintenance?.gaps.forgetWatchesOf(userId);
    const html = ctx.t('privacy-delete-done', {
      drafts: String(outcome.draftsDeleted),
      cancelled: String(outcome.requestsCancelled),
      anonymised: String(outcome.requestsAnonymised),
      dropped: String(outcome.outboxDropped),
    });
    await editOrReplyHtml(ctx, html);
  });

  // Private text: the wizard, then answers to an admin's question, else the Q&A features --------------------
  const privateChat = composer.chatType('private');
  privateChat.on('message:text', async (ctx, next) => {
    const text = ctx.msg.text;
    if (text.startsWith('/')) return next();
    const draft = await ctx.deps.enrolment.getDraft(ctx.from.id);
    if (draft) return handleDraftText(ctx, draft, text);
    if (await forwardInfo(ctx, text)) return;
    return next();
  });
  // An edited answer would be silently ignored by the wizard; say so instead of re-answering it as a question.
  privateChat.on('edited_message:text', async (ctx, next) => {
    const draft = await ctx.deps.enrolment.getDraft(ctx.from.id);
    if (!draft) return next();
    await ctx.reply(ctx.t('wizard-edit-ignored'));
  });

  return composer;
}

async function askCancelConfirmation(ctx: BotContext, requestId: number): Promise<void> {
  const request = await ctx.deps.enrolment.getRequest(requestId);
  if (!request || request.applicantId !== ctx.from?.id) {
    await ctx.reply(ctx.t('cancel-not-found', { id: String(requestId) }));
    return;
  }
  if (!canCancel(request.status)) {
    await ctx.reply(ctx.t('cancel-not-cancellable', { id: String(requestId), status: statusLabel(translate(ctx), request.status) }));
    return;
  }
  const keyboard = new InlineKeyboard()
    .text(ctx.t('cancel-btn-yes'), requestData('y', requestId))
    .text(ctx.t('cancel-btn-no'), requestData('n', requestId));
  const programme = programmeNameHtml(ctx.deps.catalogue(), request.programmeId);
  await replyHtml(ctx, ctx.t('cancel-confirm', { id: String(requestId), programme }), { keyboard });
}

/**
 * The applicant's reply while a request waits for information: forwarded to the admins on that request
 * (the one whose notice they replied to, else the most recent one waiting). Returns false when nothing waits.
 */
async function forwardInfo(ctx: BotContext, text: string): Promise<boolean> {
  const store = ctx.deps.enrolment;
  const userId = ctx.from!.id;
  const waiting = await store.findLatestRequestOfApplicant(userId, ['needs_info']);
  if (!waiting) return false;
  let requestId = waiting.id;
  const replied = ctx.msg?.reply_to_message;
  const mentioned = replied?.from?.id === ctx.me.id ? /#(\d{1,15})/.exec(replied.text ?? '') : null;
  if (mentioned) {
    const target = await store.getRequest(Number(mentioned[1]));
    if (target && target.applicantId === userId && target.status === 'needs_info') requestId = target.id;
  }
  const result = await provideInfo(store, { applicantId: userId, text, requestId }, destinations(ctx), now(ctx));
  if (result.ok) {
    await ctx.reply(ctx.t('info-forwarded', { id: String(requestId) }));
    return true;
  }
  switch (result.code) {
    case 'text_too_long':
      await ctx.reply(ctx.t('info-too-long', { max: '2000' }));
      return true;
    case 'text_required':
      return false;
    default:
      // Decided or cancelled meanwhile: the text is an ordinary message after all.
      return false;
  }
}
