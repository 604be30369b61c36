import fs from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import type { ChatMessageView } from '../../src/playground/emulator-types.js';
import type { BotHarness } from './bot-harness.js';

/** Real regulations, read from the shared folder (never copied into `knowledge/`). */
export const REGULATIONS_DIR = path.resolve(import.meta.dirname, '../../../shared/regulations');
export const TKDN_PDF = 'PERMENKOMINFO_2009_041.pdf';

export function regulationPdf(name = TKDN_PDF): Buffer {
  return fs.readFileSync(path.join(REGULATIONS_DIR, name));
}

/** A question the TKDN regulation answers and the sample knowledge base does not. */
export const TKDN_QUESTION = 'Apa yang dimaksud dengan Tingkat Komponen Dalam Negeri pada penyelenggaraan telekomunikasi?';

/** A DOCX about hybrid work, generated with the `docx` package (headings kept by the loader). */
export async function hybridWorkDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Pedoman Kerja Hibrida ASN Kalimantan Timur', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Hari kerja dari rumah', heading: HeadingLevel.HEADING_2 }),
          new Paragraph(
            'Pegawai ASN Pemerintah Provinsi Kalimantan Timur boleh bekerja dari rumah paling banyak dua hari kerja dalam satu minggu, ' +
              'dengan persetujuan atasan langsung dan laporan kinerja harian melalui aplikasi e-Kinerja.',
          ),
          new Paragraph({ text: 'Kewajiban hadir', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Pada hari Senin setiap pegawai wajib hadir di kantor untuk apel pagi dan rapat koordinasi mingguan unit kerja.'),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
export const DOCX_QUESTION = 'Berapa hari ASN boleh bekerja dari rumah dalam seminggu?';

/** Bytes that start like a PDF and are not one. */
export const CORRUPT_PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x41), Buffer.from('\n%%EOF')]);

/** The first bytes of a PNG image (enough for type detection). */
export const PNG_IMAGE = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 7)]);

/** Sends a document and resolves with the bot's final word on it (the progress message edited, or a reply). */
export async function upload(hh: BotHarness, fromId: number, fileName: string, content: Buffer, caption?: string): Promise<ChatMessageView> {
  const since = hh.emulator.seq;
  hh.emulator.sendDocument({ chatId: fromId, fromId, fileName, content, ...(caption ? { caption } : {}) });
  return hh.waitForBotMessage(fromId, (m) => !m.text.startsWith('⏳'), { sinceSeq: since, edits: true, timeoutMs: 30_000 });
}


/** A PDF whose pages carry no text at all (what a scan without OCR looks like to a text extractor). */
export async function scannedPdf(pages = 2): Promise<Buffer> {
  const { PDFDocument, rgb } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) });
  return Buffer.from(await pdf.save());
}
