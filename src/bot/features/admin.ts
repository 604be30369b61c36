import { Composer } from 'grammy';
import type { AdminPrompt } from '../stores.js';
import { canDecide } from '../../enrolment/status-rules.js';
import { decideRequest, MAX_REASON_LENGTH, type DecideResult } from '../../enrolment/use-cases.js';
import type { Decision, EnrolmentRequest } from '../../enrolment/types.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../format.js';
import { renderAdminCard } from './admin-card.js';
import { exportRequests, reindex, showCard, showQueue, showStats } from './admin-commands.js';
import { ADMIN_DATA, ADMIN_QUEUE_DATA, ANY_ADMIN_DATA } from '../callback-data.js';
import { displayName, formatWib, statusLabel, truncate, type Translate } from './enrolment-render.js';
import { now, translate } from '../helpers.js';
import { editHtml, replyHtml } from '../reply.js';

/**
 * The admins' side: request cards' buttons, the "type the reason" prompt, and the admin commands.
 *
 * Authorisation is checked twice on purpose: here, so a non-admin gets a clear answer and nothing is even
 * attempted, and in `decideRequest`, so no other entry point can skip it. Admin commands run in an admin's
 * private chat or in ADMIN_CHAT_ID, never in another group (exports and cards carry personal data).
 *
 * Mounted before the enrolment feature: an admin who just pressed Reject and types the reason must not have
 * that text swallowed by an unfinished /daftar draft of their own.
 */
export function createAdminFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  // The reason prompt ------------------------------------------------------------------------------------
  composer.command(['batal', 'cancel'], async (ctx, next) => {
    if (!ctx.isAdmin || !ctx.from) return next();
    const prompt = await ctx.deps.stores.takeAdminPrompt(ctx.from.id, { now: now(ctx), chatId: ctx.chat.id });
    if (!prompt) return next();
    await ctx.reply(ctx.t('admin-prompt-aborted', { id: String(prompt.requestId) }));
  });

  composer.on('message:text', async (ctx, next) => {
    if (!ctx.isAdmin || ctx.msg.text.startsWith('/')) return next();
    // In a group only a reply to the bot's prompt counts (privacy mode delivers nothing else anyway).
    if (ctx.chat.type !== 'private' && ctx.msg.reply_to_message?.from?.id !== ctx.me.id) return next();
    const prompt = await ctx.deps.stores.takeAdminPrompt(ctx.from.id, {
      now: now(ctx),
      chatId: ctx.chat.id,
      replyToMessageId: ctx.chat.type === 'private' ? undefined : ctx.msg.reply_to_message?.message_id ?? -1,
    });
    if (!prompt) {
      // A reply to one of our reason prompts is a reason, never a question: the prompt has expired or was used.
      const repliedTo = ctx.msg.reply_to_message;
      if (repliedTo?.from?.id === ctx.me.id && PROMPT_MARKER.test(repliedTo.text ?? '')) {
        await ctx.reply(ctx.t('admin-prompt-expired'), { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } });
        return;
      }
      return next();
    }
    await decideWithReason(ctx, prompt, ctx.msg.text);
  });

  // Commands ---------------------------------------------------------------------------------------------
  const admin = (handler: (ctx: BotContext, args: string) => Promise<void>) => async (ctx: BotContext) => {
    if (!(await allowed(ctx))) return;
    await handler(ctx, typeof ctx.match === 'string' ? ctx.match.trim() : '');
  };

  composer.command(['antrian', 'queue'], admin(async (ctx, args) => showQueue(ctx, /^\d{1,6}$/.test(args) ? Number(args) : 1)));
  composer.command(['lihat', 'view'], admin(async (ctx, args) => {
    const id = requestIdOf(args);
    if (id === null) return void (await ctx.reply(ctx.t('admin-usage-view')));
    await showCard(ctx, id);
  }));
  composer.command(['setujui', 'approve'], admin(async (ctx, args) => {
    const parsed = idAndText(args);
    if (!parsed) return void (await ctx.reply(ctx.t('admin-usage-approve')));
    await decideByCommand(ctx, parsed.id, 'approve', parsed.text);
  }));
  composer.command(['tolak', 'reject'], admin(async (ctx, args) => {
    const parsed = idAndText(args);
    if (!parsed || parsed.text === '') return void (await ctx.reply(ctx.t('admin-usage-reject')));
    await decideByCommand(ctx, parsed.id, 'reject', parsed.text);
  }));
  composer.command(['ekspor', 'export'], admin(exportRequests));
  composer.command(['statistik', 'stats'], admin(async (ctx) => showStats(ctx)));
  composer.command('reindex', admin(async (ctx) => reindex(ctx)));

  // Buttons: cards and the queue -------------------------------------------------------------------------
  composer.callbackQuery(ANY_ADMIN_DATA, async (ctx) => {
    if (!ctx.isAdmin) {
      await ctx.answerCallbackQuery({ text: ctx.t('admin-not-authorised'), show_alert: true });
      return;
    }
    const data = ctx.callbackQuery.data;
    const page = ADMIN_QUEUE_DATA.exec(data);
    if (page) {
      await ctx.answerCallbackQuery();
      return showQueue(ctx, Number(page[1]), true);
    }
    const m = ADMIN_DATA.exec(data);
    if (!m) {
      await ctx.answerCallbackQuery({ text: ctx.t('callback-expired') });
      return;
    }
    const requestId = Number(m[2]);
    switch (m[1]) {
      case 'v':
        await ctx.answerCallbackQuery();
        return showCard(ctx, requestId);
      case 'a':
        return approveByButton(ctx, requestId);
      default:
        return askReason(ctx, requestId, m[1] === 'r' ? 'reject' : 'needs_info');
    }
  });

  return composer;
}

