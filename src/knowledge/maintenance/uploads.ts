import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BuildReport } from '../indexer.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import { loadDocument, LoaderError } from '../loaders.js';
import { documentIdentity, documentShape, type RegulationIdentity } from './identity.js';
import { isMaintainer, type Actor, type MaintainerRoles } from './roles.js';
import { sidecarPath, writeSidecar } from './sidecar.js';
import type { DocumentRegistryStore, NewUploadedDocument, UploadedDocument } from './store.js';
import { MAX_UPLOAD_BYTES, parseCaption, safeUploadName, sniffDocumentType, type CaptionOverrides } from './upload-checks.js';

/**
 * Growing the knowledge base from the chat: the story of one upload is
 * role check → size → type by content → caption → parse in a hidden staging folder → same document already
 * there? (ask) → move into `unggahan/` → record + audit → incremental re-index and hot swap → report.
 *
 * Nothing is written where the indexer looks until every check has passed, and a failed re-index puts the
 * previous files back, so a bad upload never changes what the bot answers from.
 */
export const UPLOAD_FOLDER = 'unggahan';
/** Hidden (the indexer skips dot-folders): staged uploads and the previous versions kept for undo. */
const STAGING_FOLDER = '.unggahan-staging';
const ARCHIVE_FOLDER = '.unggahan-arsip';
/** "Replace?" and "undo" buttons work this long. */
export const UPLOAD_ACTION_TTL_MS = 24 * 3600_000;

export interface UploadDeps {
  kb: KnowledgeBase;
  store: DocumentRegistryStore;
  roles: MaintainerRoles;
  knowledgeDir: string;
  /** Re-asks the waiting questions after a new index; returns how many now have a full answer. */
  afterReindex?: (buildId: string) => Promise<number>;
  now?: () => Date;
}

export interface UploadInput {
  actor: Actor;
  fileName: string;
  data: Buffer;
  caption?: string;
}

export interface UploadReport {
  file: string;
  title: string;
  regulation?: RegulationIdentity;
  sections: number;
  articles: number;
  chunks: number;
  warnings: UploadWarning[];
  replaced: string[];
  /** Waiting questions the new index answers fully (their askers are being notified). */
  answeredWaiting: number;
  undoToken: string;
}

export type UploadWarning =
  | { code: 'renamed_extension'; from: string; to: string }
  | { code: 'caption_ignored'; lines: string[] }
  | { code: 'pages_without_text'; pages: number; total: number }
  | { code: 'few_chunks'; chunks: number };

export type UploadFailure =
  | { ok: false; code: 'not_maintainer' }
  | { ok: false; code: 'too_big'; size: number; max: number }
  | { ok: false; code: 'empty' }
  | { ok: false; code: 'image'; what: string }
  | { ok: false; code: 'unsupported'; what: string }
  | { ok: false; code: 'bad_caption'; problem: 'url' | 'date'; value: string }
  | { ok: false; code: 'scanned' }
  | { ok: false; code: 'no_text' }
  | { ok: false; code: 'parse_error'; message: string }
  | { ok: false; code: 'index_failed'; message: string }
  | { ok: false; code: 'expired' };

export type UploadResult =
  | ({ ok: true } & UploadReport)
  | { ok: false; code: 'conflict'; token: string; existing: Array<{ file: string; title: string }>; title: string }
  | UploadFailure;

interface StagedUpload {
  staged: string;
  target: string;
  title: string;
  identityKey: string;
  size: number;
  sha256: string;
  regulation?: RegulationIdentity;
  sections: number;
  articles: number;
  warnings: UploadWarning[];
  overrides: CaptionOverrides;
  /** Uploaded documents this one replaces (same file name or same identity). */
  replaces: string[];
  actor: Actor;
}

const clock = (deps: UploadDeps) => deps.now?.() ?? new Date();
const abs = (deps: UploadDeps, rel: string) => path.join(deps.knowledgeDir, ...rel.split('/'));

