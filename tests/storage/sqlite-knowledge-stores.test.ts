import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { confirmWatch, offerWatch, WATCH_DAYS } from '../../src/answering/knowledge-gaps.js';
import { openDatabase } from '../../src/storage/sqlite.js';
import { SqliteEnrolmentStore } from '../../src/storage/sqlite-enrolment-store.js';
import { SqliteKnowledgeStores } from '../../src/storage/sqlite-knowledge-stores.js';
import { makeTmpDir } from '../helpers/tmp.js';

let tmp: { dir: string; cleanup: () => void };
let db: Database.Database;
let store: SqliteKnowledgeStores;
const DAY = 86_400_000;
const T0 = new Date('2026-12-01T00:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const payload = { question: 'q', text: 'jawaban [1]', notes: [], citations: [{ n: 1, title: 'Dok', heading: 'Bagian' }] };

beforeEach(() => {
  tmp = makeTmpDir('asisten-kstore-');
  db = openDatabase(tmp.dir);
  store = new SqliteKnowledgeStores(db);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe('answer watches', () => {
  it('an offer expires after a day unless pressed; a pressed one waits 90 days, then is gone', async () => {
    const stale = await offerWatch(store, { userId: 1, chatId: 1, locale: 'id', question: 'a', now: T0 });
    await expect(confirmWatch(store, { id: stale, userId: 1, now: at(2) })).resolves.toBe(false);
    const id = await offerWatch(store, { userId: 1, chatId: 1, locale: 'id', question: 'b', now: T0 });
    await expect(confirmWatch(store, { id, userId: 1, now: at(0.5) })).resolves.toBe(true);
    expect((await store.listWaiting(at(WATCH_DAYS - 1).toISOString())).map((w) => w.question)).toEqual(['b']);
    expect(await store.listWaiting(at(WATCH_DAYS + 1).toISOString())).toEqual([]);
    await expect(store.deleteExpiredWatches(at(WATCH_DAYS + 1).toISOString())).resolves.toBe(2);
  });

  it('answered once: the notification is queued in the outbox in the same step, never twice', async () => {
    const id = await offerWatch(store, { userId: 7, chatId: 7, locale: 'en', question: 'b', now: T0 });
    await confirmWatch(store, { id, userId: 7, now: T0 });
    const mark = () => store.markAnsweredAndNotify({ id, now: at(1).toISOString(), notifyAt: at(1).toISOString(), payload });
    await expect(mark()).resolves.toBe(true);
    await expect(mark()).resolves.toBe(false);
    const outbox = await new SqliteEnrolmentStore(db).listOutbox();
    expect(outbox.map((m) => [m.kind, m.chatId, m.locale, m.status])).toEqual([['answer_ready', 7, 'en', 'pending']]);
  });

  it('forgetting a user deletes their watches and drops their undelivered answers (text included)', async () => {
    const id = await offerWatch(store, { userId: 9, chatId: 9, locale: 'id', question: 'rahasia', now: T0 });
    await confirmWatch(store, { id, userId: 9, now: T0 });
    await store.markAnsweredAndNotify({ id, now: T0.toISOString(), notifyAt: T0.toISOString(), payload });
    await expect(store.forgetWatchesOf(9)).resolves.toBe(1);
    const [message] = await new SqliteEnrolmentStore(db).listOutbox();
    expect(message).toMatchObject({ kind: 'answer_ready', status: 'dropped', payload: {} });
  });
});

describe('knowledge gaps', () => {
  it('counts a group, keeps the newest five examples, and orders by count', async () => {
    for (let i = 0; i < 7; i++) await store.recordGap({ groupKey: 't:spbe', question: `spbe ${i}`, coverage: i % 2 ? 'partial' : 'none', now: at(i).toISOString() });
    await store.recordGap({ groupKey: 't:lain', question: 'lain', coverage: 'none', now: at(8).toISOString() });
    const [top, second] = await store.topGaps(10);
    expect(top).toMatchObject({ example: 'spbe 6', count: 7, partialCount: 3, firstSeen: at(0).toISOString(), lastSeen: at(6).toISOString() });
    expect(second).toMatchObject({ example: 'lain', count: 1 });
    const examples = await store.gapExamples(top!.id, 10);
    expect(examples!.examples.map((e) => e.question)).toEqual(['spbe 6', 'spbe 5', 'spbe 4', 'spbe 3', 'spbe 2']);
  });
});
