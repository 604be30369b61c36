import { Composer, GrammyError, InlineKeyboard } from 'grammy';
import { MAX_UPLOAD_BYTES } from '../../knowledge/maintenance/upload-checks.js';
import {
  listDocuments,
  removeDocument,
  resolveReplace,
  undoUpload,
  uploadDocument,
  type UploadReport,
  type UploadResult,
  type UploadWarning,
} from '../../knowledge/maintenance/uploads.js';
import type { Actor } from '../../knowledge/maintenance/roles.js';
import {
  DOCUMENTS_PAGE_DATA,
  documentsPageData,
  REMOVE_DOCUMENT_DATA,
  REMOVE_DOCUMENT_KEEP_DATA,
  removeDocumentData,
  UPLOAD_DATA,
  uploadData,
} from '../callback-data.js';
import type { BotContext, MaintenanceDeps } from '../context.js';
import { logFailure } from '../helpers.js';
import { escapeHtml, truncateWords } from '../format.js';
import { editHtml, editOrReplyHtml, replyHtml } from '../reply.js';
import { displayName, formatWib, truncate } from './enrolment-render.js';

/**
 * Content maintainers grow the knowledge base from the chat: send a document privately (upload report with
 * an undo button; "replace?" when the same document exists), /dokumen (pages, search), /hapusdokumen.
 * The rules (who may, what is protected) are in `knowledge/maintenance/uploads.ts`; this is the chat side.
 */
export const DOCUMENTS_PAGE_SIZE = 8;
const DOWNLOAD_TIMEOUT_MS = 60_000;

