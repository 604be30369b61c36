import type { AnswerCoverage } from '../stores.js';
import { randomBytes } from 'node:crypto';
import { Composer, InlineKeyboard } from 'grammy';
import type { Message } from 'grammy/types';
import type { Answer } from '../../answering/answer-service.js';
import type { Turn } from '../../answering/follow-up.js';
import { redactPii } from '../../pii.js';
import type { Locale } from '../../locale.js';
import { FEEDBACK_DATA, feedbackData, menuData } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { escapeHtml, formatAnswerHtml, splitHtmlMessage } from '../format.js';
import { logFailure } from '../helpers.js';
import { editHtml, replyHtml } from '../reply.js';
import { askFeedbackReason, recordKnowledgeGap, withWatchOffer } from './maintainer-gaps.js';

/**
 * Questions: any text in a private chat; in groups only when the bot is mentioned, replied
 * to, or asked with /tanya. The answer streams into one message in LLM mode (edited at most
 * every {@link STREAM_EDIT_INTERVAL_MS}), carries numbered sources, and gets 👍/👎 buttons.
 */
export const STREAM_EDIT_INTERVAL_MS = 1500;
const HISTORY_TURNS = 6;
const HISTORY_CHATS = 5000;

/** Short per-chat history for follow-up questions (memory only; nothing personal is kept). */
class ChatHistory {
  private readonly map = new Map<number, Turn[]>();
  get(chatId: number): Turn[] {
    return this.map.get(chatId) ?? [];
  }
  push(chatId: number, turn: Turn): void {
    const turns = [...this.get(chatId), turn].slice(-HISTORY_TURNS);
    this.map.delete(chatId);
    this.map.set(chatId, turns);
    if (this.map.size > HISTORY_CHATS) this.map.delete(this.map.keys().next().value as number);
  }
}

export interface StoredSources {
  question: string;
  /** Partial answers are rated apart from full ones. */
  coverage?: AnswerCoverage;
  language: Locale;
  citations: Answer['citations'];
  passages: Array<{ n: number; title: string; heading: string; url?: string; sources?: string[]; text: string; lastVerified?: string }>;
}

