import { describe, expect, it } from 'vitest';
import { normaliseLevel } from '../../src/enrolment/level.js';
import {
  validateEmail,
  validateFullName,
  validateInstansi,
  validateJabatan,
  validateLevel,
  validateMotivation,
  validatePhone,
} from '../../src/enrolment/validation.js';

describe('validateFullName', () => {
  it.each(['Dr. Siti Rahma, S.Kom., M.T.', 'Budi', "Ni Luh Made D'Ayu", 'Abdul-Karim', 'R.A. Kartini', 'Ir. H. Joko Widodo, M.Sc.'])(
    'accepts %s',
    (name) => expect(validateFullName(name)).toEqual({ ok: true, value: name }),
  );

  it('cleans spaces, invisible characters and typographic apostrophes', () => {
    expect(validateFullName('  Siti\u200b   Rahma\u202e ,S.Kom. ')).toEqual({ ok: true, value: 'Siti Rahma, S.Kom.' });
    expect(validateFullName('D\u2019Ayu Lestari')).toEqual({ ok: true, value: "D'Ayu Lestari" });
  });

  it('refuses wrong lengths and characters', () => {
    expect(validateFullName('Al')).toEqual({ ok: false, code: 'full_name_length' });
    expect(validateFullName('a'.repeat(101))).toEqual({ ok: false, code: 'full_name_length' });
    expect(validateFullName('Siti 123')).toEqual({ ok: false, code: 'full_name_chars' });
    expect(validateFullName('=cmd|calc')).toEqual({ ok: false, code: 'full_name_chars' });
    expect(validateFullName('.Siti')).toEqual({ ok: false, code: 'full_name_chars' });
    expect(validateFullName('Siti <b>')).toEqual({ ok: false, code: 'full_name_chars' });
  });
});

describe('instansi and jabatan', () => {
  it('accepts 2–150 characters after cleaning', () => {
    expect(validateInstansi(' Diskominfo\tKaltim ')).toEqual({ ok: true, value: 'Diskominfo Kaltim' });
    expect(validateJabatan('Analis Kebijakan Ahli Muda')).toMatchObject({ ok: true });
    expect(validateInstansi('x')).toEqual({ ok: false, code: 'instansi_length' });
    expect(validateInstansi('x'.repeat(151))).toEqual({ ok: false, code: 'instansi_length' });
    expect(validateJabatan('\u200b\u200b')).toEqual({ ok: false, code: 'jabatan_length' });
  });
});

describe('level', () => {
  it.each([
    ['pelaksana', 'pelaksana'],
    ['Staf', 'pelaksana'],
    ['fungsional', 'fungsional'],
    ['JF', 'fungsional'],
    ['eselon 4', 'pengawas'],
    ['Eselon IV.a', 'pengawas'],
    ['esselon iv', 'pengawas'],
    ['eselon 3', 'administrator'],
    ['eselon III', 'administrator'],
    ['Eselon IIIb', 'administrator'],
    ['eselon II', 'pimpinan_tinggi'],
    ['eselon 1', 'pimpinan_tinggi'],
    ['JPT', 'pimpinan_tinggi'],
    ['JPT Pratama', 'pimpinan_tinggi'],
    ['pimpinan_tinggi', 'pimpinan_tinggi'],
    ['Pimpinan Tinggi', 'pimpinan_tinggi'],
    ['administrator', 'administrator'],
  ])('normalises %s → %s', (input, level) => {
    expect(normaliseLevel(input)).toBe(level);
    expect(validateLevel(input)).toEqual({ ok: true, value: level });
  });

  it('refuses unknown words', () => {
    expect(validateLevel('eselon 5')).toEqual({ ok: false, code: 'level_invalid' });
    expect(validateLevel('kepala')).toEqual({ ok: false, code: 'level_invalid' });
  });
});

describe('validateEmail', () => {
  it('accepts official addresses and lower-cases the domain', () => {
    expect(validateEmail('Siti.Rahma@KaltimProv.GO.ID')).toEqual({ ok: true, value: 'Siti.Rahma@kaltimprov.go.id' });
  });
  it('accepts other domains with a warning', () => {
    expect(validateEmail('siti@gmail.com')).toEqual({ ok: true, value: 'siti@gmail.com', warning: 'email_not_official' });
  });
  it.each(['siti', 'siti@', '@go.id', 'siti@kominfo', 'si ti@x.go.id'.replace(' ', '@'), 'a..b@x.go.id', 'siti@-x.go.id'])(
    'refuses %s',
    (input) => expect(validateEmail(input)).toEqual({ ok: false, code: 'email_invalid' }),
  );
});

describe('validatePhone', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['(0812) 345.678', '+62812345678'],
  ])('normalises %s → %s', (input, value) => expect(validatePhone(input)).toEqual({ ok: true, value }));

  it.each(['-', 'lewati', 'Skip', ' LEWATI '])('treats %s as no phone', (input) => {
    expect(validatePhone(input)).toEqual({ ok: true, value: null });
  });

  it.each(['0212345678', '08123', '+6281234567890123', '0812abc4567', '+1 202 555 0100'])('refuses %s', (input) => {
    expect(validatePhone(input)).toEqual({ ok: false, code: 'phone_invalid' });
  });
});

describe('validateMotivation', () => {
  it('keeps line breaks, strips invisible characters, checks 10–500', () => {
    expect(validateMotivation('Baris satu.\r\n\r\n\r\nBaris\u200b dua.')).toEqual({ ok: true, value: 'Baris satu.\n\nBaris dua.' });
    expect(validateMotivation('pendek')).toEqual({ ok: false, code: 'motivation_length' });
    expect(validateMotivation('x'.repeat(501))).toEqual({ ok: false, code: 'motivation_length' });
  });
});
