import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerService } from '../../src/answering/answer-service.js';
import { assessCoverage } from '../../src/answering/coverage.js';
import { changeConstraints, rewriteFollowUp } from '../../src/answering/follow-up.js';
import { loadGlossary } from '../../src/knowledge/glossary.js';
import type { Passage, RetrievalResult } from '../../src/knowledge/retriever.js';
import { analyse } from '../../src/knowledge/text.js';
import { LocalHashEmbeddings } from '../../src/knowledge/embeddings.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { parseQuestion } from '../../src/knowledge/question.js';
import { openRepoKnowledgeBase, REPO_KNOWLEDGE_DIR } from '../helpers/kb.js';
import { makeTmpDir } from '../helpers/tmp.js';


/** The shipped glossary and the knowledge base's analysis with it ("dr", "kalo" chat; "kemenpan" is KemenPANRB). */
const glossary = loadGlossary(path.resolve('knowledge/glossary.yaml'));
const terms = (t: string) => analyse(t, glossary.canonicalise);

describe('parseQuestion', () => {
  it('reads years, places, the asked attribute and kind from chat Indonesian', () => {
    const q = parseQuestion('kaltim spbe 2024 dpt brp sih? katanya rekor tertinggi');
    expect(q.years).toEqual(['2024']);
    expect(q.places.map((p) => p.id)).toEqual(['kaltim']);
    expect(q.kind).toBe('number');
    // Fillers and the hearsay clause are not searched for.
    expect(q.searchText).not.toMatch(/sih|katanya|rekor/);
    expect(parseQuestion('Berapa gaji Kepala Diskominfo Kaltim?').head).toBe('gaji');
  });

  it('reads chat connectives, places, "singkatan dr" and digit counts as they are meant', () => {
    // "pas" (= saat) introduces the occasion, a place is a constraint: neither is the asked attribute.
    expect(parseQuestion('pas evaluasi spbe 2024 kaltim nilai mandirinya brp?').head).toBe('evaluasi');
    expect(parseQuestion('kaltim peringkat brp nasional di spbe 2024?').head).toBe('peringkat');
    // "X singkatan dr apa?" asks for the full name: a definition, with no "singkatan" to search for.
    const acronym = parseQuestion('GTA di DTS itu singkatan dr apa?');
    expect(acronym.kind).toBe('definition');
    expect(acronym.searchText).not.toMatch(/singkatan|\bdr\b/);
    expect(parseQuestion('kepanjangannya DLA apa').kind).toBe('definition');
    // A count typed as a digit is searched in words as documents write it; a score or a year is not.
    expect(parseQuestion('9 layanan prioritas govtech apa aja').searchText).toMatch(/\b9 sembilan layanan\b/);
    // … not a reference, a stage or a score the user gives.
    expect(parseQuestion('Pasal 12 ayat 3 UU PDP').searchText).toBe('Pasal 12 ayat 3 UU PDP');
    expect(parseQuestion('level 3 spbe itu apa').searchText).not.toMatch(/tiga/);
    expect(parseQuestion('kalau nilai SPBE kita 3 masuk predikat apa?').searchText).not.toMatch(/tiga/);
    expect(parseQuestion('tgl brp pengumuman DTS?').head).toBe('pengumuman');
    // "tgl brp" asks for a date as "kapan" does: no "tanggal" for a passage to hold. "yg", "sy" are no attribute.
    const renamed = parseQuestion('kominfo resmi jd komdigi tgl brp sih?');
    expect(renamed.kind).toBe('date');
    expect(renamed.searchText).not.toMatch(/tgl|tanggal/);
    expect(parseQuestion('yg mimpin tim koordinasi spbe siapa ya').head).toBe('mimpin');
    // "How long / how big …" asks for a value, as "berapa lama" does.
    expect(parseQuestion('How long does it take for a domain name registration to be confirmed?').kind).toBe('number');
  });

  it('keeps regulation years out of the asked years and tells other provinces from Kaltim', () => {
    expect(parseQuestion('Apa isi Perpres Nomor 95 Tahun 2018 untuk evaluasi 2023?').years).toEqual(['2023']);
    expect(parseQuestion('indeks spbe provinsi papua barat brp').places.map((p) => p.id)).toEqual(['papua barat']);
    expect(parseQuestion('indeks spbe nasional vs kalimantan timur').places.map((p) => p.scope).sort()).toEqual(['kaltim', 'national']);
  });

  it('takes a score the user gives as an input, not a search term', () => {
    const q = parseQuestion('Jika indeks SPBE suatu instansi bernilai 4,5, predikat apa yang diperolehnya?');
    expect(q.givenScore).toBe(4.5);
    expect(q.searchText).not.toContain('4,5');
  });

  it('asks for an agency: "kementerian mana", "lembaga apa", "which ministry" — not partners or a list', () => {
    expect(parseQuestion('domain data dan informasi itu tanggung jawab kementerian mana').kind).toBe('agency');
    expect(parseQuestion('koordinasi domain keamanan dipegang lembaga apa?').kind).toBe('agency');
    expect(parseQuestion('Which ministry coordinates the application domain?').kind).toBe('agency');
    expect(parseQuestion('Besides universities, which organisations partnered with DLA in 2023?').kind).not.toBe('agency');
    expect(parseQuestion('lembaga apa saja yang terlibat?').kind).not.toBe('agency');
    expect(parseQuestion('Siapa yang mengetuai Tim Koordinasi SPBE?').kind).toBe('name');
  });

  it('reads an English idiom as a whole and counts relative years', () => {
    // "took part" is participation, not "bagian" (part); "people" are counted as orang.
    expect(parseQuestion('How many people took part in DTS in 2022?').words).toEqual(expect.arrayContaining(['participated', 'orang']));
    expect(parseQuestion('kalau dua tahun lalu?')).toMatchObject({ relativeYear: 'previous', yearShift: -2 });
    expect(parseQuestion('kalau tahun sebelumnya?')).toMatchObject({ relativeYear: 'previous', yearShift: -1 });
    expect(parseQuestion('Berapa indeks SPBE Kaltim 2024?').yearShift).toBeUndefined();
  });

  it('reads the attribute of an English question from the phrase it asks about', () => {
    expect(parseQuestion('What is the office address of Diskominfo Kaltim?')).toMatchObject({ head: 'address', headCertain: true, kind: 'place' });
    expect(parseQuestion("How big is Kaltim's SPBE budget for 2024?")).toMatchObject({ head: 'budget', headCertain: true });
    expect(parseQuestion('What was the national SPBE index in 2023?').head).toBe('index');
    expect(parseQuestion('What is the phone number of BPSDM Kaltim?').head).toBe('phone');
    expect(parseQuestion('Which dates were the Idul Fitri cuti bersama days in 2022?')).toMatchObject({ head: 'dates', kind: 'date' });
    // Other shapes leave the attribute unsure (the first content word is often an adjective).
    expect(parseQuestion('Who operates INA Digital?').headCertain).toBe(false);
    expect(parseQuestion('What does SPBE stand for?').kind).toBe('definition');
    expect(parseQuestion('berapa gaji kepala diskominfo').headCertain).toBe(true);
    // "untuk siapa?" asks for an audience, not a person's name; "itu program" only frames the topic.
    expect(parseQuestion('GTA itu program buat siapa sih?')).toMatchObject({ kind: 'other', searchText: 'GTA itu buat siapa' });
    expect(parseQuestion('Who is GTA for?').kind).toBe('other');
    expect(parseQuestion('siapa kepala bpsdm kaltim').kind).toBe('name');
  });

  it('knows an office from its deputy and a regulation from an office', () => {
    expect(parseQuestion('siapa gubernur kaltim skrg?').role).toBe('gubernur');
    expect(parseQuestion('Who is the governor of East Kalimantan?').role).toBe('gubernur');
    expect(parseQuestion('Apa isi peraturan presiden tentang SPBE?').role).toBeUndefined();
  });
});

