import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { RELEVANCE_THRESHOLD, relevanceOf } from '../../src/knowledge/retriever.js';
import { openTempKnowledgeBase } from '../helpers/kb.js';

let kb: KnowledgeBase;
let cleanup: () => void;

beforeAll(async () => {
  ({ kb, cleanup } = await openTempKnowledgeBase());
});
afterAll(() => cleanup());

describe('hybrid retrieval', () => {
  it('finds the section with the asked year first', async () => {
    const r = await kb.retrieve('Berapa indeks SPBE Kaltim tahun 2023?', 3);
    expect(r.passages[0].heading).toBe('Indeks SPBE Kaltim 2023');
    expect(r.passages[0].source).toBe('https://contoh.go.id/indeks');
    expect(r.relevant).toBe(true);
  });

  it('matches 3.79 written with a decimal point to 3,79 in the text', async () => {
    const r = await kb.retrieve('predikat nilai 3.79', 1);
    expect(r.passages[0].text).toContain('3,79');
  });

  it('understands informal spelling, typos and English synonyms', async () => {
    expect((await kb.retrieve('brp indeks spbe kaltim thn 2024', 1)).passages[0].heading).toBe('Indeks SPBE Kaltim 2024');
    expect((await kb.retrieve('sertifikat GTA', 1)).passages[0].heading).toBe('Sertifikat GTA');
    expect((await kb.retrieve('GTA certificate', 1)).passages[0].heading).toBe('Sertifikat GTA');
    expect((await kb.retrieve('sertifkat pelatiahn GTA', 1)).passages[0].heading).toBe('Sertifikat GTA');
  });

  it('expands acronyms: a spelled-out name finds the acronym and back', async () => {
    const r = await kb.retrieve('indeks Sistem Pemerintahan Berbasis Elektronik Kalimantan Timur 2024', 1);
    expect(r.passages[0].heading).toBe('Indeks SPBE Kaltim 2024');
  });

  it('tells "nothing relevant" apart from a weak hit', async () => {
    const off = await kb.retrieve('resep rendang padang yang enak', 3);
    expect(off.relevant).toBe(false);
    expect(off.relevance).toBeLessThan(RELEVANCE_THRESHOLD);
    const absent = await kb.retrieve('Berapa indeks SPBE Provinsi Papua tahun 2024?', 3);
    expect(absent.unknownTerms).toContain('papua');
    const present = await kb.retrieve('Berapa indeks SPBE Provinsi Kaltim tahun 2024?', 3);
    expect(absent.relevance).toBeLessThan(present.relevance);
    const empty = await kb.retrieve('?? !!', 3);
    expect(empty.passages).toEqual([]);
  });

  it('relevance grows with coverage and similarity', () => {
    expect(relevanceOf(1, 0.5)).toBeGreaterThan(relevanceOf(0.5, 0.5));
    expect(relevanceOf(0.8, 0.6)).toBeGreaterThan(relevanceOf(0.8, 0.1));
    expect(relevanceOf(0, 0)).toBeLessThan(0.01);
  });
});

describe('asked years', () => {
  it('are the years a question is about, not those inside regulation numbers', async () => {
    const { parseQuestion } = await import('../../src/knowledge/question.js');
    const years = (q: string) => parseQuestion(q).years;
    expect(years('Berapa indeks SPBE Kaltim tahun 2024?')).toEqual(['2024']);
    expect(years('sblm ada perpres 95/2018, dasarnya apa?')).toEqual([]);
    expect(years('Apa isi Perpres Nomor 95 Tahun 2018 untuk evaluasi 2023?')).toEqual(['2023']);
  });
});

describe('abbreviations the documents only spell out (glossary acronyms)', () => {
  it('are known words: the spelled-out name in a document stands for the acronym', async () => {
    const doc = `# Pencatatan nama\n\n## Panjang nama\n\nNama pada Kartu Tanda Penduduk ditulis paling banyak 60 huruf termasuk spasi.\n\n## Jadwal layanan\n\nLayanan kantor dibuka setiap hari kerja pukul 08.00 sampai 15.00.\n`;
    const glossary = 'acronyms:\n  - term: KTP\n    expansion: Kartu Tanda Penduduk\n';
    const withGlossary = await openTempKnowledgeBase({ 'nama.md': doc, 'glossary.yaml': glossary });
    const without = await openTempKnowledgeBase({ 'nama.md': doc });
    try {
      const q = 'nama di KTP maksimal brp huruf?';
      const a = await withGlossary.kb.retrieve(q, 3);
      const b = await without.kb.retrieve(q, 3);
      expect(a.passages[0].heading).toContain('Panjang nama');
      expect(a.relevant).toBe(true);
      // Without the glossary "ktp" is a name the documents never mention: the same passage scores lower
      // (only a regulation's part counts an abbreviation it spells out, see question-vocabulary.test.ts).
      expect(b.unknownTerms).toContain('ktp');
      expect(a.relevance).toBeGreaterThan(b.relevance);
    } finally {
      withGlossary.cleanup();
      without.cleanup();
    }
  });
});

describe('regulation articles', () => {
  it('get a higher intercept: the same fit is more relevant for a long formal article', () => {
    expect(relevanceOf(0.5, 0.25, 0, true)).toBeGreaterThan(relevanceOf(0.5, 0.25, 0, false));
    expect(relevanceOf(0.5, 0.25, 0, true)).toBeGreaterThanOrEqual(RELEVANCE_THRESHOLD);
    expect(relevanceOf(0.5, 0.25, 0, false)).toBeLessThan(RELEVANCE_THRESHOLD);
    // Still nothing for a question whose words the article lacks.
    expect(relevanceOf(0.15, 0.1, 0, true)).toBeLessThan(0.05);
  });
});
