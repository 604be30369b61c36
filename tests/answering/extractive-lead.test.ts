import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeExtractive, type ExtractiveInput } from '../../src/answering/extractive.js';
import { loadGlossary } from '../../src/knowledge/glossary.js';
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
    question,
    terms: [...new Set(analyse(q.searchText))],
    analyse: (s) => analyse(s),
    idf: () => 1,
    wantsNumber: q.kind === 'number' || q.kind === 'date',
    wantsName: q.kind === 'name',
    wantsDate: q.kind === 'date',
    wantsAgency: q.kind === 'agency',
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

  it('"berapa" is answered by a sentence holding a value, not only a year or a day', () => {
    const p = passage('d', 'Peserta DTS', 'Syarat umum peserta DTS menurut ketentuan tahun 2019 adalah WNI yang lulus Tes Substansi. Pada tahun 2019 DTS dibuka untuk sekitar 25.000 peserta.');
    expect(lead('berapa peserta DTS tahun 2019', [p])).toContain('25.000');
    const dated = passage('e', 'Evaluasi SPBE Kaltim 2024', 'Rapat persiapan evaluasi SPBE Kaltim berlangsung pada 28 Oktober 2024. Penilaian mandiri SPBE Kaltim 2024 menghasilkan nilai 4,35.');
    expect(lead('penilaian mandiri spbe kaltim 2024 berapa', [dated])).toContain('4,35');
  });

  it('a value reported beside its target answers; a target or self-assessment alone does not', () => {
    const reached = passage('f', 'Peserta', 'Target peserta tahun 2022 adalah 550 orang. Pada tahun 2022 program menjaring 245.000 peserta, melampaui target 200.000 peserta.');
    expect(lead('berapa peserta tahun 2022', [reached])).toContain('245.000');
    const self = passage('g', 'Proses penilaian SPBE Kaltim 2024', 'Penilaian mandiri SPBE Kaltim 2024 menghasilkan nilai 4,35. Nilai akhir SPBE Kaltim 2024 adalah 3,79.');
    expect(lead('nilai spbe kaltim 2024 berapa', [self])).toContain('3,79');
  });

  it('a sentence about another programme loses to one about the asked programme', () => {
    const p = passage('h', 'Program digital', 'Peserta DLA 2022 berjumlah 550 orang. Pada tahun 2022 DTS menjaring 245.000 orang.');
    const topics = new Set(['dla', 'dts']);
    expect(lead('peserta dts 2022 brp org', [p], { isTopic: (t) => topics.has(t) })).toContain('DTS menjaring');
    expect(lead('peserta dts 2022 brp org', [p])).toContain('DLA');
  });

  it('"kapan" is answered by a dated sentence and "di mana" by a located one', () => {
    const p = passage('i', 'DLA 2021', 'DLA 2021 bekerja sama dengan empat universitas mitra. Pendaftaran DLA 2021 dibuka pada 19–27 Agustus 2021.');
    expect(lead('kapan pendaftaran DLA 2021', [p])).toContain('Agustus');
    const where = passage('j', 'Pelatihan GCIO 2023', 'Pelatihan GCIO 2023 dibuka Sekda dengan pidato kunci tentang kepemimpinan digital. Pelatihan GCIO 2023 diselenggarakan di Hotel Mercure, Jakarta Selatan.');
    const q = parseQuestion('pelatihan GCIO 2023 diadakan dimana?');
    expect(q.kind).toBe('place');
    expect(lead('pelatihan GCIO 2023 diadakan dimana?', [where], { wantsPlace: true })).toContain('Mercure');
  });

});

describe('a section that divides a subject among its sentences', () => {
  const coordination = passage(
    'k',
    'Pembagian koordinasi domain arsitektur',
    'Koordinasi domain arsitektur dibagi kepada beberapa instansi pusat menurut peraturan presiden. ' +
      'Domain proses bisnis dikoordinasikan oleh kementerian aparatur negara. ' +
      'Domain data dan informasi dikoordinasikan oleh kementerian perencanaan pembangunan. ' +
      'Domain keamanan dikoordinasikan oleh badan siber dan sandi negara.',
  );

  // The words every sentence of the section shares are common in the index; the item names are rarer.
  const idf = (t: string) => (['domain', 'koordinasi', 'arsitektur', 'instansi', 'spbe'].includes(t) ? 1 : 1.3);

  it('the sentence naming the asked item leads, not the opening that announces the items', () => {
    expect(lead('instansi apa yang mengoordinasikan domain data dan informasi arsitektur?', [coordination], { idf })).toContain('perencanaan pembangunan');
    expect(lead('domain keamanan arsitektur dikoordinasikan oleh siapa?', [coordination], { idf })).toContain('siber');
  });

  it('the opening still leads when the question names nothing a later sentence adds', () => {
    expect(lead('bagaimana koordinasi domain arsitektur dibagi?', [coordination], { idf })).toContain('dibagi kepada beberapa');
  });
});