describe('follow-ups change only what changes', () => {
  it('moves the year, relatively or absolutely, and swaps the place', () => {
    expect(changeConstraints('kalau tahun sebelumnya berapa?', 'Berapa indeks SPBE Kaltim 2024?')).toBe('Berapa indeks SPBE Kaltim 2023?');
    expect(changeConstraints('and in 2023?', 'What is the national SPBE index for 2024?')).toBe('What is the national SPBE index for 2023?');
    expect(changeConstraints('kalau nasional?', 'indeks spbe kaltim 2023 brp')).toBe('indeks spbe nasional 2023 brp?');
    // A relative year moves by its count; "tahun lalu" is the year before the previous turn's.
    expect(changeConstraints('kalau 2 tahun sebelumnya?', 'indeks spbe nasional 2024 brp ya')).toBe('indeks spbe nasional 2022 brp ya?');
    expect(changeConstraints('two years earlier?', 'What was the national SPBE index in 2024?')).toBe('What was the national SPBE index in 2022?');
    expect(changeConstraints('tahun lalu gimana?', 'indeks spbe kaltim 2024 dpt brp')).toBe('indeks spbe kaltim 2023 dpt brp?');
    // A follow-up with its own subject is not a constraint change.
    expect(changeConstraints('siapa kepala BPSDM?', 'Berapa indeks SPBE Kaltim 2024?')).toBeUndefined();
  });

  it('a repeated word with another after it swaps that word; "trus … nya" is chat, not a subject', () => {
    const history = (text: string) => [{ role: 'user' as const, text }];
    const isTopic = (t: string) => ['spbe', 'dts', 'gta'].includes(t);
    expect(rewriteFollowUp('klo domain manajemen?', history('bobot domain layanan di indeks spbe brp persen?'), (t) => analyse(t), isTopic)).toBe('bobot domain manajemen di indeks spbe brp persen?');
    // A follow-up keeps the previous question's place; one that names a place and a year changes both.
    expect(rewriteFollowUp('how many agencies were evaluated?', history('national SPBE index 2023?'), (t) => analyse(t), isTopic)).toContain('national');
    expect(changeConstraints('kalau kaltim 2024?', 'indeks spbe nasional 2023 predikatnya apa')).toBe('indeks spbe kaltim 2024 predikatnya apa?');
    // The new word may be a two-word name.
    expect(rewriteFollowUp('kalau domain tata kelola?', history('bobot domain layanan di evaluasi SPBE brp persen'), (t) => analyse(t), isTopic)).toBe('bobot domain tata kelola di evaluasi SPBE brp persen?');
    expect(changeConstraints('trus target 2023 nya brp?', 'target indeks spbe kaltim 2024 brp?')).toBe('target indeks spbe kaltim 2023 brp?');
    // A topic is not a modifier: "kalau syarat GTA?" is the topic rule's case.
    expect(rewriteFollowUp('kalau syarat GTA?', history('syarat ikut DTS apa aja?'), (t) => analyse(t), isTopic)).not.toContain('syarat GTA DTS');
  });

  it('a follow-up naming an agency the last answer named keeps the subject; a new topic stands alone', () => {
    // The knowledge base's own analysis: its glossary reads "dr", "kalo" as chat and "kemenpan" as KemenPANRB.
    const isTopic = (t: string) => ['spbe', 'kemenpanrb', 'dts'].includes(t);
    const turns = (answer: string) => [
      { role: 'user' as const, text: 'self assessment spbe kaltim 2024 brp nilainya?' },
      { role: 'assistant' as const, text: answer },
    ];
    const told = turns('Penilaian mandiri Kaltim 2024 bernilai 4,35; penilaian sementara dari KemenPANRB memberi 3,28. [1]');
    const q = 'kalo penilaian sementara dr kemenpan?';
    // "sementara" (interim) is what the follow-up asks, not a stopword.
    expect(terms(q)).toEqual(expect.arrayContaining(['sementara', 'kemenpanrb']));
    expect(rewriteFollowUp(q, told, terms, isTopic)).toMatch(/^kalo penilaian sementara dr kemenpan\? \(.*kaltim 2024\)$/);
    // The agency the answer did not mention is a new subject.
    expect(rewriteFollowUp(q, turns('Penilaian mandiri Kaltim 2024 bernilai 4,35. [1]'), terms, isTopic)).toBe(q);
  });

  it('a pronoun subject refers back, "thn yg sama" keeps the year, a common noun\'s abbreviation is no topic', async () => {
    const prev = [{ role: 'user' as const, text: 'sekda kaltim siapa sih skrg' }];
    expect(rewriteFollowUp('dia pernah jd narasumber di acara apa?', prev, terms, (t) => t === 'sekda')).toBe('dia pernah jd narasumber di acara apa? (sekda kaltim)');
    expect(changeConstraints('kalo kaltim thn yg sama?', 'indeks spbe nasional 2023 berapa kak')).toBe('indeks spbe kaltim 2023 berapa kak?');
    // Through the answer service: "TV" (televisi) does not make "acara tv apa?" a question of its own.
    const { kb, cleanup } = await openRepoKnowledgeBase();
    try {
      const answers = new AnswerService({ kb });
      const first = await answers.answer('sekda kaltim siapa sih skrg');
      const history = [{ role: 'user' as const, text: first.query ?? '' }, { role: 'assistant' as const, text: first.text }];
      const a = await answers.answer('dia pernah jd narasumber di acara tv apa?', { history });
      expect(a.coverage).toBe('full');
      expect(a.text).toContain('Dialog Publika');
    } finally {
      cleanup();
    }
  });

  it('a follow-up restating the topic the previous question named stands alone', () => {
    const turns = [
      { role: 'user' as const, text: 'indeks spbe kaltim 2024 brp?' },
      { role: 'assistant' as const, text: 'Indeks SPBE Pemprov Kaltim tahun 2024 adalah 3,79 dengan predikat Sangat Baik. [1]' },
    ];
    const q = 'kalo predikat spbe nasional 2024 apa?';
    expect(rewriteFollowUp(q, turns, terms, (t) => ['spbe', 'kemenpanrb'].includes(t))).toBe(q);
  });

  it('reads chat particles as no subject: "kalo yg di sulbar?" swaps the place, not the topic', () => {
    expect(changeConstraints('kalo yg di sulbar?', 'DLA 2025 di Sulut pesertanya brp org?')).toBe('DLA 2025 di sulbar pesertanya brp org?');
    expect(rewriteFollowUp('kalo yg di sulbar?', [{ role: 'user', text: 'DLA 2025 di Sulut pesertanya brp org?' }], (t) => analyse(t), (t) => ['dla', 'sulbar', 'sulut'].includes(t))).toBe('DLA 2025 di sulbar pesertanya brp org?');
  });
});

