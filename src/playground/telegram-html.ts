/**
 * Telegram's `parse_mode: "HTML"` parser and a safe renderer for the playground page.
 *
 * Why a byte-level port instead of a DOM parser: the Bot API does not parse HTML the way a browser does. It is
 * TDLib's `parse_html` (td/telegram/MessageEntity.cpp): it walks the UTF-8 bytes, accepts only a handful of tags,
 * decodes only four named references, keeps an unknown `&name;` literally, rejects any other `<`, and reports
 * errors with *byte* offsets. A bot that passes the playground must pass Telegram, so the playground reproduces
 * that walk step by step, including the wording of each error.
 *
 * @example
 * ```ts
 * parseTelegramHtml('<b>Halo</b> 👋 &amp; selamat');
 * // → { text: 'Halo 👋 & selamat', entities: [{ type: 'bold', offset: 0, length: 4 }] }
 * parseTelegramHtml('1 < 2');
 * // throws TelegramHtmlError: Can't parse entities: Unsupported start tag "" at byte offset 2
 * ```
 */
import type { MessageEntity, User } from 'grammy/types';

/**
 * Thrown when Telegram would refuse the text with `400 Bad Request: can't parse entities: …`.
 * `reason` is TDLib's own sentence (e.g. `Unsupported start tag "script" at byte offset 12`); the Bot API
 * emulator builds its error description from it, so bots see exactly what Telegram would send.
 */
export class TelegramHtmlError extends Error {
  override readonly name = 'TelegramHtmlError';
  readonly reason: string;

  constructor(reason: string) {
    super(`Can't parse entities: ${reason}`);
    this.reason = reason;
  }
}

/** Plain text plus the entities Telegram derived from the markup; offsets and lengths in UTF-16 code units. */
export interface ParsedText {
  text: string;
  entities: MessageEntity[];
}

/** Options for {@link parseTelegramHtml}. */
export interface ParseHtmlOptions {
  /**
   * Turns `<a href="tg://user?id=N">` into a `text_mention` when the user is known, as Telegram does for users
   * the bot has met; unknown ids stay a `text_link`.
   */
  resolveUser?: (id: number) => User | undefined;
}

const SUPPORTED_TAGS = new Set([
  'a', 'b', 'strong', 'i', 'em', 's', 'strike', 'del', 'u', 'ins', 'tg-spoiler', 'tg-emoji', 'tg-time', 'span',
  'pre', 'code', 'blockquote',
]);

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const SEMICOLON = 0x3b;
const HASH = 0x23;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/** Reads the byte at `index`, or 0 past the end: TDLib reads a NUL-terminated C string. */
type ByteReader = (index: number) => number;

/** TDLib's `is_space`: NUL counts as space, which is how its loops stop at the end of the string. */
function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0b || byte === 0;
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

