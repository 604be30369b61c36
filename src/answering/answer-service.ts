/**
 * Question → answer with numbered sources, or an honest "not found".
 *
 * The story of one question: guardrails (length, injection, small talk, personal data) →
 * follow-up rewriting → retrieval → relevance gate → extractive answer, or in LLM mode a
 * streamed model answer whose citations are checked, falling back to the extractive
 * answer on any error or timeout. Used by the bot, `npm run ask` and `npm run eval`.
 */
import type { Logger } from '../logger.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { commonNounAbbreviations, RELEVANCE_THRESHOLD, type Passage, type RetrievalResult } from '../knowledge/retriever.js';
import { parseQuestion, subjectOf, type Question } from '../knowledge/question.js';
import { analyse } from '../knowledge/text.js';
import { assessCoverage, type Coverage, type CoverageDecision } from './coverage.js';
import { deriveStatus, statusEventOf } from './derive-status.js';
import { comparisonSides, deriveDifference, derivePredikat, derivePredikatRange, valueIn, type ComparedValue, type Derivation } from './derive.js';
import { clearSentenceCache, composeExtractive, contentKey, HEDGED, hasValue, namesSomeoneNew, renderExtractive, toCitation, type Citation, type ExtractiveInput } from './extractive.js';
import { rewriteFollowUp, type Turn } from './follow-up.js';
import { checkQuestion, MAX_QUESTION_CHARS, type SmallTalkKind } from './guardrails.js';
import type { Glossary } from '../knowledge/glossary.js';
import type { Locale } from '../locale.js';
import { detectLanguage } from './language.js';
import { LlmClient } from './llm-client.js';
import { TEXTS } from './messages.js';
import { sanitiseCitations, saysCannotAnswer } from './prompts.js';
import { amendmentNote, composeAmendmentsAnswer, composeArticleAnswer, composeRegulationPassageAnswer, composeSanctionAnswer, isArticleAnswer, missingArticleText, notLoadedArticleText, unknownRegulationText } from './regulation-answer.js';

export type AnswerMode = 'extractive' | 'llm' | 'fallback' | 'guardrail' | 'smalltalk';

export type AnswerKind = 'answer' | 'not_found' | 'too_long' | 'empty' | 'injection' | 'pii_only' | 'smalltalk';

export interface Answer {
  /** Plain text with [n] markers; sources are in `citations` (the caller formats them). */
  text: string;
  citations: Citation[];
  refused: boolean;
  /**
   * `full`: answers what was asked; `partial`: says what the knowledge base lacks, then gives only a
   * labelled nearby fact; `none`: not found (`refused` is true exactly then). Guardrail and small-talk
   * replies are `full` when not refused.
   */
  coverage: Coverage;
  mode: AnswerMode;
  kind: AnswerKind;
  language: Locale;
  /** Passages retrieved (empty for guardrail/smalltalk replies). */
  passages: Passage[];
  /** The standalone query actually searched (after follow-up rewriting, personal data removed). */
  query?: string;
  /** Short notice shown above the answer (personal-data warning, LLM fallback). */
  notes: string[];
  /** Closest topics, for "not found" answers. */
  suggestions: string[];
  smalltalk?: SmallTalkKind;
}

export interface AnswerOptions {
  history?: Turn[];
  /** The user's interface language; the question's own language wins when it is clear. */
  locale?: Locale;
}

export type AnswerEvent = { type: 'partial'; text: string } | { type: 'final'; answer: Answer };

export interface AnswerServiceDeps {
  kb: KnowledgeBase;
  llm?: LlmClient;
  logger?: Logger;
  /** Passages retrieved per question. */
  k?: number;
  /** Today, for "sudah/belum" answers from cited dates (injected by tests). */
  now?: () => Date;
}

export class AnswerService {
  constructor(private readonly deps: AnswerServiceDeps) {}

  get mode(): 'extractive' | 'llm' {
    return this.deps.llm ? 'llm' : 'extractive';
  }