describe('the year of an event', () => {
  const p = (text: string): Passage => ({ rank: 1, score: 1, relevance: 0.9, coverage: 1, similarity: 1, source: 'a.md', file: 'a.md', title: 'DLA', heading: 'DLA provinsi', text, sources: [], chunkId: 'a' });
  const deps = { knows: () => true, terms: (w: string) => analyse(w), passageTerms: (x: Passage) => new Set(analyse(`${x.heading} ${x.text}`)) };
  const outcome = (question: string, text: string) => {
    const q = parseQuestion(question);
    const retrieval = { question, passages: [p(text)], relevance: 0.9, relevant: true, terms: [...new Set(analyse(q.searchText))], parsed: q } as unknown as RetrievalResult;
    return assessCoverage(q, retrieval, deps).coverage;
  };
  it('is the year of its dates; the day something was announced dates no record of that year', () => {
    expect(outcome('DLA Sulut 2025 pesertanya brp?', 'DLA Sulawesi Utara (Sulut) diikuti 48 peserta pada 21 Oktober sampai 2 Desember 2025.')).toBe('full');
    expect(outcome('DLA Sulut 2025 pesertanya brp?', 'DLA Sulawesi Utara (Sulut) 2024 mencatat 48 peserta. Hasilnya diumumkan pada 2 Desember 2025.')).toBe('partial');
  });
});