export function createMaintainerUploadsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.chatType('private').on('message:document', async (ctx, next) => {
    const maintenance = ctx.deps.maintenance;
    if (!maintenance || !ctx.isMaintainer) return next(); // everyone else gets the usual media notice
    await handleUpload(ctx, maintenance);
  });

  composer.callbackQuery(UPLOAD_DATA, async (ctx) => {
    const maintenance = ctx.deps.maintenance;
    if (!maintenance || !ctx.isMaintainer) return void (await ctx.answerCallbackQuery({ text: ctx.t('not-maintainer'), show_alert: true }));
    await ctx.answerCallbackQuery();
    const [, action, token] = ctx.match;
    await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(logFailure(ctx, 'upload message edit'));
    if (action === 'u') {
      const result = await undoUpload(maintenance.uploads, { actor: actorOf(ctx), token });
      if (!result.ok) return void (await replyHtml(ctx, result.code === 'expired' ? escapeHtml(ctx.t('upload-expired')) : ctx.t('upload-index-failed', { message: escapeHtml(result.message ?? result.code) })));
      return void (await replyHtml(ctx, ctx.t('upload-undone', { file: escapeHtml(result.file), restored: result.restored.length ? ctx.t('upload-undone-restored') : '' })));
    }
    const result = await resolveReplace(maintenance.uploads, { actor: actorOf(ctx), token, replace: action === 'r' });
    if (result.ok && 'code' in result) return void (await ctx.reply(ctx.t('upload-kept')));
    await replyUploadResult(ctx, result as UploadResult, '');
  });

  const maintainerCommand = (handler: (ctx: BotContext, m: MaintenanceDeps, args: string) => Promise<void>) => async (ctx: BotContext) => {
    const maintenance = ctx.deps.maintenance;
    if (!maintenance || !ctx.isMaintainer) return void (await ctx.reply(ctx.t('not-maintainer')));
    if (ctx.chat?.type !== 'private' && ctx.chat?.id !== ctx.deps.config.adminChatId) return void (await ctx.reply(ctx.t('maintainer-private-only')));
    await handler(ctx, maintenance, typeof ctx.match === 'string' ? ctx.match.trim() : '');
  };

  composer.command(['dokumen', 'documents'], maintainerCommand(async (ctx, m, args) => showDocuments(ctx, m, args, 1)));
  composer.callbackQuery(DOCUMENTS_PAGE_DATA, async (ctx) => {
    const maintenance = ctx.deps.maintenance;
    if (!maintenance || !ctx.isMaintainer) return void (await ctx.answerCallbackQuery({ text: ctx.t('not-maintainer'), show_alert: true }));
    await ctx.answerCallbackQuery();
    await showDocuments(ctx, maintenance, ctx.match[2], Number(ctx.match[1]), true);
  });

  composer.command(['hapusdokumen', 'removedocument'], maintainerCommand(async (ctx, m, args) => {
    const uploaded = await m.uploads.store.listUploadedDocuments();
    if (!args) {
      if (uploaded.length === 0) return void (await replyHtml(ctx, ctx.t('remove-none')));
      const kb = new InlineKeyboard();
      for (const d of uploaded.slice(0, 30)) kb.text(`🗑 ${truncateWords(d.title, 48)}`, removeDocumentData(d.id)).row();
      return void (await ctx.reply(ctx.t('remove-usage'), { reply_markup: kb }));
    }
    const wanted = args.replace(/^#/, '');
    const doc = uploaded.find((d) => String(d.id) === wanted || d.file === wanted || d.file.endsWith(`/${wanted}`));
    if (doc) return confirmRemoval(ctx, doc.id, doc.title, doc.file);
    const shipped = m.uploads.kb.documents().find((d) => d.file === wanted || d.file.endsWith(`/${wanted}`));
    if (shipped) return void (await replyHtml(ctx, ctx.t('remove-protected', { file: escapeHtml(shipped.file) })));
    await ctx.reply(ctx.t('remove-not-found', { file: truncate(wanted, 80) }));
  }));

  composer.callbackQuery(REMOVE_DOCUMENT_DATA, async (ctx) => {
    const maintenance = ctx.deps.maintenance;
    if (!maintenance || !ctx.isMaintainer) return void (await ctx.answerCallbackQuery({ text: ctx.t('not-maintainer'), show_alert: true }));
    await ctx.answerCallbackQuery();
    if (ctx.callbackQuery.data === REMOVE_DOCUMENT_KEEP_DATA) return void (await ctx.editMessageText(ctx.t('remove-cancelled')).catch(logFailure(ctx, 'upload message edit')));
    const doc = await maintenance.uploads.store.getUploadedDocument(Number(ctx.match[2]));
    if (!doc) return void (await ctx.editMessageText(ctx.t('remove-not-found', { file: `#${ctx.match[2]}` })).catch(logFailure(ctx, 'upload message edit')));
    if (ctx.match[1] !== 'y') return confirmRemoval(ctx, doc.id, doc.title, doc.file);
    await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(logFailure(ctx, 'upload message edit'));
    const result = await removeDocument(maintenance.uploads, { actor: actorOf(ctx), file: doc.file });
    if (result.ok) return void (await replyHtml(ctx, ctx.t('remove-done', { title: escapeHtml(result.title) })));
    if (result.code === 'index_failed') return void (await replyHtml(ctx, ctx.t('upload-index-failed', { message: escapeHtml(result.message) })));
    await ctx.reply(ctx.t('remove-not-found', { file: doc.file }));
  });

  return composer;
}

function actorOf(ctx: BotContext): Actor {
  return { id: ctx.from!.id, name: displayName(ctx.from!) };
}

async function handleUpload(ctx: BotContext, maintenance: MaintenanceDeps): Promise<void> {
  const document = ctx.msg!.document!;
  const name = escapeHtml(truncate(document.file_name ?? 'dokumen', 80));
  // Telegram says the size up front: a file above the bot download limit is refused without downloading.
  if ((document.file_size ?? 0) > MAX_UPLOAD_BYTES) {
    return void (await replyHtml(ctx, ctx.t('upload-too-big', { name, size: ((document.file_size ?? 0) / 1048576).toFixed(1) })));
  }
  const progress = await replyHtml(ctx, ctx.t('upload-checking', { name }));
  await ctx.replyWithChatAction('upload_document').catch(logFailure(ctx, 'upload chat action'));
  let data: Buffer;
  try {
    data = await downloadFile(ctx, document.file_id);
  } catch (err) {
    const tooBig = err instanceof GrammyError && /file is too big/i.test(err.description);
    const html = tooBig
      ? ctx.t('upload-too-big', { name, size: ((document.file_size ?? 0) / 1048576).toFixed(1) })
      : ctx.t('upload-download-failed', { message: escapeHtml(truncate((err as Error).message, 200)) });
    return void (await edit(ctx, progress?.message_id, html));
  }
  const result = await uploadDocument(maintenance.uploads, {
    actor: actorOf(ctx),
    fileName: document.file_name ?? 'dokumen',
    data,
    ...(ctx.msg?.caption ? { caption: ctx.msg.caption } : {}),
  });
  ctx.deps.logger.info({ event: 'upload', outcome: result.ok ? 'published' : result.code, size: data.length }, 'document upload');
  await replyUploadResult(ctx, result, name, progress?.message_id);
}