  async answer(question: string, opts: AnswerOptions = {}): Promise<Answer> {
    let final: Answer | undefined;
    for await (const ev of this.answerStream(question, opts)) if (ev.type === 'final') final = ev.answer;
    return final!;
  }

  /** Partial texts (LLM mode only) followed by exactly one final answer. Never throws for LLM failures. */
  async *answerStream(rawQuestion: string, opts: AnswerOptions = {}): AsyncGenerator<AnswerEvent> {
    this.forgetOnReload();
    const verdict = checkQuestion(rawQuestion);
    const language = detectLanguage(rawQuestion, opts.locale ?? 'id');
    const t = TEXTS[language];
    const fixed = (text: string, kind: AnswerKind, mode: AnswerMode, refused: boolean, smalltalk?: SmallTalkKind): AnswerEvent => ({
      type: 'final',
      answer: { text, kind, mode, refused, coverage: refused ? 'none' : 'full', language, citations: [], passages: [], notes: [], suggestions: [], ...(smalltalk ? { smalltalk } : {}) },
    });
    switch (verdict.kind) {
      case 'empty':
        yield fixed(t.empty, 'empty', 'guardrail', true);
        return;
      case 'too_long':
        yield fixed(t.tooLong(MAX_QUESTION_CHARS, verdict.length), 'too_long', 'guardrail', true);
        return;
      case 'injection':
        this.deps.logger?.warn({ event: 'prompt_injection' }, 'prompt-injection attempt refused');
        yield fixed(t.injection, 'injection', 'guardrail', true);
        return;
      case 'smalltalk':
        yield fixed(t.smalltalk[verdict.smalltalk], 'smalltalk', 'smalltalk', false, verdict.smalltalk);
        return;
      default:
        break;
    }
    const notes: string[] = [];
    if (verdict.pii.length > 0) {
      notes.push(t.piiWarning);
      if (verdict.piiOnly) {
        yield fixed(t.piiOnly, 'pii_only', 'guardrail', true);
        return;
      }
    }
    // Earlier turns pass the same personal-data filter before they are reused.
    const history = (opts.history ?? []).map((h) => {
      const v = checkQuestion(h.text);
      return { ...h, text: v.kind === 'question' ? v.question : h.text };
    });
    const query = await this.standaloneQuery(verdict.question, history);
    const kb = this.deps.kb;
    const parsed = parseQuestion(query, kb.glossary.canonicalise);
    const retrieval = await kb.retrieve(parsed, this.deps.k ?? 5);
    // A regulation that is not in the knowledge base: say so, never answer from another one.
    if (retrieval.unknownRegulation) {
      yield { type: 'final', answer: { ...this.notFound(retrieval, language, notes, query), text: unknownRegulationText(retrieval.unknownRegulation.name, language) } };
      return;
    }
    // A named article of a known regulation: the article itself, or an honest "no such article";
    // of a regulation known only from amendments that did not change it, what is loaded.
    const { article } = retrieval;
    if (article?.notLoaded || article?.missing) {
      const text = article.notLoaded ? notLoadedArticleText(article, language) : missingArticleText(article, language);
      yield { type: 'final', answer: { ...this.notFound(retrieval, language, notes, query), text, suggestions: [] } };
      return;
    }
    if (isArticleAnswer(retrieval.passages, retrieval.article) && !this.deps.llm) {
      const r = composeArticleAnswer(retrieval.passages, retrieval.article, language, retrieval.regulation);
      yield { type: 'final', answer: { text: r.text, citations: r.citations, refused: false, coverage: 'full', mode: 'extractive', kind: 'answer', language, passages: retrieval.passages, query, notes, suggestions: [] } };
      return;
    }
    const amendments = this.deps.llm ? undefined : composeAmendmentsAnswer(retrieval.passages, retrieval.regulation, language);
    if (amendments) {
      yield { type: 'final', answer: { text: amendments.text, citations: amendments.citations, refused: false, coverage: 'full', mode: 'extractive', kind: 'answer', language, passages: retrieval.passages, query, notes, suggestions: [] } };
      return;
    }
    const derived = await this.derive(parsed, retrieval);
    if (derived) {
      yield { type: 'final', answer: this.fromDerivation(derived, language, notes, query) };
      return;
    }
    const compared = await this.compare(parsed, language, notes, query);
    if (compared) {
      yield { type: 'final', answer: compared };
      return;
    }
    const decision = assessCoverage(parsed, retrieval, {
      knows: (w) => kb.knows(w),
      knowsOutsideRegulations: (w) => kb.knowsOutsideRegulations(w),
      terms: (w) => kb.terms(w),
      passageTerms: (p) => this.passageTerms(p),
      isTopic: (t) => this.topicTerms().has(t),
    });
    if (decision.coverage === 'none') {
      this.deps.logger?.debug({ event: 'not_found', reason: decision.reason }, 'question not covered');
      yield { type: 'final', answer: this.notFound(retrieval, language, notes, query) };
      return;
    }
    // A follow-up carrying the previous subject ("kalo penilaian sementara dr kemenpan? (spbe kaltim 2024)"):
    // its own words say what it asks; the carried ones only say about what.
    const focus = query !== verdict.question && query.startsWith(verdict.question.trim()) ? kb.terms(verdict.question) : undefined;
    const extractive = this.extractive(parsed, retrieval, decision, language, notes, focus);
    if (decision.coverage === 'full') {
      // Quoted from one article only: give that article's words in full, as the official text reads.
      const single = extractive.citations.length === 1 ? retrieval.passages.find((p) => p.chunkId === extractive.citations[0].chunkId) : undefined;
      // A question about a penalty: the sanction article leads (and the prohibition it cites follows), not the prohibition alone.
      const relevance = (ayat: string) => this.termWeight(ayat, retrieval.terms);
      const quoted = composeSanctionAnswer(parsed.raw, retrieval.passages, language, relevance) ?? composeRegulationPassageAnswer(single, language, relevance);
      if (quoted) Object.assign(extractive, { text: this.frame(quoted.text, language), citations: quoted.citations });
      // A question about an amended regulation learns that it was amended, and by which regulation.
      const note = amendmentNote(retrieval.regulation, language);
      if (note && !retrieval.regulation?.amendedBy.some((a) => extractive.text.includes(a.shortName))) extractive.text += `\n\n${note}`;
    }
    // A partial answer is composed offline even in LLM mode: the model must not fill the gap.
    if (!this.deps.llm || decision.coverage === 'partial') {
      yield { type: 'final', answer: extractive };
      return;
    }
    // LLM mode: stream, then validate citations; any failure → extractive with a note.
    const given = retrieval.passages;
    let text = '';
    try {
      let lastYield = 0;
      for await (const delta of this.deps.llm.streamAnswer(verdict.question === query ? query : `${verdict.question}\n(${query})`, given, language, history)) {
        text += delta;
        if (text.length - lastYield >= 20) {
          lastYield = text.length;
          yield { type: 'partial', text: sanitiseCitations(text, given.length).text };
        }
      }
    } catch (err) {
      this.deps.logger?.warn({ event: 'llm_fallback', reason: (err as Error).message }, 'LLM failed; extractive fallback');
      yield { type: 'final', answer: { ...extractive, mode: 'fallback', notes: [...notes, t.fallbackNote] } };
      return;
    }
    const { text: clean, used } = sanitiseCitations(text, given.length);
    if (used.length === 0 || saysCannotAnswer(clean)) {
      yield { type: 'final', answer: this.notFound(retrieval, language, notes, query) };
      return;
    }
    const citations = used.map((n) => toCitation(given[n - 1], n));
    yield { type: 'final', answer: { text: clean, citations, refused: false, coverage: 'full', mode: 'llm', kind: 'answer', language, passages: given, query, notes, suggestions: [] } };
  }

