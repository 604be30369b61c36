import { describe, expect, it } from 'vitest';
import { composeExtractive, type ExtractiveInput } from '../../src/answering/extractive.js';
import { parseQuestion } from '../../src/knowledge/question.js';
import type { Passage } from '../../src/knowledge/retriever.js';
import { analyse } from '../../src/knowledge/text.js';

const passage = (id: string, heading: string, text: string, relevance = 0.9): Passage => ({
  rank: 1, score: 1, relevance, coverage: 1, similarity: 1, source: `${id}.md`, file: `${id}.md`, title: id, heading, text, sources: [], chunkId: id,
});

/** The lead sentence composed for a question over passages, the way the answer service calls it. */
function lead(question: string, passages: Passage[], extra: Partial<ExtractiveInput> = {}): string {
  const q = parseQuestion(question);
  const r = composeExtractive({
    passages,
    terms: [...new Set(analyse(q.searchText))],
    analyse: (s) => analyse(s),
    idf: () => 1,
    wantsNumber: q.kind === 'number' || q.kind === 'date',
    wantsName: q.kind === 'name',
    wantsDate: q.kind === 'date',
    prefer: { years: q.years, places: q.places },
    maxSentences: 1,
    ...extra,
  });
  return r.sentences[0].text;
}

describe('the sentence that answers leads', () => {
  it('a value reached, not a target, answers "berapa"', () => {
    const p = passage('a', 'Indeks SPBE Kaltim', 'Untuk evaluasi 2023, Pemprov Kaltim menetapkan target Indeks SPBE 2023 sebesar 3,4. Indeks SPBE Pemprov Kaltim tahun 2023 adalah 2,91.');
    expect(lead('indeks spbe kaltim 2023 brp', [p])).toContain('2,91');
    // Asked for the target, the target leads.
    expect(lead('berapa target indeks spbe kaltim 2023', [p])).toContain('3,4');
  });

  it('a sentence about another province loses to one about the asked place', () => {
    const other = passage('b', 'Kunjungan', 'Pegawai berkunjung ke Dinas Komunikasi dan Informatika Provinsi Jawa Timur di Surabaya untuk belajar SPBE.');
    const own = passage('c', 'Diskominfo', 'Dinas Komunikasi dan Informatika Kalimantan Timur mengoordinasikan tim teknis SPBE.', 0.85);
    expect(lead('apa tugas dinas komunikasi dan informatika kalimantan timur di SPBE', [other, own])).toContain('Kalimantan Timur mengoordinasikan');
  });

});
