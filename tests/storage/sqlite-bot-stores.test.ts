import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/sqlite.js';
import { SqliteBotStores, unansweredKey } from '../../src/storage/sqlite-bot-stores.js';
import { tempDataDir } from '../enrolment/fixtures.js';

let temp: ReturnType<typeof tempDataDir>;
let db: Database.Database;
let stores: SqliteBotStores;
beforeEach(() => {
  temp = tempDataDir();
  db = openDatabase(temp.dir);
  stores = new SqliteBotStores(db);
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

describe('SqliteBotStores', () => {
  it('remembers the locale across a reopen', async () => {
    expect(await stores.getLocale(1)).toBeNull();
    await stores.setLocale(1, 'en');
    await stores.setLocale(1, 'id');
    db.close();
    db = openDatabase(temp.dir);
    stores = new SqliteBotStores(db);
    expect(await stores.getLocale(1)).toBe('id');
  });

  it('counts one vote per user per answer, keeps the question', async () => {
    expect(await stores.recordFeedback({ answerId: 'a1', userId: 1, vote: 'up', question: 'Apa itu SPBE?' })).toEqual({ up: 1, down: 0 });
    expect(await stores.recordFeedback({ answerId: 'a1', userId: 2, vote: 'down' })).toEqual({ up: 1, down: 1 });
    expect(await stores.recordFeedback({ answerId: 'a1', userId: 1, vote: 'down' })).toEqual({ up: 0, down: 2 });
    await stores.recordFeedback({ answerId: 'a2', userId: 1, vote: 'up', question: 'GTA untuk siapa?' });
    expect(await stores.feedbackCounts('none')).toEqual({ up: 0, down: 0 });
    expect((await stores.worstRatedAnswers(5)).map((a) => [a.answerId, a.question, a.up, a.down])).toEqual([
      ['a1', 'Apa itu SPBE?', 0, 2],
      ['a2', 'GTA untuk siapa?', 1, 0],
    ]);
  });

  it('keeps ratings of partial answers apart from full ones', async () => {
    await stores.recordFeedback({ answerId: 'p1', userId: 1, vote: 'down', question: 'Indeks SPBE Kaltim 2025?', coverage: 'partial' });
    await stores.recordFeedback({ answerId: 'f1', userId: 1, vote: 'up', question: 'Apa itu SPBE?' });
    const rated = await stores.worstRatedAnswers(5);
    expect(rated.map((a) => [a.answerId, a.coverage])).toEqual([['p1', 'partial'], ['f1', 'full']]);
  });

  it('logs unanswered questions, folding repeats, most frequent first', async () => {
    expect(await stores.logUnanswered('Kapan DTS 2027 dibuka?', new Date('2026-12-01T00:00:00Z'))).toBe(1);
    expect(await stores.logUnanswered('kapan dts 2027 dibuka', new Date('2026-12-02T00:00:00Z'))).toBe(2);
    await stores.logUnanswered('Siapa Kepala BPSDM?', new Date('2026-12-03T00:00:00Z'));
    // A partial answer ("… 2025 belum tercatat; yang terakhir tercatat: …") is listed too, marked apart.
    await stores.logUnanswered('Indeks SPBE Kaltim 2025?', new Date('2026-12-04T00:00:00Z'), undefined, 'partial');
    expect(await stores.logUnanswered('  ?? ')).toBe(0);
    expect(await stores.topUnanswered(5)).toEqual([
      { question: 'kapan dts 2027 dibuka', count: 2, coverage: 'none', firstSeen: '2026-12-01T00:00:00.000Z', lastSeen: '2026-12-02T00:00:00.000Z' },
      { question: 'Indeks SPBE Kaltim 2025?', count: 1, coverage: 'partial', firstSeen: '2026-12-04T00:00:00.000Z', lastSeen: '2026-12-04T00:00:00.000Z' },
      { question: 'Siapa Kepala BPSDM?', count: 1, coverage: 'none', firstSeen: '2026-12-03T00:00:00.000Z', lastSeen: '2026-12-03T00:00:00.000Z' },
    ]);
    expect(unansweredKey(' Apa  itu SPBE?! ')).toBe('apa itu spbe');
  });

  it('stores the last sources of a chat as JSON', async () => {
    expect(await stores.getLastSources(10)).toBeNull();
    await stores.setLastSources(10, [{ source: 'perpres-95-2018-spbe.md', title: 'Perpres 95/2018' }]);
    await stores.setLastSources(-100, { any: 'shape' });
    expect(await stores.getLastSources<Array<{ source: string }>>(10)).toEqual([{ source: 'perpres-95-2018-spbe.md', title: 'Perpres 95/2018' }]);
    expect(await stores.getLastSources(-100)).toEqual({ any: 'shape' });
  });

  it('gives an admin prompt back once, and not when it is stale', async () => {
    const now = new Date('2026-12-01T00:00:00Z');
    await stores.setAdminPrompt(9001, { requestId: 3, action: 'reject' }, now);
    await stores.setAdminPrompt(9001, { requestId: 4, action: 'needs_info' }, now);
    expect(await stores.takeAdminPrompt(9001, { now })).toEqual({ requestId: 4, action: 'needs_info', createdAt: now.toISOString() });
    expect(await stores.takeAdminPrompt(9001, { now })).toBeNull();
    await stores.setAdminPrompt(9002, { requestId: 5, action: 'reject' }, now);
    expect(await stores.takeAdminPrompt(9002, { now: new Date(now.getTime() + 2 * 3_600_000) })).toBeNull();
    expect(await stores.takeAdminPrompt(9002, { now })).toBeNull(); // discarded, not kept
  });

  it('forgets what it holds about a user', async () => {
    await stores.setLocale(7, 'en');
    await stores.recordFeedback({ answerId: 'a', userId: 7, vote: 'down' });
    await stores.recordFeedback({ answerId: 'a', userId: 8, vote: 'up' });
    await stores.setLastSources(7, ['x']);
    await stores.setAdminPrompt(7, { requestId: 1, action: 'reject' });
    await stores.forgetUser(7);
    expect(await stores.getLocale(7)).toBeNull();
    expect(await stores.feedbackCounts('a')).toEqual({ up: 1, down: 0 });
    expect(await stores.getLastSources(7)).toBeNull();
    expect(await stores.takeAdminPrompt(7)).toBeNull();
  });

  it('redacts unanswered questions itself and forgets the ones a user asked', async () => {
    await stores.logUnanswered('nama saya Budi Santoso, hp (0813) 5555-7777, kapan GCIO?', undefined, 7);
    await stores.logUnanswered('Kapan DLA dibuka?', undefined, 7);
    await stores.logUnanswered('kapan dla dibuka', undefined, 8);
    const stored = JSON.stringify(await stores.topUnanswered(10));
    expect(stored).not.toMatch(/Budi|5555|0813/);
    await stores.forgetUser(7);
    const left = await stores.topUnanswered(10);
    expect(left).toEqual([expect.objectContaining({ question: 'kapan dla dibuka', count: 1 })]);
  });
});

describe('admin prompts bound to their chat', () => {
  it('answer only in the chat where they were asked, and in a group only as a reply to the prompt', async () => {
    const now = new Date('2026-11-28T03:00:00Z');
    await stores.setAdminPrompt(9001, { requestId: 7, action: 'reject', chatId: -100, messageId: 55 }, now);
    expect(await stores.takeAdminPrompt(9001, { now, chatId: 9001 })).toBeNull(); // a private message elsewhere
    expect(await stores.takeAdminPrompt(9001, { now, chatId: -100, replyToMessageId: 54 })).toBeNull(); // a reply to another message
    expect(await stores.takeAdminPrompt(9001, { now, chatId: -100, replyToMessageId: 55 })).toMatchObject({ requestId: 7, action: 'reject' });
    await stores.setAdminPrompt(9001, { requestId: 8, action: 'needs_info', chatId: 9001 }, now);
    expect(await stores.takeAdminPrompt(9001, { now, chatId: 9001 })).toMatchObject({ requestId: 8 });
  });
});