  private topicCache?: { kb: unknown; terms: Set<string> };
  /** Analysed forms of the glossary's acronyms: words that name a topic by themselves. */
  private topicTerms(): Set<string> {
    const glossary = this.deps.kb.glossary;
    if (this.topicCache?.kb !== glossary) {
      const terms = new Set<string>();
      for (const a of glossary.acronyms) for (const t of this.deps.kb.terms(a.term)) terms.add(t);
      // Not a common noun's abbreviation ("TV" is televisi): "acara tv apa?" names no topic of its own.
      for (const t of commonNounAbbreviations(glossary)) terms.delete(t);
      this.topicCache = { kb: glossary, terms };
    }
    return this.topicCache.terms;
  }

  private async standaloneQuery(question: string, history: Turn[]): Promise<string> {
    if (history.length === 0) return question;
    const topics = this.topicTerms();
    const offline = rewriteFollowUp(question, history, (s) => this.deps.kb.terms(s), (t) => topics.has(t), (t) => this.deps.kb.knows(t));
    if (!this.deps.llm || offline === question) return offline;
    try {
      return await this.deps.llm.rewrite(question, history);
    } catch (err) {
      this.deps.logger?.warn({ event: 'llm_rewrite_failed', reason: (err as Error).message }, 'follow-up rewrite fell back to the offline rule');
      return offline;
    }
  }

