import { describe, expect, it } from 'vitest';
import { repairOcrWords } from '../../../src/knowledge/regulation/furniture.js';

describe('OCR word repair', () => {
  const context = 'dalam dalam pemrosesan pemrosesan yang yang bidang bidang larangan larangan ';
  const repair = (text: string) => repairOcrWords(context + text).slice(context.length);
  it("repairs punctuation a scan put inside a word, from the document's own words, in the word's case", () => {
    expect(repair('Kewajiban Dai,am Pemrosesan')).toBe('Kewajiban Dalam Pemrosesan');
    expect(repair('KEWAJIBAN DAI,AM PEMROSESAN')).toBe('KEWAJIBAN DALAM PEMROSESAN');
    expect(repair('a. pemros(:san data;')).toBe('a. pemrosesan data;');
    expect(repair('yar:g di b:dang itu')).toBe('yang di bidang itu');
    expect(repair('I,arangan')).toBe('Larangan');
  });
  it('leaves real forms with punctuation and words the document does not use', () => {
    expect(repair('dan/atau 1,5 persen, huruf a,b, Provinsi,Kabupaten')).toBe('dan/atau 1,5 persen, huruf a,b, Provinsi,Kabupaten');
    // A list marker glued to a word is not a speck to drop.
    expect(repair('a;yang c,bidang')).toBe('a;yang c,bidang');
    // A variant the document uses only once is no evidence.
    expect(repairOcrWords('kewajiban kew;ajiban')).toBe('kewajiban kew;ajiban');
  });
});