/** Checks and stages an upload; publishes it at once unless it would replace a document (then asks). */
export async function uploadDocument(deps: UploadDeps, input: UploadInput): Promise<UploadResult> {
  if (!isMaintainer(deps.roles, input.actor.id)) return { ok: false, code: 'not_maintainer' };
  if (input.data.length > MAX_UPLOAD_BYTES) return { ok: false, code: 'too_big', size: input.data.length, max: MAX_UPLOAD_BYTES };
  const sniffed = sniffDocumentType(input.data, input.fileName);
  if (!sniffed.ok) {
    if (sniffed.code === 'empty') return { ok: false, code: 'empty' };
    return { ok: false, code: sniffed.code, what: sniffed.what ?? '?' };
  }
  const caption = parseCaption(input.caption);
  if (!caption.ok) return { ok: false, code: 'bad_caption', problem: caption.problem, value: caption.value };

  const name = safeUploadName(input.fileName, sniffed.ext);
  const target = `${UPLOAD_FOLDER}/${name}`;
  const warnings: UploadWarning[] = [];
  const givenExt = path.extname(input.fileName).toLowerCase();
  if (givenExt && givenExt !== sniffed.ext && !(givenExt === '.markdown' && sniffed.ext === '.md') && !(givenExt === '.htm' && sniffed.ext === '.html')) {
    warnings.push({ code: 'renamed_extension', from: givenExt, to: sniffed.ext });
  }
  if (caption.ignored.length > 0) warnings.push({ code: 'caption_ignored', lines: caption.ignored });

  // Parse in the hidden staging folder, with the caption's sidecar applied, exactly as the indexer will.
  const token = randomBytes(9).toString('base64url');
  const stagingDir = path.join(deps.knowledgeDir, STAGING_FOLDER);
  fs.mkdirSync(stagingDir, { recursive: true });
  const staged = path.join(stagingDir, `${token}${sniffed.ext}`);
  fs.writeFileSync(staged, input.data);
  writeSidecar(staged, caption.overrides);
  let doc;
  try {
    doc = await loadDocument(staged, target);
  } catch (err) {
    removeStaged(staged);
    const message = err instanceof LoaderError ? err.message.replace(`${target}: `, '') : (err as Error).message;
    if (/tidak berisi teks/.test(message)) return { ok: false, code: sniffed.type === 'pdf' ? 'scanned' : 'no_text' };
    return { ok: false, code: 'parse_error', message };
  }
  const identity = documentIdentity(doc);
  const shape = documentShape(doc);
  if (shape.pages > 0 && shape.emptyPages > 0) warnings.push({ code: 'pages_without_text', pages: shape.emptyPages, total: shape.pages });

  const sameName = await deps.store.getUploadedDocument(target);
  const sameIdentity = await deps.store.findUploadedByIdentity(identity.key);
  const replaces = [...new Set([...(sameName ? [sameName.file] : []), ...sameIdentity.map((d) => d.file)])];
  // A file already at the target path that nobody uploaded (copied by hand) is replaced only after asking, too.
  if (!sameName && fs.existsSync(abs(deps, target))) replaces.push(target);

  const stagedUpload: StagedUpload = {
    staged: path.basename(staged),
    target,
    title: identity.title,
    identityKey: identity.key,
    size: input.data.length,
    sha256: createHash('sha256').update(input.data).digest('hex'),
    ...(identity.regulation ? { regulation: identity.regulation } : {}),
    sections: shape.sections,
    articles: shape.articles,
    warnings,
    overrides: caption.overrides,
    replaces,
    actor: input.actor,
  };
  if (replaces.length > 0) {
    await deps.store.saveUploadAction({ token, kind: 'replace', actorId: input.actor.id, data: { ...stagedUpload }, createdAt: clock(deps).toISOString() });
    const existing = await Promise.all(replaces.map(async (f) => ({ file: f, title: (await deps.store.getUploadedDocument(f))?.title ?? f })));
    return { ok: false, code: 'conflict', token, existing, title: identity.title };
  }
  return publish(deps, token, stagedUpload);
}

/** The maintainer answered "replace?": publish the staged upload (yes) or drop it (no). */
export async function resolveReplace(deps: UploadDeps, input: { actor: Actor; token: string; replace: boolean }): Promise<UploadResult | { ok: true; code: 'kept' }> {
  if (!isMaintainer(deps.roles, input.actor.id)) return { ok: false, code: 'not_maintainer' };
  const action = await deps.store.takeUploadAction(input.token, 'replace');
  if (!action || clock(deps).getTime() - Date.parse(action.createdAt) > UPLOAD_ACTION_TTL_MS) return { ok: false, code: 'expired' };
  const staged = action.data as unknown as StagedUpload;
  const stagedAbs = path.join(deps.knowledgeDir, STAGING_FOLDER, staged.staged);
  if (!input.replace) {
    removeStaged(stagedAbs);
    return { ok: true, code: 'kept' };
  }
  if (!fs.existsSync(stagedAbs)) return { ok: false, code: 'expired' };
  return publish(deps, input.token, { ...staged, actor: input.actor });
}