  private termCache = new Map<string, Set<string>>();
  private seenBuild?: string;
  /** Caches are keyed on content already; a reload (new build) also empties them, so nothing stale is kept. */
  private forgetOnReload(): void {
    const build = this.deps.kb.manifest?.buildId;
    if (build === this.seenBuild) return;
    this.seenBuild = build;
    this.termCache.clear();
    clearSentenceCache();
  }
  /** Analysed terms of a passage, cached by content hash (a reloaded, edited passage is analysed anew). */
  private passageTerms(p: Passage): Set<string> {
    const key = contentKey(`${p.heading}\n${p.text}`);
    let v = this.termCache.get(key);
    if (!v) {
      v = new Set(analyse(`${p.heading} ${p.text}`, this.deps.kb.glossary.canonicalise));
      if (this.termCache.size > 5000) this.termCache.clear();
      this.termCache.set(key, v);
    }
    return v;
  }

  /** IDF-weighted share of the question's terms in a text (which ayat of an article answers). */
  private termWeight(text: string, terms: string[]): number {
    const have = new Set(analyse(text, this.deps.kb.glossary.canonicalise));
    return terms.reduce((sum, t) => sum + (have.has(t) ? this.deps.kb.idf(t) : 0), 0);
  }

  /** A derivation (predikat from a given score) when its basis is retrieved; looks the ranges up if needed. */
  private async derive(q: Question, retrieval: RetrievalResult): Promise<{ derivation: Derivation; passages: Passage[] } | undefined> {
    const range = derivePredikatRange(q, retrieval.passages);
    if (range) return { derivation: range, passages: retrieval.passages };
    const event = statusEventOf(q);
    if (event) {
      const kb = this.deps.kb;
      // The event word ("ditutup", "closed") asks about the subject's date; a passage need not use it.
      const basis = retrieval.relevant ? retrieval : await kb.retrieve(q.searchText.replace(new RegExp(event.ask.source, 'gi'), ' '), this.deps.k ?? 5);
      const candidates = basis.relevant ? basis.passages.filter((p) => p.relevance >= RELEVANCE_THRESHOLD * 0.8) : [];
      const status = deriveStatus({ q, passages: candidates, terms: (s) => kb.terms(s), subjectTerms: basis.terms, now: this.deps.now?.() ?? new Date() });
      if (status) return { derivation: status, passages: candidates };
    }
    if (q.givenScore === undefined) return undefined;
    let passages = retrieval.passages;
    let derivation = derivePredikat(q, passages);
    if (!derivation) {
      // The ranges are the basis: look for them explicitly (the question's wording may not match them).
      const basis = await this.deps.kb.retrieve(`rentang nilai predikat ${q.searchText}`, this.deps.k ?? 5);
      passages = basis.passages;
      derivation = derivePredikat(q, passages);
    }
    return derivation ? { derivation, passages } : undefined;
  }

