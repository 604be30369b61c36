/**
 * Small derivations from retrieved facts, stated with their basis: a score's predikat from
 * the ranges a passage gives, and the difference between two cited numbers. A derivation is
 * made only when every input is quoted from a passage (or given by the user), so the answer
 * stays checkable: the basis sentence is shown with its source number.
 */
import type { Question } from '../knowledge/question.js';
import type { Passage } from '../knowledge/retriever.js';
import { splitSentences } from '../knowledge/text.js';
import type { Locale } from '../locale.js';

export interface Derivation {
  /** Answer sentences, each with the index (into the passages given) of its source; -1 = the derived line. */
  sentences: Array<{ text: string; passage: number }>;
}

export interface Range {
  label: string;
  low: number;
  high: number;
  /** The bounds as the passage writes them ("4,2", "5,0"). */
  lowText: string;
  highText: string;
  /** The upper bound is exclusive ("sampai kurang dari 4,2"). */
  highExclusive: boolean;
  sentence: string;
  passage: number;
}

const num = (s: string) => Number(s.replace(',', '.'));
const fmt = (x: number, language: Locale) => (language === 'id' ? String(Math.round(x * 100) / 100).replace('.', ',') : String(Math.round(x * 100) / 100));

/** "predikat Sangat Baik untuk nilai 3,5 sampai kurang dari 4,2" → a range, wherever a passage states one. */
const RANGE_RE = /predikat\s+([A-Z][\p{L}]+(?:\s[A-Z][\p{L}]+)?)\s+(?:untuk\s+)?(?:nilai\s+|rentang\s+)?(\d[.,]\d+|\d)\s*(?:sampai|hingga|s\.?\s?d\.?|–|-)\s*(kurang dari\s*|<\s*)?(\d[.,]\d+|\d)/gu;

export function rangesIn(passages: Passage[]): Range[] {
  const out: Range[] = [];
  passages.forEach((p, pi) => {
    for (const sentence of splitSentences(p.text)) {
      for (const m of sentence.matchAll(RANGE_RE)) {
        if (out.some((r) => r.label === m[1])) continue;
        out.push({ label: m[1], low: num(m[2]), high: num(m[4]), lowText: m[2], highText: m[4], highExclusive: Boolean(m[3]), sentence: sentence.trim(), passage: pi });
      }
    }
  });
  return out;
}

/** "Jika indeks bernilai 4,5, predikatnya apa?" → the range containing 4,5, with the ranges sentence as basis. */
export function derivePredikat(q: Question, passages: Passage[]): Derivation | undefined {
  if (q.givenScore === undefined) return undefined;
  const ranges = rangesIn(passages);
  const hit = ranges.find((r) => q.givenScore! >= r.low && (r.highExclusive ? q.givenScore! < r.high : q.givenScore! <= r.high));
  if (!hit) return undefined;
  const score = fmt(q.givenScore, q.language);
  const as = (t: string) => (q.language === 'id' ? t.replace('.', ',') : t.replace(',', '.'));
  const bound = `${as(hit.lowText)}${q.language === 'id' ? (hit.highExclusive ? ' sampai kurang dari ' : ' sampai ') : hit.highExclusive ? ' to under ' : ' to '}${as(hit.highText)}`;
  const derived =
    q.language === 'en'
      ? `A score of ${score} falls in the "${hit.label}" predikat (range ${bound}), going by the ranges below.`
      : `Nilai ${score} termasuk predikat ${hit.label} (rentang ${bound}), berdasarkan rentang berikut.`;
  return { sentences: [{ text: derived, passage: -1 }, { text: hit.sentence, passage: hit.passage }] };
}

/**
 * "Berapa nilai minimal untuk predikat Sangat Baik?": the range of a named predikat, quoted. The
 * question must name the predikat and ask about values (nilai, rentang, minimal, batas, berapa).
 */
