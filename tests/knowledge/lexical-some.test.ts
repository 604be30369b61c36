import { describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../src/knowledge/lexical-index.js';

describe('LexicalIndex.someDocument', () => {
  it('tells whether a document holding a term satisfies a predicate', () => {
    const docs = [
      { heading: [], title: [], keywords: [], body: ['gaji', 'pokok'] },
      { heading: [], title: [], keywords: [], body: ['indeks', 'spbe'] },
      { heading: [], title: [], keywords: [], body: ['gaji', 'spbe'] },
    ];
    const idx = LexicalIndex.build(docs.length, (i) => docs[i]);
    expect(idx.someDocument('gaji', (i) => i === 2)).toBe(true);
    expect(idx.someDocument('gaji', (i) => i === 1)).toBe(false);
    expect(idx.someDocument('absent', () => true)).toBe(false);
  });
});
