import { describe, expect, it } from 'vitest';
import { repairOcrLetters, repairOcrWords } from '../../../src/knowledge/regulation/furniture.js';

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

describe('OCR letter repair', () => {
  const words = 'persetujuan komunikasi Indonesia perangkat republik kabupaten melakukan kegiatan laporan pertanian huruf';
  const context = `${words} ${words} ${words} `;
  const repair = (text: string) => repairOcrLetters(context + text).slice(context.length);
  it("turns a scan's letter confusions back into the word the document uses, in the word's case", () => {
    expect(repair('wajib mendapat persetqjuan dari')).toBe('wajib mendapat persetujuan dari');
    expect(repair('Kementerian Kornunikasi')).toBe('Kementerian Komunikasi');
    expect(repair('REPUBHK INDONESLA')).toBe('REPUBLIK INDONESIA');
    expect(repair('setiap erangkat di abupaten yang dilalrukan')).toBe('setiap perangkat di kabupaten yang dilalrukan');
    expect(repair('melalrukan keqiatan')).toBe('melakukan kegiatan');
  });
  it('leaves real words one letter from a frequent one, list markers run together, and words seen often', () => {
    // "laporkan" / "laporan", "pertanahan" / "pertanian": not a confusion a scan makes.
    expect(repair('dilaporkan ke kantor pertanahan')).toBe('dilaporkan ke kantor pertanahan');
    // "hurufe" is "huruf e" run together, not a misread "huruff".
    expect(repair('hurufe')).toBe('hurufe');
    // A spelling the document has three times is its own word.
    expect(repairOcrLetters(`${context}indonesla indonesla indonesla`)).toBe(`${context}indonesla indonesla indonesla`);
  });
});