describe('an attribute held by another subject', () => {
  const passage = (id: string, text: string, relevance: number, regulation?: Passage['regulation']): Passage => ({
    rank: 1, score: 1, relevance, coverage: 1, similarity: 1, source: `${id}.md`, file: `${id}.md`, title: id, heading: id, text, sources: [], chunkId: id, ...(regulation ? { regulation } : {}),
  });
  const deps = { knows: () => true, terms: (w: string) => analyse(w), passageTerms: (p: Passage) => new Set(analyse(`${p.heading} ${p.text}`)), isTopic: (t: string) => ['pdp', 'bpsdm', 'diskominfo'].includes(t) };
  const assess = (question: string, passages: Passage[]) => {
    const q = parseQuestion(question);
    const retrieval = { question, passages, relevance: passages[0].relevance, relevant: true, terms: [...new Set(analyse(q.searchText))], parsed: q } as unknown as RetrievalResult;
    return assessCoverage(q, retrieval, deps);
  };

  it('is declined; a regulation article is about its regulation even without its abbreviation', () => {
    const bpsdm = passage('bpsdm', 'Alamat kantor BPSDM berada di Jalan HM Rifadin.', 0.6);
    const diskominfo = passage('diskominfo', 'Diskominfo mengoordinasikan tim teknis SPBE.', 0.4);
    expect(assess('alamat kantor diskominfo dimana?', [bpsdm, diskominfo])).toMatchObject({ coverage: 'none', reason: 'attribute_absent' });
    const article = passage('pasal57', 'Sanksi administratif berupa denda administratif paling tinggi 2 persen dari pendapatan tahunan.', 0.6, { key: 'uu-27-2022', shortName: 'UU 27/2022', title: 'UU PDP', jenisShort: 'UU', nomor: '27', tahun: '2022', aliases: ['UU PDP'], kind: 'pasal', pasal: '57' });
    expect(assess('berapa denda administratif maksimal di UU PDP?', [article]).coverage).toBe('full');
  });

  it('is declined when only the loaded regulations know the word it asks about, unless a regulation answers', () => {
    const faisal = passage('diskominfo', 'Muhammad Faisal menjabat Kepala Diskominfo Kaltim sejak 2021.', 0.7);
    const q = parseQuestion('berapa gaji kepala diskominfo kaltim?');
    const retrieval = { question: q.raw, passages: [faisal], relevance: 0.7, relevant: true, terms: [...new Set(analyse(q.searchText))], parsed: q } as unknown as RetrievalResult;
    // "gaji" is in the index only because a pension regulation says it.
    const withRegulations = { ...deps, knowsOutsideRegulations: (w: string) => !/gaji/.test(w) };
    expect(assessCoverage(q, retrieval, withRegulations)).toMatchObject({ coverage: 'none', reason: 'unknown_attribute' });
    // (Known from our own documents, the word is judged by the other rules: here no passage holds it.)
    expect(assessCoverage(q, retrieval, { ...deps, knowsOutsideRegulations: () => true }).reason).toBe('attribute_absent');
    // A question answered by a regulation's article is not judged by our own documents' words.
    const article = passage('pasal9', 'Gaji pokok peserta menjadi dasar iuran Jaminan Hari Tua.', 0.7, { key: 'permenaker-2-2022', shortName: 'Permenaker 2/2022', title: 'Permenaker 2/2022', jenisShort: 'Permenaker', nomor: '2', tahun: '2022', aliases: [], kind: 'pasal', pasal: '9' });
    const r2 = { ...retrieval, passages: [article] } as unknown as RetrievalResult;
    expect(assessCoverage(parseQuestion('berapa gaji pokok untuk iuran JHT?'), { ...r2, parsed: parseQuestion('berapa gaji pokok untuk iuran JHT?') } as RetrievalResult, withRegulations).reason).not.toBe('unknown_attribute');
  });

  it('a number is declined when no passage about the subject names what it measures', () => {
    const visit = passage('bpsdm', 'Pelatihan BPSDM 2023 diikuti kunjungan sekitar 50 pegawai ke Surabaya.', 0.8);
    expect(assess('berapa anggaran pelatihan BPSDM 2023?', [visit])).toMatchObject({ coverage: 'none', reason: 'attribute_absent' });
    // … also when "brp" closes the question, as officials type it.
    expect(assess('anggaran pelatihan BPSDM 2023 brp?', [visit])).toMatchObject({ coverage: 'none', reason: 'attribute_absent' });
    expect(assess('pelatihan BPSDM 2023 pesertanya brp?', [visit]).coverage).toBe('full');
    // A unit after "berapa" is no attribute: "berapa orang" is answered by the count.
    expect(assess('berapa orang pegawai dalam kunjungan pelatihan BPSDM 2023?', [visit]).coverage).toBe('full');
    // Without a topic of its own, a weakly matched passage is not declined for want of the attribute.
    const plain = passage('x', 'Kunjungan sekitar 50 pegawai ke kantor pusat.', 0.3);
    expect(assess('berapa orang pegawai dalam kunjungan ke kantor pusat?', [plain]).coverage).toBe('full');
  });

  it("an office is declined when the passages name another organisation's holder", () => {
    const komdigi = passage('komdigi', 'Dua Wakil Menteri Komunikasi dan Digital (Komdigi) adalah Nezar Patria dan Angga Raka Prabowo.', 0.9);
    expect(assess('siapa wakil menteri PANRB skrg?', [komdigi])).toMatchObject({ coverage: 'none', reason: 'role_absent' });
    expect(assess('siapa wakil menteri komdigi?', [komdigi]).coverage).toBe('full');
    // A place after the office is no organisation.
    const gubernur = passage('gub', 'Gubernur Kalimantan Timur (Kaltim) membuka pelatihan.', 0.9);
    expect(assess('siapa gubernur kaltim?', [gubernur]).coverage).toBe('full');
  });

  it('is declined when no passage states it and the subject is only matched weakly', () => {
    const weak = passage('diskominfo', 'Diskominfo mengoordinasikan tim teknis SPBE.', 0.25);
    expect(assess('email resmi diskominfo apa?', [weak])).toMatchObject({ coverage: 'none', reason: 'attribute_absent' });
    // Matched well, the passage about the subject may word the attribute otherwise and answers.
    const strong = passage('diskominfo', 'Diskominfo mengoordinasikan tim teknis SPBE.', 0.6);
    expect(assess('visi diskominfo apa?', [strong]).coverage).toBe('full');
  });

  it('a contact attribute is declined when no passage about the subject holds a value of its shape', () => {
    const head = passage('diskominfo', 'Kepala Diskominfo Kaltim adalah Muhammad Faisal, yang berkantor di Samarinda.', 0.6);
    expect(assess('alamat kantor Diskominfo Kaltim di mana?', [head])).toMatchObject({ coverage: 'none', reason: 'attribute_absent' });
    expect(assess('email resmi diskominfo apa?', [head])).toMatchObject({ coverage: 'none', reason: 'attribute_absent' });
    const office = passage('diskominfo', 'Kantor Diskominfo Kaltim beralamat di Jl. Basuki Rahmat No. 41, Samarinda; surel diskominfo@kaltimprov.go.id.', 0.6);
    expect(assess('alamat kantor Diskominfo Kaltim di mana?', [office]).coverage).toBe('full');
    expect(assess('email resmi diskominfo apa?', [office]).coverage).toBe('full');
    // Opening hours need a time of day, not an address; "berapa jam" (a duration) is no opening hour.
    expect(assess('jam buka kantor Diskominfo Kaltim jam brp?', [office])).toMatchObject({ coverage: 'none', reason: 'attribute_absent' });
    const hours = passage('diskominfo', 'Kantor Diskominfo Kaltim melayani tamu pada hari kerja pukul 08.00–16.00 WITA.', 0.6);
    expect(assess('jam buka kantor Diskominfo Kaltim jam brp?', [hours]).coverage).toBe('full');
    expect(assess('berapa jam pelatihan diskominfo?', [passage('diskominfo', 'Pelatihan Diskominfo berlangsung 20 jam pelajaran.', 0.6)]).coverage).toBe('full');
    expect(assess('kantor diskominfo kaltim buka jam berapa?', [office])).toMatchObject({ coverage: 'none', reason: 'attribute_absent' });
    // "Jam kerja" is also a duration: "berapa jam kerja … seminggu?" is answered by the hours.
    expect(assess('berapa jam kerja pegawai diskominfo seminggu?', [passage('diskominfo', 'Jam kerja pegawai Diskominfo adalah 37,5 jam dalam satu minggu.', 0.6)]).coverage).toBe('full');
  });
});

