import type { AnswerCoverage } from '../stores.js';
import { InlineKeyboard, InputFile } from 'grammy';
import { wibDate } from '../../enrolment/calendar.js';
import { findProgramme } from '../../enrolment/catalogue.js';
import { REQUEST_STATUSES, type RequestStatus } from '../../enrolment/types.js';
import { exportCsv, listQueue, stats } from '../../enrolment/use-cases.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../format.js';
import { editHtml, HTML_OPTIONS, replyHtml } from '../reply.js';
import { renderAdminCard } from './admin-card.js';
import { adminData, adminQueueData } from '../callback-data.js';
import { formatWib, levelLabel, STATUS_ICON, statusLabel, truncate, type Translate } from './enrolment-render.js';
import { logFailure, now, translate } from '../helpers.js';
import { feedbackReasonsLine } from './maintainer-gaps.js';

/** Requests per /antrian page. */
export const QUEUE_PAGE_SIZE = 5;

// ---------------------------------------------------------------------------------------------------------
// /antrian

/** The queue page as HTML with "Lihat" buttons and prev/next; edits the pressed message when paging. */
export async function showQueue(ctx: BotContext, requestedPage: number, edit = false): Promise<void> {
  let queue = await listQueue(ctx.deps.enrolment, { page: requestedPage, pageSize: QUEUE_PAGE_SIZE });
  if (queue.items.length === 0 && queue.total > 0) {
    // The queue shrank while the admin was paging: show its last page instead of an empty one.
    queue = await listQueue(ctx.deps.enrolment, { page: queue.pageCount, pageSize: QUEUE_PAGE_SIZE });
  }
  const t = translate(ctx);
  const catalogue = ctx.deps.catalogue();
  let html: string;
  const keyboard = new InlineKeyboard();
  if (queue.total === 0) {
    html = ctx.t('queue-empty');
  } else {
    const lines = [`<b>${ctx.t('queue-title', { page: String(queue.page), pages: String(queue.pageCount), total: String(queue.total) })}</b>`, ''];
    queue.items.forEach((r, i) => {
      const programme = escapeHtml(truncate(findProgramme(catalogue, r.programmeId)?.name ?? r.programmeId, 40));
      const n = (queue.page - 1) * queue.pageSize + i + 1;
      lines.push(`${n}. ${STATUS_ICON[r.status]} <b>#${r.id}</b> · ${programme}\n    ${escapeHtml(truncate(r.fullName, 60))} · ${escapeHtml(statusLabel(t, r.status))} · ${formatWib(r.createdAt)}`);
      keyboard.text(ctx.t('queue-btn-view', { id: String(r.id) }), adminData('v', r.id));
      if (i % 3 === 2) keyboard.row();
    });
    keyboard.row();
    if (queue.page > 1) keyboard.text(ctx.t('queue-btn-prev'), adminQueueData(queue.page - 1));
    if (queue.page < queue.pageCount) keyboard.text(ctx.t('queue-btn-next'), adminQueueData(queue.page + 1));
    html = lines.join('\n');
  }
  const markup = queue.total === 0 ? undefined : keyboard;
  const pressed = edit ? ctx.callbackQuery?.message : undefined;
  let shown: { chat: { id: number }; message_id: number } | undefined = pressed;
  if (pressed) {
    // Edit the page in place; if it cannot be edited (too old, deleted …), send it anew.
    await editHtml(ctx, html, { keyboard: markup }).catch(async () => {
      shown = await replyHtml(ctx, html, { keyboard: markup });
    });
  } else {
    shown = await replyHtml(ctx, html, { keyboard: markup });
  }
  // The page lists applicants' names: erasing one of them blanks the page.
  if (shown && queue.items.length > 0) await rememberAdminMessage(ctx, queue.items.map((r) => r.id), shown, 'queue');
}

// ---------------------------------------------------------------------------------------------------------
// /lihat

/** One request's card (buttons while pending), in the admin's language. */
export async function showCard(ctx: BotContext, requestId: number): Promise<void> {
  const request = await ctx.deps.enrolment.getRequest(requestId);
  if (!request) {
    await ctx.reply(ctx.t('admin-not-found', { id: String(requestId) }));
    return;
  }
  const t = translate(ctx);
  const audit = await ctx.deps.enrolment.listAuditEntries({ requestId });
  const { html, keyboard } = renderAdminCard(t, request, ctx.deps.catalogue(), audit);
  const sent = await replyHtml(ctx, html, { keyboard });
  // It shows personal data: /hapusdata and retention blank it like the cards.
  if (sent) await rememberAdminMessage(ctx, [requestId], sent, 'view');
}