export function derivePredikatRange(q: Question, passages: Passage[]): Derivation | undefined {
  // A question about an instance ("indeks Kaltim 2024 yang Sangat Baik") is not about the range.
  if (q.givenScore !== undefined || q.years.length > 0 || q.places.length > 0 || !/\b(nilai|rentang|minimal|minimum|batas|berapa|range|score|threshold)\b/i.test(q.raw)) return undefined;
  const ranges = rangesIn(passages).sort((a, b) => b.label.length - a.label.length);
  const hit = ranges.find((r) => new RegExp(`(?<!sangat\\s)\\b${r.label}\\b`, 'i').test(q.raw));
  if (!hit) return undefined;
  const as = (t: string) => (q.language === 'id' ? t.replace('.', ',') : t.replace(',', '.'));
  const derived =
    q.language === 'en'
      ? `The "${hit.label}" predikat needs a score of at least ${as(hit.lowText)} (up to ${hit.highExclusive ? 'under ' : ''}${as(hit.highText)}).`
      : `Predikat ${hit.label} diperoleh dengan nilai ${as(hit.lowText)} sampai ${hit.highExclusive ? 'kurang dari ' : ''}${as(hit.highText)} (minimal ${as(hit.lowText)}).`;
  return { sentences: [{ text: derived, passage: hit.passage }, { text: hit.sentence, passage: hit.passage }] };
}

/** One side of a comparison: the value and the sentence (with its passage) that states it. */
export interface ComparedValue {
  label: string;
  value: number;
  valueText: string;
  sentence: string;
  passage: Passage;
}

const COMPARISON_WORDS = /^(selisih|beda|bedanya|perbedaan|dibanding|dibandingkan|banding|naik|turun|kenaikan|penurunan|difference|compared?|higher|lower|versus|vs|lebih|tinggi|rendah|besar|kecil|dengan|dan|antara|dari|ke|sampai|and|between|from|to|of|the|in)$/;

/**
 * The two sub-questions of a comparison ("selisih indeks SPBE Kaltim 2024 dengan nasional 2024" →
 * "indeks spbe kaltim 2024", "indeks spbe nasional 2024"), or undefined when it does not compare
 * two places or two years.
 */
export function comparisonSides(q: Question): Array<{ label: string; query: string }> | undefined {
  if (!q.comparison) return undefined;
  const placeWords = new Set(q.places.flatMap((p) => p.aliases.flatMap((a) => a.split(' '))));
  const subject = q.words.filter((w) => !COMPARISON_WORDS.test(w) && !placeWords.has(w) && !/^(19|20)\d\d$/.test(w) && !/^(berapa|apa|how|much|what|is|tahun|year)$/.test(w)).join(' ');
  if (!subject) return undefined;
  if (q.places.length === 2) {
    const year = q.years[0] ?? '';
    return q.places.map((p) => ({ label: `${p.label[0].toUpperCase()}${p.label.slice(1)}${year ? ` ${year}` : ''}`, query: `${subject} ${p.label} ${year}`.trim() }));
  }
  if (q.years.length === 2) {
    const place = q.places[0]?.label ?? '';
    return q.years.map((y) => ({ label: y, query: `${subject} ${place} ${y}`.trim() }));
  }
  return undefined;
}

/** The first decimal value of a sentence (an index, a score): "… adalah 3,79 …" → 3.79. */
export function valueIn(sentence: string): { value: number; text: string } | undefined {
  const m = sentence.match(/(?<![\d.,])(\d{1,3}[.,]\d{1,2})(?![\d.,]*\d)/);
  return m ? { value: num(m[1]), text: m[1] } : undefined;
}

/** "Selisihnya 0,67: Kaltim 2024 = 3,79, Nasional 2024 = 3,12." — both values quoted with their sources. */
export function deriveDifference(q: Question, a: ComparedValue, b: ComparedValue): string {
  const diff = fmt(Math.abs(a.value - b.value), q.language);
  const higher = a.value >= b.value ? a : b;
  if (q.language === 'en') return `The difference is ${diff}: ${a.label} = ${a.valueText}, ${b.label} = ${b.valueText} (${higher.label} is higher), from the sentences below.`;
  return `Selisihnya ${diff}: ${a.label} = ${a.valueText}, ${b.label} = ${b.valueText} (${higher.label} lebih tinggi), berdasarkan kalimat berikut.`;
}
