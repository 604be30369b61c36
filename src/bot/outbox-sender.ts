import { Api, GrammyError, HttpError, type Bot } from 'grammy';
import type { SendPort } from '../enrolment/outbox-dispatcher.js';
import { ERASED, type OutboxDelivery, type SendResult } from '../enrolment/types.js';
import type { Locale } from '../locale.js';
import type { BotContext, BotDeps } from './context.js';
import { decisionNoticeHtml, infoForwardedHtml, renderAdminCard } from './features/admin-card.js';
import type { Translate } from './features/enrolment-render.js';
import { escapeHtml, formatAnswerHtml, splitHtmlMessage } from './format.js';
import { createI18n } from './i18n.js';
import { HTML_OPTIONS } from './reply.js';

export interface OutboxSenderOptions {
  /**
   * Bot API client for outbox sends. Defaults to a fresh `Api` with the bot's token and API root but *without*
   * the bot's auto-retry: the dispatcher owns retries (persistent, with backoff, across restarts), and an
   * in-process retry loop could outlive the dispatcher's lease and cause a second send.
   */
  api?: Api;
}

/**
 * The bot's side of the enrolment outbox (`SendPort`): renders each message kind with the bot's i18n and
 * sends it, then classifies the outcome for the dispatcher.
 *
 * - `admin_card`: posts the card with Setujui / Tolak / Minta info; returns `{ chatId, messageId }` so the
 *   dispatcher stores the card reference (this function stores nothing itself).
 * - `card_update`: edits a posted card to the request's current state (decision, admin, time in WIB; buttons
 *   only while pending).
 * - `decision_notice`: the outcome to the applicant, in *their* language.
 * - `info_forwarded`: the applicant's answer to the admins.
 * - `answer_ready`: a waiting question ("🔔 Kabari saya") now has a full answer, in the asker's language.
 * - `submitted_ack`: acknowledged without a message: the wizard already tells the applicant the request id
 *   and that admins were notified, synchronously, so a second message would only repeat it.
 *
 * Personal data is never logged: only the outbox id, kind and the Telegram error code.
 *
 * @example startOutboxLoop(store, createOutboxSender(bot, deps));
 */
export function createOutboxSender(bot: Bot<BotContext>, deps: BotDeps, options: OutboxSenderOptions = {}): SendPort {
  // A short timeout: one stalled send must not hold the queue longer than the dispatcher's lease.
  const api = options.api ?? new Api(bot.token, { ...bot.api.options, timeoutSeconds: 30 });
  const i18n = createI18n();
  const translator = (locale: Locale): Translate => (key, vars) => i18n.t(locale, key, vars);

  /** Admin messages have no locale of their own: an admin's chosen language in their private chat, else Indonesian. */
  const adminLocale = async (delivery: OutboxDelivery): Promise<Locale> => {
    if (delivery.locale) return delivery.locale;
    if (delivery.chatId > 0) return (await deps.stores.getLocale(delivery.chatId).catch(() => null)) ?? 'id';
    return 'id';
  };

  return async (delivery) => {
    try {
      const catalogue = deps.catalogue();
      switch (delivery.kind) {
        case 'admin_card':
        case 'card_update': {
          const request = delivery.request;
          if (!request) return { ok: false, kind: 'fatal', description: `request ${delivery.requestId} not found` };
          const t = translator(await adminLocale(delivery));
          const audit = await deps.enrolment.listAuditEntries({ requestId: request.id });
          const { html, keyboard, fingerprint } = renderAdminCard(t, request, catalogue, audit);
          if (delivery.kind === 'admin_card') {
            const sent = await api.sendMessage(delivery.chatId, html, { ...HTML_OPTIONS, reply_markup: keyboard });
            return { ok: true, chatId: sent.chat.id, messageId: sent.message_id, fingerprint };
          }
          const { messageId } = delivery.payload;
          // Already showing this (the pressed card was refreshed by the button handler): no identical edit.
          if ((await deps.enrolment.cardFingerprint(delivery.chatId, messageId)) === fingerprint) return { ok: true };
          await api.editMessageText(delivery.chatId, messageId, html, { ...HTML_OPTIONS, reply_markup: keyboard });
          await deps.enrolment.setCardFingerprint(delivery.chatId, messageId, fingerprint);
          return { ok: true };
        }
        case 'decision_notice': {
          // The applicant's language *now* (/bahasa may have changed since they applied).
          const current = delivery.request ? await deps.stores.getLocale(delivery.request.applicantId).catch(() => null) : null;
          const t = translator(current ?? delivery.locale ?? delivery.request?.locale ?? 'id');
          const html = decisionNoticeHtml(t, delivery.requestId ?? 0, delivery.request, delivery.payload, catalogue);
          await api.sendMessage(delivery.chatId, html, HTML_OPTIONS);
          return { ok: true };
        }
        case 'info_forwarded': {
          const t = translator(await adminLocale(delivery));
          const html = infoForwardedHtml(t, delivery.requestId ?? 0, delivery.request, delivery.payload, catalogue);
          const sent = await api.sendMessage(delivery.chatId, html, HTML_OPTIONS);
          return { ok: true, chatId: sent.chat.id, messageId: sent.message_id };
        }
        case 'message_erase':
          return await eraseMessage(api, delivery.chatId, delivery.payload.messageId);
        case 'submitted_ack':
          return { ok: true };
        case 'answer_ready': {
          const locale = (await deps.stores.getLocale(delivery.chatId).catch(() => null)) ?? delivery.locale ?? 'id';
          const t = translator(locale);
          const p = delivery.payload;
          const body = formatAnswerHtml({ text: p.text, notes: p.notes, citations: p.citations }, t('answer-sources'));
          const html = `🔔 <b>${t('watch-answer-ready-title')}</b>\n<i>${escapeHtml(p.question)}</i>\n\n${body}`;
          for (const part of splitHtmlMessage(html)) {
            await api.sendMessage(delivery.chatId, part, HTML_OPTIONS);
          }
          return { ok: true };
        }
      }
    } catch (error) {
      const result = classifySendError(error);
      if (!result.ok) {
        deps.logger.warn(
          { outboxId: delivery.id, kind: delivery.kind, attempt: delivery.attempts, result: result.kind, code: error instanceof GrammyError ? error.error_code : undefined },
          'outbox send failed',
        );
      }
      return result;
    }
  };
}