describe('a count asked for a year', () => {
  const p = (text: string, heading = 'DTS'): Passage => ({ rank: 1, score: 1, relevance: 0.9, coverage: 1, similarity: 1, source: 'a.md', file: 'a.md', title: 'DTS', heading, text, sources: [], chunkId: 'a' });
  const deps = { knows: () => true, terms: (w: string) => analyse(w), passageTerms: (x: Passage) => new Set(analyse(`${x.heading} ${x.text}`)), isTopic: (t: string) => ['dts', 'dla'].includes(t) };
  const outcome = (question: string, passage: Passage) => {
    const q = parseQuestion(question);
    const retrieval = { question, passages: [passage], relevance: 0.9, relevant: true, terms: [...new Set(analyse(q.searchText))], parsed: q } as unknown as RetrievalResult;
    return assessCoverage(q, retrieval, deps).coverage;
  };
  it('is not recorded by a number that counts something else ("delapan akademi")', () => {
    const academies = p('Program DTS memiliki delapan akademi menurut paparan pada 23 Februari 2023.', 'Delapan akademi DTS (2023)');
    expect(outcome('How many DTS participants were there in 2023?', academies)).toBe('partial');
    expect(outcome('jumlah peserta DTS 2023 brp?', academies)).toBe('partial');
    // A count of the asked noun, of people for "how many people", or a bare value records it.
    expect(outcome('How many DTS participants were there in 2023?', p('Pada tahun 2023 DTS menjaring 150.000 peserta.'))).toBe('full');
    expect(outcome('How many people took part in DTS in 2023?', p('Pada tahun 2023 DTS diikuti sekitar 150.000 peserta.'))).toBe('full');
    expect(outcome('jumlah peserta DTS 2023 brp?', p('Jumlah peserta DTS tahun 2023 adalah 150.000.'))).toBe('full');
    // Not a count: "berapa indeks" is answered by the value, whatever follows it.
    expect(outcome('indeks spbe dts 2023 brp?', p('Indeks SPBE DTS 2023 sebesar 3,1 poin.'))).toBe('full');
  });
});

describe('what is asked of a topic', () => {
  const passage = (id: string, text: string, relevance: number): Passage => ({
    rank: 1, score: 1, relevance, coverage: 1, similarity: 1, source: `${id}.md`, file: `${id}.md`, title: id, heading: id, text, sources: [], chunkId: id,
  });
  // Analysed as the knowledge base does ("thn brp" is chat, not a term to find).
  const an = terms;
  const deps = { knows: () => true, terms: an, passageTerms: (p: Passage) => new Set(an(`${p.heading} ${p.text}`)), isTopic: (t: string) => ['dts', 'dla'].includes(t) };
  const assess = (question: string, passages: Passage[]) => {
    const q = parseQuestion(question, glossary.canonicalise);
    const retrieval = { question, passages, relevance: passages[0].relevance, relevant: true, terms: [...new Set(an(q.searchText))], parsed: q } as unknown as RetrievalResult;
    return assessCoverage(q, retrieval, deps);
  };
  const dlaLaunch = passage('dla', 'DLA 2022 diluncurkan pada 17 Mei 2022 di Yogyakarta.', 0.7);
  const dts = passage('dts', 'Jumlah peserta DTS pada tahun 2022 mencapai 245.000 orang.', 0.6);
  it('is declined when only passages about another topic say it', () => {
    expect(assess('DTS diluncurkan thn brp', [dlaLaunch, dts])).toMatchObject({ coverage: 'none', reason: 'attribute_absent' });
  });
  it('a launch date is answered by the year the topic has run since, from that passage alone', () => {
    const since = passage('dts3', 'DTS diselenggarakan Kominfo sejak tahun 2018.', 0.3);
    const d = assess('DTS diluncurkan thn brp', [dlaLaunch, dts, since]);
    expect(d.coverage).toBe('full');
    expect(d.passages.map((p) => p.chunkId)).toEqual(['dts3']);
  });
  it('is answered when a passage about the topic says it, or asked of the topic that has it', () => {
    const dtsLaunch = passage('dts2', 'DTS pertama kali diluncurkan Kominfo pada tahun 2018.', 0.5);
    expect(assess('DTS diluncurkan thn brp', [dlaLaunch, dts, dtsLaunch]).coverage).toBe('full');
    expect(assess('DLA diluncurkan thn brp', [dlaLaunch, dts]).coverage).toBe('full');
  });
});

