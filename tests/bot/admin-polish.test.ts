import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, BotHarness, BUDI, submitRequestAs } from '../helpers/bot-harness.js';

let h: BotHarness;
beforeAll(async () => {
  h = await BotHarness.start();
});
afterAll(async () => {
  await h.stop();
});

describe('admin polish', () => {
  it('the decision notice follows the applicant’s current /bahasa, not the language they applied in', async () => {
    const { id, card } = await submitRequestAs(h, BUDI);
    const choose = await h.say(BUDI.id, '/bahasa');
    await h.press(BUDI.id, choose, 'lang:en');
    const since = h.emulator.seq;
    await h.press(ADMIN.id, card, `adm:a:${id}`);
    const notice = await h.waitForBotMessage(BUDI.id, (m) => m.text.includes(`#${id}`), { sinceSeq: since });
    expect(notice.text).toContain(`Request #${id} approved`);
  });

  it('/program buttons are shortened at a word boundary', async () => {
    const list = await h.say(BUDI.id, '/program');
    const labels = list.reply_markup!.inline_keyboard.flat().map((b) => b.text);
    expect(labels).toContain('✅ Government Transformation Academy (GTA)…');
    for (const label of labels.filter((l) => l.endsWith('…'))) expect(label).toMatch(/[\p{L})]…$/u);
  });
});