/**
 * Blanks an admin message that showed erased personal data: edited to "[dihapus]" (buttons removed); if
 * Telegram refuses the edit (too old, not editable), the message is deleted instead. A message already gone
 * counts as done.
 */
async function eraseMessage(api: Api, chatId: number, messageId: number): Promise<SendResult> {
  try {
    await api.editMessageText(chatId, messageId, ERASED, { reply_markup: { inline_keyboard: [] } });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code !== 400 || /message is not modified/i.test(error.description)) throw error;
    if (/message to edit not found/i.test(error.description)) return { ok: true };
    await api.deleteMessage(chatId, messageId);
    return { ok: true };
  }
}

/**
 * Maps a Bot API failure to what the dispatcher should do:
 * - "message is not modified" (an edit that changes nothing, e.g. a card already refreshed) → success;
 * - 403 (blocked by the user, kicked from the group) → `blocked`, never retried;
 * - 429 → `retry` after Telegram's `retry_after`; 5xx and network errors → `retry` with backoff;
 * - 401/404/409 (token or API root problems, not this message's fault) → `retry`;
 * - any other 4xx (bad HTML, chat not found, message to edit not found …) → `fatal`.
 */
export function classifySendError(error: unknown): SendResult {
  if (error instanceof GrammyError) {
    const description = `${error.error_code}: ${error.description}`;
    if (/message is not modified/i.test(error.description)) return { ok: true };
    if (error.error_code === 403) return { ok: false, kind: 'blocked', description };
    if (error.error_code === 429) {
      const retryAfter = error.parameters.retry_after;
      return retryAfter === undefined
        ? { ok: false, kind: 'retry', description }
        : { ok: false, kind: 'retry', retryAfterSec: retryAfter, description };
    }
    if (error.error_code >= 500 || [401, 404, 409].includes(error.error_code)) return { ok: false, kind: 'retry', description };
    return { ok: false, kind: 'fatal', description };
  }
  if (error instanceof HttpError) return { ok: false, kind: 'retry', description: `network: ${String((error.error as Error)?.message ?? error.error)}` };
  return { ok: false, kind: 'retry', description: error instanceof Error ? error.message : String(error) };
}