/**
 * One change to a knowledge folder at a time: two maintainers uploading at once (or an upload during an
 * undo) would otherwise share one in-flight build that scanned the folder before the second file arrived.
 */
const changeQueues = new Map<string, Promise<unknown>>();
function serialised<T>(knowledgeDir: string, work: () => Promise<T>): Promise<T> {
  const key = path.resolve(knowledgeDir);
  const next = (changeQueues.get(key) ?? Promise.resolve()).then(work, work);
  // The caller gets the outcome (error included) through `next`; the queue's tail only waits for it.
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  changeQueues.set(key, settled);
  void settled.then(() => {
    if (changeQueues.get(key) === settled) changeQueues.delete(key);
  });
  return next;
}

/** Re-index; when a build already in flight (e.g. an admin's /reindex) missed `mustInclude`, build once more. */
async function reindexIncluding(deps: UploadDeps, mustInclude: string | undefined, full: boolean): Promise<BuildReport> {
  const report = await deps.kb.reindex(full ? { full: true } : {});
  const present = mustInclude === undefined || deps.kb.manifest.files[mustInclude] !== undefined;
  return present ? report : deps.kb.reindex();
}

function publish(deps: UploadDeps, token: string, up: StagedUpload): Promise<UploadResult> {
  return serialised(deps.knowledgeDir, () => publishNow(deps, token, up));
}

async function publishNow(deps: UploadDeps, token: string, up: StagedUpload): Promise<UploadResult> {
  const now = clock(deps).toISOString();
  const stagedAbs = path.join(deps.knowledgeDir, STAGING_FOLDER, up.staged);
  const archiveDir = path.join(deps.knowledgeDir, ARCHIVE_FOLDER, token);
  const previous: NewUploadedDocument[] = [];
  const moved: Array<{ from: string; archived: string }> = [];
  for (const file of up.replaces) {
    const row = await deps.store.getUploadedDocument(file);
    if (row) previous.push(withoutId(row));
    moved.push(...archive(abs(deps, file), archiveDir));
  }
  const targetAbs = abs(deps, up.target);
  fs.mkdirSync(path.dirname(targetAbs), { recursive: true });
  fs.renameSync(stagedAbs, targetAbs);
  if (fs.existsSync(sidecarPath(stagedAbs))) fs.renameSync(sidecarPath(stagedAbs), sidecarPath(targetAbs));

  const rollback = () => {
    for (const f of [targetAbs, sidecarPath(targetAbs)]) fs.rmSync(f, { force: true });
    for (const m of moved) fs.renameSync(m.archived, m.from);
  };
  let report: BuildReport;
  try {
    // Same bytes as a replaced file but new caption metadata: the incremental build would reuse the old chunks.
    const sameBytes = previous.some((p) => p.sha256 === up.sha256);
    report = await reindexIncluding(deps, up.target, sameBytes);
  } catch (err) {
    // The failed build published nothing: the previous index keeps serving; the files are put back.
    rollback();
    return { ok: false, code: 'index_failed', message: (err as Error).message };
  }
  const fileError = report.errors.find((e) => e.file === up.target);
  if (fileError) {
    rollback();
    const restore = await deps.kb.reindex().then(() => '', (e: unknown) => `; indeks tanpa berkas ini gagal dibangun ulang: ${(e as Error).message}`);
    return { ok: false, code: 'index_failed', message: `${fileError.message}${restore}` };
  }
  const chunks = deps.kb.manifest.files[up.target]?.chunks ?? 0;
  const warnings = [...up.warnings];
  if (chunks > 0 && chunks < 2 && up.size > 50_000) warnings.push({ code: 'few_chunks', chunks });

  const replacedOther = up.replaces.filter((f) => f !== up.target);
  if (replacedOther.length > 0) {
    await deps.store.deleteUploadedDocuments(replacedOther, { action: 'replace', file: replacedOther.join(', '), actorId: up.actor.id, actorName: up.actor.name, detail: { by: up.target }, createdAt: now });
  }
  await deps.store.saveUploadedDocument(
    { file: up.target, title: up.title, identityKey: up.identityKey, uploadedBy: up.actor.id, uploadedByName: up.actor.name, uploadedAt: now, size: up.size, sha256: up.sha256 },
    { action: up.replaces.length > 0 ? 'replace' : 'upload', file: up.target, actorId: up.actor.id, actorName: up.actor.name, detail: { title: up.title, size: up.size, sha256: up.sha256, chunks, replaced: up.replaces }, createdAt: now },
  );
  const undoToken = randomBytes(9).toString('base64url');
  await deps.store.saveUploadAction({ token: undoToken, kind: 'undo', actorId: up.actor.id, data: { file: up.target, moved: moved.map((m) => ({ from: path.relative(deps.knowledgeDir, m.from), archived: path.relative(deps.knowledgeDir, m.archived) })), previous }, createdAt: now });
  // afterReindex reports its own failures and resolves with 0: a failed recheck never undoes an upload.
  const answeredWaiting = (await deps.afterReindex?.(deps.kb.manifest.buildId)) ?? 0;
  return {
    ok: true,
    file: up.target,
    title: up.title,
    ...(up.regulation ? { regulation: up.regulation } : {}),
    sections: up.sections,
    articles: up.articles,
    chunks,
    warnings,
    replaced: up.replaces,
    answeredWaiting,
    undoToken,
  };
}

