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

/** The official completes /daftar for the programme whose button says `programme`, with `nip` (an invalid NIP first); resolves with the request id. */
async function enrol(programme: string, nip: string, options: { screenshot?: boolean } = {}): Promise<string> {
  await page.getByTestId('persona-official').click();
  await step(() => send('/daftar'), (t) => t.includes('Pilih program'));
  await step(() => clickButton(programme), (t) => t.includes('nama lengkap'));
  await step(() => send('Budi Santoso, S.Kom.'), (t) => t.includes('NIP'));
  const nipError = await step(() => send('12345'), (t) => t.includes('NIP harus tepat 18 digit'));
  expect(nipError).toContain('5 karakter');
  await step(() => send(nip), (t) => t.includes('instansi/OPD'));
  await step(() => send('Dinas Komunikasi dan Informatika Provinsi Kalimantan Timur'), (t) => t.includes('jabatan') && t.includes('Tulis'));
  await step(() => send('Kepala Bidang Aplikasi Informatika'), (t) => t.includes('jenjang jabatan'));
  await step(() => clickButton('Administrator (eselon III)'), (t) => t.includes('e-mail dinas'));
  await step(() => send('budi.santoso@kaltimprov.go.id'), (t) => t.includes('nomor HP'));
  await step(() => clickButton('Lewati'), (t) => t.includes('motivasi'));
  await step(() => send('Saya ingin memimpin transformasi digital di dinas kami.'), (t) => t.includes('Kirim pengajuan'));
  if (options.screenshot) await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'playground-enrolment-summary.png') });
  const submitted = await step(() => clickButton('Kirim pengajuan'), (t) => /Pengajuan #\d+ terkirim/.test(t));
  return /#(\d+)/.exec(submitted)![1]!;
}

async function lastBotText(): Promise<string> {
  return (await page.locator('[data-testid="message"][data-from="bot"]').last().innerText()).trim();
}

async function waitForBot(predicate: (text: string) => boolean, timeoutMs = 20_000, after = 0): Promise<string> {
  const t0 = Date.now();
  for (;;) {
    const texts = (await page.locator('[data-testid="message"][data-from="bot"]').allInnerTexts()).slice(after);
    const hit = texts.reverse().find(predicate);
    if (hit) return hit;
    if (Date.now() - t0 > timeoutMs) throw new Error(`no bot message matched within ${timeoutMs} ms; last: ${texts[0] ?? '(none)'}`);
    await page.waitForTimeout(100);
  }
}

/** Does `action` and waits for a *new* bot message matching `predicate` (older ones are ignored). */
async function step(action: () => Promise<unknown>, predicate: (text: string) => boolean): Promise<string> {
  const before = await botCount();
  await action();
  return waitForBot(predicate, 20_000, before);
}

/** How many bot messages the open chat shows (so a wait can ignore the older ones). */
async function botCount(): Promise<number> {
  return page.locator('[data-testid="message"][data-from="bot"]').count();
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
    const id = await enrol('DLA', '199001152015031002', { screenshot: true });

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

  it('rejects from the admin group with a reason typed as a reply to the prompt; the official is told why', async () => {
    const id = await enrol('Smart', '199203152019032004');
    await page.getByTestId('persona-group').click();
    await page.getByTestId('speaker-select').selectOption({ index: 0 });
    await waitForBot((t) => t.includes(`#${id}`) && t.includes('Setujui'));
    await page.locator('[data-testid="message"][data-from="bot"]', { hasText: `#${id}` }).last().locator('[data-testid="inline-button"]', { hasText: 'Tolak' }).click();
    await waitForBot((t) => t.includes('alasan penolakan') && t.includes(`#${id}`));
    // The page opens a reply to a ForceReply prompt by itself; do it with the Reply gesture as a person would.
    await page.getByTestId('reply-cancel').click();
    expect(await page.getByTestId('reply-bar').isHidden()).toBe(true);
    await page.locator('[data-testid="message"][data-from="bot"]', { hasText: 'alasan penolakan' }).last().getByTestId('reply-button').click();
    expect(await page.getByTestId('reply-bar').innerText()).toContain('alasan penolakan');
    await send('Kuota angkatan ini sudah penuh');
    await waitForBot((t) => t.includes(`Pengajuan #${id} ditolak`));
    expect(await page.getByTestId('reply-bar').isHidden()).toBe(true);
    // The typed message is shown as a reply to the prompt.
    const mine = page.locator('[data-testid="message"][data-from="user"]', { hasText: 'Kuota angkatan' }).last();
    expect(await mine.locator('.reply-quote').innerText()).toContain('alasan penolakan');

    await page.getByTestId('persona-official').click();
    const notice = await waitForBot((t) => t.includes(`Pengajuan #${id} ditolak`));
    expect(notice).toContain('Kuota angkatan ini sudah penuh');
  }, 120_000);

  it('is usable on a narrow screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(page.getByTestId('send-button').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'playground-narrow.png') });
    await page.setViewportSize({ width: 1100, height: 900 });
    void lastBotText;
  });
});
