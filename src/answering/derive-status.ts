import { foldText, splitSentences } from '../knowledge/text.js';
import { mentionsPlace, type Question } from '../knowledge/question.js';
import type { Passage } from '../knowledge/retriever.js';
import type { Derivation } from './derive.js';

/**
 * "Sudah/belum" from dates: "pendaftaran DLA 2021 sudah dibuka belum?", "apakah Perpres Satu Data
 * sudah diundangkan?". The answer compares a date *cited in a passage* for the asked event with
 * today, and says which date it used — so an official can check it. No cited date for the event,
 * no derivation: the normal answer (or an honest not-found) follows instead. A knowledge base of
 * records never guesses that something happened because it usually does.
 */

/** Events a status question asks about: the words a question uses → the words a passage states it with. */
const EVENTS: Array<{ ask: RegExp; state: RegExp; end?: boolean }> = [
  { ask: /\b(dibuka|buka|open(ed)?)\b/, state: /\b(dibuka|membuka|pembukaan)\b/ },
  { ask: /\b(ditutup|tutup|berakhir|selesai|closed?|ended|over|finished)\b/, state: /\b(dibuka|ditutup|berakhir|selesai|berlangsung|diikuti|diselenggarakan)\b/, end: true },
  { ask: /\b(berlaku|in force|effective)\b/, state: /\b(berlaku)\b/ },
  { ask: /\b(diundangkan|promulgated)\b/, state: /\b(diundangkan)\b/ },
  { ask: /\b(ditandatangani|diteken|signed)\b/, state: /\b(ditandatangani|diteken)\b/ },
  { ask: /\b(ditetapkan|disahkan|terbit|diterbitkan|issued|enacted)\b/, state: /\b(ditetapkan|disahkan|diterbitkan|diundangkan)\b/ },
  { ask: /\b(diluncurkan|diluncurin|meluncur|rilis|dirilis|launch(ed)?|released?)\b/, state: /\b(diluncurkan|meluncurkan|peluncuran|dirilis|merilis)\b/ },
  { ask: /\b(dilantik|sworn in)\b/, state: /\b(dilantik)\b/ },
  { ask: /\b(ganti nama|berganti nama|renamed)\b/, state: /\b(berganti nama|ganti nama)\b/ },
  { ask: /\b(diumumkan|announced)\b/, state: /\b(diumumkan|mengumumkan)\b/ },
  { ask: /\b(dilaksanakan|diselenggarakan|digelar|dimulai|mulai|berlangsung|held|started|begun)\b/, state: /\b(dilaksanakan|diselenggarakan|menyelenggarakan|digelar|berlangsung|dimulai|diikuti)\b/ },
];

const PLANNED = /\b(direncanakan|rencana|berencana|akan|dijadwalkan|ditargetkan|target|planned|scheduled)\b/;

const STATUS_WORDS = /\b(sudah|belum|udah|sdh|udh|blm|telah|already|yet|has|have)\b/;

const MONTHS_ID = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH = MONTHS_ID.join('|');
/** "19–27 Agustus 2021", "21 Oktober sampai 2 Desember 2025", "17 Juni 2019", "September 2024". */
const DATE_SPAN = new RegExp(
  `\\b(?:(\\d{1,2})(?:\\s*(?:–|-|sampai|hingga|s\\.d\\.)\\s*(\\d{1,2}))?\\s+)?(${MONTH})(?:\\s+((?:19|20)\\d\\d))?(?:\\s*(?:–|-|sampai|hingga|s\\.d\\.)\\s*(\\d{1,2})\\s+(${MONTH}))?\\s+((?:19|20)\\d\\d)\\b`,
  'gi',
);

export interface CitedDate {
  /** The date as the passage writes it. */
  text: string;
  start: Date;
  end: Date;
}

/** Dates cited in a sentence, as day ranges (a month alone covers the whole month). */
export function datesIn(sentence: string): CitedDate[] {
  const out: CitedDate[] = [];
  for (const m of sentence.matchAll(DATE_SPAN)) {
    const [, d1, d2, m1, y1, d3, m3, y] = m;
    const year = Number(y);
    const month1 = MONTHS_ID.indexOf(m1.toLowerCase());
    const startYear = y1 ? Number(y1) : year;
    const start = new Date(Date.UTC(startYear, month1, d1 ? Number(d1) : 1));
    let end: Date;
    if (d3 && m3) end = new Date(Date.UTC(year, MONTHS_ID.indexOf(m3.toLowerCase()), Number(d3)));
    else if (d2) end = new Date(Date.UTC(year, month1, Number(d2)));
    else if (d1) end = start;
    else end = new Date(Date.UTC(year, month1 + 1, 0));
    out.push({ text: m[0], start, end });
  }
  return out;
}

