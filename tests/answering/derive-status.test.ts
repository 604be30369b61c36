import { describe, expect, it } from 'vitest';
import { datesIn, statusEventOf } from '../../src/answering/derive-status.js';
import { parseQuestion } from '../../src/knowledge/question.js';

describe('dates cited in a sentence', () => {
  it('reads single days, day ranges, ranges across months and months alone', () => {
    const iso = (s: string) => datesIn(s).map((d) => [d.text, d.start.toISOString().slice(0, 10), d.end.toISOString().slice(0, 10)]);
    expect(iso('diundangkan pada 17 Juni 2019.')).toEqual([['17 Juni 2019', '2019-06-17', '2019-06-17']]);
    expect(iso('Pendaftaran dibuka pada 19–27 Agustus 2021 melalui portal')).toEqual([['19–27 Agustus 2021', '2021-08-19', '2021-08-27']]);
    expect(iso('diikuti 48 peserta pada 21 Oktober sampai 2 Desember 2025')).toEqual([['21 Oktober sampai 2 Desember 2025', '2025-10-21', '2025-12-02']]);
    expect(iso('pada September 2024 direncanakan')).toEqual([['September 2024', '2024-09-01', '2024-09-30']]);
    // A year alone is no date of an event.
    expect(datesIn('pada tahun 2019 DTS dibuka untuk 25.000 peserta')).toEqual([]);
  });
});

describe('status questions', () => {
  it('names the asked event, closing before opening, and ignores questions without sudah/belum', () => {
    expect(statusEventOf(parseQuestion('pendaftaran DTS 2025 sudah dibuka belum?'))?.end).toBeFalsy();
    expect(statusEventOf(parseQuestion('pendaftaran DLA udah ditutup blm?'))?.end).toBe(true);
    expect(statusEventOf(parseQuestion('Has the regulation been signed yet?'))).toBeDefined();
    expect(statusEventOf(parseQuestion('Kapan pendaftaran DLA 2021 dibuka?'))).toBeUndefined();
    expect(statusEventOf(parseQuestion('Apakah DTS gratis?'))).toBeUndefined();
  });
});