  /**
   * "Selisih indeks SPBE Kaltim 2024 dengan nasional 2024?": each side answered on its own (full
   * coverage required), its value read from the answering sentence, the difference stated with both
   * sentences cited. Any side not fully covered → no derivation (the normal flow answers or declines).
   */
  private async compare(q: Question, language: Locale, notes: string[], query: string): Promise<Answer | undefined> {
    const sides = comparisonSides(q);
    if (!sides) return undefined;
    const kb = this.deps.kb;
    const values: ComparedValue[] = [];
    for (const side of sides) {
      const sq = parseQuestion(side.query, kb.glossary.canonicalise);
      const r = await kb.retrieve(sq, this.deps.k ?? 5);
      const d = assessCoverage(sq, r, { knows: (w) => kb.knows(w), terms: (w) => kb.terms(w), passageTerms: (p) => this.passageTerms(p), isTopic: (t) => this.topicTerms().has(t) });
      if (d.coverage !== 'full') return undefined;
      const res = composeExtractive({
        passages: d.passages,
        terms: r.terms,
        analyse: (s) => analyse(s, kb.glossary.canonicalise),
        idf: (t) => kb.idf(t),
        wantsNumber: true,
        prefer: { years: sq.years, places: sq.places },
        maxSentences: 1,
      });
      const lead = res.sentences[0];
      const value = lead && valueIn(lead.text.replace(/\b(19|20)\d\d\b/g, ' '));
      if (!lead || !value) return undefined;
      values.push({ label: side.label, value: value.value, valueText: value.text, sentence: lead.text, passage: d.passages.find((p) => p.chunkId === res.citations[0].chunkId)! });
    }
    const citations: Citation[] = [];
    const numberOf = (p: Passage) => {
      let c = citations.find((x) => x.chunkId === p.chunkId);
      if (!c) citations.push((c = toCitation(p, citations.length + 1)));
      return c.n;
    };
    const [a, b] = values;
    const na = numberOf(a.passage);
    const nb = numberOf(b.passage);
    const basis = a.sentence === b.sentence ? `${a.sentence} [${na}]` : `${a.sentence} [${na}] ${b.sentence} [${nb}]`;
    const text = `${deriveDifference(q, a, b)} ${basis}`;
    return { text: this.frame(text, language), citations, refused: false, coverage: 'full', mode: 'extractive', kind: 'answer', language, passages: values.map((v) => v.passage), query, notes, suggestions: [] };
  }

  private fromDerivation(d: { derivation: Derivation; passages: Passage[] }, language: Locale, notes: string[], query: string): Answer {
    const basis = d.derivation.sentences.find((s) => s.passage >= 0)!;
    const citation = toCitation(d.passages[basis.passage], 1);
    // One source for the derived line and its basis: one marker after both.
    const text = `${d.derivation.sentences.map((s) => s.text).join(' ')} [1]`;
    return { text: this.frame(text, language), citations: [citation], refused: false, coverage: 'full', mode: 'extractive', kind: 'answer', language, passages: d.passages, query, notes, suggestions: [] };
  }

  /** English answers quote Indonesian documents: the fact first, then a short note saying so. */
  private frame(body: string, language: Locale): string {
    const framing = TEXTS[language].englishFraming;
    return framing ? `${body}\n${framing}` : body;
  }