function formatDay(d: Date, language: 'id' | 'en'): string {
  return language === 'en'
    ? `${d.getUTCDate()} ${MONTHS_EN[d.getUTCMonth()]} ${d.getUTCFullYear()}`
    : `${d.getUTCDate()} ${MONTHS_ID[d.getUTCMonth()][0].toUpperCase()}${MONTHS_ID[d.getUTCMonth()].slice(1)} ${d.getUTCFullYear()}`;
}

export interface StatusInput {
  q: Question;
  passages: Passage[];
  /** Analysed terms of a text (the index's view): a basis sentence must be about the question's subject. */
  terms: (text: string) => string[];
  /** The question's own subject terms (retrieval terms). */
  subjectTerms: string[];
  now: Date;
}

/** The asked event of a "sudah/belum …?" question, or undefined when it asks no such thing. */
export function statusEventOf(q: Question): (typeof EVENTS)[number] | undefined {
  const folded = foldText(q.raw);
  if (q.kind !== 'yesno' && !/\b(sudah|belum|udah|blm|already|yet)\b/.test(folded)) return undefined;
  if (!STATUS_WORDS.test(folded)) return undefined;
  // The most specific event the question names (closing before opening: "sudah ditutup?").
  return EVENTS.find((e) => e.end && e.ask.test(folded)) ?? EVENTS.find((e) => e.ask.test(folded));
}

/**
 * "Sudah. … (basis: tanggal 19–27 Agustus 2021 [1])": the basis sentence names the event, a date
 * and the question's subject (and its asked years and places); the date is compared with `now`.
 */
export function deriveStatus(input: StatusInput): Derivation | undefined {
  const { q, passages, now } = input;
  const event = statusEventOf(q);
  if (!event) return undefined;
  const eventWords = new Set(input.terms(q.raw.match(event.ask)?.[0] ?? ''));
  const subject = input.subjectTerms.filter((t) => !eventWords.has(t) && !/^(19|20)\d\d$/.test(t));
  type Basis = { sentence: string; passage: number; date: CitedDate; score: number };
  let best: Basis | undefined;
  passages.slice(0, 3).forEach((p, pi) => {
    if (q.places.length && !q.places.every((pl) => mentionsPlace(`${p.title} ${p.heading} ${p.text}`, pl))) return;
    for (const sentence of splitSentences(p.text)) {
      const folded = foldText(sentence);
      if (!event.state.test(folded)) continue;
      // A plan ("direncanakan merilis … pada September 2024") dates an intention, not an occurrence.
      if (PLANNED.test(folded)) continue;
      const dates = datesIn(sentence);
      if (dates.length === 0) continue;
      if (!q.years.every((y) => sentence.includes(y) || p.heading.includes(y))) continue;
      const tokens = new Set(input.terms(sentence));
      const shared = subject.filter((t) => tokens.has(t)).length;
      // About the asked subject: most of its terms ("19 layanan dasar INA Digital" is not "INA Digital").
      if (shared * 2 <= subject.length) continue;
      // The date nearest after the event word is the event's date ("dibuka pada 19–27 Agustus 2021").
      const at = folded.search(event.state);
      const date = dates.find((d) => sentence.indexOf(d.text) >= at) ?? dates[0];
      const score = shared - pi * 0.5;
      if (!best || score > best.score) best = { sentence: sentence.trim(), passage: pi, date, score };
    }
  });
  if (!best) return undefined;
  const { date } = best;
  const lang = q.language;
  const en = lang === 'en';
  const today = formatDay(now, lang);
  const t = now.getTime();
  const dayEnd = (d: Date) => d.getTime() + 24 * 3600 * 1000 - 1;
  const basis = (relation: 'before' | 'after' | 'during') =>
    en
      ? `(basis: date ${date.text}, ${relation === 'before' ? 'before' : relation === 'after' ? 'after' : 'around'} today, ${today})`
      : `(basis: tanggal ${date.text}, ${relation === 'before' ? 'sebelum' : relation === 'after' ? 'setelah' : 'mencakup'} hari ini, ${today})`;
  let derived: string;
  if (event.end) {
    derived = t > dayEnd(date.end) ? `${en ? 'Yes, already' : 'Sudah'} ${basis('before')}` : `${en ? `Not yet: it runs until ${formatDay(date.end, lang)}` : `Belum: berlangsung sampai ${formatDay(date.end, lang)}`} ${basis(t < date.start.getTime() ? 'after' : 'during')}`;
  } else if (t < date.start.getTime()) {
    derived = `${en ? 'Not yet' : 'Belum'} ${basis('after')}`;
  } else if (date.end.getTime() > date.start.getTime() && t <= dayEnd(date.end)) {
    derived = `${en ? `Yes, and it is still running until ${formatDay(date.end, lang)}` : `Sudah, dan masih berlangsung sampai ${formatDay(date.end, lang)}`} ${basis('during')}`;
  } else {
    derived = `${en ? 'Yes, already' : 'Sudah'} ${basis('before')}`;
  }
  return { sentences: [{ text: `${derived}.`, passage: best.passage }, { text: best.sentence, passage: best.passage }] };
}