function isAlpha(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

function isHexDigit(byte: number): boolean {
  return isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}

/** A byte that starts a UTF-8 sequence (not a continuation byte). */
function isFirstCodeUnit(byte: number): boolean {
  return (byte & 0xc0) !== 0x80;
}

/** UTF-16 units a UTF-8 sequence starting with `byte` takes: 4-byte sequences become surrogate pairs. */
function utf16Units(byte: number): number {
  if (!isFirstCodeUnit(byte)) return 0;
  return byte >= 0xf0 ? 2 : 1;
}

function appendUtf8(out: number[], code: number): void {
  if (code < 0x80) {
    out.push(code);
  } else if (code < 0x800) {
    out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
  } else if (code < 0x10000) {
    out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  } else {
    out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
}

function lowerAscii(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('utf8', start, Math.max(start, end)).replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/**
 * TDLib's `decode_html_entity`: `&lt; &gt; &amp; &quot;` and numeric references, the `;` being optional.
 * Returns null for anything else, which the caller then keeps literally (Telegram does not reject `&nbsp;`).
 */
function decodeHtmlEntity(at: ByteReader, pos: number): { code: number; next: number } | null {
  let end = pos + 1;
  let code = 0;
  if (at(pos + 1) === HASH) {
    end++;
    if (at(pos + 2) === 0x78 /* x */) {
      end++;
      while (isHexDigit(at(end))) code = code * 16 + Number.parseInt(String.fromCharCode(at(end++)), 16);
    } else {
      while (isDigit(at(end))) code = code * 10 + (at(end++) - 0x30);
    }
    if (code === 0 || code >= 0x10ffff || end - pos >= 10) return null;
  } else {
    while (isAlpha(at(end))) end++;
    const name = String.fromCharCode(...Array.from({ length: end - pos - 1 }, (_, k) => at(pos + 1 + k)));
    const named: Record<string, number> = { lt: LT, gt: GT, amp: AMP, quot: QUOTE };
    code = named[name] ?? 0;
    if (code === 0) return null;
  }
  return { code, next: at(end) === SEMICOLON ? end + 1 : end };
}

/** A start tag waiting for its end tag. */
interface OpenTag {
  tag: string;
  argument: string;
  /** value of a second attribute some tags need (`format` of tg-time) */
  extra: string;
  utf16Offset: number;
  resultPosition: number;
}

/** Shared cursor state of one parse. */
interface ParseState {
  bytes: Buffer;
  at: ByteReader;
  i: number;
  out: number[];
  utf16Offset: number;
  decodedSurrogate: boolean;
}

/** Reads an attribute value: a lower-cased name token, or a quoted string with references decoded. */
function readAttributeValue(state: ParseState): string {
  const { at } = state;
  const first = at(state.i);
  if (first !== QUOTE && first !== APOSTROPHE) {
    const tokenBegin = state.i;
    while (isAlpha(at(state.i)) || isDigit(at(state.i)) || at(state.i) === 0x2e || at(state.i) === 0x2d) state.i++;
    if (!isSpace(at(state.i)) && at(state.i) !== GT) {
      throw new TelegramHtmlError(`Unexpected end of name token at byte offset ${tokenBegin}`);
    }
    return lowerAscii(state.bytes, tokenBegin, state.i);
  }
  state.i++;
  const value: number[] = [];
  while (at(state.i) !== first && at(state.i) !== 0) {
    if (at(state.i) === AMP) {
      const decoded = decodeHtmlEntity(at, state.i);
      if (decoded) {
        appendUtf8(value, decoded.code);
        state.i = decoded.next;
        continue;
      }
    }
    value.push(at(state.i++));
  }
  if (at(state.i) === first) state.i++;
  return Buffer.from(value).toString('utf8');
}

/** Keeps the attribute values that mean something for the tag, as TDLib does; everything else is ignored. */
function applyAttribute(open: OpenTag, name: string, value: string | null): void {
  const { tag } = open;
  if (value === null) {
    if (tag === 'blockquote' && name === 'expandable') open.argument = '1';
    return;
  }
  if (tag === 'a' && name === 'href') open.argument = value;
  else if (tag === 'code' && name === 'class' && value.startsWith('language-')) open.argument = value.slice(9);
  else if (tag === 'span' && name === 'class' && value.startsWith('tg-')) open.argument = value.slice(3);
  else if (tag === 'tg-emoji' && name === 'emoji-id') open.argument = value;
  else if (tag === 'tg-time' && name === 'unix') open.argument = value;
  else if (tag === 'tg-time' && name === 'format') open.extra = value;
  else if (tag === 'blockquote' && name === 'expandable') open.argument = '1';
}

/** Parses `<tag attr="…">` starting at `<` (`begin`); leaves the cursor on the closing `>`. */
function readStartTag(state: ParseState, begin: number): OpenTag {
  const { at } = state;
  while (!isSpace(at(state.i)) && at(state.i) !== GT) state.i++;
  if (at(state.i) === 0) throw new TelegramHtmlError(`Unclosed start tag at byte offset ${begin}`);
  const tag = lowerAscii(state.bytes, begin + 1, state.i);
  if (!SUPPORTED_TAGS.has(tag)) {
    throw new TelegramHtmlError(`Unsupported start tag "${tag}" at byte offset ${begin}`);
  }
  const open: OpenTag = { tag, argument: '', extra: '', utf16Offset: state.utf16Offset, resultPosition: state.out.length };
  while (at(state.i) !== GT) {
    while (at(state.i) !== 0 && isSpace(at(state.i))) state.i++;
    if (at(state.i) === GT) break;
    const nameBegin = state.i;
    while (!isSpace(at(state.i)) && at(state.i) !== EQUALS && at(state.i) !== GT) state.i++;
    const name = state.bytes.toString('utf8', nameBegin, state.i);
    if (name.length === 0) {
      throw new TelegramHtmlError(`Empty attribute name in the tag "${tag}" at byte offset ${begin}`);
    }
    while (at(state.i) !== 0 && isSpace(at(state.i))) state.i++;
    if (at(state.i) !== EQUALS) {
      if (at(state.i) === 0) throw new TelegramHtmlError(`Unclosed start tag "${tag}" at byte offset ${begin}`);
      applyAttribute(open, name, null);
      continue;
    }
    state.i++;
    while (at(state.i) !== 0 && isSpace(at(state.i))) state.i++;
    if (at(state.i) === 0) throw new TelegramHtmlError(`Unclosed start tag "${tag}" at byte offset ${begin}`);
    const value = readAttributeValue(state);
    if (at(state.i) === 0) throw new TelegramHtmlError(`Unclosed start tag at byte offset ${begin}`);
    applyAttribute(open, name, value);
  }
  if (tag === 'span' && open.argument !== 'spoiler') {
    throw new TelegramHtmlError(`Tag "span" must have class "tg-spoiler" at byte offset ${begin}`);
  }
  return open;
}

/** Parses `</tag>` starting at `<` (`begin`); leaves the cursor on `>` and returns the (possibly empty) name. */
function readEndTag(state: ParseState, begin: number): string {
  const { at } = state;
  while (!isSpace(at(state.i)) && at(state.i) !== GT) state.i++;
  const name = lowerAscii(state.bytes, begin + 2, state.i);
  while (isSpace(at(state.i)) && at(state.i) !== 0) state.i++;
  if (at(state.i) !== GT) throw new TelegramHtmlError(`Unclosed end tag at byte offset ${begin}`);
  return name;
}

const SCHEMES_KEPT = new Set(['http:', 'https:', 'tg:', 'ton:', 'tonsite:']);

/**
 * Approximates TDLib's `LinkManager::get_checked_link`: bare domains get `http://`, http(s) links are
 * normalised (Telegram turns `https://example.com` into `https://example.com/`), unknown schemes are dropped
 * (the text stays, the link silently disappears — exactly what bots see on Telegram).
 */
export function checkTelegramLink(raw: string): string | null {
  const url = raw.trim();
  if (url.length === 0 || /\s/.test(url)) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  const candidate = scheme === undefined ? `http://${url}` : url;
  if (scheme !== undefined && !SCHEMES_KEPT.has(`${scheme}:`)) return null;
  if (scheme === 'tg' || scheme === 'ton' || scheme === 'tonsite') return url;
  try {
    const parsed = new URL(candidate);
    if (parsed.hostname.length === 0) return null;
    if (!parsed.hostname.includes('.') && parsed.hostname !== 'localhost') return null;
    return parsed.href;
  } catch {
    return null;
  }
}

/** `tg://user?id=123` → 123, as Telegram's `get_link_user_id`. */
function linkUserId(url: string): number | null {
  const match = /^tg:(?:\/\/)?user\?id=(\d{1,15})$/i.exec(url);
  return match ? Number(match[1]) : null;
}

function linkEntity(open: OpenTag, state: ParseState, offset: number, length: number, options: ParseHtmlOptions): MessageEntity | null {
  const url = open.argument.length > 0 ? open.argument : Buffer.from(state.out.slice(open.resultPosition)).toString('utf8');
  const userId = linkUserId(url);
  const user = userId === null ? undefined : options.resolveUser?.(userId);
  if (user) return { type: 'text_mention', offset, length, user };
  const checked = checkTelegramLink(url);
  return checked === null ? null : { type: 'text_link', offset, length, url: checked };
}

function timeEntity(open: OpenTag, offset: number, length: number): MessageEntity {
  const unix = Number(open.argument);
  if (!/^\d{1,12}$/.test(open.argument) || !Number.isSafeInteger(unix)) {
    throw new TelegramHtmlError('Invalid Unix time specified');
  }
  const format = open.extra;
  if (!/^(r|w?[dD]?[tT]?)$/.test(format)) throw new TelegramHtmlError('Invalid date and time format specified');
  return { type: 'date_time', offset, length, unix_time: unix, date_time_format: format as 'r' };
}

/**
 * `<code class="language-x">` remembers its language only until an enclosing `<pre>` of the same span claims it;
 * a lone `<code>` drops it (TDLib clears the argument of plain code entities at the end).
 */
const pendingLanguage = new WeakMap<MessageEntity, string>();

/** Turns a closed tag into its entity, merging `<pre><code class="language-x">` into one `pre` with a language. */
function closeEntity(open: OpenTag, state: ParseState, entities: MessageEntity[], options: ParseHtmlOptions): void {
  const offset = open.utf16Offset;
  const length = state.utf16Offset - offset;
  const last = entities[entities.length - 1];
  const sameSpan = last !== undefined && last.offset === offset && last.length === length;
  const simple: Record<string, MessageEntity['type']> = {
    b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', ins: 'underline',
    s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough', 'tg-spoiler': 'spoiler', span: 'spoiler',
  };
  const simpleType = simple[open.tag];
  if (simpleType) {
    entities.push({ type: simpleType, offset, length } as MessageEntity);
  } else if (open.tag === 'a') {
    const entity = linkEntity(open, state, offset, length, options);
    if (entity) entities.push(entity);
  } else if (open.tag === 'tg-emoji') {
    if (!/^\d{1,19}$/.test(open.argument) || /^0+$/.test(open.argument)) {
      throw new TelegramHtmlError('Invalid custom emoji identifier specified');
    }
    entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: open.argument });
  } else if (open.tag === 'tg-time') {
    entities.push(timeEntity(open, offset, length));
  } else if (open.tag === 'pre') {
    if (sameSpan && last.type === 'code' && pendingLanguage.has(last)) {
      const language = pendingLanguage.get(last) ?? '';
      entities[entities.length - 1] = { type: 'pre', offset, length, language };
    } else {
      entities.push({ type: 'pre', offset, length });
    }
  } else if (open.tag === 'code') {
    if (sameSpan && last.type === 'pre' && open.argument.length > 0) {
      entities[entities.length - 1] = { type: 'pre', offset, length, language: open.argument };
    } else {
      const code: MessageEntity = { type: 'code', offset, length };
      if (open.argument.length > 0) pendingLanguage.set(code, open.argument);
      entities.push(code);
    }
  } else if (open.tag === 'blockquote') {
    entities.push({ type: open.argument.length > 0 ? 'expandable_blockquote' : 'blockquote', offset, length });
  }
}

/** Handles one `<` … `>` at the cursor: opens or closes an entity. */
function handleTag(state: ParseState, nested: OpenTag[], entities: MessageEntity[], options: ParseHtmlOptions): void {
  const begin = state.i++;
  if (state.at(state.i) !== SLASH) {
    nested.push(readStartTag(state, begin));
    return;
  }
  if (nested.length === 0) throw new TelegramHtmlError(`Unexpected end tag at byte offset ${begin}`);
  const endName = readEndTag(state, begin);
  const open = nested[nested.length - 1] as OpenTag;
  if (endName.length > 0 && endName !== open.tag) {
    throw new TelegramHtmlError(
      `Unmatched end tag at byte offset ${begin}, expected "</${open.tag}>", found "</${endName}>"`,
    );
  }
  if (state.utf16Offset > open.utf16Offset) closeEntity(open, state, entities, options);
  nested.pop();
}

/** Telegram's entity order: by offset, the longer (outer) entity first. */
export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities
    .map((entity, index) => ({ entity, index }))
    .sort((a, b) => a.entity.offset - b.entity.offset || b.entity.length - a.entity.length || a.index - b.index)
    .map(({ entity }) => entity);
}