/** Records a message showing these requests' personal data, so erasure can blank it ("[dihapus]"). */
async function rememberAdminMessage(
  ctx: BotContext,
  requestIds: readonly number[],
  sent: { chat: { id: number }; message_id: number },
  kind: 'view' | 'queue',
): Promise<void> {
  const at = now(ctx).toISOString();
  for (const requestId of requestIds) {
    await ctx.deps.enrolment.recordAdminMessage({ requestId, chatId: sent.chat.id, messageId: sent.message_id, kind }, at);
  }
}

// ---------------------------------------------------------------------------------------------------------
// /ekspor

/** Words admins type for each status, in both languages. */
const STATUS_WORDS: Record<string, readonly RequestStatus[]> = {
  aktif: ['pending', 'needs_info'],
  active: ['pending', 'needs_info'],
  antrian: ['pending', 'needs_info'],
  menunggu: ['pending'],
  pending: ['pending'],
  info: ['needs_info'],
  perlu_info: ['needs_info'],
  needs_info: ['needs_info'],
  disetujui: ['approved'],
  setuju: ['approved'],
  approved: ['approved'],
  ditolak: ['rejected'],
  tolak: ['rejected'],
  rejected: ['rejected'],
  dibatalkan: ['cancelled'],
  batal: ['cancelled'],
  cancelled: ['cancelled'],
};

export type ExportArgs = { ok: true; statuses: RequestStatus[]; programmeId?: string } | { ok: false; token: string };

/** `/ekspor [status …] [programme]`, in any order. */
export function parseExportArgs(text: string): ExportArgs {
  const statuses = new Set<RequestStatus>();
  let programmeId: string | undefined;
  for (const token of text.toLowerCase().split(/[\s,]+/).filter(Boolean)) {
    const words = STATUS_WORDS[token];
    if (words) words.forEach((s) => statuses.add(s));
    else if (!programmeId && /^[a-z0-9][a-z0-9-]{0,23}$/.test(token)) programmeId = token;
    else return { ok: false, token };
  }
  const ordered = REQUEST_STATUSES.filter((s) => statuses.has(s));
  return programmeId ? { ok: true, statuses: ordered, programmeId } : { ok: true, statuses: ordered };
}

export async function exportRequests(ctx: BotContext, argText: string): Promise<void> {
  const args = parseExportArgs(argText);
  if (!args.ok) {
    await replyHtml(ctx, ctx.t('export-usage', { token: escapeHtml(args.token) }));
    return;
  }
  const filter = {
    ...(args.statuses.length > 0 ? { status: args.statuses } : {}),
    ...(args.programmeId ? { programmeId: args.programmeId } : {}),
  };
  const rows = await ctx.deps.enrolment.listRequests(filter);
  const catalogue = ctx.deps.catalogue();
  const filterText = [
    args.statuses.length > 0 ? args.statuses.map((s) => statusLabel(translate(ctx), s)).join(', ') : ctx.t('export-all-statuses'),
    args.programmeId ?? ctx.t('export-all-programmes'),
  ].join(' · ');
  if (rows.length === 0) {
    await replyHtml(ctx, ctx.t('export-empty', { filter: escapeHtml(filterText) }));
    return;
  }
  // Spreadsheets are read by Indonesian staff: labels in Indonesian whatever the admin's /bahasa.
  const id: Translate = (key, vars) => ctx.tFor('id', key, vars);
  const csv = await exportCsv(ctx.deps.enrolment, filter, {
    status: (s) => statusLabel(id, s),
    programme: (pid) => findProgramme(catalogue, pid)?.name,
    level: (l) => levelLabel(id, l),
  });
  const fileName = `pengajuan-${wibDate(now(ctx)).replace(/-/g, '')}.csv`;
  await ctx.replyWithChatAction('upload_document').catch(logFailure(ctx, 'upload indicator'));
  await ctx.replyWithDocument(new InputFile(Buffer.from(csv, 'utf8'), fileName), {
    caption: ctx.t('export-caption', { count: String(rows.length), filter: escapeHtml(filterText) }),
    parse_mode: HTML_OPTIONS.parse_mode,
  });
}

// ---------------------------------------------------------------------------------------------------------
// /statistik

/** Votes are summed over at most this many rated answers (the store offers per-answer counts only). */
const FEEDBACK_SCAN_LIMIT = 100_000;

