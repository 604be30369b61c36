import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { REPO_KNOWLEDGE_DIR } from '../helpers/kb.js';
import { makeTmpDir } from '../helpers/tmp.js';
import { REGULATIONS_DIR, TKDN_PDF } from '../helpers/upload-fixtures.js';

/**
 * The playground as a new user meets it: `src/main.ts` without BOT_TOKEN, driven through the
 * web page in Debian's Chromium (installed by .ci/run). Outside CI, a machine without
 * Chromium skips this file with a message; in CI a missing browser is a failure.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs it with apt-get`);
if (!hasChromium) console.warn(`[browser test] Chromium tidak ditemukan di ${CHROMIUM}; uji peramban dilewati (apt-get install chromium).`);

export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? path.resolve(import.meta.dirname, '../.tmp');

let app: BotProcess;
let context: BrowserContext;
let page: Page;
let url: string;
let tmp: { dir: string; cleanup: () => void };

beforeAll(async () => {
  if (!hasChromium) return;
  tmp = makeTmpDir('asisten-browser-');
  // A copy: the 📎 upload test writes into KNOWLEDGE_DIR/unggahan.
  const knowledgeDir = path.join(tmp.dir, 'knowledge');
  fs.cpSync(REPO_KNOWLEDGE_DIR, knowledgeDir, { recursive: true });
  app = startBotProcess({ PORT: '0', DATA_DIR: path.join(tmp.dir, 'data'), KNOWLEDGE_DIR: knowledgeDir, BOT_TOKEN: '' });
  await app.waitForOutput(/Playground siap: buka (http:\/\/\S+)/, 90_000);
  url = /Playground siap: buka (http:\/\/\S+)/.exec(app.output())![1];
  // A fresh profile directory for every run.
  context = await chromium.launchPersistentContext(path.join(tmp.dir, 'chrome-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  const external: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(url.replace(/\/$/, ''))) external.push(r.url());
  });
  await page.goto(url);
  (page as Page & { external?: string[] }).external = external;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
}, 150_000);

afterAll(async () => {
  await context?.close();
  if (app) {
    app.kill('SIGTERM');
    await app.exited;
  }
  tmp?.cleanup();
});

async function send(text: string) {
  await page.getByTestId('message-input').fill(text);
  await page.getByTestId('message-input').press('Enter');
}

async function clickButton(text: string): Promise<void> {
  const button = page.locator('[data-testid="inline-button"]', { hasText: text }).last();
  await button.waitFor({ state: 'visible', timeout: 15_000 });
  await button.click();
}

async function lastBotText(): Promise<string> {
  return (await page.locator('[data-testid="message"][data-from="bot"]').last().innerText()).trim();
}

async function waitForBot(predicate: (text: string) => boolean, timeoutMs = 20_000): Promise<string> {
  const t0 = Date.now();
  for (;;) {
    const texts = await page.locator('[data-testid="message"][data-from="bot"]').allInnerTexts();
    const hit = texts.reverse().find(predicate);
    if (hit) return hit;
    if (Date.now() - t0 > timeoutMs) throw new Error(`bot message not found; last: ${texts[0] ?? '(none)'}`);
    await page.waitForTimeout(100);
  }
}

describe.skipIf(!hasChromium)('playground in a real browser', () => {
  it('serves the page offline and answers a question with a source', async () => {
    expect(await page.getByTestId('persona-official').isVisible()).toBe(true);
    await page.getByTestId('persona-official').click();
    await send('Berapa indeks SPBE Kaltim tahun 2024?');
    const answer = await waitForBot((t) => t.includes('3,79'));
    expect(answer).toContain('Sumber');
    const link = page.locator('[data-testid="message"][data-from="bot"] a[href^="http"]').last();
    expect(await link.count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'playground-question.png') });
    expect((page as Page & { external?: string[] }).external).toEqual([]);
  });

  it('completes an enrolment as the official, approves it as the admin, and the official is notified', async () => {
    await page.getByTestId('persona-official').click();
    await send('/daftar');
    await waitForBot((t) => t.includes('Pilih program'));
    await clickButton('DLA');
    await waitForBot((t) => t.includes('nama lengkap'));
    await send('Budi Santoso, S.Kom.');
    await waitForBot((t) => t.includes('NIP'));
    await send('12345');
    const nipError = await waitForBot((t) => t.includes('NIP harus tepat 18 digit'));
    expect(nipError).toContain('5 karakter');
    await send('199001152015031002');
    await waitForBot((t) => t.includes('instansi/OPD'));
    await send('Dinas Komunikasi dan Informatika Provinsi Kalimantan Timur');
    await waitForBot((t) => t.includes('jabatan') && t.includes('Tulis'));
    await send('Kepala Bidang Aplikasi Informatika');
    await waitForBot((t) => t.includes('jenjang jabatan'));
    await clickButton('Administrator (eselon III)');
    await waitForBot((t) => t.includes('e-mail dinas'));
    await send('budi.santoso@kaltimprov.go.id');
    await waitForBot((t) => t.includes('nomor HP'));
    await clickButton('Lewati');
    await waitForBot((t) => t.includes('motivasi'));
    await send('Saya ingin memimpin transformasi digital di dinas kami.');
    await waitForBot((t) => t.includes('Kirim pengajuan'));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'playground-enrolment-summary.png') });
    await clickButton('Kirim pengajuan');
    const submitted = await waitForBot((t) => /Pengajuan #\d+ terkirim/.test(t));
    const id = /#(\d+)/.exec(submitted)![1];

    // The admin group: the card arrives; the admin approves.
    await page.getByTestId('persona-group').click();
    await page.getByTestId('speaker-select').selectOption({ index: 0 });
    await waitForBot((t) => t.includes(`#${id}`) && t.includes('Budi Santoso'));
    await clickButton('Setujui');
    await waitForBot((t) => t.includes(`#${id}`) && /disetujui|DISETUJUI/i.test(t) && t.includes('Siti'));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'playground-admin-group.png') });

    // The official sees the decision.
    await page.getByTestId('persona-official').click();
    const notice = await waitForBot((t) => t.includes(`Pengajuan #${id} disetujui`));
    expect(notice).toContain('Selamat');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'playground-notification.png') });
  }, 120_000);

  it('uploads a regulation PDF with 📎 as the maintainer (caption from the composer), then answers from it', async () => {
    await page.getByTestId('persona-maintainer').click();
    await page.getByTestId('message-input').fill('judul: Permenkominfo 41/2009 tentang Penilaian TKDN');
    await page.locator('#attach-button').click();
    const chooser = page.waitForEvent('filechooser');
    await page.locator('[data-attach="document"]').click();
    await (await chooser).setFiles(path.join(REGULATIONS_DIR, TKDN_PDF));
    const report = await waitForBot((t) => t.includes('Dokumen ditambahkan'), 60_000);
    expect(report).toContain('Permenkominfo 41/2009 tentang Penilaian TKDN');
    expect(report).toMatch(/Potongan terindeks: [1-9]/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'playground-maintainer-upload.png') });
    await page.getByTestId('persona-official').click();
    await send('Apa yang dimaksud dengan TKDN pada penyelenggaraan telekomunikasi?');
    const answer = await waitForBot((t) => t.includes('Permenkominfo 41/2009'));
    expect(answer).toMatch(/telekomunikasi/i);
  }, 120_000);

  it('is usable on a narrow screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(page.getByTestId('send-button').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'playground-narrow.png') });
    await page.setViewportSize({ width: 1100, height: 900 });
    void lastBotText;
  });
});