/**
 * Parses text the way the Bot API does for `parse_mode: "HTML"`.
 * @throws {TelegramHtmlError} with Telegram's wording when Telegram would answer `can't parse entities`
 */
export function parseTelegramHtml(html: string, options: ParseHtmlOptions = {}): ParsedText {
  const bytes = Buffer.from(html, 'utf8');
  const at: ByteReader = (index) => (index < bytes.length ? (bytes[index] as number) : 0);
  const state: ParseState = { bytes, at, i: 0, out: [], utf16Offset: 0, decodedSurrogate: false };
  const nested: OpenTag[] = [];
  const entities: MessageEntity[] = [];
  for (; state.i < bytes.length; state.i++) {
    const c = at(state.i);
    if (c === AMP) {
      const decoded = decodeHtmlEntity(at, state.i);
      if (decoded) {
        state.utf16Offset += decoded.code > 0xffff ? 2 : 1;
        if (decoded.code >= 0xd800 && decoded.code <= 0xdfff) state.decodedSurrogate = true;
        appendUtf8(state.out, decoded.code);
        state.i = decoded.next - 1;
        continue;
      }
    }
    if (c !== LT) {
      state.utf16Offset += utf16Units(c);
      state.out.push(c);
      continue;
    }
    handleTag(state, nested, entities, options);
  }
  const unclosed = nested[nested.length - 1];
  if (unclosed) throw new TelegramHtmlError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  if (state.decodedSurrogate) {
    throw new TelegramHtmlError(
      'Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units',
    );
  }
  return { text: Buffer.from(state.out).toString('utf8'), entities: sortEntities(entities) };
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering entities back to HTML for the playground page
// ---------------------------------------------------------------------------------------------------------------

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Only links a browser can follow harmlessly; `javascript:` and friends never reach the page. */
function safeHref(url: string): string | null {
  const trimmed = url.trim();
  if (/^(https?:|mailto:|tg:)/i.test(trimmed)) return trimmed;
  return null;
}

function linkOpen(href: string | null): string {
  if (href === null) return '<span class="tg-link">';
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer" target="_blank">`;
}

function linkClose(href: string | null): string {
  return href === null ? '</span>' : '</a>';
}

function entityHref(entity: MessageEntity, text: string): string | null {
  const inner = text.slice(entity.offset, entity.offset + entity.length);
  if (entity.type === 'text_link') return safeHref(entity.url);
  if (entity.type === 'url') return safeHref(/^[a-z][a-z0-9+.-]*:/i.test(inner) ? inner : `http://${inner}`);
  if (entity.type === 'email') return `mailto:${inner}`;
  return null;
}

const SIMPLE_TAGS: Partial<Record<MessageEntity['type'], [string, string]>> = {
  bold: ['<b>', '</b>'],
  italic: ['<i>', '</i>'],
  underline: ['<u>', '</u>'],
  strikethrough: ['<s>', '</s>'],
  spoiler: ['<span class="tg-spoiler">', '</span>'],
  code: ['<code>', '</code>'],
  blockquote: ['<blockquote>', '</blockquote>'],
  expandable_blockquote: ['<blockquote class="tg-expandable">', '</blockquote>'],
  mention: ['<span class="tg-mention">', '</span>'],
  text_mention: ['<span class="tg-mention">', '</span>'],
  hashtag: ['<span class="tg-hashtag">', '</span>'],
  cashtag: ['<span class="tg-hashtag">', '</span>'],
  bot_command: ['<span class="tg-command">', '</span>'],
  phone_number: ['<span class="tg-phone">', '</span>'],
  custom_emoji: ['<span class="tg-emoji">', '</span>'],
  date_time: ['<time class="tg-time">', '</time>'],
};

/** The opening and closing markup of one entity; unknown entity types render as their plain text. */
function entityTags(entity: MessageEntity, text: string): [string, string] {
  if (entity.type === 'pre') {
    const language = (entity.language ?? '').replace(/[^A-Za-z0-9_+#.-]/g, '');
    return language ? [`<pre><code class="language-${language}">`, '</code></pre>'] : ['<pre>', '</pre>'];
  }
  if (entity.type === 'text_link' || entity.type === 'url' || entity.type === 'email') {
    const href = entityHref(entity, text);
    return [linkOpen(href), linkClose(href)];
  }
  return SIMPLE_TAGS[entity.type] ?? ['', ''];
}

interface Span {
  entity: MessageEntity;
  end: number;
  open: string;
  close: string;
}

/**
 * Renders text + entities as HTML that is safe to put into the page with `innerHTML`: every character of the
 * text is escaped, only a fixed set of tags is emitted, links only for http(s)/mailto/tg with
 * `rel="noopener noreferrer" target="_blank"`. Entities that overlap without nesting are split and reopened, so
 * the output is always well-formed. Newlines stay `\n` (the page uses `white-space: pre-wrap`).
 */
export function renderEntitiesToSafeHtml(text: string, entities: readonly MessageEntity[] = []): string {
  const spans: Span[] = sortEntities(
    entities.filter((e) => Number.isInteger(e.offset) && Number.isInteger(e.length) && e.length > 0 && e.offset >= 0 && e.offset < text.length),
  ).map((entity) => {
    const [open, close] = entityTags(entity, text);
    return { entity, end: Math.min(text.length, entity.offset + entity.length), open, close };
  });
  const boundaries = [...new Set([0, text.length, ...spans.flatMap((s) => [s.entity.offset, s.end])])].sort((a, b) => a - b);
  const stack: Span[] = [];
  let next = 0;
  let html = '';
  for (let k = 0; k < boundaries.length; k++) {
    const position = boundaries[k] as number;
    html += closeEndedSpans(stack, position);
    while (next < spans.length && (spans[next] as Span).entity.offset === position) {
      const span = spans[next++] as Span;
      stack.push(span);
      html += span.open;
    }
    const until = boundaries[k + 1];
    if (until !== undefined) html += escapeHtml(text.slice(position, until));
  }
  return html + closeEndedSpans(stack, Number.POSITIVE_INFINITY);
}

/** Closes every span ending at `position`, temporarily closing and reopening inner spans that go on. */
function closeEndedSpans(stack: Span[], position: number): string {
  const firstEnded = stack.findIndex((span) => span.end <= position);
  if (firstEnded === -1) return '';
  const popped = stack.splice(firstEnded);
  let html = '';
  for (let k = popped.length - 1; k >= 0; k--) html += (popped[k] as Span).close;
  for (const span of popped) {
    if (span.end > position) {
      stack.push(span);
      html += span.open;
    }
  }
  return html;
}