describe('three outcomes on the real knowledge base', () => {
  let kb: KnowledgeBase;
  let cleanup: () => void;
  let answers: AnswerService;
  beforeAll(async () => {
    ({ kb, cleanup } = await openRepoKnowledgeBase());
    answers = new AnswerService({ kb });
  });
  afterAll(() => cleanup());

  it("declines a current office holder or a person's date the knowledge base does not have, and answers those it has", async () => {
    // The passages say which agency coordinates security, not who heads it now.
    const bssn = await answers.answer('siapa kepala BSSN yg menjabat skrg?');
    expect(bssn.coverage).toBe('none');
    // A birth date the knowledge base has for another official does not date this one's birth.
    expect((await answers.answer('kadiskominfo kaltim muhammad faisal lahir thn brp?')).coverage).toBe('none');
    const answered = async (question: string, fact: string) => {
      const a = await answers.answer(question);
      expect(a.coverage, question).toBe('full');
      expect(a.text).toContain(fact);
    };
    await answered('sekda kaltim sri wahyuni lahir tanggal berapa?', '29 Desember 1970');
    // Not an event whose verb has synonyms ("diadakan" for "berlangsung"), not an office held by an organisation.
    await answered('wawancara evaluasi spbe kaltim 2024 diadakan kapan?', '29 Oktober 2024');
    await answered('siapa walidata data statistik kaltim sekarang?', 'Diskominfo');
    await answered('siapa kepala BPSDM Komdigi sekarang?', 'Bonifasius');
    // A regulation's title is no person's name; a person's name is.
    const { namesSomeoneNew } = await import('../../src/answering/extractive.js');
    expect(namesSomeoneNew('Koordinasi domain dibagi menurut penjelasan Perpres Nomor 95 Tahun 2018.', [], (w) => analyse(w))).toBe(false);
    expect(namesSomeoneNew('Kepala BPSDM Komdigi adalah Bonifasius Wahyu Pudjianto.', [], (w) => analyse(w))).toBe(true);
  });

  it('answers chat Indonesian that used to be refused, fact first and short', async () => {
    const a = await answers.answer('kaltim spbe 2024 dpt brp sih? katanya rekor');
    expect(a.coverage).toBe('full');
    expect(a.text.slice(0, 150)).toContain('3,79');
    expect(a.text.length).toBeLessThan(480);
    const b = await answers.answer('dts thn 2022 pesertanya kira2 brp org');
    expect(b.coverage).toBe('full');
    expect(b.text).toContain('245.000');
  });

  it("an item of a section that divides a subject leads, though it names its own agency's acronym", async () => {
    const a = await answers.answer('In the SPBE architecture, which agency is in charge of coordinating the security domain?');
    expect(a.text.split('. ')[0]).toContain('BSSN');
  });

  it('"bunyinya gmn?" asks for the wording: the word is no search term a passage must hold', async () => {
    expect(parseQuestion('pengertian spbe versi perpres bunyinya gmn?').searchText).not.toMatch(/bunyi/);
    const a = await answers.answer('pengertian sbpe versi perpres bunyinya gmn?');
    expect(a.coverage).toBe('full');
    expect(a.text).toContain('Pengguna SPBE');
  });

  it('a count asked for is not answered by a sentence with no number in it', async () => {
    const a = await answers.answer('berapa jumlah ASN di Pemprov Kaltim sekarang');
    expect(a.coverage).toBe('none');
    expect(a.refused).toBe(true);
    // A recorded count is still answered.
    const b = await answers.answer('Berapa jumlah peserta Digital Talent Scholarship pada tahun 2022?');
    expect(b.coverage).toBe('full');
    expect(b.text).toContain('245.000');
  });

  it('without a year, answers with the latest recorded one, not an unconfirmed older note', async () => {
    const a = await answers.answer('What is the SPBE index score of East Kalimantan?');
    expect(a.text.split('. ')[0]).toContain('3,79');
    expect(a.text).not.toMatch(/^[^.]*belum terkonfirmasi/);
  });

  it('says what is missing, then labels the nearest fact, for a year not recorded', async () => {
    const a = await answers.answer('Berapa indeks SPBE Pemprov Kaltim tahun 2025?');
    expect(a.coverage).toBe('partial');
    expect(a.refused).toBe(false);
    expect(a.text).toMatch(/^Indeks SPBE Pemprov Kaltim 2025 belum tercatat di basis pengetahuan\. Yang terakhir tercatat: .*3,79/);
    const b = await answers.answer('indeks spbe kaltim thn 2022');
    expect(b.coverage).toBe('partial');
    // Never the national 2022 value as if it were Kaltim's.
    expect(b.text).not.toContain('2,34');
  });

  it('a nearest fact that only says the value is unconfirmed comes with the sentence that reports the value', async () => {
    const a = await answers.answer('indeks spbe kaltim 2021 brp');
    expect(a.coverage).toBe('partial');
    // The user's words, spelled as the knowledge base spells its names.
    expect(a.text).toMatch(/^Indeks SPBE Kaltim 2021 belum tercatat/);
    expect(a.text).toContain('belum terkonfirmasi');
    expect(a.text).toContain('2,22');
  });

  it('declines an attribute held only by a passage about something else, in both languages', async () => {
    // The knowledge base has an address (BPSDM's) and budgets (other topics), none of Diskominfo or SPBE.
    // In another city nothing records the attribute at all: a passage merely naming Samarinda does not answer.
    for (const q of ['alamat kantor diskominfo kaltim dimana?', 'berapa anggaran SPBE Kaltim tahun 2024?', "How big is Kaltim's SPBE budget for 2024?", 'What is the salary of the head of Diskominfo Kaltim?', 'What is the SPBE index of Samarinda city?', 'What is the phone number of BPSDM Kaltim?']) {
      expect((await answers.answer(q)).coverage, q).toBe('none');
    }
    // A passage about the subject that answers in other words still answers.
    const zoom = await answers.answer('Melalui aplikasi apa DLA Kalimantan Timur 2024 dibuka?');
    expect(zoom.coverage).toBe('full');
    expect(zoom.text).toContain('Zoom');
    expect((await answers.answer('Where is the BPSDM office of East Kalimantan located?')).text).toContain('Rifadin');
  });

  it('a year is recorded only by a sentence about the asked topic that reports a value', async () => {
    // "Rapat koordinasi … pada tahun 2025 membahas peralihan dari evaluasi SPBE …" holds no value.
    expect((await answers.answer('What is the national SPBE index in 2025?')).coverage).toBe('partial');
    // The PMD transition "mulai tahun 2026" is not about DTS.
    expect((await answers.answer('jadwal DTS 2026 kapan')).coverage).toBe('partial');
    // A regulation's number is the value asked for.
    const kepmen = await answers.answer('Keputusan Menteri PANRB nomor berapa yang memuat hasil evaluasi SPBE 2023?');
    expect(kepmen.coverage).toBe('full');
  });

  it('follow-ups keep the subject and replace only the aspect or item asked', async () => {
    const talk = async (...turns: string[]) => {
      const history: Array<{ role: 'user' | 'assistant'; text: string }> = [];
      let last = '';
      for (const t of turns) {
        const a = await answers.answer(t, { history });
        history.push({ role: 'user', text: a.query ?? t }, { role: 'assistant', text: a.text.slice(0, 500) });
        last = a.text;
      }
      return last;
    };
    expect(await talk('DLA 2021 kerjasama dgn kampus mana aja', 'kapan daftarnya?')).toMatch(/^[^.]*19–27 Agustus 2021/);
    expect(await talk('akademi di DTS apa aja?', 'yang kedua apa?')).toMatch(/^[^.]*Vocational School Graduate Academy/);
    expect(await talk('peserta dts 2022 brp org', 'targetnya berapa?')).toContain('200.000');
    expect(await talk('INA Digital diluncurkan kapan?', 'siapa pengelolanya?')).toMatch(/^[^.]*PERURI/);
  });

  it('refuses instead of substituting: another attribute, office, place or the weather', async () => {
    for (const q of ['Berapa gaji Kepala Diskominfo Kaltim?', 'What is the weather in Balikpapan tomorrow?', 'siapa gubernur kaltim skrg?', 'indeks spbe provinsi papua brp', 'indeks spbe kota balikpapan 2024 berapa']) {
      const a = await answers.answer(q);
      expect({ q, coverage: a.coverage, refused: a.refused }).toEqual({ q, coverage: 'none', refused: true });
    }
  });

  it('derives a predikat from the ranges, with the ranges as cited basis', async () => {
    const a = await answers.answer('Jika indeks SPBE suatu instansi bernilai 4,5, predikat apa yang diperolehnya?');
    expect(a.coverage).toBe('full');
    expect(a.text).toMatch(/^Nilai 4,5 termasuk predikat Memuaskan \(rentang 4,2 sampai 5,0\)/);
    expect(a.citations).toHaveLength(1);
    expect(a.text).toContain('[1]');
    const b = await answers.answer('indeks spbe 3,0 masuk kategori apa');
    expect(b.text).toMatch(/predikat Baik \(rentang 2,6 sampai kurang dari 3,5\)/);
    // The other way round: the range of a named predikat.
    const c = await answers.answer('berapa nilai minimal untuk predikat Sangat Baik?');
    expect(c.text).toMatch(/^Predikat Sangat Baik diperoleh dengan nilai 3,5 sampai kurang dari 4,2/);
  });

  it('states the difference of two cited values, each with its source', async () => {
    const a = await answers.answer('berapa selisih indeks spbe kaltim 2024 dengan nasional 2024?');
    expect(a.coverage).toBe('full');
    expect(a.text).toMatch(/^Selisihnya 0,67: Kaltim 2024 = 3,79, Nasional 2024 = 3,12 \(Kaltim 2024 lebih tinggi\)/);
    expect(a.citations).toHaveLength(2);
    // A side the knowledge base lacks gives no derivation.
    const b = await answers.answer('berapa selisih indeks spbe kaltim 2025 dengan nasional 2025?');
    expect(b.text).not.toMatch(/^Selisihnya/);
  });

  it('answers sudah/belum from a cited date, compared with today', async () => {
    const at = (iso: string) => new AnswerService({ kb, now: () => new Date(iso) });
    const q = 'pendaftaran DLA 2021 sudah dibuka belum?';
    const after = await at('2026-12-01T00:00:00Z').answer(q);
    expect(after.coverage).toBe('full');
    expect(after.text).toMatch(/^Sudah \(basis: tanggal 19–27 Agustus 2021, sebelum hari ini, 1 Desember 2026\)\. Pendaftaran DLA 2021 dibuka pada 19–27 Agustus 2021[^[]*\[1\]/);
    expect(after.citations).toHaveLength(1);
    expect((await at('2021-08-01T00:00:00Z').answer(q)).text).toMatch(/^Belum \(basis: tanggal 19–27 Agustus 2021, setelah hari ini, 1 Agustus 2021\)/);
    expect((await at('2021-08-20T00:00:00Z').answer(q)).text).toMatch(/^Sudah, dan masih berlangsung sampai 27 Agustus 2021/);
    expect((await at('2021-08-20T00:00:00Z').answer('pendaftaran DLA 2021 sudah ditutup?')).text).toMatch(/^Belum: berlangsung sampai 27 Agustus 2021/);
    const en = await at('2024-05-01T00:00:00Z').answer('Has INA Digital been launched yet?');
    expect(en.text).toMatch(/^Not yet \(basis: date 27 Mei 2024, after today, 1 May 2024\)/);
  });

  it('derives no sudah/belum when the knowledge base cites no date for the event', async () => {
    const service = new AnswerService({ kb, now: () => new Date('2026-12-01T00:00:00Z') });
    // Perpres 82/2023 is described, but no date of promulgation or entry into force is cited.
    const a = await service.answer('apakah Perpres 82/2023 sudah berlaku?');
    expect(a.text).not.toMatch(/^(Sudah|Belum)\b/);
    expect(a.text).not.toMatch(/basis: tanggal/);
    // A planned date ("direncanakan merilis … pada September 2024") is no evidence that it happened.
    const b = await service.answer('apakah 19 layanan dasar INA Digital sudah dirilis?');
    expect(b.text).not.toMatch(/^(Sudah|Belum)\b/);
  });

  it('does not count an unconfirmed value or a sentence without the asked attribute as the year recorded', async () => {
    // The knowledge base says the national 2021 value is unconfirmed; a 2021 sentence about another SPBE topic is no answer.
    const a = await answers.answer('indeks spbe nasional 2021 brp?');
    expect(a.coverage).toBe('partial');
    expect(a.text).toMatch(/^Indeks SPBE nasional 2021 belum tercatat/);
  });

  it('leads with the section whose heading states what was asked', async () => {
    // The certificate passage shares more words, but the section "Biaya pelatihan DTS: gratis" answers.
    const a = await answers.answer('sertifikat DTS bayar gk?');
    expect(a.text).toMatch(/gratis|tidak dipungut biaya/);
    // "kapan" is answered by the sentence with the calendar date, not only a month.
    const b = await answers.answer('GovTech Indonesia namanya apa & diluncurin kapan');
    expect(b.text).toContain('INA Digital');
    expect(b.text).toContain('27 Mei 2024');
    // "Who …?" wants a person: an office spelled out before its acronym or a province is no one's name.
    const c = await answers.answer('Who heads the communications and informatics office (Diskominfo) of East Kalimantan?');
    expect(c.text).toMatch(/^Muhammad Faisal/);
  });

  it('carries the subject into an aspect follow-up ending in -nya', async () => {
    const first = await answers.answer('PNS wajib pengembangan kompetensi brp JP setahun?');
    const history = [{ role: 'user' as const, text: first.query! }, { role: 'assistant' as const, text: first.text }];
    const next = await answers.answer('dasar hukumnya apa?', { history });
    expect(next.text).toContain('11 Tahun 2017');
  });

  it('keeps the subject of a follow-up and changes the year', async () => {
    const first = await answers.answer('Berapa indeks SPBE Kaltim 2024?');
    const history = [{ role: 'user' as const, text: first.query! }, { role: 'assistant' as const, text: first.text }];
    const next = await answers.answer('kalau tahun sebelumnya berapa?', { history });
    expect(next.coverage).toBe('full');
    expect(next.text.slice(0, 200)).toContain('2,91');
  });
});

describe('fresh answers after an edit', () => {
  it('answers from the edited text after a reindex even when the length did not change', async () => {
    const tmp = makeTmpDir('asisten-fresh-');
    const knowledgeDir = path.join(tmp.dir, 'knowledge');
    fs.mkdirSync(knowledgeDir);
    fs.copyFileSync(path.join(REPO_KNOWLEDGE_DIR, 'glossary.yaml'), path.join(knowledgeDir, 'glossary.yaml'));
    const doc = (n: string) =>
      `---\ntitle: "Kuota Pelatihan Uji"\ntopic: uji\n---\n\n# Kuota Pelatihan Uji\n\n## Kuota kelas analitik\nKelas analitik data Pemprov Kaltim menerima ${n} peserta setiap angkatan, dipilih dari usulan perangkat daerah.\n`;
    fs.writeFileSync(path.join(knowledgeDir, 'kuota.md'), doc('40'));
    const dataDir = path.join(tmp.dir, 'data');
    try {
      const kb = await KnowledgeBase.open({ knowledgeDir, dataDir, embeddings: new LocalHashEmbeddings() });
      const answers = new AnswerService({ kb });
      expect((await answers.answer('berapa peserta kelas analitik data?')).text).toContain('40 peserta');
      fs.writeFileSync(path.join(knowledgeDir, 'kuota.md'), doc('25'));
      const report = await kb.reindex();
      expect(report.changed).toEqual(['kuota.md']);
      const a = await answers.answer('berapa peserta kelas analitik data?');
      expect(a.text).toContain('25 peserta');
      expect(a.text).not.toContain('40 peserta');
    } finally {
      tmp.cleanup();
    }
  });
});

describe('what an answer must carry', () => {
  it('a grade or category is a value; an English participle after the noun is not the attribute', async () => {
    const { hasValue } = await import('../../src/answering/extractive.js');
    expect(hasValue('Kategori GovTech Maturity Index Indonesia naik dari kelompok B pada tahun 2020 menjadi kelompok A pada tahun 2022.')).toBe(true);
    expect(hasValue('Indeks itu dibahas pada tahun 2025.')).toBe(false);
    // A reference into a regulation is no value; the duration it sets is.
    expect(hasValue('(1) Pendaftaran Nama Domain sebagaimana dimaksud dalam Pasal 35 berdasarkan prinsip pendaftar pertama.')).toBe(false);
    expect(hasValue('(4) Proses penetapan Nama Domain paling lambat 5 (lima) hari kerja.')).toBe(true);
    expect(hasValue('Sanksi diatur dalam ayat (2) huruf b.')).toBe(false);
    expect(parseQuestion('What are the different academies offered under the Digital Talent Scholarship?').head).toBe('academies');
    expect(parseQuestion('What documents are required to join GTA?').head).not.toBe('required');
  });

  it('a qualified value is what is asked when the question names the qualifier, even as a stopword', async () => {
    const { composeExtractive } = await import('../../src/answering/extractive.js');
    const p: Passage = { rank: 1, score: 1, relevance: 0.9, coverage: 1, similarity: 1, source: 'a.md', file: 'a.md', title: 'SPBE', heading: 'Proses penilaian SPBE', text: 'Indeks SPBE Kaltim 2024 adalah 3,79. Penilaian sementara dari KemenPANRB sebelum wawancara memberi nilai 3,28.', sources: [], chunkId: 'a' };
    const base = { passages: [p], terms: analyse('kalo penilaian sementara dr kemenpan'), analyse: (t: string) => analyse(t), idf: () => 1, wantsNumber: false, maxSentences: 1 };
    expect(composeExtractive({ ...base, question: 'kalo penilaian sementara dr kemenpan?' }).sentences[0].text).toContain('3,28');
  });
});
