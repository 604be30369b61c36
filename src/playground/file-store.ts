/**
 * Files exchanged in the playground: documents the bot uploads (downloadable from the page) and the media
 * people send. Ids look like Telegram's (long opaque `file_id`, short `file_unique_id`) so code that stores or
 * logs them behaves as in production, and `getFile` + `/file/bot<token>/<path>` work for downloads.
 */
import { randomBytes } from 'node:crypto';
import { extname } from 'node:path';

/** What kind of media a file is; decides the file_id prefix and the file_path folder, as on Telegram. */
export type FileKind = 'document' | 'photo' | 'sticker' | 'voice';

/** A stored file. */
export interface StoredFile {
  fileId: string;
  uniqueId: string;
  kind: FileKind;
  fileName: string;
  mimeType: string;
  data: Buffer;
  /** `file_path` as getFile returns it, e.g. `documents/file_3.pdf` */
  path: string;
}

const ID_PREFIX: Record<FileKind, string> = {
  document: 'BQACAgUAAxkBAAI',
  photo: 'AgACAgUAAxkBAAI',
  sticker: 'CAACAgUAAxkBAAI',
  voice: 'AwACAgUAAxkBAAI',
};

const FOLDER: Record<FileKind, string> = { document: 'documents', photo: 'photos', sticker: 'stickers', voice: 'voice' };

const MIME_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.csv': 'text/csv',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.json': 'application/json',
  '.html': 'text/html',
  '.xml': 'application/xml',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xls': 'application/vnd.ms-excel',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
};

/**
 * The MIME type Telegram reports. grammY always uploads as `application/octet-stream`, and Telegram then
 * derives the type from the file name, so the declared type only wins when it says something.
 */
export function guessMimeType(fileName: string, declared?: string): string {
  if (declared && declared !== 'application/octet-stream') return declared;
  return MIME_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  /** Stores bytes and returns the new file with fresh ids. */
  add(kind: FileKind, data: Buffer, fileName: string, mimeType?: string): StoredFile {
    const number = this.counter++;
    const ext = extname(fileName) || (kind === 'photo' ? '.jpg' : kind === 'voice' ? '.oga' : kind === 'sticker' ? '.webp' : '');
    const file: StoredFile = {
      fileId: ID_PREFIX[kind] + randomBytes(30).toString('base64url'),
      uniqueId: `AgAD${randomBytes(9).toString('base64url')}`,
      kind,
      fileName,
      mimeType: guessMimeType(fileName, mimeType),
      data,
      path: `${FOLDER[kind]}/file_${number}${ext}`,
    };
    this.byId.set(file.fileId, file);
    this.byPath.set(file.path, file);
    return file;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  getByPath(path: string): StoredFile | undefined {
    return this.byPath.get(path);
  }
}