  private extractive(q: Question, retrieval: RetrievalResult, decision: CoverageDecision, language: Locale, notes: string[], focus?: string[]): Answer {
    const kb = this.deps.kb;
    const canon = kb.glossary.canonicalise;
    const partial = decision.coverage === 'partial';
    const input: ExtractiveInput = {
      // Composed from the passages satisfying the constraints; the answer still reports the ranking as retrieved.
      passages: decision.passages,
      terms: retrieval.terms,
      focus,
      question: q.raw,
      analyse: (s) => analyse(s, canon),
      idf: (term) => kb.idf(term),
      wantsNumber: q.kind === 'number' || q.kind === 'date',
      wantsName: q.kind === 'name',
      wantsDate: q.kind === 'date',
      wantsPlace: q.kind === 'place',
      wantsAgency: q.kind === 'agency',
      list: q.kind === 'list',
      parts: q.parts,
      isTopic: (t) => this.topicTerms().has(t),
      prefer: { years: partial ? (decision.nearestYear ? [decision.nearestYear] : []) : q.years, places: q.places },
      // A partial answer gives only the nearest fact: one sentence. A list, or a question asking
      // several things, gets room for them, and so does the long sentence of a regulation's article;
      // everything else stays short (more is one /sumber away).
      ...(partial ? { maxSentences: 1 } : q.kind === 'list' || decision.passages[0]?.regulation ? { maxChars: 650, maxSentences: 4 } : q.parts > 1 ? { maxChars: 520, maxSentences: 4 } : {}),
    };
    let result = composeExtractive(input);
    // "Berapa jumlah ASN di Pemprov Kaltim?" asks for a count: an answer with no number in it (a passage
    // about ASN competency mapping) is another fact, not the count — the count is not recorded.
    if (!partial && q.parts <= 1 && COUNT_ASKED.test(q.raw) && !result.sentences.some((s) => hasValue(s.text))) return this.notFound(retrieval, language, notes, q.raw);
    // "kadiskominfo kaltim muhammad faisal lahir thn brp?" asks the date of what comes before "thn brp"
    // (his birth): an answer that does not say it (the year he took office) dates something else.
    // (Not for a regulation's article, whose dates are worded its own way: "mulai berlaku pada tanggal diundangkan".)
    const dated = !partial && q.kind === 'date' && !decision.passages[0]?.regulation ? closingDateWord(q) : undefined;
    const datedTerms = dated ? kb.terms(dated) : [];
    if (datedTerms.length > 0 && !result.sentences.some((s) => input.analyse(s.text).some((t) => datedTerms.includes(t)))) return this.notFound(retrieval, language, notes, q.raw);
    // "Siapa kepala BSSN yg menjabat skrg?" asks for whoever holds the office now: an answer that names
    // no one (the sentence saying which agency coordinates security) is about the office, not its holder.
    // (Only for an office a person holds: "siapa walidata … sekarang?" is answered by an organisation.)
    const asksHolder = q.role !== undefined || (q.head !== undefined && OFFICE_WORDS.test(q.head));
    if (!partial && q.kind === 'name' && asksHolder && CURRENT_HOLDER.test(q.raw) && !result.sentences.some((s) => namesSomeoneNew(s.text, retrieval.terms, input.analyse))) return this.notFound(retrieval, language, notes, q.raw);
    // A nearest fact that only says the value is unconfirmed ("belum terkonfirmasi …") is no fact on its
    // own: the sentence with the reported value comes with it.
    // Likewise a reported value whose passage calls it unconfirmed comes with that caveat.
    const leadPassage = result.citations[0] && decision.passages.find((p) => p.chunkId === result.citations[0].chunkId);
    if (partial && result.sentences.length === 1 && (HEDGED.test(result.sentences[0].text) || (leadPassage && HEDGED.test(leadPassage.text)))) result = composeExtractive({ ...input, maxSentences: 2 });
    const t = TEXTS[language];
    let body = renderExtractive(result);
    if (partial) body = `${t.missing(subjectOf(q, glossarySpelling(kb.glossary)))} ${decision.latest ? t.latestRecorded : t.nearestRecorded} ${body}`;
    return {
      text: this.frame(body, language),
      citations: result.citations,
      refused: false,
      coverage: decision.coverage,
      mode: 'extractive',
      kind: 'answer',
      language,
      passages: retrieval.passages,
      query: q.raw,
      notes,
      suggestions: [],
    };
  }

