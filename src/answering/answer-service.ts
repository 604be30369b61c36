import type { Logger } from '../logger.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Passage, RetrievalResult } from '../knowledge/retriever.js';
import { analyse } from '../knowledge/text.js';
import { asksForNumber, composeExtractive, renderExtractive, toCitation, type Citation } from './extractive.js';
import { rewriteFollowUp, type Turn } from './follow-up.js';
import { checkQuestion, MAX_QUESTION_CHARS, type SmallTalkKind } from './guardrails.js';
import type { Locale } from '../locale.js';
import { detectLanguage } from './language.js';
import { LlmClient } from './llm-client.js';
import { TEXTS } from './messages.js';
import { sanitiseCitations, saysCannotAnswer } from './prompts.js';
import { amendmentNote, composeAmendmentsAnswer, composeArticleAnswer, composeRegulationPassageAnswer, isArticleAnswer, missingArticleText } from './regulation-answer.js';

/**
 * Question → answer with numbered sources, or an honest "not found".
 *
 * The story of one question: guardrails (length, injection, small talk, personal data) →
 * follow-up rewriting → retrieval → relevance gate → extractive answer, or in LLM mode a
 * streamed model answer whose citations are checked, falling back to the extractive
 * answer on any error or timeout. Used by the bot, `npm run ask` and `npm run eval`.
 */
export type AnswerMode = 'extractive' | 'llm' | 'fallback' | 'guardrail' | 'smalltalk';

export type AnswerKind = 'answer' | 'not_found' | 'too_long' | 'empty' | 'injection' | 'pii_only' | 'smalltalk';

export interface Answer {
  /** Plain text with [n] markers; sources are in `citations` (the caller formats them). */
  text: string;
  citations: Citation[];
  refused: boolean;
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
    const verdict = checkQuestion(rawQuestion);
    const language = detectLanguage(rawQuestion, opts.locale ?? 'id');
    const t = TEXTS[language];
    const fixed = (text: string, kind: AnswerKind, mode: AnswerMode, refused: boolean, smalltalk?: SmallTalkKind): AnswerEvent => ({
      type: 'final',
      answer: { text, kind, mode, refused, language, citations: [], passages: [], notes: [], suggestions: [], ...(smalltalk ? { smalltalk } : {}) },
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
    const retrieval = await this.deps.kb.retrieve(query, this.deps.k ?? 5);
    // A named article of a known regulation: the article itself, or an honest "no such article".
    if (retrieval.article?.missing) {
      yield { type: 'final', answer: { ...this.notFound(retrieval, language, notes, query), text: missingArticleText(retrieval.article, language), suggestions: [] } };
      return;
    }
    if (isArticleAnswer(retrieval.passages, retrieval.article) && !this.deps.llm) {
      const r = composeArticleAnswer(retrieval.passages, retrieval.article, language, retrieval.regulation);
      yield { type: 'final', answer: { text: r.text, citations: r.citations, refused: false, mode: 'extractive', kind: 'answer', language, passages: retrieval.passages, query, notes, suggestions: [] } };
      return;
    }
    const amendments = this.deps.llm ? undefined : composeAmendmentsAnswer(retrieval.passages, retrieval.regulation, language);
    if (amendments) {
      yield { type: 'final', answer: { text: amendments.text, citations: amendments.citations, refused: false, mode: 'extractive', kind: 'answer', language, passages: retrieval.passages, query, notes, suggestions: [] } };
      return;
    }
    if (!retrieval.relevant) {
      yield { type: 'final', answer: this.notFound(retrieval, language, notes, query) };
      return;
    }
    const extractive = this.extractive(query, retrieval, language, notes);
    // Quoted from one article only: give that article's words in full, as the official text reads.
    const single = extractive.citations.length === 1 ? retrieval.passages.find((p) => p.chunkId === extractive.citations[0].chunkId) : undefined;
    const article = composeRegulationPassageAnswer(single, language);
    if (article) Object.assign(extractive, { text: TEXTS[language].englishFraming ? `${TEXTS[language].englishFraming}\n${article.text}` : article.text, citations: article.citations });
    // A question about an amended regulation learns that it was amended, and by which regulation.
    const note = amendmentNote(retrieval.regulation, language);
    if (note && !retrieval.regulation?.amendedBy.some((a) => extractive.text.includes(a.shortName))) extractive.text += `\n\n${note}`;
    if (!this.deps.llm) {
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
    yield { type: 'final', answer: { text: clean, citations, refused: false, mode: 'llm', kind: 'answer', language, passages: given, query, notes, suggestions: [] } };
  }

  private topicCache?: { kb: unknown; terms: Set<string> };
  /** Analysed forms of the glossary's acronyms: words that name a topic by themselves. */
  private topicTerms(): Set<string> {
    const glossary = this.deps.kb.glossary;
    if (this.topicCache?.kb !== glossary) {
      const terms = new Set<string>();
      for (const a of glossary.acronyms) for (const t of this.deps.kb.terms(a.term)) terms.add(t);
      this.topicCache = { kb: glossary, terms };
    }
    return this.topicCache.terms;
  }

  private async standaloneQuery(question: string, history: Turn[]): Promise<string> {
    if (history.length === 0) return question;
    const topics = this.topicTerms();
    const offline = rewriteFollowUp(question, history, (s) => this.deps.kb.terms(s), (t) => topics.has(t));
    if (!this.deps.llm || offline === question) return offline;
    try {
      return await this.deps.llm.rewrite(question, history);
    } catch (err) {
      this.deps.logger?.warn({ event: 'llm_rewrite_failed', reason: (err as Error).message }, 'follow-up rewrite fell back to the offline rule');
      return offline;
    }
  }

  private extractive(query: string, retrieval: RetrievalResult, language: Locale, notes: string[]): Answer {
    const kb = this.deps.kb;
    const canon = kb.glossary.canonicalise;
    const result = composeExtractive({
      passages: retrieval.passages,
      terms: retrieval.terms,
      analyse: (s) => analyse(s, canon),
      idf: (term) => kb.idf(term),
      wantsNumber: asksForNumber(query),
    });
    const body = renderExtractive(result);
    const framing = TEXTS[language].englishFraming;
    return {
      text: framing ? `${framing}\n${body}` : body,
      citations: result.citations,
      refused: false,
      mode: 'extractive',
      kind: 'answer',
      language,
      passages: retrieval.passages,
      query,
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
    return { text: lines.join('\n'), citations: [], refused: true, mode: this.deps.llm ? 'llm' : 'extractive', kind: 'not_found', language, passages: retrieval.passages, query, notes, suggestions };
  }
}

/** Plain-text rendering for the CLI: notes, answer, numbered sources. */
export function formatAnswerPlain(a: Answer): string {
  const lines: string[] = [...a.notes, ...(a.notes.length ? [''] : []), a.text];
  if (a.citations.length) {
    lines.push('', a.language === 'en' ? 'Sources:' : 'Sumber:');
    for (const c of a.citations) lines.push(`[${c.n}] ${c.title}${c.heading ? ` — ${c.heading}` : ''}${c.citation ? ` [${c.citation}]` : ''}${c.url ? ` (${c.url})` : ''}`);
  }
  return lines.join('\n');
}
