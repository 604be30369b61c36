import { afterEach, beforeEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { parseCatalogue, type Catalogue } from '../../src/enrolment/catalogue.js';
import type { OutboxDelivery, SendResult } from '../../src/enrolment/types.js';
import { applyInput, startDraft, type EnrolmentDraft, type WizardField } from '../../src/enrolment/wizard.js';
import { openDatabase } from '../../src/storage/sqlite.js';
import { SqliteEnrolmentStore } from '../../src/storage/sqlite-enrolment-store.js';

/** A fixed "now" inside the registration windows below (10:00 WIB, 1 December 2026). */
export const NOW = new Date('2026-12-01T03:00:00.000Z');

export const ADMIN_IDS = [9001, 9002];
export const APPLICANT = { userId: 4242, chatId: 4242 };

export const CATALOGUE_YAML = `programmes:
  - id: gta-2027
    name: "Government Transformation Academy (GTA)"
    provider: "BPSDM Komdigi"
    description: "Pelatihan budaya kerja digital untuk ASN."
    audience: "ASN pelaksana hingga administrator"
    eligibility:
      levels: [pelaksana, fungsional, pengawas, administrator]
      note: "Untuk staf dan pejabat struktural eselon III/IV."
    mode: online
    registration: { opens: 2026-11-01, closes: 2027-01-31 }
    quota: 200
    link: "https://digitalent.komdigi.go.id"
    example: true
  - id: dla-2027
    name: "Digital Leadership Academy (DLA)"
    provider: "BPSDM Komdigi"
    description: "Kepemimpinan digital untuk pimpinan."
    eligibility:
      levels: [administrator, pimpinan_tinggi]
    mode: hybrid
    registration:
      opens: 2026-11-15
      closes: 2026-12-15
  - id: gcio-2026
    name: "Pelatihan GCIO"
    provider: "Diskominfo"
    description: "Sudah ditutup."
    eligibility:
      levels: [pimpinan_tinggi]
    mode: offline
    registration: { opens: 2026-01-01, closes: 2026-03-31 }
`;

export const catalogue: Catalogue = parseCatalogue(CATALOGUE_YAML, 'knowledge/programmes.yaml');

export const VALID_ANSWERS: Record<WizardField, string> = {
  programme: 'gta-2027',
  full_name: 'Dr. Siti Rahma, S.Kom., M.T.',
  nip: '19900115 201503 2 002',
  instansi: 'Dinas Komunikasi dan Informatika Provinsi Kalimantan Timur',
  jabatan: 'Pranata Komputer Ahli Muda',
  level: 'fungsional',
  email: 'siti.rahma@kaltimprov.go.id',
  phone: '0812-3456-7890',
  motivation: 'Ingin memperkuat layanan digital di unit kerja saya.',
};

/** Runs the wizard to `summary` with valid answers (overridable per field). */
export function completeDraft(
  overrides: Partial<Record<WizardField, string>> = {},
  who: { userId: number; chatId: number } = APPLICANT,
  now: Date = NOW,
): EnrolmentDraft {
  let draft = startDraft(who.userId, who.chatId, 'id', now);
  const answers = { ...VALID_ANSWERS, ...overrides };
  while (draft.step !== 'summary') {
    const outcome = applyInput(draft, draft.step, answers[draft.step], { catalogue, now });
    if (outcome.error) throw new Error(`fixture answer for ${draft.step} refused: ${outcome.error}`);
    draft = outcome.draft;
  }
  return draft;
}

/** A temporary data directory, removed by the returned cleanup. */
export function tempDataDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'asisten-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface OpenStore {
  db: Database.Database;
  store: SqliteEnrolmentStore;
  close: () => void;
}

/** A real SQLite file store in `dir` (the same file each time for the same dir). */
export function openStore(dir: string): OpenStore {
  const db = openDatabase(dir);
  return { db, store: new SqliteEnrolmentStore(db), close: () => db.close() };
}

/**
 * A fresh store in a fresh directory for every test (registered with beforeEach/afterEach). The returned
 * view always points at the current test's store.
 */
export function useTempStore(): OpenStore {
  let temp: ReturnType<typeof tempDataDir> | undefined;
  let current: OpenStore | undefined;
  beforeEach(() => {
    temp = tempDataDir();
    current = openStore(temp.dir);
  });
  afterEach(() => {
    current?.close();
    temp?.cleanup();
  });
  return {
    get db() {
      return current!.db;
    },
    get store() {
      return current!.store;
    },
    close: () => current?.close(),
  };
}

/** A `send` port that records deliveries and answers with `respond` (default: ok, cards get message ids). */
export function recordingSender(respond?: (delivery: OutboxDelivery, call: number) => SendResult | Promise<SendResult>) {
  const deliveries: OutboxDelivery[] = [];
  let nextMessageId = 100;
  const send = async (delivery: OutboxDelivery): Promise<SendResult> => {
    deliveries.push(delivery);
    if (respond) return respond(delivery, deliveries.length);
    return delivery.kind === 'admin_card' ? { ok: true, chatId: delivery.chatId, messageId: nextMessageId++ } : { ok: true };
  };
  return { send, deliveries };
}
