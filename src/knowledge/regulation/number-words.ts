/**
 * Numbers written as words after "pasal"/"article"/"ayat": officials type "pasal sebelas",
 * "pasal dua puluh tujuh", "article twelve". The reference parser reads digits, so the words are
 * rewritten to digits first ("pasal sebelas" → "pasal 11"). Only the words right after an
 * article/ayat keyword are touched: "lima tahun" elsewhere in a question stays as it is.
 */
const ID_UNITS: Record<string, number> = { satu: 1, se: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9 };
const EN_UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** Any word of a number below 1000; a run of them is read by {@link numberFromWords}. */
const NUMBER_WORD = `(?:${['sepuluh', 'sebelas', 'seratus', 'ratus', 'puluh', 'belas', ...Object.keys(ID_UNITS).filter((w) => w !== 'se'), ...Object.keys(EN_TENS), ...Object.keys(EN_UNITS)].join('|')})`;
const KEYWORD = '(?:pasal|psl\\.?|article|ayat|paragraph)';
const AFTER_KEYWORD = new RegExp(`\\b(${KEYWORD})\\s+(${NUMBER_WORD}(?:[\\s-]+${NUMBER_WORD})*)\\b`, 'gi');

/** The value of an Indonesian or English number in words (below 1000), or undefined. */
export function numberFromWords(words: string): number | undefined {
  const ws = words.toLowerCase().split(/[\s-]+/).filter(Boolean);
  if (ws.length === 0) return undefined;
  let total = 0;
  let current = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (w === 'seratus') total += 100;
    else if (w === 'sepuluh') current += 10;
    else if (w === 'sebelas') current += 11;
    else if (w in EN_UNITS) current += EN_UNITS[w];
    else if (w in EN_TENS) current += EN_TENS[w];
    else if (w in ID_UNITS && w !== 'se') {
      const next = ws[i + 1];
      const n = ID_UNITS[w];
      if (next === 'ratus') (total += n * 100), i++;
      else if (next === 'puluh') (current += n * 10), i++;
      else if (next === 'belas') (current += n + 10), i++;
      else current += n;
    } else return undefined;
  }
  const value = total + current;
  return value > 0 ? value : undefined;
}

/** "pasal dua puluh tujuh ayat tiga" → "pasal 27 ayat 3"; everything else unchanged. */
export function digitsAfterArticleWords(text: string): string {
  return text.replace(AFTER_KEYWORD, (whole, keyword: string, words: string) => {
    const n = numberFromWords(words);
    return n === undefined ? whole : `${keyword} ${n}`;
  });
}