export async function showStats(ctx: BotContext): Promise<void> {
  const t = translate(ctx);
  const catalogue = ctx.deps.catalogue();
  const [counts, unanswered, rated] = await Promise.all([
    stats(ctx.deps.enrolment),
    ctx.deps.stores.topUnanswered(5),
    ctx.deps.stores.worstRatedAnswers(FEEDBACK_SCAN_LIMIT),
  ]);
  const byStatus = (record: Record<RequestStatus, number>) =>
    REQUEST_STATUSES.filter((s) => record[s] > 0).map((s) => `${STATUS_ICON[s]} ${escapeHtml(statusLabel(t, s))}: ${record[s]}`).join(' · ') || '—';

  const lines = [`<b>${ctx.t('stats-title')}</b>`, '', `<b>${ctx.t('stats-requests', { total: String(counts.total) })}</b>`, byStatus(counts.byStatus)];
  if (counts.byProgramme.length > 0) {
    lines.push('', `<b>${ctx.t('stats-by-programme')}</b>`);
    for (const p of counts.byProgramme) {
      const name = escapeHtml(truncate(findProgramme(catalogue, p.programmeId)?.name ?? p.programmeId, 60));
      lines.push(`• ${name} (<code>${escapeHtml(p.programmeId)}</code>): <b>${p.total}</b>\n    ${byStatus(p.byStatus)}`);
    }
  }
  lines.push('', `<b>${ctx.t('stats-unanswered')}</b>`);
  if (unanswered.length === 0) lines.push(ctx.t('stats-unanswered-none'));
  unanswered.forEach((q, i) =>
    lines.push(`${i + 1}. ${escapeHtml(truncate(q.question, 200))} <i>(×${q.count}${q.coverage === 'partial' ? `, ${ctx.t('stats-partial-mark')}` : ''})</i>`),
  );
  // Ratings of partial answers are counted apart: a 👍 for "not recorded, nearest is …" is no 👍 for the content.
  const sum = (coverage: AnswerCoverage, key: 'up' | 'down') => rated.filter((a) => (a.coverage ?? 'full') === coverage).reduce((n, a) => n + a[key], 0);
  lines.push('', `<b>${ctx.t('stats-feedback')}</b>`, `👍 ${sum('full', 'up')} · 👎 ${sum('full', 'down')}`);
  const partialVotes = sum('partial', 'up') + sum('partial', 'down');
  if (partialVotes > 0) lines.push(`${ctx.t('stats-feedback-partial')}: 👍 ${sum('partial', 'up')} · 👎 ${sum('partial', 'down')}`);
  const reasons = await feedbackReasonsLine(ctx);
  if (reasons) lines.push(reasons);
  await replyHtml(ctx, lines.join('\n'));
}

// ---------------------------------------------------------------------------------------------------------
// /reindex

export async function reindex(ctx: BotContext): Promise<void> {
  const progress = await ctx.reply(ctx.t('reindex-started'));
  let html: string;
  try {
    const report = await ctx.deps.kb.reindex();
    const list = (files: string[]) => (files.length === 0 ? '' : `: ${files.slice(0, 20).map((f) => `<code>${escapeHtml(f)}</code>`).join(', ')}${files.length > 20 ? ' …' : ''}`);
    const lines = [
      `✅ <b>${ctx.t('reindex-done', { seconds: (report.ms / 1000).toFixed(1) })}</b>`,
      `➕ ${ctx.t('reindex-added', { count: String(report.added.length) })}${list(report.added)}`,
      `✏️ ${ctx.t('reindex-changed', { count: String(report.changed.length) })}${list(report.changed)}`,
      `➖ ${ctx.t('reindex-removed', { count: String(report.removed.length) })}${list(report.removed)}`,
      `📄 ${ctx.t('reindex-unchanged', { count: String(report.unchanged), chunks: String(report.chunks) })}`,
    ];
    // Waiting questions ("🔔 Kabari saya") are asked again against the new index; answered askers are notified.
    const answered = await ctx.deps.maintenance?.waiting.recheck(ctx.deps.kb.manifest.buildId);
    if (answered !== undefined) lines.push(`${ctx.t('reindex-waiting-answered', { count: String(answered) })}`);
    if (report.fullRebuildReason) lines.push(`<i>${ctx.t('reindex-full', { reason: escapeHtml(report.fullRebuildReason) })}</i>`);
    if (report.errors.length === 0) lines.push(`🟢 ${ctx.t('reindex-no-errors')}`);
    else {
      lines.push(`⚠️ <b>${ctx.t('reindex-errors', { count: String(report.errors.length) })}</b>`);
      for (const e of report.errors.slice(0, 10)) lines.push(`• <code>${escapeHtml(e.file)}</code>: ${escapeHtml(truncate(e.message, 300))}`);
    }
    html = lines.join('\n');
  } catch (error) {
    ctx.deps.logger.error({ err: error }, 'reindex from /reindex failed');
    html = `❌ ${ctx.t('reindex-failed', { message: escapeHtml(truncate((error as Error).message ?? String(error), 500)) })}`;
  }
  await editHtml(ctx, html, { target: { chatId: progress.chat.id, messageId: progress.message_id } }).catch(() => replyHtml(ctx, html));
}
