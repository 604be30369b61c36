import { describe, expect, it } from 'vitest';
import { escapeHtml, formatCitation, splitHtmlMessage } from '../../src/bot/format.js';
import { parseTelegramHtml } from '../../src/playground/telegram-html.js';

/** Every part must be valid Telegram HTML (checked with the emulator's strict parser) and within the limit. */
function expectValidParts(parts: string[], limit = 4096) {
  for (const p of parts) {
    const parsed = parseTelegramHtml(p);
    expect(parsed.text.length).toBeLessThanOrEqual(limit);
    expect(parsed.text.trim().length).toBeGreaterThan(0);
  }
}

describe('Telegram HTML formatting', () => {
  it('escapes everything dynamic', () => {
    expect(escapeHtml('<script>&"')).toBe('&lt;script&gt;&amp;&quot;');
    expect(formatCitation({ n: 1, title: 'A <b>', heading: 'B & C', url: 'javascript:alert(1)', file: 'a.md', chunkId: 'a#0' })).toBe('[1] A &lt;b&gt; — B &amp; C');
    expect(formatCitation({ n: 2, title: 'T', heading: '', url: 'https://x.go.id/?a=1&b="2"', file: 'a.md', chunkId: 'a#0' })).toContain('href="https://x.go.id/?a=1&amp;b=%222%22"');
  });

  it('splits long replies at paragraph boundaries into valid messages', () => {
    const para = (i: number) => `<b>Bagian ${i}</b>\n${escapeHtml('Kalimat panjang tentang SPBE & pelatihan digital. '.repeat(20))}`;
    const html = Array.from({ length: 12 }, (_, i) => para(i)).join('\n\n');
    const parts = splitHtmlMessage(html);
    expect(parts.length).toBeGreaterThan(1);
    expectValidParts(parts);
    expect(parts.join('\n\n').replace(/\s+/g, ' ')).toBe(html.replace(/\s+/g, ' ').trim());
  });

  it('never cuts inside a tag that spans blank lines', () => {
    const quote = (i: number) => `<i>Alasan ${i}: ${'paragraf pertama alasan penolakan. '.repeat(12)}\n\n${'paragraf kedua. '.repeat(30)}</i>`;
    const html = Array.from({ length: 8 }, (_, i) => quote(i)).join('\n\n');
    const parts = splitHtmlMessage(html);
    expect(parts.length).toBeGreaterThan(1);
    expectValidParts(parts);
  });

  it('splits a single huge paragraph inside a tag, closing and reopening it', () => {
    const html = `<blockquote>${escapeHtml('Satu kalimat yang panjang sekali. '.repeat(400))}</blockquote>`;
    const parts = splitHtmlMessage(html);
    expect(parts.length).toBeGreaterThan(2);
    expectValidParts(parts);
    for (const p of parts) expect(p.startsWith('<blockquote>') && p.endsWith('</blockquote>')).toBe(true);
  });
});
