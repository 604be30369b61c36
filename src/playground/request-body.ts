/**
 * Reads Bot API request parameters the three ways Telegram accepts them: query string, JSON,
 * `application/x-www-form-urlencoded` and `multipart/form-data`.
 *
 * Why a hand-written multipart parser: grammY uploads files as multipart with its own minimal header style
 * (`content-disposition:form-data;name="x";filename=report.pdf`, no spaces, unquoted filename), the project
 * may not add dependencies, and the format is simple: split on the boundary, read the part headers, keep the
 * bytes. Files referenced as `attach://<name>` are resolved by the caller.
 */
import type { IncomingMessage } from 'node:http';
import { BotApiError } from './bot-api-error.js';

/** One uploaded file part. */
export interface UploadedFile {
  /** form field name of the part (grammY uses a random id referenced by `attach://<id>`) */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** Parameters of one Bot API request: scalars arrive as strings (forms) or JSON values. */
export interface RequestParams {
  params: Record<string, unknown>;
  files: Map<string, UploadedFile>;
}

/** Telegram's limit for uploads through the Bot API is 50 MB. */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;

/** Collects the request body, failing with Telegram's 413 when it is larger than `limit`. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) throw new BotApiError(413, 'Request Entity Too Large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** `a=1&b=2` → `{ a: '1', b: '2' }` (later keys win, as on Telegram). */
export function parseUrlEncoded(text: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) params[key] = value;
  return params;
}

/** Reads a header parameter such as `name="x"` or `filename=report.pdf` (quoted or bare). */
function headerParam(header: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\r\\n]*))`, 'i').exec(header);
  if (!match) return undefined;
  const quoted = match[1];
  return quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (match[2] ?? '').trim();
}

/** Splits the head of a part into lower-cased header names and values. */
function parsePartHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Bare filenames run to the end of the header line (grammY puts `filename=` last and does not quote it). */
function partFilename(disposition: string): string | undefined {
  const quoted = /;\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(disposition);
  if (quoted) return (quoted[1] ?? '').replace(/\\(.)/g, '$1');
  const bare = /;\s*filename\s*=\s*(.*)$/i.exec(disposition);
  return bare ? (bare[1] ?? '').trim() : undefined;
}

/** Adds one part (field or file) to the result. */
function addPart(part: Buffer, result: RequestParams): void {
  const headEnd = part.indexOf('\r\n\r\n');
  if (headEnd === -1) throw new BotApiError(400, 'Bad Request: invalid multipart/form-data request');
  const headers = parsePartHeaders(part.subarray(0, headEnd).toString('utf8'));
  const body = part.subarray(headEnd + 4);
  const disposition = headers.get('content-disposition') ?? '';
  const name = headerParam(disposition, 'name');
  if (name === undefined) return;
  const filename = partFilename(disposition);
  if (filename === undefined) {
    result.params[name] = body.toString('utf8');
    return;
  }
  result.files.set(name, {
    field: name,
    filename,
    contentType: headers.get('content-type') ?? 'application/octet-stream',
    data: Buffer.from(body),
  });
}

/** Parses a multipart/form-data body with the given boundary. */
export function parseMultipart(body: Buffer, boundary: string): RequestParams {
  const result: RequestParams = { params: {}, files: new Map() };
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  if (start === -1) throw new BotApiError(400, 'Bad Request: invalid multipart/form-data request');
  while (start !== -1) {
    let partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    if (body.subarray(partStart, partStart + 2).toString() === '\r\n') partStart += 2;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), partStart);
    if (next === -1) throw new BotApiError(400, 'Bad Request: invalid multipart/form-data request');
    addPart(body.subarray(partStart, next), result);
    start = next + 2;
  }
  return result;
}

/** The boundary of a `multipart/form-data; boundary=…` content type. */
function multipartBoundary(contentType: string): string | undefined {
  return headerParam(contentType, 'boundary');
}

/**
 * Reads all parameters of a request. Query-string values are overridden by body values, as with Telegram.
 * An unreadable JSON body is a 400, like Telegram's.
 */
export async function readRequestParams(req: IncomingMessage, url: URL): Promise<RequestParams> {
  const result: RequestParams = { params: parseUrlEncoded(url.search.slice(1)), files: new Map() };
  if (req.method === 'GET' || req.method === 'HEAD') return result;
  const body = await readBody(req);
  if (body.length === 0) return result;
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  if (contentType.startsWith('multipart/form-data')) {
    const boundary = multipartBoundary(req.headers['content-type'] ?? '');
    if (!boundary) throw new BotApiError(400, 'Bad Request: invalid multipart/form-data request');
    const parsed = parseMultipart(body, boundary);
    Object.assign(result.params, parsed.params);
    return { params: result.params, files: parsed.files };
  }
  if (contentType.startsWith('application/json')) {
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      throw new BotApiError(400, "Bad Request: can't parse JSON encoded request");
    }
    if (json !== null && typeof json === 'object' && !Array.isArray(json)) Object.assign(result.params, json);
    return result;
  }
  Object.assign(result.params, parseUrlEncoded(body.toString('utf8')));
  return result;
}
