/**
 * Serves the chat page (index.html, app.js, style.css) from `./web/` next to this module. Files are read on
 * each request so a developer can edit the page and reload without restarting the bot. A strict
 * Content-Security-Policy guarantees what the tests assert: the page loads nothing from any other origin, so it
 * works offline and cannot leak a conversation.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';

const WEB_ROOT = new URL('./web/', import.meta.url);

const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The page's file names, for tests that check them for external references. */
export const WEB_FILES = ['index.html', 'app.js', 'style.css'] as const;

/** Reads one page file from disk. */
export function readWebFile(name: (typeof WEB_FILES)[number]): Promise<Buffer> {
  return readFile(new URL(name, WEB_ROOT));
}

/** Serves a page file if `pathname` names one; returns false otherwise. */
export async function serveStatic(res: ServerResponse, pathname: string, method: string): Promise<boolean> {
  const entry = FILES[pathname];
  if (!entry) return false;
  const body = await readFile(new URL(entry.file, WEB_ROOT));
  res.writeHead(200, {
    'content-type': entry.type,
    'content-length': body.length,
    'cache-control': 'no-cache',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(method === 'HEAD' ? undefined : body);
  return true;
}