/** getFile, then `${apiRoot}/file/bot<token>/<file_path>` — exactly what Telegram (and the emulator) serve. */
async function downloadFile(ctx: BotContext, fileId: string): Promise<Buffer> {
  const file = await ctx.api.getFile(fileId);
  if (!file.file_path) throw new Error('Telegram tidak memberi file_path');
  const root = (ctx.api as unknown as { options?: { apiRoot?: string } }).options?.apiRoot ?? 'https://api.telegram.org';
  const res = await fetch(`${root}/file/bot${ctx.api.token}/${file.file_path}`, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const length = Number(res.headers.get('content-length') ?? '0');
  if (length > MAX_UPLOAD_BYTES) throw new Error(`berkas ${length} bita melebihi batas`);
  return Buffer.from(await res.arrayBuffer());
}

/** Replaces the "⏳ checking" message with the outcome (or sends it, when there is nothing to edit). */
async function edit(ctx: BotContext, messageId: number | undefined, html: string, keyboard?: InlineKeyboard): Promise<void> {
  if (messageId === undefined) return void (await replyHtml(ctx, html, keyboard ? { keyboard } : {}));
  await editHtml(ctx, html, { keyboard, target: { chatId: ctx.chat!.id, messageId } }).catch(() => replyHtml(ctx, html, keyboard ? { keyboard } : {}));
}

async function replyUploadResult(ctx: BotContext, result: UploadResult, name: string, messageId?: number): Promise<void> {
  if (result.ok) {
    const keyboard = new InlineKeyboard().text(ctx.t('upload-btn-undo'), uploadData('u', result.undoToken));
    return edit(ctx, messageId, uploadReportHtml(ctx, result), keyboard);
  }
  switch (result.code) {
    case 'conflict': {
      const existing = result.existing.map((e) => `<b>${escapeHtml(truncate(e.title, 120))}</b> (<code>${escapeHtml(e.file)}</code>)`).join(', ');
      const keyboard = new InlineKeyboard().text(ctx.t('upload-btn-replace'), uploadData('r', result.token)).text(ctx.t('upload-btn-keep'), uploadData('k', result.token));
      return edit(ctx, messageId, ctx.t('upload-conflict', { existing, title: escapeHtml(truncate(result.title, 120)) }), keyboard);
    }
    case 'not_maintainer':
      return edit(ctx, messageId, escapeHtml(ctx.t('not-maintainer')));
    case 'expired':
      return edit(ctx, messageId, escapeHtml(ctx.t('upload-expired')));
    case 'too_big':
      return edit(ctx, messageId, ctx.t('upload-too-big', { name, size: (result.size / 1048576).toFixed(1) }));
    case 'empty':
      return edit(ctx, messageId, ctx.t('upload-empty', { name }));
    case 'image':
      return edit(ctx, messageId, ctx.t('upload-image', { name, what: escapeHtml(result.what) }));
    case 'unsupported':
      return edit(ctx, messageId, ctx.t('upload-unsupported', { name, what: escapeHtml(result.what) }));
    case 'bad_caption':
      return edit(ctx, messageId, ctx.t(result.problem === 'url' ? 'upload-bad-caption-url' : 'upload-bad-caption-date', { value: escapeHtml(truncate(result.value, 100)) }));
    case 'scanned':
      return edit(ctx, messageId, ctx.t('upload-scanned', { name }));
    case 'no_text':
      return edit(ctx, messageId, ctx.t('upload-no-text', { name }));
    case 'parse_error':
      return edit(ctx, messageId, ctx.t('upload-parse-error', { name, message: escapeHtml(truncate(result.message, 300)) }));
    case 'index_failed':
      return edit(ctx, messageId, ctx.t('upload-index-failed', { message: escapeHtml(truncate(result.message, 300)) }));
  }
}

/** The report a maintainer gets: what was recognised, how it was split, what to look at. */
export function uploadReportHtml(ctx: BotContext, r: UploadReport): string {
  const lines = [`<b>${ctx.t(r.replaced.length > 0 ? 'upload-replaced-title' : 'upload-done-title')}</b>`, `📄 <b>${escapeHtml(r.title)}</b>`];
  if (r.regulation) {
    const reg = ctx.t('upload-regulation', { jenis: escapeHtml(r.regulation.jenis), nomor: escapeHtml(r.regulation.nomor), tahun: escapeHtml(String(r.regulation.tahun)) });
    lines.push(`⚖️ ${reg}${r.regulation.tentang ? ` ${ctx.t('upload-regulation-about', { tentang: escapeHtml(r.regulation.tentang) })}` : ''}`);
  }
  lines.push(`${ctx.t('upload-file')}: <code>${escapeHtml(r.file)}</code>`, ctx.t('upload-shape', { sections: r.sections, articles: r.articles, chunks: r.chunks }));
  for (const w of r.warnings) lines.push(`⚠️ ${warningText(ctx, w)}`);
  if (r.answeredWaiting > 0) lines.push(ctx.t('upload-waiting-answered', { count: r.answeredWaiting }));
  return lines.join('\n');
}

function warningText(ctx: BotContext, w: UploadWarning): string {
  switch (w.code) {
    case 'renamed_extension':
      return escapeHtml(ctx.t('upload-warning-renamed', { from: w.from, to: w.to }));
    case 'caption_ignored':
      return escapeHtml(ctx.t('upload-warning-caption', { lines: w.lines.map((l) => `"${l}"`).join(', ') }));
    case 'pages_without_text':
      return escapeHtml(ctx.t('upload-warning-pages', { pages: w.pages, total: w.total }));
    case 'few_chunks':
      return escapeHtml(ctx.t('upload-warning-few', { chunks: w.chunks }));
  }
}

async function showDocuments(ctx: BotContext, m: MaintenanceDeps, query: string, requestedPage: number, editMessage = false): Promise<void> {
  const docs = await listDocuments(m.uploads, query);
  const q = escapeHtml(truncate(query, 60));
  if (docs.length === 0) return void (await ctx.reply(ctx.t('documents-none', { query: truncate(query, 60) })));
  const pages = Math.max(1, Math.ceil(docs.length / DOCUMENTS_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pages);
  const lines = [ctx.t(query ? 'documents-title-search' : 'documents-title', { total: docs.length, page, pages, query: q }), ''];
  docs.slice((page - 1) * DOCUMENTS_PAGE_SIZE, page * DOCUMENTS_PAGE_SIZE).forEach((d, i) => {
    const n = (page - 1) * DOCUMENTS_PAGE_SIZE + i + 1;
    const origin = d.uploaded ? ctx.t('documents-uploaded', { by: escapeHtml(truncate(d.uploaded.by, 40)), at: formatWib(d.uploaded.at) }) : ctx.t('documents-shipped');
    lines.push(
      `${n}. <b>${escapeHtml(truncate(d.title, 120))}</b>${d.uploaded ? ` <i>#${d.uploaded.id}</i>` : ''}`,
      `    ${ctx.t('documents-line', { kind: d.kind, chunks: d.chunks, verified: d.lastVerified ?? '—' })} · ${origin}`,
      `    <code>${escapeHtml(d.file)}</code>`,
    );
  });
  const kb = new InlineKeyboard();
  const data = (p: number) => documentsPageData(p, query);
  if (page > 1) kb.text(ctx.t('documents-prev'), data(page - 1));
  if (page < pages) kb.text(ctx.t('documents-next'), data(page + 1));
  const markup = pages > 1 ? kb : undefined;
  const html = lines.join('\n');
  if (editMessage) await editOrReplyHtml(ctx, html, markup);
  else await replyHtml(ctx, html, markup ? { keyboard: markup } : {});
}

async function confirmRemoval(ctx: BotContext, id: number, title: string, file: string): Promise<void> {
  const kb = new InlineKeyboard().text(ctx.t('remove-btn-yes'), removeDocumentData(id, true)).text(ctx.t('remove-btn-no'), REMOVE_DOCUMENT_KEEP_DATA);
  await replyHtml(ctx, ctx.t('remove-confirm', { title: escapeHtml(title), file: escapeHtml(file) }), { keyboard: kb });
}

