/**
 * Persistence port for document maintenance (implemented in `src/storage/sqlite-knowledge-stores.ts`).
 * Files live on disk under KNOWLEDGE_DIR; the database records who uploaded what, the audit trail, and the
 * short-lived "replace?" and "undo" actions behind buttons — so all of it survives a restart.
 */
export interface UploadedDocument {
  id: number;
  /** Relative to KNOWLEDGE_DIR, forward slashes (e.g. `unggahan/perpres-95-2018.pdf`). */
  file: string;
  title: string;
  identityKey: string;
  uploadedBy: number;
  uploadedByName: string | null;
  uploadedAt: string;
  size: number;
  sha256: string;
}

export type NewUploadedDocument = Omit<UploadedDocument, 'id'>;

export interface KnowledgeAuditEntry {
  id: number;
  action: 'upload' | 'replace' | 'undo' | 'remove';
  file: string;
  actorId: number | null;
  actorName: string | null;
  detail: Record<string, unknown>;
  createdAt: string;
}

export interface UploadAction {
  token: string;
  kind: 'replace' | 'undo';
  actorId: number;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface DocumentRegistryStore {
  listUploadedDocuments(): Promise<UploadedDocument[]>;
  getUploadedDocument(idOrFile: number | string): Promise<UploadedDocument | null>;
  findUploadedByIdentity(identityKey: string): Promise<UploadedDocument[]>;
  /** Inserts or replaces the row of `doc.file`, and appends the audit entry, in one transaction. */
  saveUploadedDocument(doc: NewUploadedDocument, audit: Omit<KnowledgeAuditEntry, 'id'>): Promise<UploadedDocument>;
  /** Deletes the rows of `files` and appends the audit entry, in one transaction. */
  deleteUploadedDocuments(files: string[], audit: Omit<KnowledgeAuditEntry, 'id'>): Promise<void>;
  /** Re-inserts rows (undo of a replacement) and appends the audit entry. */
  restoreUploadedDocuments(docs: NewUploadedDocument[], audit: Omit<KnowledgeAuditEntry, 'id'>): Promise<void>;
  appendKnowledgeAudit(entry: Omit<KnowledgeAuditEntry, 'id'>): Promise<void>;
  listKnowledgeAudit(limit?: number): Promise<KnowledgeAuditEntry[]>;

  saveUploadAction(action: UploadAction): Promise<void>;
  /** Returns and deletes the action (a button works once). */
  takeUploadAction(token: string, kind: UploadAction['kind']): Promise<UploadAction | null>;
  /** Actions older than `before` (their staged files are the caller's to delete). */
  takeUploadActionsBefore(before: string): Promise<UploadAction[]>;
}
