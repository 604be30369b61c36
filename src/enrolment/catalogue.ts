import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { CatalogueError, type CatalogueIssue } from './catalogue-error.js';
import { parseIsoDate, wibDate } from './calendar.js';
import { LEVELS, type Level } from './types.js';

export type ProgrammeMode = 'online' | 'offline' | 'hybrid';

/** A training programme officials can request to join. Dates are WIB calendar days, both inclusive. */
export interface Programme {
  id: string;
  name: string;
  provider: string;
  description: string;
  audience?: string;
  eligibility: { levels: Level[]; note?: string };
  mode: ProgrammeMode;
  registration: { opens: string; closes: string };
  /** Seats announced by the provider; informational, requests are not capped by it. */
  quota?: number;
  link?: string;
  /** Marks illustrative entries (not a real call for participants) so the bot can label them. */
  example: boolean;
}

export interface Catalogue {
  programmes: Programme[];
  /** The file as shown in messages. */
  source: string;
  /** Non-fatal findings (unknown fields, probably typos), worth logging at start-up. */
  warnings: string[];
}

/**
 * Programme ids travel inside Telegram `callback_data` (at most 64 bytes together with the action), hence
 * the short, URL-safe shape.
 */
const ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,22}[a-z0-9])?$/;

const KNOWN_FIELDS = new Set([
  'id', 'name', 'provider', 'description', 'audience', 'eligibility', 'mode', 'registration', 'quota', 'link', 'example',
]);

/** YAML may give a timestamp (`!!timestamp`, YAML 1.1) as a Date; both forms end up as `YYYY-MM-DD`. */
const calendarDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: (issue) => (issue.input === undefined ? 'wajib diisi (tanggal YYYY-MM-DD)' : 'harus tanggal YYYY-MM-DD') })
    .refine((text) => parseIsoDate(text) !== null, { error: 'harus tanggal YYYY-MM-DD' }),
);

/** Enum wording that still says "wajib diisi" when the field is missing. */
function oneOf(values: readonly string[]) {
  return (issue: { input?: unknown }) =>
    `${issue.input === undefined ? 'wajib diisi, ' : ''}harus salah satu dari: ${values.join(', ')}`;
}

const text = z.string().trim().min(1, { error: 'tidak boleh kosong' });

const programmeSchema = z
  .object({
    id: z.string().regex(ID_PATTERN, {
      error: 'hanya boleh huruf kecil, angka, dan tanda hubung, paling banyak 24 karakter (contoh: gta-2027)',
    }),
    name: text,
    provider: text,
    description: text,
    audience: text.optional(),
    eligibility: z.object({
      levels: z
        .array(z.enum(LEVELS, { error: oneOf(LEVELS) }))
        .min(1, { error: 'harus berisi paling sedikit satu jenjang' }),
      note: text.optional(),
    }),
    mode: z.enum(['online', 'offline', 'hybrid'], { error: oneOf(['online', 'offline', 'hybrid']) }),
    registration: z.object({ opens: calendarDate, closes: calendarDate }),
    quota: z.number().int().positive({ error: 'harus bilangan bulat positif' }).optional(),
    link: z
      .string()
      .regex(/^https?:\/\/\S+$/, { error: 'harus alamat web yang diawali http:// atau https://' })
      .optional(),
    example: z.boolean().default(false),
  })
  .superRefine((programme, ctx) => {
    const { opens, closes } = programme.registration;
    // zod may run this even when a date failed above; only compare two real dates.
    if (parseIsoDate(opens) && parseIsoDate(closes) && closes < opens) {
      ctx.addIssue({
        code: 'custom',
        path: ['registration', 'closes'],
        message: `tidak boleh sebelum registration.opens (${programme.registration.opens})`,
      });
    }
  });

const catalogueSchema = z.object({ programmes: z.array(programmeSchema) });

/** Generic wording for issues the schema does not phrase itself. */
function defaultMessage(issue: { code?: string; input?: unknown; expected?: unknown }): string {
  if (issue.input === undefined) return 'wajib diisi';
  if (issue.code === 'invalid_type') {
    switch (issue.expected) {
      case 'string': return 'harus teks';
      case 'number': return 'harus angka';
      case 'boolean': return 'harus true atau false';
      case 'array': return 'harus daftar (list YAML)';
      case 'object': return 'harus peta (pasangan kunci: nilai)';
      default: return `tipe tidak sesuai (diharapkan ${String(issue.expected)})`;
    }
  }
  return 'tidak valid';
}

/**
 * Reads and validates the programme catalogue.
 *
 * @throws CatalogueError naming the file, the line and the field of every problem (Indonesian).
 * @example const catalogue = loadCatalogue('knowledge/programmes.yaml');
 */