/** Admin, and in a chat where admin work may be shown. Replies with the refusal otherwise. */
async function allowed(ctx: BotContext): Promise<boolean> {
  if (!ctx.isAdmin) {
    await ctx.reply(ctx.t('not-admin'));
    return false;
  }
  if (ctx.chat?.type !== 'private' && ctx.chat?.id !== ctx.deps.config.adminChatId) {
    await ctx.reply(ctx.t('admin-wrong-chat'));
    return false;
  }
  return true;
}

function requestIdOf(text: string): number | null {
  const m = /^#?(\d{1,15})$/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

function idAndText(text: string): { id: number; text: string } | null {
  const m = /^#?(\d{1,15})(?:\s+([\s\S]*))?$/.exec(text.trim());
  return m ? { id: Number(m[1]), text: (m[2] ?? '').trim() } : null;
}

async function decide(ctx: BotContext, requestId: number, decision: Decision, reason?: string): Promise<DecideResult> {
  const from = ctx.from!;
  return decideRequest(
    ctx.deps.enrolment,
    { requestId, adminId: from.id, adminName: displayName(from), decision, ...(reason ? { reason } : {}) },
    ctx.deps.config.adminIds,
    now(ctx),
  );
}

/** Why a decision did not happen, as one sentence (plain text; fits a callback alert). */
function failureText(ctx: BotContext, requestId: number, result: Exclude<DecideResult, { ok: true }>): string {
  const id = String(requestId);
  switch (result.code) {
    case 'already_decided':
      return result.decidedByName
        ? ctx.t('admin-already-decided', {
            id,
            status: statusLabel(translate(ctx), result.status),
            name: truncate(result.decidedByName, 60),
            at: result.decidedAt ? formatWib(result.decidedAt) : '—',
          })
        : ctx.t('admin-already-closed', { id, status: statusLabel(translate(ctx), result.status) });
    case 'not_found':
      return ctx.t('admin-not-found', { id });
    case 'not_authorised':
      return ctx.t('admin-not-authorised');
    case 'reason_required':
      return ctx.t('admin-reason-required');
    case 'reason_too_long':
      return ctx.t('admin-reason-too-long', { max: String(MAX_REASON_LENGTH) });
  }
}

const DONE_KEY: Record<Decision, string> = {
  approve: 'admin-done-approved',
  reject: 'admin-done-rejected',
  needs_info: 'admin-done-needs_info',
};

/** The pressed card shows the request as it is now (the outbox refreshes the posted cards too). */
async function refreshPressedCard(ctx: BotContext, request: EnrolmentRequest | null): Promise<void> {
  const pressed = ctx.callbackQuery?.message;
  if (!request || !pressed) return;
  const t = cardTranslator(ctx);
  const audit = await ctx.deps.enrolment.listAuditEntries({ requestId: request.id });
  const { html, keyboard, fingerprint } = renderAdminCard(t, request, ctx.deps.catalogue(), audit);
  const store = ctx.deps.enrolment;
  // The outbox's card_update for this card may have run first: then the card already shows this.
  if ((await store.cardFingerprint(pressed.chat.id, pressed.message_id)) === fingerprint) return;
  // editHtml counts "message is not modified" as success.
  const edited = await editHtml(ctx, html, { keyboard }).then(
    () => true,
    (err: unknown) => {
      ctx.deps.logger.warn({ err, requestId: request.id }, 'pressed card not refreshed');
      return false;
    },
  );
  // Recorded so the queued card_update sees the card is current and sends no identical edit.
  if (edited) await store.setCardFingerprint(pressed.chat.id, pressed.message_id, fingerprint);
}

/** Cards in the admin group are in the bot's default language for everyone; in a private chat, the admin's. */
function cardTranslator(ctx: BotContext): Translate {
  if (ctx.chat?.type === 'private') return translate(ctx);
  return (key, vars) => ctx.tFor('id', key, vars);
}

async function approveByButton(ctx: BotContext, requestId: number): Promise<void> {
  const result = await decide(ctx, requestId, 'approve');
  if (result.ok) {
    await ctx.answerCallbackQuery({ text: truncate(ctx.t('admin-done-approved', { id: String(requestId) }), 190) });
    await refreshPressedCard(ctx, result.request);
    return;
  }
  await ctx.answerCallbackQuery({ text: truncate(failureText(ctx, requestId, result), 190), show_alert: true });
  if (result.code === 'already_decided') await refreshPressedCard(ctx, await ctx.deps.enrolment.getRequest(requestId));
}

/** Reject / Ask for info: the reason is the admin's next text in this chat (a ForceReply prompt). */
async function askReason(ctx: BotContext, requestId: number, action: AdminPrompt['action']): Promise<void> {
  const request = await ctx.deps.enrolment.getRequest(requestId);
  if (!request) {
    await ctx.answerCallbackQuery({ text: ctx.t('admin-not-found', { id: String(requestId) }), show_alert: true });
    return;
  }
  if (!canDecide(request.status, action)) {
    const text = failureText(ctx, requestId, { ok: false, code: 'already_decided', status: request.status, decidedByName: request.decidedByName, decidedAt: request.decidedAt });
    await ctx.answerCallbackQuery({ text: truncate(text, 190), show_alert: true });
    await refreshPressedCard(ctx, request);
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t('admin-prompt-toast') });
  await sendPrompt(ctx, requestId, action);
}