export type UndoResult = { ok: true; file: string; restored: string[] } | { ok: false; code: 'not_maintainer' | 'expired' | 'index_failed'; message?: string };

/** The undo button under an upload report: removes the upload and puts back what it replaced. */
export async function undoUpload(deps: UploadDeps, input: { actor: Actor; token: string }): Promise<UndoResult> {
  if (!isMaintainer(deps.roles, input.actor.id)) return { ok: false, code: 'not_maintainer' };
  return serialised(deps.knowledgeDir, () => undoNow(deps, input));
}

async function undoNow(deps: UploadDeps, input: { actor: Actor; token: string }): Promise<UndoResult> {
  const action = await deps.store.takeUploadAction(input.token, 'undo');
  if (!action || clock(deps).getTime() - Date.parse(action.createdAt) > UPLOAD_ACTION_TTL_MS) return { ok: false, code: 'expired' };
  const data = action.data as { file: string; moved: Array<{ from: string; archived: string }>; previous: NewUploadedDocument[] };
  const now = clock(deps).toISOString();
  const targetAbs = abs(deps, data.file);
  for (const f of [targetAbs, sidecarPath(targetAbs)]) fs.rmSync(f, { force: true });
  for (const m of data.moved) {
    const archived = path.join(deps.knowledgeDir, m.archived);
    if (fs.existsSync(archived)) fs.renameSync(archived, path.join(deps.knowledgeDir, m.from));
  }
  const audit = { action: 'undo' as const, file: data.file, actorId: input.actor.id, actorName: input.actor.name, detail: { restored: data.previous.map((p) => p.file) }, createdAt: now };
  await deps.store.deleteUploadedDocuments([data.file], audit);
  if (data.previous.length > 0) await deps.store.restoreUploadedDocuments(data.previous, { ...audit, detail: { restoredBy: 'undo' } });
  try {
    await deps.kb.reindex();
  } catch (err) {
    return { ok: false, code: 'index_failed', message: (err as Error).message };
  }
  return { ok: true, file: data.file, restored: data.previous.map((p) => p.file) };
}

export type RemoveResult =
  | { ok: true; file: string; title: string }
  | { ok: false; code: 'not_maintainer' | 'not_found' }
  | { ok: false; code: 'protected'; file: string }
  | { ok: false; code: 'index_failed'; message: string };

/**
 * Removes a document and re-indexes. Uploaded documents only, unless `force` (the command line, for shipped
 * documents: `npm run reindex -- --remove FILE --force`). `actor` is absent for the command line.
 */
export async function removeDocument(deps: UploadDeps, input: { actor?: Actor; file: string; force?: boolean }): Promise<RemoveResult> {
  if (input.actor && !isMaintainer(deps.roles, input.actor.id)) return { ok: false, code: 'not_maintainer' };
  return serialised(deps.knowledgeDir, () => removeNow(deps, input));
}

