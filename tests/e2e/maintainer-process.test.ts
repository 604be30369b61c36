import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotApiEmulator } from '../../src/playground/bot-api-emulator.js';
import type { ChatMessageView } from '../../src/playground/emulator-types.js';
import { ADMIN_GROUP, ADMIN_PERSONA, MAINTAINER_PERSONA, OFFICIAL_PERSONA, PLAYGROUND_BOT, PLAYGROUND_CHATS, PLAYGROUND_TOKEN, PLAYGROUND_USERS } from '../../src/playground/personas.js';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { REPO_KNOWLEDGE_DIR } from '../helpers/kb.js';
import { makeTmpDir, SAMPLE_DOCS, writeFiles } from '../helpers/tmp.js';
import { CORRUPT_PDF, DOCX_QUESTION, hybridWorkDocx, PNG_IMAGE, regulationPdf, TKDN_PDF, TKDN_QUESTION } from '../helpers/upload-fixtures.js';

/**
 * A maintainer's day against the bot as a real process: upload a real regulation PDF and a DOCX from the
 * chat, questions answered from them without a restart, the waiting asker told once, a corrupt file refused,
 * /dokumen and /hapusdokumen across a restart, and a command-line re-index hot-reloaded by the running bot.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const BUDI = OFFICIAL_PERSONA.id;
const DEWI = MAINTAINER_PERSONA.id;
let emulator: BotApiEmulator;
let tmp: { dir: string; cleanup: () => void };
let knowledgeDir: string;
let bot: BotProcess | undefined;

beforeAll(async () => {
  tmp = makeTmpDir('asisten-e2e-maint-');
  knowledgeDir = path.join(tmp.dir, 'knowledge');
  writeFiles(knowledgeDir, { ...SAMPLE_DOCS, 'programmes.yaml': fs.readFileSync(path.join(REPO_KNOWLEDGE_DIR, 'programmes.yaml')) });
  emulator = new BotApiEmulator({ token: PLAYGROUND_TOKEN, bot: PLAYGROUND_BOT, users: PLAYGROUND_USERS, chats: PLAYGROUND_CHATS });
  await emulator.start();
});
afterAll(async () => {
  bot?.kill('SIGKILL');
  await emulator.stop();
  tmp.cleanup();
});

const env = (): Record<string, string> => ({
  BOT_TOKEN: PLAYGROUND_TOKEN,
  TELEGRAM_API_ROOT: emulator.apiRoot,
  ADMIN_IDS: String(ADMIN_PERSONA.id),
  ADMIN_CHAT_ID: String(ADMIN_GROUP.id),
  MAINTAINER_IDS: String(DEWI),
  DATA_DIR: path.join(tmp.dir, 'data'),
  KNOWLEDGE_DIR: knowledgeDir,
  PORT: '0',
});

async function say(chatId: number, text: string, predicate: (m: ChatMessageView) => boolean = () => true): Promise<ChatMessageView> {
  const since = emulator.seq;
  emulator.sendText({ chatId, fromId: chatId, text });
  return (await emulator.waitForBotMessage(chatId, predicate, { sinceSeq: since, timeoutMs: 20_000 })).message;
}

async function send(fileName: string, content: Buffer, caption?: string): Promise<ChatMessageView> {
  const since = emulator.seq;
  emulator.sendDocument({ chatId: DEWI, fromId: DEWI, fileName, content, ...(caption ? { caption } : {}) });
  return (await emulator.waitForBotMessage(DEWI, (m) => !m.text.startsWith('⏳'), { sinceSeq: since, edits: true, timeoutMs: 60_000 })).message;
}

function buttonData(message: ChatMessageView, label: string): string {
  const b = message.reply_markup?.inline_keyboard.flat().find((x) => x.text.includes(label));
  if (!b || !('callback_data' in b) || !b.callback_data) throw new Error(`no button ${label} on: ${message.text}`);
  return b.callback_data;
}

async function press(chatId: number, message: ChatMessageView, label: string): Promise<void> {
  const since = emulator.seq;
  emulator.pressButton({ chatId, messageId: message.id, fromId: chatId, data: buttonData(message, label) });
  await emulator.waitFor((e) => e.type === 'callback_answer' && e.answer.messageId === message.id, 20_000, since);
}

const ready = () => emulator.messages(BUDI).filter((m) => m.from === 'bot' && m.text.includes('Pertanyaan Anda kini dapat dijawab'));

async function startBot(): Promise<BotProcess> {
  const p = startBotProcess(env());
  await p.waitForOutput('Bot berjalan', 90_000);
  return p;
}

describe('content maintenance with the bot as a real process', () => {
  it('a refused question waits (🔔); a real regulation PDF uploaded from the chat answers it, and the asker is told once', async () => {
    bot = await startBot();
    const refusal = await say(BUDI, TKDN_QUESTION);
    expect(refusal.text).toContain('belum ada di basis pengetahuan');
    await press(BUDI, refusal, '🔔');

    const report = await send(TKDN_PDF, regulationPdf());
    expect(report.text).toContain('Dokumen ditambahkan dan langsung dipakai');
    // The regulation's real name, read from its text (the PDF's metadata title is "Permen.41.Tahun.2009").
    expect(report.text).toContain('Peraturan Menteri Komunikasi dan Informatika Nomor 41/PER/M.KOMINFO/10/2009');
    expect(report.text).toMatch(/Pasal: [1-9]\d* · Potongan terindeks: [1-9]\d*/);
    expect(report.text).toContain('1 pertanyaan yang menunggu kini terjawab');
    await emulator.waitForBotMessage(BUDI, (m) => m.text.includes('Pertanyaan Anda kini dapat dijawab'), { sinceSeq: 0, timeoutMs: 20_000 });
    const answer = await say(BUDI, 'Apa yang dimaksud dengan TKDN pada penyelenggaraan telekomunikasi?');
    expect(answer.text).toMatch(/Sumber:\n\[1\] Peraturan Menteri Komunikasi dan Informatika Nomor 41\/PER\/M\.KOMINFO\/10\/2009/);
  }, 150_000);

  it('a DOCX is answered from at once; a corrupt PDF, an image and a 25 MB file get one clear message each; an official’s file changes nothing; /celah shows the gap', async () => {
    const report = await send('Pedoman Hibrida.docx', await hybridWorkDocx());
    expect(report.text).toContain('Pedoman Kerja Hibrida ASN Kalimantan Timur');
    expect((await say(BUDI, DOCX_QUESTION)).text).toContain('dua hari');
    const files = fs.readdirSync(path.join(knowledgeDir, 'unggahan')).sort();
    const corrupt = await send('rusak.pdf', CORRUPT_PDF);
    expect(corrupt.text).toContain('rusak.pdf tidak dapat dibaca');
    expect((await send('foto.jpg', PNG_IMAGE)).text).toContain('adalah gambar (PNG), bukan dokumen');
    expect((await send('besar.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(25 * 1024 * 1024, 0x20)]))).text).toContain('melebihi batas unduhan bot Telegram (20 MB)');
    // An official sending a file gets the media notice; nothing is stored.
    const since = emulator.seq;
    emulator.sendDocument({ chatId: BUDI, fromId: BUDI, fileName: 'aturan.pdf', content: regulationPdf() });
    expect((await emulator.waitForBotMessage(BUDI, () => true, { sinceSeq: since, timeoutMs: 20_000 })).message.text).toContain('hanya dapat membaca pesan teks');
    expect(fs.readdirSync(path.join(knowledgeDir, 'unggahan')).sort()).toEqual(files);
    // The refused question of the first test is a knowledge gap maintainers see.
    const gaps = await say(DEWI, '/celah');
    expect(gaps.text).toMatch(/1\. .*Tingkat Komponen Dalam Negeri.*\(×1\)/);
    expect(ready()).toHaveLength(1);
  }, 90_000);

  it('/dokumen and /hapusdokumen survive a restart', async () => {
    bot!.kill('SIGTERM');
    expect(await bot!.exited).toBe(0);
    bot = await startBot();
    const list = await say(DEWI, '/dokumen');
    expect(list.text).toContain('Pedoman Kerja Hibrida ASN Kalimantan Timur');
    expect(list.text).toContain('diunggah Dewi Lestari');
    const choose = await say(DEWI, '/hapusdokumen');
    const confirmSince = emulator.seq;
    await press(DEWI, choose, 'Pedoman Kerja Hibrida');
    const confirm = (await emulator.waitForBotMessage(DEWI, (m) => m.text.startsWith('Hapus'), { sinceSeq: confirmSince, timeoutMs: 20_000 })).message;
    const doneSince = emulator.seq;
    await press(DEWI, confirm, 'Ya, hapus');
    await emulator.waitForBotMessage(DEWI, (m) => m.text.includes('dihapus'), { sinceSeq: doneSince, timeoutMs: 30_000 });
    expect((await say(BUDI, DOCX_QUESTION)).text).not.toContain('dua hari');
    // The notification of the first test was not sent again by the restart.
    expect(ready()).toHaveLength(1);
  }, 150_000);

  it('a command-line re-index and a forced removal are hot-reloaded by the running bot (no restart)', async () => {
    fs.writeFileSync(path.join(knowledgeDir, 'kopi.md'), '---\ntitle: Kebun Kopi Samarinda\n---\n# Kebun Kopi Samarinda\n\n## Luas kebun\nKebun kopi robusta milik Pemprov di Samarinda seluas 14 hektare dikelola Dinas Perkebunan.\n');
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/reindex.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env(), LOG_LEVEL: 'warn' }, encoding: 'utf8' });
    expect(cli.status).toBe(0);
    await expect
      .poll(async () => (await say(BUDI, 'Berapa hektare luas kebun kopi robusta Pemprov di Samarinda?')).text, { timeout: 20_000, interval: 1000 })
      .toContain('14 hektare');

    // A shipped document needs --force on the command line; the bot hot-reloads the removal too.
    const cliEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env(), LOG_LEVEL: 'warn' };
    const refused = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/reindex.ts', '--remove', 'kopi.md'], { cwd: ROOT, env: cliEnv, encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('dokumen bawaan. Ulangi dengan --force');
    expect(fs.existsSync(path.join(knowledgeDir, 'kopi.md'))).toBe(true);
    const forced = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/reindex.ts', '--remove', 'kopi.md', '--force'], { cwd: ROOT, env: cliEnv, encoding: 'utf8' });
    expect(forced.status).toBe(0);
    expect(fs.existsSync(path.join(knowledgeDir, 'kopi.md'))).toBe(false);
    await expect
      .poll(async () => (await say(BUDI, 'Berapa hektare luas kebun kopi robusta Pemprov di Samarinda?')).text, { timeout: 20_000, interval: 1000 })
      .not.toContain('14 hektare');
    bot!.kill('SIGTERM');
    expect(await bot!.exited).toBe(0);
    bot = undefined;
  }, 120_000);
});