describe('"which ministry / agency …" is answered by the sentence naming an organisation', () => {
  const coordination = passage(
    'm',
    'Pembagian koordinasi domain arsitektur nasional',
    'Koordinasi domain arsitektur nasional dibagi kepada beberapa instansi pusat menurut peraturan presiden. ' +
      'Domain proses bisnis dikoordinasikan oleh Kementerian PANRB. ' +
      'Domain keamanan dikoordinasikan oleh Badan Siber dan Sandi Negara (BSSN).',
  );
  const listing = passage(
    'n',
    'Domain arsitektur dalam instrumen evaluasi',
    'Enam domain arsitektur yang dinilai adalah proses bisnis, data dan informasi, layanan, aplikasi, infrastruktur, dan keamanan. Ringkasnya ada enam domain.',
  );

  it('not the opening that names the kind asked ("instansi pusat") but no organisation', () => {
    const q = 'Instansi mana yang bertanggung jawab atas domain keamanan arsitektur nasional?';
    expect(parseQuestion(q).kind).toBe('agency');
    expect(lead(q, [coordination])).toContain('BSSN');
    // Without the kind, the opening (more question words: instansi, nasional) leads.
    expect(lead(q, [coordination], { wantsAgency: false })).toContain('dibagi kepada');
  });

  it("not another passage's sentence that lists every item and names no organisation", () => {
    const q = 'domain keamanan arsitektur itu tanggung jawab lembaga apa';
    expect(lead(q, [listing, coordination])).toContain('BSSN');
    expect(lead(q, [listing, coordination], { wantsAgency: false })).toContain('Enam domain');
  });
});

describe('a follow-up carrying its subject', () => {
  const p = passage(
    'eval24',
    'Evaluasi SPBE Kaltim 2024',
    'Sekda Kaltim memimpin rapat persiapan, dan wawancara evaluasi SPBE oleh KemenPANRB berlangsung pada 29 Oktober 2024. ' +
      'Penilaian sementara dari KemenPANRB sebelum wawancara memberi nilai 3,28.',
  );
  const q = 'kalo penilaian sementara dr kemenpan? (assessment spbe kaltim 2024)';
  it("is answered by the sentence its own words name, not the one matching the carried subject's year and place", () => {
    // Analysed as the knowledge base does: its glossary reads "kalo", "dr" as chat and "kemenpan" as KemenPANRB.
    const g = loadGlossary(path.resolve('knowledge/glossary.yaml'));
    const an = (s: string) => analyse(s, g.canonicalise);
    // As in the knowledge base, "sementara" is a rare word, SPBE, Kaltim and KemenPANRB common ones.
    const kb = { terms: [...new Set(an(q))], analyse: an, idf: (t: string) => (t === 'sementara' ? 3 : 1) };
    expect(lead(q, [p], { ...kb, focus: an('kalo penilaian sementara dr kemenpan?') })).toContain('3,28');
    // Without the follow-up's own words singled out, the carried year and place outweigh them.
    expect(lead(q, [p], kb)).not.toContain('3,28');
  });
});

describe('supporting sentences', () => {
  const p = passage(
    'gcio',
    'Pelatihan GCIO Kaltim 2024',
    'Pelatihan GCIO Pemprov Kaltim angkatan pertama berlangsung pada Mei 2024 di Samarinda. Pelatihan GCIO diikuti pejabat perangkat daerah Pemprov Kaltim. ' +
      'Materi pelatihan GCIO mencakup arsitektur SPBE dan tata kelola data. Pembukaan pelatihan GCIO dilaksanakan pada 27 Mei 2024 oleh Sekda Kaltim.',
  );
  const compose = (question: string) => {
    const q = parseQuestion(question);
    return composeExtractive({
      passages: [p], question, terms: [...new Set(analyse(q.searchText))], analyse: (s) => analyse(s), idf: () => 1,
      wantsNumber: q.kind === 'number' || q.kind === 'date', wantsDate: q.kind === 'date', prefer: { years: q.years, places: q.places },
    }).sentences.map((s) => s.text);
  };
  it('a third sentence that adds no asked term is left to /sumber — unless it gives the day a "kapan" question asks', () => {
    const what = compose('pelatihan GCIO kaltim 2024 itu apa');
    expect(what.length).toBeLessThanOrEqual(2);
    const when = compose('kapan pelatihan GCIO kaltim 2024');
    expect(when[0]).toContain('Mei 2024');
    expect(when.join(' ')).toContain('27 Mei 2024');
  });
});

describe('a list question', () => {
  const themes = passage(
    'themes',
    'Tema DLA 2023',
    'DLA 2023 memiliki kuota 500 peserta dan tiga tema. Tema pertama, Smart Digital Leader Indonesia Maju, ditujukan bagi pemimpin sektor publik. ' +
      'Tema kedua, Smart Digital Leader Indonesia Makin Digital, ditujukan bagi bupati dan wali kota. Tema ketiga, Smart Digital Leader Provinsi, untuk provinsi.',
  );
  const other = passage('nus', 'DLA 2021', 'DLA 2021 diselenggarakan bersama empat universitas. Program bersama NUS mengusung tema Digital Transformation in Smart City.', 0.85);
  const all = (question: string, extra: Partial<ExtractiveInput> = {}) => {
    const q = parseQuestion(question);
    const r = composeExtractive({
      passages: [themes, other], question, terms: [...new Set(analyse(q.searchText))], analyse: (s) => analyse(s), idf: () => 1,
      wantsNumber: false, prefer: { years: q.years, places: q.places }, maxChars: 650, maxSentences: 4, list: q.kind === 'list', ...extra,
    });
    return r.sentences.map((s) => s.text).join(' ');
  };
  it("gets the section's items that follow the lead, not another passage's sentence", () => {
    const q = 'Tolong jelaskan tema-tema yang diusung DLA pada tahun 2023.';
    expect(parseQuestion(q).kind).toBe('list');
    expect(all(q)).toContain('Tema ketiga');
    expect(all(q)).not.toContain('NUS');
    expect(all(q, { list: false })).toContain('NUS');
  });
});