async function removeNow(deps: UploadDeps, input: { actor?: Actor; file: string; force?: boolean }): Promise<RemoveResult> {
  const rel = input.file.split(path.sep).join('/').replace(/^\.?\/+/, '');
  const resolved = path.resolve(deps.knowledgeDir, rel);
  if (!resolved.startsWith(path.resolve(deps.knowledgeDir) + path.sep) || !fs.existsSync(resolved)) return { ok: false, code: 'not_found' };
  const uploaded = await deps.store.getUploadedDocument(rel);
  if (!uploaded && !input.force) return { ok: false, code: 'protected', file: rel };
  const title = uploaded?.title ?? deps.kb.manifest.files[rel]?.title ?? rel;
  const archiveDir = path.join(deps.knowledgeDir, ARCHIVE_FOLDER, `hapus-${randomBytes(6).toString('base64url')}`);
  const moved = archive(resolved, archiveDir);
  try {
    await deps.kb.reindex();
  } catch (err) {
    for (const m of moved) fs.renameSync(m.archived, m.from);
    return { ok: false, code: 'index_failed', message: (err as Error).message };
  }
  const audit = { action: 'remove' as const, file: rel, actorId: input.actor?.id ?? null, actorName: input.actor?.name ?? (input.force ? 'CLI --force' : null), detail: { title, shipped: !uploaded }, createdAt: clock(deps).toISOString() };
  if (uploaded) await deps.store.deleteUploadedDocuments([rel], audit);
  else await deps.store.appendKnowledgeAudit(audit);
  return { ok: true, file: rel, title };
}

export interface DocumentListing {
  file: string;
  title: string;
  kind: string;
  chunks: number;
  lastVerified?: string;
  uploaded?: { id: number; by: string; at: string };
}

/** Every indexed document with its upload record, optionally filtered by words of the title or file name. */
export async function listDocuments(deps: Pick<UploadDeps, 'kb' | 'store'>, query = ''): Promise<DocumentListing[]> {
  const uploads = new Map((await deps.store.listUploadedDocuments()).map((u) => [u.file, u]));
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return deps.kb
    .documents()
    .filter((d) => words.every((w) => `${d.title} ${d.file}`.toLowerCase().includes(w)))
    .map((d) => {
      const u = uploads.get(d.file);
      return {
        file: d.file,
        title: d.title,
        kind: path.extname(d.file).slice(1).toUpperCase() || '?',
        chunks: d.chunks,
        ...(d.lastVerified ? { lastVerified: d.lastVerified } : {}),
        ...(u ? { uploaded: { id: u.id, by: u.uploadedByName ?? String(u.uploadedBy), at: u.uploadedAt } } : {}),
      };
    });
}

/** Drops staged uploads nobody confirmed (their buttons expired). */
export async function pruneUploadActions(deps: UploadDeps): Promise<number> {
  const old = await deps.store.takeUploadActionsBefore(new Date(clock(deps).getTime() - UPLOAD_ACTION_TTL_MS).toISOString());
  for (const a of old) {
    if (a.kind === 'replace') removeStaged(path.join(deps.knowledgeDir, STAGING_FOLDER, String((a.data as { staged?: string }).staged ?? '')));
    // An undo that can no longer be pressed needs no archived previous version.
    for (const m of (a.kind === 'undo' ? (a.data as { moved?: Array<{ archived: string }> }).moved : undefined) ?? []) {
      const archived = path.resolve(deps.knowledgeDir, m.archived);
      if (archived.startsWith(path.resolve(deps.knowledgeDir, ARCHIVE_FOLDER) + path.sep)) fs.rmSync(archived, { force: true });
    }
  }
  return old.length;
}

function archive(fileAbs: string, archiveDir: string): Array<{ from: string; archived: string }> {
  const out: Array<{ from: string; archived: string }> = [];
  for (const f of [fileAbs, sidecarPath(fileAbs)]) {
    if (!fs.existsSync(f)) continue;
    fs.mkdirSync(archiveDir, { recursive: true });
    const archived = path.join(archiveDir, path.basename(f));
    fs.renameSync(f, archived);
    out.push({ from: f, archived });
  }
  return out;
}

function removeStaged(stagedAbs: string): void {
  if (!path.basename(stagedAbs)) return;
  fs.rmSync(stagedAbs, { force: true });
  fs.rmSync(sidecarPath(stagedAbs), { force: true });
}

function withoutId(row: UploadedDocument): NewUploadedDocument {
  const { id: _id, ...rest } = row;
  return rest;
}
