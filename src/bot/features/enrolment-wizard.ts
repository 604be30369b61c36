import { openProgrammes } from '../../enrolment/catalogue.js';
import { normaliseLevel } from '../../enrolment/level.js';
import { activeRequestForProgramme } from '../../enrolment/status-rules.js';
import { submitRequest } from '../../enrolment/use-cases.js';
import { applyInput, editField, startDraft, type EnrolmentDraft, type WizardStep } from '../../enrolment/wizard.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../format.js';
import { destinations, logFailure, now, privateOnly, removeKeyboard, translate } from '../helpers.js';
import { replyHtml } from '../reply.js';
import { draftToken, parseWizardData } from '../callback-data.js';
import {
  editKeyboard,
  errorHtml,
  programmeNameHtml,
  statusLabel,
  stepQuestion,
  summaryHtml,
  summaryKeyboard,
  warningHtml,
  type Translate,
} from './enrolment-render.js';

/*
 * The /daftar conversation over the domain's explicit state machine (`applyInput`, `editField`,
 * `submitRequest`). State lives only in the database: the draft is saved after every accepted answer, so a
 * restart between two messages loses nothing and the next message simply continues.
 */

/** Asks the draft's current step (or shows the summary), optionally after a notice (error/warning). */
export async function askStep(ctx: BotContext, draft: EnrolmentDraft, notice?: string): Promise<void> {
  const { html, keyboard } = stepQuestion(translate(ctx), draft, ctx.deps.catalogue(), now(ctx));
  await replyHtml(ctx, notice ? `${notice}\n\n${html}` : html, { keyboard });
}

/**
 * /daftar, `menu:enrol` and `enrol:<programme>`. An unfinished draft is resumed rather than replaced (its
 * answers are kept); choosing a programme from its detail page sets it on the draft.
 */
export async function startEnrolment(ctx: BotContext, programmeId?: string): Promise<void> {
  if (ctx.chat?.type !== 'private' || !ctx.from) return privateOnly(ctx, 'daftar');
  const store = ctx.deps.enrolment;
  const existing = await store.getDraft(ctx.from.id);
  if (existing) {
    if (programmeId) return applyAnswer(ctx, editField(existing, 'programme', now(ctx)), 'programme', programmeId);
    return askStep(ctx, existing, ctx.t('enrol-resume'));
  }
  if (openProgrammes(ctx.deps.catalogue(), now(ctx)).length === 0) {
    await ctx.reply(ctx.t('enrol-none-open'));
    return;
  }
  const draft = startDraft(ctx.from.id, ctx.chat.id, ctx.locale, now(ctx));
  await store.saveDraft(draft);
  if (programmeId) return applyAnswer(ctx, draft, 'programme', programmeId, ctx.t('enrol-intro'));
  await askStep(ctx, draft, ctx.t('enrol-intro'));
}

/**
 * Applies one answer. A refused answer gets its specific error and the same question again (the draft is
 * untouched, so every earlier answer is kept); an accepted one is saved, then the next question is asked.
 */
export async function applyAnswer(ctx: BotContext, draft: EnrolmentDraft, step: WizardStep, input: string, intro?: string): Promise<void> {
  const catalogue = ctx.deps.catalogue();
  const t = translate(ctx);
  const outcome = applyInput(draft, step, input, { catalogue, now: now(ctx) });
  if (outcome.error) {
    const notice = errorHtml(t, outcome.error, catalogue, {
      input,
      allowed: outcome.allowed,
      programmeId: draft.answers.programmeId,
      level: step === 'level' ? normaliseLevel(input) ?? undefined : undefined,
    });
    // Saved even though unchanged by the refusal: `draft` may be an edit not stored yet (a programme chosen
    // again from its detail page), and the buttons of the question asked below must match the stored step.
    await ctx.deps.enrolment.saveDraft(draft);
    return askStep(ctx, draft, intro ? `${intro}\n\n${notice}` : notice);
  }
  if (step === 'programme') {
    // Already an active request for this programme: stop here instead of asking eight more questions.
    const existing = await activeRequestFor(ctx, outcome.draft.answers.programmeId);
    if (existing) {
      await ctx.deps.enrolment.saveDraft(draft);
      const notice = `ℹ️ ${ctx.t('enrol-already-active', { id: String(existing.id), status: escapeHtml(statusLabel(t, existing.status)) })}`;
      return askStep(ctx, draft, intro ? `${intro}\n\n${notice}` : notice);
    }
  }
  await ctx.deps.enrolment.saveDraft(outcome.draft);
  const notices: string[] = intro ? [intro] : [];
  if (outcome.warning) notices.push(warningHtml(t, outcome.warning, { allowed: outcome.allowed }));
  await askStep(ctx, outcome.draft, notices.length > 0 ? notices.join('\n') : undefined);
}

/** A text message while a draft exists. */
export async function handleDraftText(ctx: BotContext, draft: EnrolmentDraft, text: string): Promise<void> {
  if (draft.step === 'summary') {
    await replyHtml(ctx, `${ctx.t('wizard-use-buttons')}\n\n${summaryHtml(translate(ctx), draft, ctx.deps.catalogue())}`, { keyboard: summaryKeyboard(translate(ctx), draft) });
    return;
  }
  // "Apa itu GTA?" typed in the middle of the form is a question, not a name or a position.
  if ((draft.step === 'full_name' || draft.step === 'instansi' || draft.step === 'jabatan') && looksLikeQuestion(text)) {
    return askStep(ctx, draft, `💡 ${ctx.t('wizard-question-hint')}`);
  }
  await applyAnswer(ctx, draft, draft.step, text);
}