export function loadCatalogue(filePath: string): Catalogue {
  const shown = displayPath(filePath);
  let source: string;
  try {
    source = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new CatalogueError(
      shown,
      [{ line: null, path: '', message: `tidak dapat dibaca (${(error as NodeJS.ErrnoException).code ?? String(error)}); periksa KNOWLEDGE_DIR dan buat file dengan kunci "programmes:"` }],
      { cause: error },
    );
  }
  return parseCatalogue(source, shown);
}

/** Validates catalogue YAML text; `file` is only used in messages. Pure, so tests need no files. */
export function parseCatalogue(source: string, file = 'programmes.yaml'): Catalogue {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  if (doc.errors.length > 0) {
    throw new CatalogueError(
      file,
      doc.errors.map((error) => ({
        line: error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line,
        path: '',
        message: `YAML tidak valid: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    );
  }

  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new CatalogueError(file, [{ line: 1, path: '', message: 'harus berupa peta YAML yang diawali "programmes:"' }]);
  }

  const parsed = catalogueSchema.safeParse(data, { error: defaultMessage });
  const issues: CatalogueIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        line: lineOf(doc, lineCounter, issue.path),
        path: formatPath(issue.path),
        message: issue.message,
      }));

  issues.push(...duplicateIdIssues(data, doc, lineCounter));
  if (issues.length > 0) {
    issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new CatalogueError(file, issues);
  }

  const programmes = (parsed.data as z.infer<typeof catalogueSchema>).programmes.map(withoutUndefined);
  return { programmes, source: file, warnings: unknownFieldWarnings(doc, lineCounter, file) };
}

/** Registration is open on every WIB day from `opens` to `closes`, both inclusive. */
export function isOpen(programme: Programme, now: Date): boolean {
  const today = wibDate(now);
  return programme.registration.opens <= today && today <= programme.registration.closes;
}

/** Programmes taking requests today, in catalogue order. */
export function openProgrammes(catalogue: Catalogue, now: Date): Programme[] {
  return catalogue.programmes.filter((programme) => isOpen(programme, now));
}

export function findProgramme(catalogue: Catalogue, id: string): Programme | undefined {
  return catalogue.programmes.find((programme) => programme.id === id);
}

/**
 * Whether an official of `level` may apply. `allowed` is returned either way so the bot can explain the
 * refusal ("program ini untuk: pengawas, administrator") instead of silently accepting.
 */
export function checkEligibility(programme: Programme, level: Level): { eligible: boolean; allowed: Level[] } {
  const allowed = [...programme.eligibility.levels];
  return { eligible: allowed.includes(level), allowed };
}

/** Works on the raw data so duplicates are reported together with any schema problem. */
function duplicateIdIssues(data: object, doc: Document, lineCounter: LineCounter): CatalogueIssue[] {
  const programmes: unknown = (data as { programmes?: unknown }).programmes;
  if (!Array.isArray(programmes)) return [];
  const firstIndex = new Map<string, number>();
  const issues: CatalogueIssue[] = [];
  programmes.forEach((programme: unknown, index) => {
    const id = (programme as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, index);
      return;
    }
    const firstLine = lineOf(doc, lineCounter, ['programmes', first, 'id']);
    issues.push({
      line: lineOf(doc, lineCounter, ['programmes', index, 'id']),
      path: `programmes[${index}].id`,
      message: `"${id}" sudah dipakai oleh programmes[${first}] (baris ${firstLine}); setiap id harus unik`,
    });
  });
  return issues;
}

function unknownFieldWarnings(doc: Document, lineCounter: LineCounter, file: string): string[] {
  const list = doc.get('programmes', true);
  if (!isSeq(list)) return [];
  const warnings: string[] = [];
  list.items.forEach((item, index) => {
    if (!isMap(item)) return;
    for (const pair of item.items) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
      if (KNOWN_FIELDS.has(key)) continue;
      const range = (pair.key as { range?: [number, number, number] } | null)?.range;
      const line = range ? lineCounter.linePos(range[0]).line : null;
      warnings.push(`${file}${line ? ` baris ${line}` : ''}: programmes[${index}].${key} tidak dikenal dan diabaikan (salah ketik?)`);
    }
  });
  return warnings;
}

/** Line of the deepest node that exists along `issuePath` (a missing field points at its parent). */
function lineOf(doc: Document, lineCounter: LineCounter, issuePath: readonly PropertyKey[]): number | null {
  for (let depth = issuePath.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? doc.contents : doc.getIn(issuePath.slice(0, depth) as unknown[], true);
    const range = (node as { range?: [number, number, number] } | undefined | null)?.range;
    if (range) return lineCounter.linePos(range[0]).line;
  }
  return null;
}

function formatPath(issuePath: readonly PropertyKey[]): string {
  return issuePath.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}

function withoutUndefined(programme: z.infer<typeof programmeSchema>): Programme {
  return JSON.parse(JSON.stringify(programme)) as Programme;
}

function displayPath(filePath: string): string {
  const relative = path.relative(process.cwd(), filePath);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : filePath;
}
