/**
 * Telegram HTML helpers. Every dynamic string goes through {@link escapeHtml}; only the
 * tags Telegram allows are produced; long texts are split at paragraph, line or sentence
 * boundaries so that no message exceeds the 4096-character limit and no tag is cut.
 */
import type { Answer } from '../answering/answer-service.js';
import type { Citation } from '../answering/extractive.js';

export const TELEGRAM_TEXT_LIMIT = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Only http(s) links are rendered as anchors; anything else is shown as text. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

export function link(text: string, url: string | undefined): string {
  const safe = safeUrl(url);
  return safe ? `<a href="${escapeHtml(safe)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

export function formatCitation(c: CitationView): string {
  const heading = c.heading ? ` — ${escapeHtml(c.heading)}` : '';
  const page = c.page ? ` (hlm. ${c.page})` : '';
  return `[${c.n}] ${link(c.title, c.url)}${heading}${page}`;
}

/** The answer as Telegram HTML: notes in italics, the text, then numbered sources. */
/** A citation as rendered: what an answer has, or what a queued notification kept of it. */
export type CitationView = Pick<Citation, 'n' | 'title' | 'heading'> & Partial<Citation>;

export function formatAnswerHtml(a: Pick<Answer, 'text' | 'notes'> & { citations: CitationView[] }, sourcesLabel: string, morePointer?: string): string {
  const parts: string[] = [];
  for (const n of a.notes) parts.push(`<i>${escapeHtml(n)}</i>`);
  parts.push(escapeHtml(a.text).replace(/\[(\d+)\]/g, '<b>[$1]</b>'));
  if (a.citations.length) {
    const more = morePointer ? `\n<i>${escapeHtml(morePointer)}</i>` : '';
    parts.push(`<b>${escapeHtml(sourcesLabel)}:</b>\n${a.citations.map(formatCitation).join('\n')}${more}`);
  }
  return parts.join('\n\n');
}

/**
 * Split Telegram HTML into messages of at most `limit` characters. Blocks are separated by
 * blank lines; each block of our own output is balanced HTML, so cutting between blocks (or
 * between lines of a block) never breaks a tag. A single line that is still too long is
 * cut at sentence, then word boundaries, with its tags closed and reopened around the cut.
 */
export function splitHtmlMessage(html: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  if (html.length <= limit) return [html];
  const units: string[] = [];
  // Blocks end at blank lines outside any tag (a blank line inside <blockquote> or <i> is no cut point).
  for (const block of balancedBlocks(html)) {
    if (block.length <= limit) units.push(block);
    else units.push(...splitLongLine(block, limit));
  }
  const out: string[] = [];
  let cur = '';
  for (const u of units) {
    const sep = cur ? '\n\n' : '';
    if (cur && cur.length + sep.length + u.length > limit) {
      out.push(cur);
      cur = u;
    } else cur = cur + sep + u;
  }
  if (cur) out.push(cur);
  return out.map((m) => m.trim()).filter((m) => m.length > 0);
}

/** Split at blank lines where no tag is open. */
function balancedBlocks(html: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let start = 0;
  const re = /<\/?[a-z][^>]*>|\n{2,}/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null) {
    const tok = m[0];
    if (tok.startsWith('<')) {
      if (tok.startsWith('</')) depth = Math.max(0, depth - 1);
      else if (!tok.endsWith('/>')) depth++;
    } else if (depth === 0) {
      blocks.push(html.slice(start, m.index));
      start = m.index + tok.length;
    }
  }
  blocks.push(html.slice(start));
  return blocks.filter((b) => b.trim().length > 0);
}

function splitLongLine(line: string, limit: number): string[] {
  if (line.length <= limit) return [line];
  // Tokens: tags, entities, and text.
  const pieces: string[] = [];
  const open: string[] = [];
  let cur = '';
  const closeAll = () => [...open].reverse().map((t) => `</${tagName(t)}>`).join('');
  const reopen = () => open.join('');
  const re = /(<[^>]+>)|(&[a-z#0-9]+;)|([^<&]+)/gi;
  let m: RegExpExecArray | null;
  const budget = limit - 200; // room for closing/reopening tags
  while ((m = re.exec(line)) !== null) {
    if (m[1]) {
      const tag = m[1];
      if (tag.startsWith('</')) open.pop();
      else if (!tag.endsWith('/>')) open.push(tag);
      cur += tag;
    } else if (m[2]) {
      if (cur.length + m[2].length > budget) {
        pieces.push(cur + closeAll());
        cur = reopen();
      }
      cur += m[2];
    } else {
      let text = m[3];
      while (cur.length + text.length > budget) {
        const room = Math.max(1, budget - cur.length);
        let cut = lastBoundary(text.slice(0, room));
        if (cut <= 0) cut = room;
        cur += text.slice(0, cut);
        pieces.push(cur + closeAll());
        cur = reopen();
        text = text.slice(cut).replace(/^\s+/, '');
      }
      cur += text;
    }
  }
  if (cur) pieces.push(cur);
  return pieces;
}

function tagName(tag: string): string {
  return /^<\s*([a-z0-9-]+)/i.exec(tag)?.[1] ?? 'b';
}

/** Index just after the last sentence end, else the last space, in `text`. */
function lastBoundary(text: string): number {
  const sentence = Math.max(text.lastIndexOf('. '), text.lastIndexOf('! '), text.lastIndexOf('? '), text.lastIndexOf('\n'));
  if (sentence > text.length * 0.5) return sentence + 1;
  const space = text.lastIndexOf(' ');
  return space > 0 ? space + 1 : -1;
}

/**
 * Shortens at a word boundary ("Government Transformation…", not "Government Transfor…"); a single word
 * longer than `max` is cut as a last resort.
 */
export function truncateWords(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  // The cut already ends at a word when the next character is a space.
  const space = chars[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > max / 3 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
