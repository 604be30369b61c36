import { describe, expect, it } from 'vitest';
import {
  checkTelegramLink,
  parseTelegramHtml,
  renderEntitiesToSafeHtml,
  TelegramHtmlError,
} from '../../src/playground/telegram-html.js';

/** The TDLib reason of the error the parser throws for `html`. */
function reasonOf(html: string): string {
  try {
    parseTelegramHtml(html);
  } catch (error) {
    if (error instanceof TelegramHtmlError) return error.reason;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(html)} to be rejected`);
}

describe('parseTelegramHtml: allowed tags', () => {
  it.each([
    ['<b>x</b>', 'bold'],
    ['<strong>x</strong>', 'bold'],
    ['<i>x</i>', 'italic'],
    ['<em>x</em>', 'italic'],
    ['<u>x</u>', 'underline'],
    ['<ins>x</ins>', 'underline'],
    ['<s>x</s>', 'strikethrough'],
    ['<strike>x</strike>', 'strikethrough'],
    ['<del>x</del>', 'strikethrough'],
    ['<tg-spoiler>x</tg-spoiler>', 'spoiler'],
    ['<span class="tg-spoiler">x</span>', 'spoiler'],
    ['<code>x</code>', 'code'],
    ['<pre>x</pre>', 'pre'],
    ['<blockquote>x</blockquote>', 'blockquote'],
    ['<blockquote expandable>x</blockquote>', 'expandable_blockquote'],
    ['<B>x</B>', 'bold'],
  ])('%s → %s', (html, type) => {
    expect(parseTelegramHtml(html)).toEqual({ text: 'x', entities: [{ type, offset: 0, length: 1 }] });
  });

  it('turns links into text_link with the URL normalised as Telegram does', () => {
    expect(parseTelegramHtml('Lihat <a href="https://spbe.go.id">SPBE</a>')).toEqual({
      text: 'Lihat SPBE',
      entities: [{ type: 'text_link', offset: 6, length: 4, url: 'https://spbe.go.id/' }],
    });
  });

  it('drops links with schemes Telegram does not accept but keeps the text', () => {
    expect(parseTelegramHtml('<a href="javascript:alert(1)">klik</a>')).toEqual({ text: 'klik', entities: [] });
    expect(checkTelegramLink('example.com/a')).toBe('http://example.com/a');
  });

  it('merges <pre><code class="language-x"> into one pre entity with a language', () => {
    expect(parseTelegramHtml('<pre><code class="language-python">print(1)</code></pre>').entities).toEqual([
      { type: 'pre', offset: 0, length: 8, language: 'python' },
    ]);
    expect(parseTelegramHtml('<code class="language-python">x</code>').entities).toEqual([{ type: 'code', offset: 0, length: 1 }]);
  });

  it('nests entities, outer (longer) first', () => {
    const parsed = parseTelegramHtml('<b>tebal <i>miring</i> <u>garis</u></b>');
    expect(parsed.text).toBe('tebal miring garis');
    expect(parsed.entities).toEqual([
      { type: 'bold', offset: 0, length: 18 },
      { type: 'italic', offset: 6, length: 6 },
      { type: 'underline', offset: 13, length: 5 },
    ]);
  });

  it('creates no entity for an empty tag', () => {
    expect(parseTelegramHtml('a<b></b>b')).toEqual({ text: 'ab', entities: [] });
  });

  it('accepts </> as a closing tag for the innermost open tag', () => {
    expect(parseTelegramHtml('<b>x</>').entities).toEqual([{ type: 'bold', offset: 0, length: 1 }]);
  });
});

describe('parseTelegramHtml: character references', () => {
  it('decodes the four named references and numeric ones', () => {
    expect(parseTelegramHtml('&lt;b&gt; &amp; &quot;x&quot; &#65;&#x42; &#128512;').text).toBe('<b> & "x" AB 😀');
  });

  it('keeps unknown or malformed references literally (Telegram does not reject them)', () => {
    expect(parseTelegramHtml('A &nbsp; B & C &copy; &#0;').text).toBe('A &nbsp; B & C &copy; &#0;');
  });

  it('accepts references without a semicolon', () => {
    expect(parseTelegramHtml('1 &lt 2').text).toBe('1 < 2');
  });

  it('decodes references inside quoted attribute values', () => {
    expect(parseTelegramHtml('<a href="https://x.id/?a=1&amp;b=2">q</a>').entities).toEqual([
      { type: 'text_link', offset: 0, length: 1, url: 'https://x.id/?a=1&b=2' },
    ]);
  });
});

describe('parseTelegramHtml: errors with Telegram wording and byte offsets', () => {
  it('rejects unsupported tags', () => {
    expect(reasonOf('Perhatian: <script>alert(1)</script>')).toBe('Unsupported start tag "script" at byte offset 11');
    expect(() => parseTelegramHtml('x <br>')).toThrow('Can\'t parse entities: Unsupported start tag "br" at byte offset 2');
  });

  it('counts offsets in UTF-8 bytes', () => {
    expect(reasonOf('é <p>')).toBe('Unsupported start tag "p" at byte offset 3');
  });

  it('rejects a bare < that starts something tag-like', () => {
    expect(reasonOf('1 < 2')).toBe('Unsupported start tag "" at byte offset 2');
    expect(reasonOf('a<b')).toBe('Unclosed start tag at byte offset 1');
  });

  it('rejects unclosed tags', () => {
    expect(reasonOf('<b>tebal')).toBe('Can\'t find end tag corresponding to start tag "b"');
    expect(reasonOf('<b><i>x</i>')).toBe('Can\'t find end tag corresponding to start tag "b"');
  });

  it('rejects end tags without a start tag and mismatched end tags', () => {
    expect(reasonOf('x</b>')).toBe('Unexpected end tag at byte offset 1');
    expect(reasonOf('<b>x</i>')).toBe('Unmatched end tag at byte offset 4, expected "</b>", found "</i>"');
    expect(reasonOf('<b>x</b')).toBe('Unclosed end tag at byte offset 4');
  });

  it('requires class="tg-spoiler" on span', () => {
    expect(reasonOf('<span>x</span>')).toBe('Tag "span" must have class "tg-spoiler" at byte offset 0');
  });

  it('rejects malformed attribute values', () => {
    expect(reasonOf('<a href=x/>y</a>')).toBe('Unexpected end of name token at byte offset 8');
  });

  it('is a TelegramHtmlError whose message starts with "Can\'t parse entities:"', () => {
    expect(() => parseTelegramHtml('<div>x</div>')).toThrow(TelegramHtmlError);
    expect(() => parseTelegramHtml('<div>x</div>')).toThrow(/^Can't parse entities: /);
  });
});

describe('parseTelegramHtml: UTF-16 offsets and length after parsing', () => {
  it('counts emoji outside the BMP as two UTF-16 code units', () => {
    const parsed = parseTelegramHtml('👋 <b>Halo</b> 🇮🇩 <i>ASN</i>');
    expect(parsed.text).toBe('👋 Halo 🇮🇩 ASN');
    expect(parsed.entities).toEqual([
      { type: 'bold', offset: 3, length: 4 },
      { type: 'italic', offset: 13, length: 3 },
    ]);
    const [bold, italic] = parsed.entities;
    expect(parsed.text.slice(bold?.offset, (bold?.offset ?? 0) + (bold?.length ?? 0))).toBe('Halo');
    expect(parsed.text.slice(italic?.offset, (italic?.offset ?? 0) + (italic?.length ?? 0))).toBe('ASN');
  });

  it('measures text after tags and references are removed', () => {
    const html = `<b>${'a'.repeat(4000)}</b>&amp;`;
    expect(parseTelegramHtml(html).text).toHaveLength(4001);
  });
});

describe('renderEntitiesToSafeHtml', () => {
  it('escapes text and emits only known tags', () => {
    const { text, entities } = parseTelegramHtml('&lt;img src=x onerror=alert(1)&gt; <b>ok</b>');
    expect(renderEntitiesToSafeHtml(text, entities)).toBe('&lt;img src=x onerror=alert(1)&gt; <b>ok</b>');
  });

  it('renders links with rel="noopener" and target="_blank", and refuses javascript: URLs', () => {
    expect(renderEntitiesToSafeHtml('SPBE', [{ type: 'text_link', offset: 0, length: 4, url: 'https://spbe.go.id/' }])).toBe(
      '<a href="https://spbe.go.id/" rel="noopener noreferrer" target="_blank">SPBE</a>',
    );
    expect(renderEntitiesToSafeHtml('x', [{ type: 'text_link', offset: 0, length: 1, url: 'javascript:alert(1)' }])).toBe(
      '<span class="tg-link">x</span>',
    );
  });

  it('round-trips nested formatting from the parser', () => {
    const html = '<b>Status: <i>disetujui</i></b> <code>REQ-1</code>\n<pre><code class="language-json">{"a":1}</code></pre>';
    const parsed = parseTelegramHtml(html);
    expect(renderEntitiesToSafeHtml(parsed.text, parsed.entities)).toBe(
      '<b>Status: <i>disetujui</i></b> <code>REQ-1</code>\n<pre><code class="language-json">{&quot;a&quot;:1}</code></pre>',
    );
  });

  it('keeps output well-formed when entities overlap without nesting', () => {
    const html = renderEntitiesToSafeHtml('abcd', [
      { type: 'bold', offset: 0, length: 3 },
      { type: 'italic', offset: 1, length: 3 },
    ]);
    expect(html).toBe('<b>a<i>bc</i></b><i>d</i>');
  });

  it('handles emoji offsets and ignores entities outside the text', () => {
    expect(renderEntitiesToSafeHtml('😀 hi', [
      { type: 'bold', offset: 3, length: 2 },
      { type: 'italic', offset: 10, length: 2 },
    ])).toBe('😀 <b>hi</b>');
  });
});
