import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogueError } from '../../src/enrolment/catalogue-error.js';
import { checkEligibility, findProgramme, isOpen, loadCatalogue, openProgrammes, parseCatalogue } from '../../src/enrolment/catalogue.js';
import { CATALOGUE_YAML, NOW, tempDataDir } from './fixtures.js';

function catalogueError(source: string): CatalogueError {
  try {
    parseCatalogue(source, 'knowledge/programmes.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueError);
    return error as CatalogueError;
  }
  throw new Error('expected a CatalogueError');
}

describe('loadCatalogue', () => {
  const temp = tempDataDir();
  afterAll(temp.cleanup);

  it('reads and validates a valid file', () => {
    const file = path.join(temp.dir, 'programmes.yaml');
    writeFileSync(file, CATALOGUE_YAML);
    const catalogue = loadCatalogue(file);
    expect(catalogue.programmes.map((p) => p.id)).toEqual(['gta-2027', 'dla-2027', 'gcio-2026']);
    const gta = findProgramme(catalogue, 'gta-2027');
    expect(gta).toMatchObject({
      registration: { opens: '2026-11-01', closes: '2027-01-31' },
      quota: 200,
      example: true,
      eligibility: { levels: ['pelaksana', 'fungsional', 'pengawas', 'administrator'] },
    });
    expect(findProgramme(catalogue, 'dla-2027')?.example).toBe(false);
    expect(catalogue.warnings).toEqual([]);
  });

  it('explains a missing file', () => {
    expect(() => loadCatalogue(path.join(temp.dir, 'missing.yaml'))).toThrow(/tidak dapat dibaca \(ENOENT\)/);
  });

  it('accepts dates that YAML parsed as Date objects', () => {
    const source = CATALOGUE_YAML.replace('opens: 2026-11-15', 'opens: !!timestamp 2026-11-15');
    expect(findProgramme(parseCatalogue(source), 'dla-2027')?.registration.opens).toBe('2026-11-15');
  });
});

describe('catalogue errors name the file, the line and the field', () => {
  it('a bad date', () => {
    const source = CATALOGUE_YAML.replace('closes: 2026-12-15', 'closes: 15-12-2026');
    const error = catalogueError(source);
    const line = source.split('\n').findIndex((l) => l.includes('closes: 15-12-2026')) + 1;
    expect(error.message).toBe(`knowledge/programmes.yaml baris ${line}: programmes[1].registration.closes harus tanggal YYYY-MM-DD`);
    expect(error.line).toBe(line);
    expect(error.issues[0]?.path).toBe('programmes[1].registration.closes');
  });

  it('an impossible date and a window that closes before it opens', () => {
    expect(catalogueError(CATALOGUE_YAML.replace('closes: 2027-01-31', 'closes: 2027-02-30')).message).toMatch(
      /baris 11: programmes\[0\]\.registration\.closes harus tanggal YYYY-MM-DD/,
    );
    expect(catalogueError(CATALOGUE_YAML.replace('closes: 2027-01-31', 'closes: 2026-10-01')).message).toMatch(
      /baris 11: programmes\[0\]\.registration\.closes tidak boleh sebelum registration\.opens \(2026-11-01\)/,
    );
  });

  it('a missing field points at its programme', () => {
    const source = CATALOGUE_YAML.replace('    provider: "Diskominfo"\n', '');
    const error = catalogueError(source);
    const line = source.split('\n').findIndex((l) => l.includes('id: gcio-2026')) + 1;
    expect(error.message).toBe(`knowledge/programmes.yaml baris ${line}: programmes[2].provider wajib diisi`);
  });

  it('wrong values: level, mode, id, quota, link', () => {
    const source = CATALOGUE_YAML.replace('levels: [administrator, pimpinan_tinggi]', 'levels: [administrator, eselon2]')
      .replace('mode: hybrid', 'mode: daring')
      .replace('id: gcio-2026', 'id: GCIO_2026')
      .replace('quota: 200', 'quota: -3')
      .replace('link: "https://digitalent.komdigi.go.id"', 'link: "digitalent"');
    const error = catalogueError(source);
    const paths = error.issues.map((issue) => issue.path);
    expect(paths).toEqual([
      'programmes[0].quota',
      'programmes[0].link',
      'programmes[1].eligibility.levels[1]',
      'programmes[1].mode',
      'programmes[2].id',
    ]);
    expect(error.message.split('\n')).toHaveLength(5);
    expect(error.message).toContain('programmes[1].mode harus salah satu dari: online, offline, hybrid');
    expect(error.issues.every((issue) => typeof issue.line === 'number')).toBe(true);
  });

  it('duplicate ids', () => {
    const source = CATALOGUE_YAML.replace('id: gcio-2026', 'id: gta-2027');
    const error = catalogueError(source);
    const line = source.split('\n').findIndex((l, i) => i > 2 && l.includes('id: gta-2027')) + 1;
    expect(error.message).toBe(
      `knowledge/programmes.yaml baris ${line}: programmes[2].id "gta-2027" sudah dipakai oleh programmes[0] (baris 2); setiap id harus unik`,
    );
  });

  it('broken YAML and a file without programmes', () => {
    expect(catalogueError('programmes:\n  - id: [\n').message).toMatch(/^knowledge\/programmes\.yaml baris \d+: YAML tidak valid/);
    expect(catalogueError('').message).toMatch(/harus berupa peta YAML/);
    expect(catalogueError('programs: []').message).toBe('knowledge/programmes.yaml baris 1: programmes wajib diisi');
  });

  it('unknown fields are warnings, not errors', () => {
    const catalogue = parseCatalogue(CATALOGUE_YAML.replace('    quota: 200\n', '    quota: 200\n    kuota: 5\n'), 'p.yaml');
    expect(catalogue.warnings).toEqual(['p.yaml baris 13: programmes[0].kuota tidak dikenal dan diabaikan (salah ketik?)']);
  });
});

describe('open programmes and eligibility', () => {
  const catalogue = parseCatalogue(CATALOGUE_YAML);
  const dla = findProgramme(catalogue, 'dla-2027')!;

  it('registration days are inclusive and judged in WIB', () => {
    expect(isOpen(dla, new Date('2026-11-14T16:59:59Z'))).toBe(false); // 23:59 WIB on 14 Nov
    expect(isOpen(dla, new Date('2026-11-14T17:00:00Z'))).toBe(true); // 00:00 WIB on 15 Nov
    expect(isOpen(dla, new Date('2026-12-15T16:59:59Z'))).toBe(true); // last second of 15 Dec WIB
    expect(isOpen(dla, new Date('2026-12-15T17:00:00Z'))).toBe(false);
    expect(openProgrammes(catalogue, NOW).map((p) => p.id)).toEqual(['gta-2027', 'dla-2027']);
  });

  it('checkEligibility returns the allowed levels either way', () => {
    expect(checkEligibility(dla, 'administrator')).toEqual({ eligible: true, allowed: ['administrator', 'pimpinan_tinggi'] });
    expect(checkEligibility(dla, 'pelaksana')).toEqual({ eligible: false, allowed: ['administrator', 'pimpinan_tinggi'] });
  });
});
