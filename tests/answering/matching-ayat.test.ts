import { describe, expect, it } from 'vitest';
import { ayatBlocks, composeRegulationPassageAnswer, matchingAyatFirst, MAX_PASSAGE_ANSWER_CHARS } from '../../src/answering/regulation-answer.js';
import type { Passage } from '../../src/knowledge/retriever.js';

/** A long article is cut for the answer: the ayat that answers the question is quoted first. */
const filler = (n: number) => Array.from({ length: n }, (_, i) => `kegiatan penunjang ke-${i + 1}`).join(', ');
const ARTICLE = [
  `(1) Penyelenggara wajib menyusun rencana kerja yang memuat ${filler(18)}.`,
  `(2) Rencana kerja sebagaimana dimaksud pada ayat (1) memuat:`,
  `a. ${filler(10)};`,
  `b. ${filler(10)}.`,
  '(3) Laporan pelaksanaan disampaikan paling lambat 3 (tiga) bulan setelah akhir tahun anggaran.',
].join('\n');
const mentions = (words: string[]) => (ayat: string) => words.filter((w) => ayat.toLowerCase().includes(w)).length;

describe('the ayat that answers first', () => {
  it('splits an article into ayat, huruf staying with their ayat', () => {
    const blocks = ayatBlocks(ARTICLE);
    expect(blocks).toHaveLength(3);
    expect(blocks[1]).toMatch(/^\(2\)[\s\S]*\na\. [\s\S]*\nb\. /);
  });

  it('moves the matching ayat of a long article to the front, keeping the rest in order', () => {
    expect(ARTICLE.length).toBeGreaterThan(MAX_PASSAGE_ANSWER_CHARS);
    const out = matchingAyatFirst(ARTICLE, MAX_PASSAGE_ANSWER_CHARS, mentions(['laporan', 'paling lambat']));
    expect(out.startsWith('(3) Laporan pelaksanaan')).toBe(true);
    expect(out.indexOf('(1) Penyelenggara')).toBeLessThan(out.indexOf('(2) Rencana'));
  });

  it('keeps the order when the matching ayat is quoted anyway or the article fits', () => {
    expect(matchingAyatFirst(ARTICLE, MAX_PASSAGE_ANSWER_CHARS, mentions(['rencana kerja']))).toBe(ARTICLE);
    const short = '(1) Satu hal.\n(2) Laporan dua hal.';
    expect(matchingAyatFirst(short, MAX_PASSAGE_ANSWER_CHARS, mentions(['laporan']))).toBe(short);
  });

  it('the answer from a long article holds the fact the question asks for', () => {
    const lead = { text: ARTICLE, title: 'Peraturan Contoh', heading: 'Pasal 10', citation: 'Permen 1/2030 Pasal 10', chunkId: 'c1', source: 'x', file: 'x', sources: [], regulation: { kind: 'pasal' } } as unknown as Passage;
    const plain = composeRegulationPassageAnswer(lead, 'id')!;
    expect(plain.text).not.toContain('3 (tiga) bulan');
    const a = composeRegulationPassageAnswer(lead, 'id', mentions(['laporan', 'paling lambat']))!;
    expect(a.text).toContain('paling lambat 3 (tiga) bulan setelah akhir tahun anggaran');
  });
});