/**
 * The ForceReply prompt for the reason. Stored first, sent second, bound to the sent message third: if the
 * process dies after the prompt reached the admin, the prompt is already stored, so the reason they type is
 * taken as the reason (bound to this chat), never answered as a question.
 */
async function sendPrompt(ctx: BotContext, requestId: number, action: AdminPrompt['action'], notice?: string): Promise<void> {
  const from = ctx.from!;
  const chatId = ctx.chat!.id;
  await ctx.deps.stores.setAdminPrompt(from.id, { requestId, action, chatId }, now(ctx));
  const mention = `<a href="tg://user?id=${from.id}">${escapeHtml(displayName(from))}</a>`;
  const html = ctx.t(action === 'reject' ? 'admin-prompt-reject' : 'admin-prompt-info', { mention, id: String(requestId) });
  const sent = (await replyHtml(ctx, notice ? `${notice}

${html}` : html, {
    keyboard: { force_reply: true, selective: true, input_field_placeholder: truncate(ctx.t('admin-prompt-placeholder'), 64) },
  }))!;
  // In a group, only a reply to this very prompt message counts from now on.
  if (ctx.chat?.type !== 'private') await ctx.deps.stores.attachAdminPromptMessage(from.id, requestId, sent.message_id);
}

/** The bot's reason prompts say "as a reply to this message" in both languages; that is how a reply to one is recognised. */
const PROMPT_MARKER = /sebagai balasan pesan ini|as a reply to this message/;

async function decideWithReason(ctx: BotContext, prompt: AdminPrompt, text: string): Promise<void> {
  const result = await decide(ctx, prompt.requestId, prompt.action, text);
  if (result.ok) {
    await replyHtml(ctx, `${ctx.t(DONE_KEY[prompt.action], { id: String(prompt.requestId) })}`);
    return;
  }
  if (result.code === 'reason_required' || result.code === 'reason_too_long') {
    // Ask again (sendPrompt stores a fresh prompt); the old one was consumed by reading it.
    await sendPrompt(ctx, prompt.requestId, prompt.action, `⚠️ ${escapeHtml(failureText(ctx, prompt.requestId, result))}`);
    return;
  }
  await ctx.reply(failureText(ctx, prompt.requestId, result));
}

async function decideByCommand(ctx: BotContext, requestId: number, decision: Decision, reason: string): Promise<void> {
  const result = await decide(ctx, requestId, decision, reason);
  if (result.ok) await replyHtml(ctx, ctx.t(DONE_KEY[decision], { id: String(requestId) }));
  else await ctx.reply(failureText(ctx, requestId, result));
}
