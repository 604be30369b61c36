import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/knowledge/glossary.js';
import { LexicalIndex } from '../../src/knowledge/lexical-index.js';
import { parseQuestion } from '../../src/knowledge/question.js';
import { analyse, colloquialStems } from '../../src/knowledge/text.js';

/** Chat verb forms and English legal words reach the formal words the documents use. */
const doc = (text: string) => ({ body: analyse(text), heading: [], title: [], keywords: [] });
const docs = [
  doc('Gelar pendidikan tidak dicantumkan pada akta pencatatan sipil.'),
  doc('Lembaga Penyiaran Berlangganan wajib menyediakan paling sedikit 10% kanal.'),
  doc('Menteri mengatur tata cara penyadapan; kegiatan itu dipimpin oleh ketua.'),
];
const index = LexicalIndex.build(docs.length, (i) => docs[i]);
const resolved = (word: string) => index.resolveTerms(analyse(word)).map((r) => r.term);

describe('colloquial verb forms', () => {
  it('proposes the formal stems of -in suffixes and nasal prefixes', () => {
    expect(colloquialStems(analyse('dicantumin')[0])).toContain('cantum');
    expect(colloquialStems(analyse('nyediain')[0])).toContain('sedia');
    expect(colloquialStems(analyse('ngatur')[0])).toContain('atur');
    expect(colloquialStems(analyse('nyadap')[0])).toContain('sadap');
    expect(colloquialStems(analyse('nyimpen')[0])).toContain('simpan');
  });

  it('resolves a chat form to the formal word the index knows', () => {
    expect(resolved('dicantumin')).toEqual(['cantum']);
    expect(resolved('nyediain')).toEqual(['sedia']);
    expect(resolved('ngatur')).toEqual(['atur']);
    expect(resolved('nyadap')).toEqual(['sadap']);
  });

  it('leaves a word the index knows alone, and a chat form without a known formal word unknown', () => {
    // "dipimpin" has the shape of a chat form (-in) but is formal and known.
    expect(resolved('dipimpin')).toEqual(analyse('dipimpin'));
    expect(index.has(resolved('dikirimin')[0])).toBe(false);
  });

  it('reads "ngasih tau" as notifying and chat spellings of small words', () => {
    const q = parseQuestion('pengendali data wajib ngasih tau dlm brp jam?');
    expect(q.searchText).toContain('memberitahukan');
    expect(q.words).toContain('dalam');
    expect(q.words).not.toContain('ngasih');
  });
});

describe('English legal vocabulary (knowledge/glossary.yaml)', () => {
  const glossary = loadGlossary(path.resolve('knowledge/glossary.yaml'));
  const terms = (s: string) => analyse(s, glossary.canonicalise).sort();

  it('bridges English regulation words to the Indonesian terms of the official text', () => {
    expect(terms('personal data')).toEqual(terms('data pribadi'));
    expect(terms('identity')).toEqual(terms('identitas'));
    expect(terms('administrative')).toEqual(terms('administratif'));
    expect(terms('transaction')).toEqual(terms('transaksi'));
    expect(terms('working days')).toEqual(terms('hari kerja'));
    expect(terms('keep')).toEqual(terms('disimpan'));
    expect(terms('prohibited')).toEqual(terms('dilarang'));
  });

  it('bridges general legal and administrative words the articles write differently', () => {
    expect(terms('obstructing')).toEqual(terms('menghalangi'));
    expect(terms('jual')).toEqual(terms('diperdagangkan'));
    expect(terms('selling')).toEqual(terms('memperjualbelikan'));
    expect(terms('ngehalangin')).toEqual(terms('menghambat'));
    expect(terms('total permanent disability')).toEqual(terms('total tetap cacat').sort());
    expect(terms('penyandang disabilitas')).toEqual(terms('penyandang cacat'));
    // The spelled-out name carries the abbreviation's term, so "kena PHK" finds the article.
    expect(terms('terkena pemutusan hubungan kerja')).toEqual(expect.arrayContaining(terms('PHK')));
    expect(terms('Menteri Agraria dan Tata Ruang/Kepala Badan Pertanahan Nasional')).toEqual(expect.arrayContaining([...terms('ATR'), ...terms('BPN')]));
    expect(terms('Lembaga Penyiaran Publik')).toEqual(expect.arrayContaining(terms('LPP')));
  });

  it('reads "term of office" as "masa jabatan", not an office address', () => {
    expect(parseQuestion('How long is the term of office of Dewan Pers members?', glossary.canonicalise).searchText).toMatch(/masa jabatan/);
  });

  it('treats a data leak as the law\'s "kegagalan Pelindungan Data Pribadi"', () => {
    expect(terms('kebocoran')).toEqual(terms('kegagalan'));
    expect(terms('data breach')).toEqual(terms('kegagalan data'));
  });
});

describe('limits in legal drafting', () => {
  const glossary = loadGlossary(path.resolve('knowledge/glossary.yaml'));
  const terms = (s: string) => analyse(s, glossary.canonicalise);

  it('"paling banyak" and "paling lama" are a maximum, "sekurang-kurangnya" a minimum', () => {
    const max = terms('maximum')[0];
    expect(terms('paling banyak Rp10.000.000,00')).toContain(max);
    expect(terms('paling lama 5 (lima) hari kerja')).toContain(max);
    expect(terms('sekurang-kurangnya 6 (enam) orang')).toContain(terms('minimal')[0]);
    expect(terms('lama')).not.toContain(max);
  });
});
