/**
 * Small response helpers shared by the Bot API and the page API. JSON responses always carry an exact
 * Content-Length and `cache-control: no-store`, because both the bot and the page poll and must never see a
 * cached answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Sends a JSON body with the given status. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** Resolves after `ms` milliseconds (0 resolves immediately). */
export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/**
 * Rejects state-changing requests from other web origins. The playground listens on localhost, but any web page
 * the developer visits could otherwise POST to it (a classic local-server CSRF); same-origin requests from the
 * playground page and non-browser clients (no Origin header) pass.
 */
export function isCrossOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/** `attachment; filename="…"; filename*=UTF-8''…` that is safe for any file name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