export function createQuestionsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const history = new ChatHistory();

  async function answerQuestion(ctx: BotContext, question: string, replyTo?: number, prefix?: string): Promise<void> {
    const chatId = ctx.chat!.id;
    const deps = ctx.deps;
    const typing = startTyping(ctx);
    try {
      let sent: Message.TextMessage | undefined;
      let lastEdit = 0;
      let lastText = '';
      let final: Answer | undefined;
      for await (const ev of deps.answers.answerStream(question, { history: history.get(chatId), locale: ctx.locale })) {
        if (ev.type === 'partial') {
          const now = Date.now();
          const html = `${prefix ? `${prefix}\n\n` : ''}${escapeHtml(ev.text)} …`;
          if (html.length > 3500) continue;
          if (!sent) {
            sent = (await replyHtml(ctx, [html], { replyTo })) as Message.TextMessage;
            lastEdit = now;
            lastText = html;
          } else if (now - lastEdit >= STREAM_EDIT_INTERVAL_MS && html !== lastText) {
            lastEdit = now;
            lastText = html;
            await editHtml(ctx, html, { target: { chatId, messageId: sent.message_id } }).catch((err: unknown) => deps.logger.debug({ err }, 'streamed draft not edited'));
          }
        } else final = ev.answer;
      }
      if (!final) return;
      const answerId = randomBytes(6).toString('base64url');
      const html = `${prefix ? `${prefix}\n\n` : ''}${formatAnswerHtml(final, ctx.t('answer-sources'), ctx.t('answer-more-sources'))}`;
      const rating = final.kind === 'answer' ? new InlineKeyboard().text(ctx.t('btn-helpful'), feedbackData('u', answerId)).text(ctx.t('btn-not-helpful'), feedbackData('d', answerId)) : undefined;
      const keyboard = await withWatchOffer(ctx, final, question, rating);
      const parts = splitHtmlMessage(html);
      if (sent) {
        // Replace the streamed draft with the final text (first part), then send the rest.
        const first = parts.shift()!;
        await editHtml(ctx, first, { keyboard: parts.length === 0 ? keyboard : undefined, target: { chatId, messageId: sent.message_id } });
      }
      await replyHtml(ctx, parts, { keyboard, replyTo: sent ? undefined : replyTo });
      await recordOutcome(ctx, final, question, answerId);
      // Only answered questions become context for follow-ups (a refused or rejected message would mislead).
      if (final.kind === 'answer') {
        history.push(chatId, { role: 'user', text: final.query ?? question });
        history.push(chatId, { role: 'assistant', text: final.text.slice(0, 500) });
      }
    } finally {
      typing.stop();
    }
  }

  const privateChat = composer.chatType('private');
  privateChat.on('message:text', async (ctx, next) => {
    if (ctx.message.text.startsWith('/')) return next();
    await answerQuestion(ctx, ctx.message.text);
  });
  privateChat.on('edited_message:text', async (ctx) => {
    if (ctx.editedMessage.text.startsWith('/')) return;
    await answerQuestion(ctx, ctx.editedMessage.text, ctx.editedMessage.message_id, escapeHtml(ctx.t('edited-reanswer')));
  });

  composer.command(['tanya', 'ask'], async (ctx) => {
    const q = ctx.match.trim();
    if (!q) {
      await ctx.reply(ctx.t('group-ask-usage'));
      return;
    }
    await answerQuestion(ctx, q, ctx.chat.type === 'private' ? undefined : ctx.msg.message_id);
  });

  const groups = composer.chatType(['group', 'supergroup']);
  groups.on('message:text', async (ctx, next) => {
    const text = ctx.message.text;
    if (text.startsWith('/')) return next();
    const me = ctx.me.username.toLowerCase();
    const mentioned = (ctx.message.entities ?? []).some(
      (e) => e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${me}`,
    );
    const repliedToMe = ctx.message.reply_to_message?.from?.id === ctx.me.id;
    if (!mentioned && !repliedToMe) return next();
    const question = text.replace(new RegExp(`@${ctx.me.username}\\b`, 'gi'), ' ').trim();
    if (!question) {
      await ctx.reply(ctx.t('group-ask-usage'), { reply_parameters: { message_id: ctx.message.message_id } });
      return;
    }
    await answerQuestion(ctx, question, ctx.message.message_id);
  });

  composer.callbackQuery(menuData('example'), async (ctx) => {
    await ctx.answerCallbackQuery();
    const q = ctx.t('example-question');
    await replyHtml(ctx, `💡 <i>${escapeHtml(q)}</i>`);
    await answerQuestion(ctx, q);
  });

  composer.callbackQuery(FEEDBACK_DATA, async (ctx) => {
    const vote = ctx.match[1] === 'u' ? 'up' : 'down';
    const answerId = ctx.match[2];
    const stored = await ctx.deps.stores.getLastSources<StoredSources & { answerId?: string }>(ctx.chat?.id ?? ctx.from.id);
    const question = stored && stored.answerId === answerId ? stored.question : null;
    const coverage = stored && stored.answerId === answerId ? (stored.coverage ?? 'full') : 'full';
    await ctx.deps.stores.recordFeedback({ answerId, userId: ctx.from.id, vote, question, coverage });
    await ctx.answerCallbackQuery({ text: ctx.t(vote === 'up' ? 'feedback-thanks-up' : 'feedback-thanks-down') });
    // Remove the rating buttons so the rating is visibly recorded (a 🔔 offer stays); ignore "not modified".
    const rest = ctx.callbackQuery.message?.reply_markup?.inline_keyboard.filter((row) => !row.some((b) => 'callback_data' in b && FEEDBACK_DATA.test(b.callback_data ?? ''))) ?? [];
    await ctx.editMessageReplyMarkup({ reply_markup: rest.length ? { inline_keyboard: rest } : undefined }).catch(logFailure(ctx, 'feedback keyboard removal'));
    if (vote === 'down') await askFeedbackReason(ctx, answerId);
  });

  return composer;
}

async function recordOutcome(ctx: BotContext, a: Answer, question: string, answerId: string): Promise<void> {
  const stores = ctx.deps.stores;
  const safeQuestion = redactPii(a.query ?? question).slice(0, 500);
  if (a.kind === 'not_found') await stores.logUnanswered(safeQuestion, undefined, ctx.from?.id);
  await recordKnowledgeGap(ctx, a, safeQuestion);
  // A partial answer is also content the knowledge base lacks: listed for maintainers, marked as partial.
  if (a.coverage === 'partial') await stores.logUnanswered(safeQuestion, undefined, ctx.from?.id, 'partial');
  if (a.kind === 'answer') {
    const sources: StoredSources & { answerId: string } = {
      answerId,
      question: safeQuestion,
      coverage: a.coverage === 'partial' ? 'partial' : 'full',
      language: a.language,
      citations: a.citations,
      // Cited passages first (with their numbers), then the other passages retrieved, for checking.
      passages: [
        ...a.citations.map((c) => {
          const p = a.passages.find((x) => x.chunkId === c.chunkId);
          return { n: c.n, title: c.title, heading: c.heading, url: c.url, sources: p?.sources, text: p?.text ?? '', lastVerified: p?.lastVerified };
        }),
        ...a.passages
          .filter((p) => !a.citations.some((c) => c.chunkId === p.chunkId))
          .map((p, i) => ({ n: a.citations.length + i + 1, title: p.title, heading: p.heading, url: p.url, sources: p.sources, text: p.text, lastVerified: p.lastVerified })),
      ],
    };
    await stores.setLastSources(ctx.chat!.id, sources);
  }
  ctx.deps.logger.info({ event: 'answer', chatType: ctx.chat?.type, kind: a.kind, coverage: a.coverage, mode: a.mode, language: a.language, citations: a.citations.length }, 'question answered');
}

/** Keep Telegram's "typing…" visible while a slow answer is being prepared. */
function startTyping(ctx: BotContext): { stop: () => void } {
  const send = () => ctx.replyWithChatAction('typing').catch(logFailure(ctx, 'typing indicator'));
  void send();
  const timer = setInterval(send, 4500);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