const QUESTION_START = /^(apa|apakah|bagaimana|gimana|berapa|brp|kapan|siapa|mengapa|kenapa|di ?mana|bisakah|bolehkah|what|how|when|who|why|where|can|is|are|does|do)\b/i;

function looksLikeQuestion(text: string): boolean {
  const t = text.trim();
  return t.endsWith('?') || QUESTION_START.test(t);
}

/** Cancels the draft (/batal or the Cancel button). */
export async function cancelDraft(ctx: BotContext, userId: number): Promise<boolean> {
  return ctx.deps.enrolment.deleteDraft(userId);
}

/** Every `w:…` button. Always answers the callback query exactly once. */
export async function handleWizardButton(ctx: BotContext): Promise<void> {
  const data = ctx.callbackQuery?.data ?? '';
  const parsed = parseWizardData(data);
  const userId = ctx.from?.id;
  const draft = userId === undefined || ctx.chat?.type !== 'private' ? null : await ctx.deps.enrolment.getDraft(userId);
  if (!parsed || !draft || draftToken(draft) !== parsed.token) {
    await ctx.answerCallbackQuery({ text: ctx.t('wizard-stale') });
    await removeKeyboard(ctx);
    return;
  }
  const t = translate(ctx);
  const { action } = parsed;
  const stepFor = { programme: 'programme', level: 'level', skip: 'phone' } as const;
  if (action.kind === 'programme' || action.kind === 'level' || action.kind === 'skip') {
    if (draft.step !== stepFor[action.kind]) {
      await ctx.answerCallbackQuery({ text: ctx.t('wizard-stale') });
      await removeKeyboard(ctx);
      return;
    }
    await ctx.answerCallbackQuery();
    await removeKeyboard(ctx);
    const input = action.kind === 'programme' ? action.programmeId : action.kind === 'level' ? action.level : '-';
    return applyAnswer(ctx, draft, draft.step, input);
  }
  switch (action.kind) {
    case 'cancel':
      await ctx.answerCallbackQuery();
      await cancelDraft(ctx, draft.userId);
      await removeKeyboard(ctx);
      await ctx.reply(ctx.t('enrol-cancelled'));
      return;
    case 'edit':
      await ctx.answerCallbackQuery();
      await removeKeyboard(ctx);
      {
        const editing = editField(draft, action.field, now(ctx));
        await ctx.deps.enrolment.saveDraft(editing);
        await askStep(ctx, editing);
      }
      return;
    case 'edit_menu':
    case 'summary':
      if (draft.step !== 'summary') {
        await ctx.answerCallbackQuery({ text: ctx.t('wizard-stale') });
        await removeKeyboard(ctx);
        return;
      }
      await ctx.answerCallbackQuery(action.kind === 'edit_menu' ? { text: ctx.t('wizard-edit-which') } : undefined);
      await ctx
        .editMessageReplyMarkup({ reply_markup: action.kind === 'edit_menu' ? editKeyboard(t, draft) : summaryKeyboard(t, draft) })
        .catch(logFailure(ctx, 'summary keyboard switch'));
      return;
    case 'submit':
      if (draft.step !== 'summary') {
        await ctx.answerCallbackQuery({ text: ctx.t('wizard-stale') });
        await removeKeyboard(ctx);
        return;
      }
      await ctx.answerCallbackQuery();
      return submit(ctx, draft);
  }
}

async function submit(ctx: BotContext, draft: EnrolmentDraft): Promise<void> {
  const catalogue = ctx.deps.catalogue();
  const t = translate(ctx);
  // Notices go out in the language the applicant uses now, even if it changed during the flow.
  const current = { ...draft, locale: ctx.locale };
  const result = await submitRequest(ctx.deps.enrolment, current, catalogue, destinations(ctx), now(ctx));
  if (result.ok) {
    await removeKeyboard(ctx);
    const programme = programmeNameHtml(catalogue, result.request.programmeId);
    await replyHtml(ctx, ctx.t('enrol-submitted', { id: String(result.request.id), programme }));
    return;
  }
  if (result.code === 'duplicate') {
    await removeKeyboard(ctx);
    const vars = { id: String(result.existing.id), status: escapeHtml(statusLabel(t, result.existing.status)) };
    await replyHtml(ctx, `⚠️ ${ctx.t('enrol-duplicate', vars)}`, { keyboard: summaryKeyboard(t, draft) });
    return;
  }
  // The draft no longer passes (programme closed, catalogue changed …): go back to the field at fault.
  await removeKeyboard(ctx);
  const back = editField(draft, result.field, now(ctx));
  await ctx.deps.enrolment.saveDraft(back);
  const notice = errorHtml(t, result.code, catalogue, { allowed: result.allowed, programmeId: draft.answers.programmeId, level: draft.answers.level });
  await askStep(ctx, back, notice);
}

async function activeRequestFor(ctx: BotContext, programmeId: string | undefined) {
  if (!programmeId || !ctx.from) return undefined;
  const mine = await ctx.deps.enrolment.listRequestsOfApplicant(ctx.from.id);
  return activeRequestForProgramme(mine, programmeId);
}

