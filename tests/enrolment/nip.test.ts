import { describe, expect, it } from 'vitest';
import { validateNip } from '../../src/enrolment/nip.js';

const NOW = new Date('2026-12-01T03:00:00Z');

describe('validateNip', () => {
  it('accepts a valid NIP and explains its parts', () => {
    expect(validateNip('199001152015031002', NOW)).toEqual({
      ok: true,
      nip: '199001152015031002',
      birthDate: '1990-01-15',
      tmt: '2015-03',
      gender: 'male',
      sequence: '002',
    });
  });

  it('tolerates the spaces of the printed form (and invisible characters)', () => {
    const result = validateNip(' 19900115 201503 1 002 ', NOW);
    expect(result).toMatchObject({ ok: true, nip: '199001152015031002' });
    expect(validateNip('19900115\u200b2015032001', NOW)).toMatchObject({ ok: true, gender: 'female', sequence: '001' });
  });

  it.each([
    ['nip_length', '19900115201503100'],
    ['nip_length', '1990011520150310021'],
    ['nip_length', ''],
    ['nip_digits', '19900115201503100A'],
    ['nip_digits', '19900115201503100A'],
    ['nip_birth_date', '199002302015031002'], // 30 February
    ['nip_birth_date', '199013012015031002'], // month 13
    ['nip_birth_date', '193912312015031002'], // before 1940
    ['nip_birth_date', '201001012026011002'], // younger than 17 in 2026
    ['nip_tmt', '199001152015131002'], // month 13
    ['nip_tmt', '199001152015001002'], // month 00
    ['nip_tmt', '199001152005031002'], // appointed at 15
    ['nip_tmt', '199001152027011002'], // in the future
    ['nip_gender', '199001152015033002'],
    ['nip_gender', '199001152015030002'],
    ['nip_sequence', '199001152015031000'],
  ])('refuses with %s: %s', (code, input) => {
    expect(validateNip(input, NOW)).toEqual({ ok: false, code });
  });

  it('accepts a TMT in the current month (judged in WIB)', () => {
    expect(validateNip('199001152026121002', NOW).ok).toBe(true);
    // 30 Nov 2026 20:00 UTC is already 1 Dec in WIB.
    expect(validateNip('199001152026121002', new Date('2026-11-30T20:00:00Z')).ok).toBe(true);
    expect(validateNip('199001152026121002', new Date('2026-11-30T16:00:00Z'))).toEqual({ ok: false, code: 'nip_tmt' });
  });

  it('accepts a leap day and the oldest and youngest birth years', () => {
    expect(validateNip('199602292020011001', NOW).ok).toBe(true);
    expect(validateNip('194001011960011001', NOW).ok).toBe(true);
    expect(validateNip('200912312026011001', NOW).ok).toBe(true); // 2009 = 2026 − 17
  });
});

describe('NIP written with separators', () => {
  it('accepts dots and dashes between the groups', () => {
    expect(validateNip('19900115.201503.1.002')).toMatchObject({ ok: true, nip: '199001152015031002' });
    expect(validateNip('19900115-201503-1-002')).toMatchObject({ ok: true, nip: '199001152015031002' });
  });
});
