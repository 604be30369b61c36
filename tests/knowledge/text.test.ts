import { describe, expect, it } from 'vitest';
import { buildGlossary } from '../../src/knowledge/glossary.js';
import { analyse, rawTokens, splitSentences, stem, stripInvisible } from '../../src/knowledge/text.js';

describe('normalisation', () => {
  it('treats a decimal comma and a decimal point as the same number', () => {
    expect(rawTokens('nilai 3,79')).toContain('3.79');
    expect(rawTokens('score 3.79')).toContain('3.79');
    expect(rawTokens('1.000 peserta')).toContain('1.000');
  });

  it('strips invisible and control characters', () => {
    expect(stripInvisible('SP\u200BBE\u0007 \u202Eindeks')).toBe('SPBE indeks');
  });

  it('folds case and accents', () => {
    expect(rawTokens('Pemerintahan DIGITAL café')).toEqual(['pemerintahan', 'digital', 'cafe']);
  });
});

describe('stemming', () => {
  it('guards against the stemmer over-stemming common words', () => {
    expect(stem('peserta')).toBe('peserta'); // the raw stemmer gives "serta" (a conjunction)
    expect(stem('penilaian')).toBe('nilai');
    expect(stem('nilai')).toBe('nilai');
    expect(stem('digitalisasi')).toBe('digitalisasi');
  });

  it('reduces inflected forms to a shared root', () => {
    expect(stem('pelatihan')).toBe(stem('dilatih'));
    expect(stem('pendaftaran')).toBe(stem('mendaftar'));
    expect(stem('ngecek')).toBe(stem('cek'));
  });

  it('restores the t that meN-/peN- drop before a root in t', () => {
    expect(stem('menargetkan')).toBe(stem('target'));
    expect(stem('menetapkan')).toBe(stem('ditetapkan'));
    expect(stem('penetapan')).toBe(stem('ditetapkan'));
    expect(stem('menerima')).toBe(stem('diterima'));
    // Not for the guarded words, nor before another consonant.
    expect(stem('menilai')).toBe('nilai');
    expect(stem('mendaftar')).toBe(stem('pendaftaran'));
  });
});

describe('analyse with a glossary', () => {
  const g = buildGlossary({
    acronyms: [{ term: 'Kaltim', expansion: 'Kalimantan Timur' }],
    synonyms: [['pelatihan', 'training']],
    informal: { thn: 'tahun', pelatihn: 'pelatihan' },
  });

  it('maps informal spellings and English synonyms to the canonical Indonesian stem', () => {
    expect(analyse('training', g.canonicalise)).toEqual(analyse('pelatihan', g.canonicalise));
    expect(analyse('thn 2023', g.canonicalise)).toEqual(['tahun', '2023']);
  });

  it('drops Indonesian and English stopwords', () => {
    expect(analyse('apa yang dimaksud dengan the training', g.canonicalise)).toEqual(analyse('maksud pelatihan', g.canonicalise));
  });

  it('annotates a spelled-out name with its acronym', () => {
    expect(analyse('Provinsi Kalimantan Timur', g.canonicalise)).toContain('kaltim');
  });

  it('expands acronyms in questions', () => {
    expect(g.expandQuery('indeks kaltim')).toContain('Kalimantan Timur');
  });
});

describe('sentence splitting', () => {
  it('keeps decimals and abbreviations inside sentences', () => {
    const s = splitSentences('Nilai Kaltim adalah 3,79 atau 3.79 menurut Perpres No. 95. Kalimat kedua di sini.');
    expect(s).toHaveLength(2);
    expect(s[0]).toContain('No. 95');
  });
});
