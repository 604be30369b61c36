import { describe, expect, it } from 'vitest';
import { neutraliseFormula, quoteCsvField } from '../../src/enrolment/csv.js';
import { decideRequest, exportCsv, submitRequest } from '../../src/enrolment/use-cases.js';
import { ADMIN_IDS, catalogue, completeDraft, NOW, useTempStore } from './fixtures.js';

const opened = useTempStore();

/** Minimal RFC 4180 reader, to check the document round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 1);
    else field += c;
  }
  return rows;
}

async function submit(overrides: Record<string, string>, now = NOW) {
  const result = await submitRequest(opened.store, completeDraft(overrides), catalogue, { adminIds: ADMIN_IDS }, now);
  if (!result.ok) throw new Error(result.code);
  return result.request;
}

describe('exportCsv', () => {
  it('writes BOM, CRLF, an Indonesian header, quoted fields, neutralised formulas and the NIP as text', async () => {
    const request = await submit({
      motivation: '=HYPERLINK("http://evil.example","klik")\nbaris kedua, dengan "kutip"',
      instansi: '@Dinas, Kominfo',
      jabatan: '-Pranata',
    });
    await decideRequest(opened.store, { requestId: request.id, adminId: 9001, adminName: '+Ani', decision: 'reject', reason: 'Kuota\tpenuh' }, ADMIN_IDS, NOW);

    const csv = await exportCsv(opened.store);
    expect(csv.startsWith('\uFEFFID,ID Program,Program,Kode Status,Status,Nama Lengkap,NIP,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false);

    const [header, row] = parseCsv(csv.slice(1));
    expect(header).toEqual([
      'ID', 'ID Program', 'Program', 'Kode Status', 'Status', 'Nama Lengkap', 'NIP', 'Instansi', 'Jabatan', 'Jenjang', 'Email', 'Telepon', 'Motivasi',
      'Bahasa', 'Diajukan (WIB)', 'Diperbarui (WIB)', 'Diputuskan Oleh', 'Tanggal Keputusan (WIB)', 'Alasan',
    ]);
    expect(row).toEqual([
      '1', 'gta-2027', 'gta-2027', 'rejected', 'rejected', 'Dr. Siti Rahma, S.Kom., M.T.', '="199001152015032002"', "'@Dinas, Kominfo", "'-Pranata",
      'fungsional', 'siti.rahma@kaltimprov.go.id', "'+6281234567890",
      `'=HYPERLINK("http://evil.example","klik")\nbaris kedua, dengan "kutip"`,
      'id', '2026-12-01 10:00:00', '2026-12-01 10:00:00', "'+Ani", '2026-12-01 10:00:00', 'Kuota penuh',
    ]);
    // The raw text really is RFC 4180: the NIP cell is quoted with doubled quotes.
    expect(csv).toContain(',"=""199001152015032002""",');
  });

  it('filters by status, programme and WIB dates', async () => {
    const a = await submit({}, new Date('2026-11-30T17:30:00Z')); // 1 Dec 2026 00:30 WIB
    const b = await submit({ programme: 'dla-2027', level: 'JPT', nip: '198505202010012003' }, new Date('2026-12-01T17:30:00Z')); // 2 Dec 00:30 WIB
    await decideRequest(opened.store, { requestId: b.id, adminId: 9001, adminName: 'Ani', decision: 'approve' }, ADMIN_IDS, new Date('2026-12-02T00:00:00Z'));
    const ids = async (filter: Parameters<typeof exportCsv>[1]) =>
      parseCsv((await exportCsv(opened.store, filter)).slice(1)).slice(1).map((r) => Number(r[0]));

    expect(await ids({})).toEqual([a.id, b.id]);
    expect(await ids({ status: 'approved' })).toEqual([b.id]);
    expect(await ids({ status: ['pending', 'needs_info'] })).toEqual([a.id]);
    expect(await ids({ programmeId: 'dla-2027' })).toEqual([b.id]);
    expect(await ids({ from: '2026-12-01', to: '2026-12-01' })).toEqual([a.id]);
    expect(await ids({ from: '2026-12-02' })).toEqual([b.id]);
    expect(await ids({ to: new Date('2026-11-30T17:00:00Z') })).toEqual([]);
    expect(await ids({ to: '2026-11-30' })).toEqual([]);
    expect(await ids({ status: 'cancelled' })).toEqual([]);
    await expect(exportCsv(opened.store, { from: 'kemarin' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe('csv helpers', () => {
  it.each(['=1+1', '+62', '-5', '@SUM(A1)', '\tx', '\rx'])('neutralises %j', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });
  it('quotes only when needed', () => {
    expect(quoteCsvField('plain')).toBe('plain');
    expect(quoteCsvField('a,b')).toBe('"a,b"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField('two\nlines')).toBe('"two\nlines"');
  });
});
