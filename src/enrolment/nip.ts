import { isRealDate, wibDate } from './calendar.js';
import { cleanLine } from './text.js';

/**
 * Why a NIP was refused. Each code names the part of the number that is wrong, so the bot can tell the
 * official exactly which digits to re-check instead of a vague "NIP tidak valid".
 */
export type NipErrorCode = 'nip_length' | 'nip_digits' | 'nip_birth_date' | 'nip_tmt' | 'nip_gender' | 'nip_sequence';

export type NipResult =
  | {
      ok: true;
      /** The 18 digits without spaces. */
      nip: string;
      /** Digits 1–8. */
      birthDate: string;
      /** Digits 9–14: month the person became a CPNS (terhitung mulai tanggal). */
      tmt: string;
      gender: 'male' | 'female';
      /** Digits 16–18. */
      sequence: string;
    }
  | { ok: false; code: NipErrorCode };

/** Youngest age at which someone can be appointed CPNS; also bounds the birth year of a serving ASN. */
const MIN_AGE_AT_APPOINTMENT = 17;
const OLDEST_BIRTH_YEAR = 1940;

/**
 * Checks the structure of an 18-digit NIP (Nomor Induk Pegawai, per PP 11/2017 / BKN):
 * `yyyymmdd` birth date · `yyyymm` TMT CPNS · gender digit (1 male, 2 female) · 3-digit sequence.
 *
 * This is a structural check only (BKN has no public lookup); it catches typos and swapped fields, which is
 * what matters before an admin spends time on a request. Spaces are tolerated because the NIP is usually
 * printed as `19900115 201503 1 002`. Dates are judged in WIB.
 *
 * @example validateNip('19900115 201503 1 002') // { ok: true, birthDate: '1990-01-15', tmt: '2015-03', ... }
 */
export function validateNip(input: string, now: Date = new Date()): NipResult {
  // Officials write NIPs grouped: 19900115 201503 1 002, 19900115.201503.1.002 or with dashes.
  const nip = cleanLine(input).replace(/[\s.\-]+/g, '');
  if ([...nip].length !== 18) return { ok: false, code: 'nip_length' };
  if (!/^\d{18}$/.test(nip)) return { ok: false, code: 'nip_digits' };

  const [currentYear, currentMonth] = wibDate(now).split('-').map(Number) as [number, number];
  const birthYear = Number(nip.slice(0, 4));
  const birthMonth = Number(nip.slice(4, 6));
  const birthDay = Number(nip.slice(6, 8));
  if (
    birthYear < OLDEST_BIRTH_YEAR ||
    birthYear > currentYear - MIN_AGE_AT_APPOINTMENT ||
    !isRealDate(birthYear, birthMonth, birthDay)
  ) {
    return { ok: false, code: 'nip_birth_date' };
  }

  const tmtYear = Number(nip.slice(8, 12));
  const tmtMonth = Number(nip.slice(12, 14));
  const tmtInFuture = tmtYear > currentYear || (tmtYear === currentYear && tmtMonth > currentMonth);
  if (tmtMonth < 1 || tmtMonth > 12 || tmtYear < birthYear + MIN_AGE_AT_APPOINTMENT || tmtInFuture) {
    return { ok: false, code: 'nip_tmt' };
  }

  const genderDigit = nip[14];
  if (genderDigit !== '1' && genderDigit !== '2') return { ok: false, code: 'nip_gender' };

  const sequence = nip.slice(15, 18);
  if (sequence === '000') return { ok: false, code: 'nip_sequence' };

  return {
    ok: true,
    nip,
    birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
    tmt: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
    gender: genderDigit === '1' ? 'male' : 'female',
    sequence,
  };
}
