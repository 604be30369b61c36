import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessageView } from '../../src/playground/emulator-types.js';
import { ADMIN, BotHarness, BUDI, CITRA, DEDI, MAINTAINER } from '../helpers/bot-harness.js';
import { openTempKnowledgeBase } from '../helpers/kb.js';
import { regulationPdf, TKDN_PDF, TKDN_QUESTION, upload } from '../helpers/upload-fixtures.js';

let h: BotHarness;
let cleanupKb: () => void;

beforeAll(async () => {
  const opened = await openTempKnowledgeBase();
  cleanupKb = opened.cleanup;
  h = await BotHarness.start({ kb: opened.kb, maintenance: { knowledgeDir: opened.knowledgeDir } });
});
afterAll(async () => {
  await h.stop();
  cleanupKb();
});

const READY = 'Pertanyaan Anda kini dapat dijawab';
const readyMessages = (userId: number) => h.botMessages(userId).filter((m) => m.text.includes(READY));

async function askAndWatch(userId: number, question: string): Promise<ChatMessageView> {
  const refusal = await h.say(userId, question, { timeoutMs: 10_000 });
  expect(refusal.text).toContain('belum ada di basis pengetahuan');
  const answer = await h.press(userId, refusal, BotHarness.button(refusal, '🔔 Kabari saya'));
  expect(answer.text).toContain('Anda akan dikabari sekali');
  return refusal;
}

describe('knowledge gaps and "🔔 Kabari saya"', () => {
  it('a refusal offers the 🔔 button; pressing it keeps the question waiting (and removes the button)', async () => {
    const refusal = await askAndWatch(BUDI.id, TKDN_QUESTION);
    await h.waitForBotMessage(BUDI.id, (m) => m.id === refusal.id && !m.reply_markup, { edits: true, sinceSeq: 0 }).catch(() => undefined);
    expect(h.emulator.messages(BUDI.id).find((m) => m.id === refusal.id)?.reply_markup).toBeUndefined();
    await expect(h.maintenance.gaps.countWaiting(new Date().toISOString())).resolves.toBe(1);
  });

  it('someone else cannot confirm my offer', async () => {
    const refusal = await h.say(DEDI.id, 'Apa yang dimaksud dengan tingkat komponen dalam negeri pada penyelenggaraan telekomunikasi', { timeoutMs: 10_000 });
    const data = BotHarness.button(refusal, '🔔');
    await expect(h.maintenance.gaps.confirmWatch({ id: Number(data.split(':')[1]), userId: BUDI.id, now: new Date().toISOString(), expiresAt: new Date(Date.now() + 1e9).toISOString() })).resolves.toBe(false);
  });

  it('/celah groups the same question (different order, case and punctuation) with counts and examples', async () => {
    await askAndWatch(CITRA.id, TKDN_QUESTION.toUpperCase());
    const gaps = await h.say(MAINTAINER.id, '/celah');
    expect(gaps.text).toContain('Celah pengetahuan');
    // BUDI, DEDI (reworded: same key terms) and CITRA: one group of three.
    expect(gaps.text).toMatch(/1\. .*Tingkat Komponen Dalam Negeri.* \(×3\)/i);
    expect(gaps.text).toContain('penanya menunggu kabar');
    const examples = await h.pressAndWait(MAINTAINER.id, gaps, BotHarness.button(gaps, 'Contoh 1'));
    expect(examples.text).toContain('Contoh pertanyaan');
    expect(examples.text.match(/^• /gm)).toHaveLength(3);
    const refused = await h.say(BUDI.id, '/celah');
    expect(refused.text).toContain('hanya untuk pengelola konten');
  });

  it('/hapusdata erases a waiting question: that asker gets nothing later', async () => {
    const ask = await h.say(CITRA.id, '/hapusdata');
    const since = h.emulator.seq;
    await h.press(CITRA.id, ask, BotHarness.button(ask, 'Ya, hapus data saya'));
    await h.waitForBotMessage(CITRA.id, () => true, { sinceSeq: since, edits: true });
    await expect(h.maintenance.gaps.countWaiting(new Date().toISOString())).resolves.toBe(1);
  });

  it('an upload that answers the waiting question notifies the asker exactly once, and the report says so', async () => {
    const report = await upload(h, MAINTAINER.id, TKDN_PDF, regulationPdf());
    expect(report.text).toContain('1 pertanyaan yang menunggu kini terjawab');
    await h.waitForBotMessage(BUDI.id, (m) => m.text.includes(READY), { timeoutMs: 10_000, sinceSeq: 0 });
    await h.outboxSettled();
    expect(readyMessages(BUDI.id)).toHaveLength(1);
    expect(readyMessages(BUDI.id)[0]!.text).toMatch(/telekomunikasi/i);
    expect(readyMessages(BUDI.id)[0]!.text).toContain('Sumber:');

    // Later builds (a /reindex, the watcher seeing the same build) do not notify again.
    const reindex = await h.say(ADMIN.id, '/reindex', { predicate: () => true });
    await h.waitForBotMessage(ADMIN.id, (m) => m.text.includes('Pertanyaan menunggu yang kini terjawab: 0'), { edits: true, sinceSeq: 0, timeoutMs: 20_000 });
    expect(reindex).toBeDefined();
    await expect(h.maintenance.waiting.recheck(h.deps.kb.manifest.buildId)).resolves.toBe(0);
    await expect(h.maintenance.waiting.recheck('another-build')).resolves.toBe(0);
    await h.outboxSettled();
    expect(readyMessages(BUDI.id)).toHaveLength(1);
    expect(readyMessages(CITRA.id)).toHaveLength(0);
    expect(readyMessages(DEDI.id)).toHaveLength(0); // offered, never pressed
  });

  it('👎 asks one optional reason; /statistik shows the reasons', async () => {
    const answer = await h.say(BUDI.id, 'Berapa indeks SPBE Kaltim tahun 2024?', { timeoutMs: 10_000 });
    expect(answer.text).toContain('3,79');
    const since = h.emulator.seq;
    await h.press(BUDI.id, answer, BotHarness.button(answer, '👎'));
    const ask = await h.waitForBotMessage(BUDI.id, (m) => m.text.includes('Apa yang kurang?'), { sinceSeq: since });
    expect(ask.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(['Salah', 'Usang', 'Tidak lengkap', 'Tidak relevan']);
    await h.press(BUDI.id, ask, BotHarness.button(ask, 'Usang'));
    const stats = await h.say(ADMIN.id, '/statistik');
    expect(stats.text).toContain('Alasan 👎: salah 0 · usang 1 · tidak lengkap 0 · tidak relevan 0');
  });
});