  private notFound(retrieval: RetrievalResult, language: Locale, notes: string[], query: string): Answer {
    const t = TEXTS[language];
    const suggestions = [...new Set(retrieval.passages.filter((p) => p.relevance > 0.05).map((p) => p.title))].slice(0, 3);
    const lines = [t.notFound];
    if (suggestions.length) lines.push(`${t.closestTopics} ${suggestions.join('; ')}.`);
    lines.push(t.notFoundPointer);
    return { text: lines.join('\n'), citations: [], refused: true, coverage: 'none', mode: this.deps.llm ? 'llm' : 'extractive', kind: 'not_found', language, passages: retrieval.passages, query, notes, suggestions };
  }
}

/**
 * The word whose date a question asks when it closes with the date phrase ("lahir" in "… lahir thn brp?",
 * "dilantik" in "… dilantik kapan?"), if it is a content word.
 */
function closingDateWord(q: Question): string | undefined {
  const w = q.words.map((x) => x.toLowerCase());
  const n = w.length;
  const at = /^(berapa|apa)$/.test(w[n - 1] ?? '') && /^(tahun|tanggal|bulan)$/.test(w[n - 2] ?? '') ? n - 3 : w[n - 1] === 'kapan' ? n - 2 : -1;
  const word = at >= 0 ? w[at] : undefined;
  // Only a person's own events: an event's verb has synonyms a document may use instead ("diadakan" for
  // "berlangsung"), a birth or a death has none.
  return word && PERSONAL_EVENT.test(word) ? word : undefined;
}
const PERSONAL_EVENT = /^(lahir|kelahiran|wafat|meninggal|menikah|nikah|pensiun|born|died|married|retired)$/;

/** A question about whoever holds an office now ("yg menjabat skrg", "saat ini", "these days"). */
/** Offices a person holds ("kepala", "kadiskominfo", "head"). */
const OFFICE_WORDS = /^(kepala|kadis\w*|ketua|direktur|dirjen|sekretaris|sekda|menteri|gubernur|bupati|walikota|presiden|pimpinan|pemimpin|head|chief|director|chair|chairman|minister|governor|mayor)$/i;
const CURRENT_HOLDER = /\b(menjabat|sekarang|skrg|skrang|saat ini|kini|currently|nowadays|these days|right now|incumbent)\b/i;

/** A question asking how many ("jumlah …", "berapa banyak", "how many"). */
const COUNT_ASKED = /\b(jumlah|jumlahnya|banyaknya|berapa banyak|brp banyak|how many)\b/i;

/** Plain-text rendering for the CLI: notes, answer, numbered sources. */
export function formatAnswerPlain(a: Answer): string {
  const lines: string[] = [...a.notes, ...(a.notes.length ? [''] : []), a.text];
  if (a.citations.length) {
    lines.push('', a.language === 'en' ? 'Sources:' : 'Sumber:');
    for (const c of a.citations) lines.push(`[${c.n}] ${c.title}${c.heading ? ` — ${c.heading}` : ''}${c.citation ? ` [${c.citation}]` : ''}${c.url ? ` (${c.url})` : ''}`);
  }
  return lines.join('\n');
}

const spellings = new WeakMap<Glossary, Map<string, string>>();
/** The glossary's own spelling of a term ("spbe" → "SPBE", "kaltim" → "Kaltim"), for echoing the user's words. */
function glossarySpelling(glossary: Glossary): (word: string) => string | undefined {
  let map = spellings.get(glossary);
  if (!map) {
    map = new Map(glossary.acronyms.filter((a) => !/\s/.test(a.term)).map((a) => [a.term.toLowerCase(), a.term]));
    spellings.set(glossary, map);
  }
  const known = map;
  return (word) => known.get(word.toLowerCase());
}
