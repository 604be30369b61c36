/**
 * Hybrid retrieval: BM25 (with glossary expansion and typo tolerance) and dense HNSW
 * search, fused by weighted reciprocal rank fusion, then re-ranked by how much of the
 * question the passage actually covers.
 *
 * The relevance signal: `coverage` is the IDF-weighted share of the question's own
 * terms that a passage contains — a word the knowledge base has never seen ("Papua",
 * "bitcoin") weighs the most, so a question about something absent scores low even when
 * its other words match. It is blended with the dense similarity into `relevance` ∈ [0,1];
 * {@link RELEVANCE_THRESHOLD} was calibrated on `knowledge/eval/questions.jsonl` (see README).
 */
import type { Chunk } from './chunker.js';
import { headingLabel } from './chunker.js';
import type { EmbeddingsProvider } from './embeddings.js';
import type { Glossary } from './glossary.js';
import type { LexicalHit, LexicalIndex } from './lexical-index.js';
import { analyse, type Canonicaliser } from './text.js';
import { parseQuestion, type Question } from './question.js';
import type { VectorHit, VectorIndex } from './vector-index.js';
import type { RegulationCatalog } from './regulation/catalog.js';
import { parseArticleReference, subjectAfterKind } from './regulation/references.js';
import type { ChunkRegulation } from './regulation/sections.js';

export interface Passage {
  rank: number;
  /** Final ranking score (fused, higher is better). */
  score: number;
  /** Calibrated relevance in [0, 1]; compare with {@link RELEVANCE_THRESHOLD}. */
  relevance: number;
  coverage: number;
  similarity: number;
  source: string;
  file: string;
  title: string;
  heading: string;
  text: string;
  url?: string;
  /** Every source the document cites (front matter), `url` being the first. */
  sources: string[];
  page?: number;
  chunkId: string;
  lastVerified?: string;
  /** Short citation of a regulation part ("UU 27/2022 Pasal 26"). */
  citation?: string;
  /** Regulation, article and part, for regulation passages. */
  regulation?: ChunkRegulation;
  /** True when the question named this article and the passage was put first for that reason. */
  pinned?: boolean;
}

export interface RetrievalResult {
  question: string;
  passages: Passage[];
  /** Relevance of the best passage. */
  relevance: number;
  /** True when the best passage passes the threshold. */
  relevant: boolean;
  terms: string[];
  /** The question as parsed once ({@link parseQuestion}); later steps read its constraints. */
  parsed: Question;
  /** Question terms found nowhere in the knowledge base (after typo correction). */
  unknownTerms: string[];
  /** The article the question names ("Pasal 26 UU 27/2022"), when its regulation is in the index. */
  article?: ArticleLookupSummary;
  /** The regulation the question names and the regulations in the index that amend it. */
  regulation?: { shortName: string; title: string; amendedBy: Array<{ shortName: string; title: string }>; intent?: 'amendments' | 'revocation' };
  /**
   * A regulation the question names ("PP 94/2021 pasal 5", "UU ITE", "the civil-servant
   * discipline regulation") that is not in the knowledge base: not a regulation the catalog
   * knows, and not named by the passages found either. The answer says so rather than quoting
   * another regulation.
   */
  unknownRegulation?: { name: string };
  /** The ingredients of the relevance signal, for calibration and `ask --json` diagnostics. */
  signals?: {
    english: boolean;
    maxIdf: number;
    terms: Array<{ term: string; known: boolean; idf: number; entity: boolean }>;
    /** Per returned passage: which of `terms` it contains. */
    covered: boolean[][];
  };
}

export const RELEVANCE_THRESHOLD = 0.3;

/** What the catalog found for a question naming an article (see `regulation/catalog.ts`). */
export interface ArticleLookupSummary {
  pasal: string;
  /** The ayat asked ("pasal 27 ayat 3"), when the question names one. */
  ayat?: string;
  regulationTitle: string;
  shortName: string;
  /** The regulation has no such article; `range` says which it has. */
  missing: boolean;
  range?: [string, string];
  amendedBy: Array<{ shortName: string; title: string }>;
  /** The regulation itself is not loaded; only amendments that did not change this article are (their changed articles listed). */
  notLoaded?: { amendedBy: Array<{ shortName: string; title: string }>; changed: string[] };
}

const DEFINITION_QUESTION = /^(apa(kah)? (itu|yang dimaksud|arti|pengertian|definisi)|apa sih|pengertian|definisi|arti( dari)?|jelaskan (apa itu|pengertian)|what (is|are|does)\b(?!.*\b(year|when|how many|score|index)\b)|define|meaning of)\b/i;

const YEAR = /^(19|20)\d\d$/;

export const FUSION = {
  rrfK: 60,
  lexicalWeight: 1.0,
  denseWeight: 0.6,
  expansionWeight: 0.4,
  candidates: 40,
  /** BM25 candidates whose exact similarity the dense ranking also scores (see {@link denseRanking}). */
  densePool: 40,
  coverageBoost: 0.02,
  headingBoost: 0.006,
  otherYearPenalty: 0.004,
  namedRegulationBoost: 0.01,
} as const;

export interface RetrieverParts {
  chunks: Chunk[];
  lexical: LexicalIndex;
  vectors: VectorIndex;
  embeddings: EmbeddingsProvider;
  glossary: Glossary;
  /** The raw vectors (same order as chunks), for exact similarity of lexical-only candidates. */
  rawVectors?: Float32Array[];
  /** Regulations and their articles: a question naming an article gets that article first. */
  catalog?: RegulationCatalog;
}

/** Accepts the raw text or an already parsed {@link Question} (the answering service parses once). */
export async function retrieve(parts: RetrieverParts, input: string | Question, k = 5): Promise<RetrievalResult> {
  const parsed = typeof input === 'string' ? parseQuestion(input, parts.glossary.canonicalise) : input;
  const qVec = parts.embeddings.embedQuerySync
    ? parts.embeddings.embedQuerySync(parsed.searchText)
    : await parts.embeddings.embedQuery(parsed.searchText);
  return retrieveWithVector(parts, parsed, qVec, k);
}

/** What a question searches with, and the two candidate lists it gets (see {@link searchCandidates}). */
export interface SearchCandidates {
  /** The user's own terms as the lexical index knows them (typo-corrected). */
  resolvedTerms: string[];
  /** "definisi pengertian" for definition questions. */
  intentTerms: string[];
  /** The weighted terms BM25 searched: own terms, glossary expansion, intent. */
  lexicalQuery: Array<{ term: string; weight: number }>;
  /** BM25 hits. */
  lexHits: LexicalHit[];
  /** The dense ranking ({@link denseRanking}): best similarity first. */
  denseHits: VectorHit[];
  /** Exact similarity of every candidate the dense ranking scored (also those beyond its top k). */
  similarities?: Map<number, number>;
  /** False when there was nothing to search (empty index, or no searchable term): both lists are empty. */
  searched: boolean;
}

/**
 * Both candidate lists of a question: BM25 over its terms (glossary expansion counting less)
 * and the dense ranking. Exported so the benchmark measures the dense ranking that retrieval
 * really uses.
 */
export function searchCandidates(parts: RetrieverParts, parsed: Question, qVec: Float32Array, densePool: number = FUSION.densePool): SearchCandidates {
  const { lexical, glossary } = parts;
  const canon = glossary.canonicalise;
  // Fillers, particles and hearsay clauses are gone from the search text ("dpt brp sih? katanya …").
  const question = parsed.searchText;
  const ownTerms = unique(analyse(question, canon));
  // "Apa itu X?" / "What is X?" asks for a definition: sections about definitions get a push.
  const expansion = glossary.expandQuery(question);
  const intentTerms = parsed.kind === 'definition' || DEFINITION_QUESTION.test(parsed.raw) ? unique(analyse('definisi pengertian', canon)) : [];
  const resolvedTerms = unique(lexical.resolveTerms(ownTerms, canon).map((r) => r.term));
  const expTerms = unique(analyse(expansion, canon)).filter((t) => !resolvedTerms.includes(t));
  const lexicalQuery = [
    ...resolvedTerms.map((term) => ({ term, weight: 1 })),
    ...expTerms.map((term) => ({ term, weight: FUSION.expansionWeight })),
    ...intentTerms.filter((t) => !resolvedTerms.includes(t)).map((term) => ({ term, weight: 1.5 })),
  ];
  if (parts.chunks.length === 0 || (resolvedTerms.length === 0 && expTerms.length === 0)) return { resolvedTerms, intentTerms, lexicalQuery, lexHits: [], denseHits: [], searched: false };
  const pool = lexical.search(lexicalQuery, Math.max(FUSION.candidates, densePool));
  const lexHits = pool.length > FUSION.candidates ? pool.slice(0, FUSION.candidates) : pool;
  const similarities = new Map<number, number>();
  const denseHits = denseRanking(parts, qVec, pool, FUSION.candidates, similarities);
  return { resolvedTerms, intentTerms, lexicalQuery, lexHits, denseHits, similarities, searched: true };
}

/**
 * The dense ranking: HNSW's approximate neighbours and the BM25 candidates, all with their
 * exact similarity, best first. The local embedding is lexical (hashed n-grams), so the true
 * dense neighbours of a question mostly share its words and BM25 finds them; scoring its
 * candidates exactly (a dot product each) lets HNSW run with a small search breadth `ef`
 * — the query's main cost — at the same recall against exact search (see README, Benchmark).
 */
export function denseRanking(parts: Pick<RetrieverParts, 'vectors' | 'rawVectors'>, qVec: Float32Array, lexHits: LexicalHit[], k: number, similarities?: Map<number, number>): VectorHit[] {
  const hits = parts.vectors.search(qVec, k);
  const raw = parts.rawVectors;
  if (!raw || lexHits.length === 0) return hits;
  const seen = new Set<number>();
  for (const h of hits) seen.add(h.index);
  for (const { index } of lexHits) if (!seen.has(index)) hits.push({ index, similarity: dot(raw[index], qVec) });
  // Every similarity computed, also of the candidates that do not make the top k: fusion reads them.
  if (similarities) for (const h of hits) similarities.set(h.index, h.similarity);
  hits.sort((a, b) => b.similarity - a.similarity);
  if (hits.length > k) hits.length = k;
  return hits;
}

export function retrieveWithVector(parts: RetrieverParts, input: string | Question, qVec: Float32Array, k = 5): RetrievalResult {
  const { chunks, lexical, glossary } = parts;
  const canon = glossary.canonicalise;
  const parsed = typeof input === 'string' ? parseQuestion(input, canon) : input;
  const question = parsed.searchText;
  const { resolvedTerms, intentTerms, lexHits, denseHits, similarities, searched } = searchCandidates(parts, parsed, qVec);
  if (!searched) return { question: parsed.raw, parsed, passages: [], relevance: 0, relevant: false, terms: resolvedTerms, unknownTerms: [] };

  const fused = new Map<number, { rrf: number; sim: number }>();
  lexHits.forEach((h, r) => {
    fused.set(h.index, { rrf: FUSION.lexicalWeight / (FUSION.rrfK + r + 1), sim: 0 });
  });
  const simByIndex = similarities ?? new Map<number, number>();
  denseHits.forEach((h, r) => {
    simByIndex.set(h.index, h.similarity);
    const e = fused.get(h.index);
    const add = FUSION.denseWeight / (FUSION.rrfK + r + 1);
    if (e) e.rrf += add;
    else fused.set(h.index, { rrf: add, sim: 0 });
  });

  // Coverage of the user's own terms, weighted by how specific each term is (IDF).
  // Terms the knowledge base has never seen are the strongest sign that the question is
  // about something absent — when they look like names or numbers ("Papua", "2030", "CPNS").
  // Unknown lower-case words of an English question are mostly untranslated vocabulary, and
  // unknown very short tokens ("tu", "sy") are chat noise; both weigh little.
  const entity = entityLikeTerms(question, canon);
  // "TV", "SMS", "HP" are written in capitals but are common nouns (the glossary spells them with
  // a lower-case word: televisi): a passage without them is not about something else.
  for (const t of commonNounAbbreviations(glossary)) entity.delete(t);
  const english = parsed.language === 'en';
  const maxIdf = Math.log(1 + (lexical.size + 0.5) / 0.5);
  const unknownTerms = resolvedTerms.filter((t) => !lexical.has(t));
  const weights = resolvedTerms.map((t) => {
    if (lexical.has(t)) return lexical.idf(t);
    if (/\d/.test(t) || entity.has(t)) return maxIdf;
    if (t.length <= 3) return 0;
    return maxIdf * (english ? RELEVANCE_MODEL.unknownEnglishWord : RELEVANCE_MODEL.unknownWord);
  });
  const totalWeight = weights.reduce((a, c) => a + c, 0) || 1;
  const askedYears = parsed.years;
  // A regulation's part is read with its regulation's names: an abbreviation the base regulation
  // defines ("KPU") is not missing from the article of an amendment that inserted it.
  const family = regulationFamilyTerms(parts);
  const named = parts.catalog?.mentioned(parsed.raw);
  // The regulation's own names and keywords, and the words the question names it with ("permen",
  // "penyiaran", "berlangganan", "27", "2022"): every part of it says them, whether or not its text
  // repeats them.
  const nameTerms = named ? regulationNameTerms(parts, named.regulation.key) : undefined;
  const naming = nameTerms ? namingTerms(parsed.raw, canon, nameTerms) : undefined;
  const { literal, asAbbreviation, presentOwn, inCited } = termPresence(parts, parsed.raw, family);
  const isNamed = (index: number) => naming !== undefined && chunks[index].regulation?.key === named!.regulation.key;
  // The question's words other than the regulation's names (and known to the index).
  const residual = nameTerms ? resolvedTerms.map((t, i) => ({ t, w: weights[i] })).filter((x) => !nameTerms.has(x.t) && !naming!.has(x.t) && lexical.has(x.t)) : [];
  // A question naming a regulation ("menurut PP PSTE, PSE lingkup privat wajib apa?") is about
  // its articles: among thousands of chunks they may not reach the candidates on word overlap
  // alone, so its parts with most of the question's other words join them.
  if (named && residual.length > 0) {
    const best = regulationChunks(parts.catalog!, named.regulation.key)
      .filter((i) => !fused.has(i))
      .map((i) => ({ i, w: residual.reduce((a, x) => a + (presentOwn(x.t, i) ? x.w : 0), 0) }))
      .filter((x) => x.w > 0)
      .sort((a, b) => b.w - a.w)
      .slice(0, 8);
    for (const x of best) fused.set(x.i, { rrf: 0, sim: 0 });
  }
  const scored = [...fused.entries()].map(([index, e]) => {
    // A part of the named regulation is judged on the question's other words: the naming words
    // are its own, whether or not its text repeats them.
    const skip = isNamed(index) ? naming! : undefined;
    let covered = 0;
    let coveredOwn = 0;
    let total = 0;
    resolvedTerms.forEach((t, i) => {
      if (skip?.has(t)) return;
      total += weights[i];
      const own = presentOwn(t, index);
      if (own) coveredOwn += weights[i];
      if (own || inCited(t, index)) covered += weights[i];
    });
    const coverage = !resolvedTerms.length ? 0 : total > 0 ? covered / total : 1;
    const ownCoverage = !resolvedTerms.length ? 0 : total > 0 ? coveredOwn / total : 1;
    // A name or number of the question that this passage lacks ("2019", "CPNS", "Kaltara").
    let missing = 0;
    resolvedTerms.forEach((t, i) => {
      // Only specific names count: a common one ("Indonesia" in an Indonesian knowledge base) is no signal.
      const idf = lexical.has(t) ? lexical.idf(t) : maxIdf;
      if ((entity.has(t) || /\d/.test(t)) && idf >= RELEVANCE_MODEL.minMissingIdf && !skip?.has(t)) {
        // A name the passage has only spelled out ("pemutusan hubungan kerja" for "PHK") is likely
        // the same, not certain: it keeps part of the penalty.
        const lack = literal(t, index) ? 0 : asAbbreviation(t, index) ? RELEVANCE_MODEL.spelledOutMissing : 1;
        missing = Math.max(missing, (lack * idf) / maxIdf);
      }
    });
    const similarity = simByIndex.get(index) ?? dot(parts.rawVectors?.[index], qVec);
    // A section whose heading names what is asked ("Pengertian … SPBE" for "Apa itu SPBE?") is the best entry point.
    const heading = headingTerms(parts, index);
    const asked = intentTerms.length ? [...resolvedTerms, ...intentTerms] : resolvedTerms;
    const headingCoverage = asked.length ? asked.filter((t) => heading.has(t)).length / asked.length : 0;
    // A question about one year is best served by the section about that year, not by one whose
    // heading is about another year (its first year) and merely mentions the asked one.
    const headingYear = askedYears.length > 0 ? [...heading].find((t) => YEAR.test(t)) : undefined;
    const otherYear = headingYear !== undefined && !askedYears.includes(headingYear);
    const score = e.rrf + FUSION.coverageBoost * ownCoverage + FUSION.headingBoost * headingCoverage - (otherYear ? FUSION.otherYearPenalty : 0);
    return { index, score, coverage, similarity, missing };
  });
  // A question naming a regulation ("PP 4 thn 2022 mengubah PP apa?") prefers that regulation's passages.
  if (named) {
    // Among its articles, the words that are not the regulation's own name decide: in "di inpres
    // optimalisasi JKN menkominfo disuruh ngapain", every part has "inpres", "optimalisasi" and
    // "JKN"; the one that has "kominfo" is asked.
    const residualWeight = residual.reduce((a, x) => a + x.w, 0);
    const ofNamed = scored.filter((s) => chunks[s.index].regulation?.key === named.regulation.key);
    const shares = ofNamed.map((s) => (residualWeight > 0 ? residual.reduce((a, x) => a + (presentOwn(x.t, s.index) || headingTerms(parts, s.index).has(x.t) ? x.w : 0), 0) / residualWeight : 0));
    const bestShare = Math.max(0, ...shares);
    ofNamed.forEach((s, i) => {
      // The parts with (nearly) the most of the other words get the full push, the others a
      // little, and a part with none of them (its opening, which repeats the name) none; the
      // order among the best is left to the ordinary ranking.
      const share = shares[i];
      s.score += residualWeight === 0 ? FUSION.namedRegulationBoost : share === 0 ? 0 : FUSION.namedRegulationBoost * (share >= bestShare * 0.75 ? 2.5 : 1);
    });
  }
  // "What is the SPBE index of East Kalimantan?" names no year: among sections about one year
  // each, the latest recorded one is what is meant (not an older or unconfirmed year).
  if (askedYears.length === 0 && (parsed.kind === 'number' || parsed.kind === 'date')) {
    const thisYear = new Date().getFullYear();
    const yearOf = (index: number) => {
      const ys = [...headingTerms(parts, index)].filter((t) => YEAR.test(t)).map(Number).filter((y) => y <= thisYear);
      return ys.length === 1 ? ys[0] : undefined;
    };
    const top = scored.slice().sort((a, b) => b.score - a.score).slice(0, k);
    const latest = Math.max(...top.map((x) => yearOf(x.index) ?? 0));
    if (latest > 0) for (const x of top) if (yearOf(x.index) === latest) x.score += FUSION.otherYearPenalty;
  }
  scored.sort((a, b) => b.score - a.score);
  // "telekomunikasi itu definisinya apa": the Pasal 1 definition of exactly that term goes before the other regulation parts.
  const asksPenalty = SANCTION_QUESTION.test(parsed.raw);
  const defined = asksPenalty ? undefined : definitionFirst(scored, parts.chunks, parsed, canon);
  // "Pasal 26 UU 27/2022": the named article goes first, whatever the word overlap says.
  // Regulation numbers are read from the question as written ("UU 27/2022"), not the normalised search text.
  const lookup = parts.catalog?.lookup(parsed.raw);
  const pinnedIdx = [...new Set(lookup && !lookup.missing ? lookup.chunks : named?.chunks ?? [])].slice(0, k);
  const pinned = pinnedIdx.map((index) => ({ index, score: (scored[0]?.score ?? 0) + 0.001, coverage: 1, similarity: simByIndex.get(index) ?? dot(parts.rawVectors?.[index], qVec), missing: 0, pinned: true }));
  const ranked = [...pinned, ...scored.filter((s) => !pinnedIdx.includes(s.index))];
  // An article that a later regulation in the index amended is shown as amended: the newest
  // amended text goes right before the original it replaces.
  const amended = parts.catalog ? withLatestAmendments(ranked, parts.catalog, chunks) : ranked;
  // "ancaman pidana nyadap?": the prohibition (Pasal 40) is found, its sanction is in the article that cites it.
  const top = (parts.catalog && asksPenalty ? withSanctions(amended, parts.catalog, chunks) : amended).slice(0, k);
  const passages: Passage[] = top.map((s, i) => {
    const c = chunks[s.index];
    return {
      rank: i + 1,
      score: round(s.score * 1000),
      relevance: 'pinned' in s ? 1 : round(relevanceOf(s.coverage, s.similarity, s.missing, c.regulation !== undefined)),
      ...('pinned' in s ? { pinned: true } : {}),
      ...(c.citation ? { citation: c.citation } : {}),
      ...(c.regulation ? { regulation: c.regulation } : {}),
      coverage: round(s.coverage),
      similarity: round(s.similarity),
      source: c.url ?? c.file,
      file: c.file,
      title: c.title,
      heading: headingLabel(c),
      text: c.text,
      url: c.url,
      sources: c.sources ?? [],
      page: c.page,
      chunkId: c.id,
      lastVerified: c.lastVerified,
    };
  });
  // The definition of exactly the term asked is at least as relevant as the longer terms' definitions beside it
  // (they repeat the word and so look more similar to the question).
  const def = defined === undefined ? undefined : passages.find((p, i) => top[i].index === defined && !p.pinned);
  if (def) def.relevance = Math.max(def.relevance, ...passages.slice(0, 3).filter((p) => p.regulation?.kind === 'definisi').map((p) => p.relevance));
  const relevance = passages.length ? Math.max(...passages.slice(0, 3).map((p) => p.relevance)) : 0;
  const signals = {
    english,
    maxIdf,
    terms: resolvedTerms.map((t) => ({ term: t, known: lexical.has(t), idf: lexical.idf(t), entity: entity.has(t) || /\d/.test(t) })),
    covered: top.map((s) => resolvedTerms.map((t) => lexical.termFrequency(t, s.index) > 0)),
  };
  const article: ArticleLookupSummary | undefined = lookup?.pasal
    ? {
        pasal: lookup.pasal,
        ...(lookup.reference.ayat ? { ayat: lookup.reference.ayat } : {}),
        regulationTitle: lookup.regulation.title,
        shortName: lookup.regulation.shortName,
        missing: lookup.missing,
        ...(lookup.regulation.range ? { range: lookup.regulation.range } : {}),
        amendedBy: lookup.amendedBy.map(nameOf),
        ...(lookup.notLoaded ? { notLoaded: { amendedBy: lookup.notLoaded.amendedBy.map(nameOf), changed: lookup.notLoaded.changed } } : {}),
      }
    : undefined;
  const regulation = named
    ? { shortName: named.regulation.shortName, title: named.regulation.title, amendedBy: named.amendedBy.map(nameOf), ...(named.intent ? { intent: named.intent } : {}) }
    : undefined;
  const unknownRegulation = !lookup && !named && parts.catalog ? unknownRegulationOf(parts.catalog, parsed.raw, passages, canon) : undefined;
  return { question: parsed.raw, parsed, passages, relevance, relevant: relevance >= RELEVANCE_THRESHOLD, terms: resolvedTerms, unknownTerms, signals, ...(article ? { article } : {}), ...(regulation ? { regulation } : {}), ...(unknownRegulation ? { unknownRegulation } : {}) };
}

/** A regulation as an answer names it. */
function nameOf(a: { shortName: string; title: string }): { shortName: string; title: string } {
  return { shortName: a.shortName, title: a.title };
}

/**
 * A named regulation that the catalog does not know is still covered when the passages found
 * name it: an ordinary document about "Perpres 95/2018", or one whose title carries the subject
 * words asked. Otherwise it is unknown.
 */
function unknownRegulationOf(catalog: RegulationCatalog, question: string, passages: Passage[], canon: Canonicaliser): { name: string } | undefined {
  const asked = catalog.unresolved(question);
  if (!asked) return undefined;
  if (asked.numbered) {
    const [nomor, tahun] = asked.words;
    const cites = new RegExp(`(?<![\\d.])0*${nomor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(?:/|tahun)\\s*${tahun}\\b`, 'i');
    // A regulation's part that cites it ("Mengingat: … Undang-Undang Nomor 11 Tahun 2008 …") does
    // not make it loaded; its own title, or an ordinary document about it, does.
    return passages.some((p) => cites.test(p.title) || (!p.regulation && cites.test(`${p.heading}\n${p.text}`))) ? undefined : { name: asked.name };
  }
  // The word after the kind is the name's head ("UU ITE", "PP disiplin", "permen ID-SIRTII …").
  // An English name comes before "regulation" ("the civil-servant discipline regulation"); its
  // words are translated through the glossary and must all be in one passage: passages about
  // civil servants that never mention discipline do not cover it.
  const terms = [...new Set((asked.english ? asked.words : asked.words.slice(0, 1)).flatMap((w) => analyse(w, canon)))];
  if (terms.length === 0) return undefined;
  const named = passages.some((p) => {
    const own = new Set(analyse(`${p.title} ${p.heading} ${p.text}`, canon));
    return terms.every((t) => own.has(t));
  });
  return named ? undefined : { name: asked.name };
}

/** Words around the term a definition question asks about ("apa itu …", "… itu definisinya apa", "what is …"). */
const DEFINITION_WORDS = /\b(apa(kah)?|itu|sih|ya|dong|yg|yang|dimaksud|maksud(nya)?|dengan|arti(nya)?|pengertian(nya)?|definisi(nya)?|jelaskan|tolong|what|is|are|the|a|an|meant|by|define|meaning|of|does|mean)\b/g;
/** A regulation named after the term ("… menurut UU Telekomunikasi", "… in the PDP Law") is not part of it. */
const SOURCE_CLAUSE = /\b(menurut|dalam|di dalam|pada|sesuai|berdasarkan|according to|under|in)\b.*$/;

/** The term a definition question asks about, analysed; undefined when it is not a definition question. */
export function askedDefinitionTerm(parsed: Question, canon: Canonicaliser): string[] | undefined {
  const raw = parsed.raw.toLowerCase();
  const asks = parsed.kind === 'definition' || DEFINITION_QUESTION.test(raw) || /\b(definisi|pengertian|arti)(nya)?\b/.test(raw);
  if (!asks) return undefined;
  const rest = raw.replace(/[?!.,:;"“”]/g, ' ').replace(SOURCE_CLAUSE, ' ').replace(DEFINITION_WORDS, ' ').replace(/\s+/g, ' ').trim();
  if (!rest || rest.split(' ').length > 6) return undefined;
  const terms = analyse(rest, canon);
  return terms.length ? terms : undefined;
}

/**
 * A definition question whose term a regulation defines: that Pasal 1 unit ("Definisi
 * Telekomunikasi") goes before the other regulation parts (not before our own documents ranked
 * higher), rather than the definitions of longer terms that contain the word ("Jaringan
 * telekomunikasi", "Jasa telekomunikasi").
 */
function definitionFirst(scored: Array<{ index: number; score: number }>, chunks: Chunk[], parsed: Question, canon: Canonicaliser): number | undefined {
  const asked = askedDefinitionTerm(parsed, canon);
  if (!asked) return undefined;
  const want = [...new Set(asked)].sort().join(' ');
  const at = scored.findIndex((s) => {
    const c = chunks[s.index];
    const defined = c.regulation?.kind === 'definisi' ? /^Definisi\s+(.+)$/.exec(c.headingPath[c.headingPath.length - 1] ?? '')?.[1] : undefined;
    return defined !== undefined && [...new Set(analyse(defined.replace(/[,;:]+$/, ''), canon))].sort().join(' ') === want;
  });
  if (at < 0) return undefined;
  const firstRegulation = scored.findIndex((s) => chunks[s.index].regulation !== undefined);
  if (firstRegulation >= at) return scored[at].index;
  const [hit] = scored.splice(at, 1);
  hit.score = scored[firstRegulation].score + 1e-6;
  scored.splice(firstRegulation, 0, hit);
  return hit.index;
}

function withLatestAmendments<T extends { index: number }>(ranked: T[], catalog: RegulationCatalog, chunks: Chunk[]): T[] {
  if (catalog.size === 0) return ranked;
  const out: T[] = [];
  const seen = new Set<number>();
  for (const s of ranked) {
    const r = chunks[s.index].regulation;
    const newer = r && !r.amendment && r.pasal && r.kind === 'pasal' ? catalog.latestAmendment(r.key, r.pasal) : undefined;
    if (newer !== undefined && !seen.has(newer)) {
      out.push({ ...s, index: newer });
      seen.add(newer);
    }
    if (!seen.has(s.index)) out.push(s);
    seen.add(s.index);
  }
  return out;
}

/** Questions about the penalty for something (Indonesian and English). */
export const SANCTION_QUESTION = /\b(pidana\w*|dipidana|sanksi\w*|denda\w*|penjara|hukuman\w*|ancaman\w*|dihukum|penalt\w+|sanction\w*|fine[sd]?|prison|jail|sentence\w*|punish\w*)\b/i;
/** The words of a sanction article: "dipidana dengan pidana penjara …", "dikenai sanksi administratif". */
export const SANCTION_TEXT = /\b(dipidana|pidana (penjara|denda|kurungan)|denda paling|sanksi administratif|dikenai sanksi|dikenakan sanksi)\b/i;
const sanctionTermsCache = new WeakMap<Canonicaliser, Set<string>>();
/** The terms a question asks a sanction with (sanksi, pidana, denda, hukuman, ancaman, penjara, penalty …). */
function sanctionTermsOf(canon: Canonicaliser): Set<string> {
  let s = sanctionTermsCache.get(canon);
  if (!s) sanctionTermsCache.set(canon, (s = new Set(analyse('sanksi pidana dipidana denda hukuman dihukum ancaman penjara penalty sanction punishment fine prison', canon))));
  return s;
}

/**
 * Whether a passage has a question term, in the ways a passage can say it. `literal`: its text, its
 * regulation family's names, its BAB/Bagian titles; `presentOwn`: also an abbreviation it spells out
 * or the question glosses, and a sanction it imposes; `present`: also the words of the prohibition
 * a sanction article punishes.
 */
function termPresence(parts: RetrieverParts, raw: string, family: Map<number, Set<string>>) {
  const { chunks, lexical } = parts;
  const canon = parts.glossary.canonicalise;
  // An abbreviation the question writes in capitals ("kena PHK", "menteri ATR/BPN") is present in
  // a regulation's part that spells it out ("pemutusan hubungan kerja", "Agraria dan Tata Ruang/…
  // Badan Pertanahan Nasional": regulations write names in full, officials abbreviate them; our own
  // documents' abbreviations are the glossary's), and one the question glosses itself ("pejabat pelindungan data pribadi
  // (DPO)") asks nothing beyond the words before it.
  const abbreviations = capitalAbbreviations(raw, canon);
  const glossed = glossedAbbreviations(raw, canon);
  const spelled = new Map<string, boolean>();
  const spellsOut = (t: string, index: number) => {
    const key = `${t}\u0000${index}`;
    let v = spelled.get(key);
    if (v === undefined) spelled.set(key, (v = [...abbreviations.get(t)!].some((a) => spellsAbbreviation(a, chunks[index].text))));
    return v;
  };
  // A regulation's article is read under its BAB and Bagian ("Bagian Ketiga Peserta Mengalami
  // Cacat Total Tetap › Pasal 7"): those titles say what its articles are about, though they are
  // kept out of its lexical heading so that they do not rank dozens of articles alike.
  const inHeading = (t: string, index: number) => chunks[index].regulation !== undefined && headingTerms(parts, index).has(t);
  const asAbbreviation = (t: string, index: number) =>
    (abbreviations.has(t) && !lexical.has(t) && chunks[index].regulation !== undefined && spellsOut(t, index)) ||
    (glossed.has(t) && glossed.get(t)!.every((g) => lexical.termFrequency(g, index) > 0 || inHeading(g, index)));
  // "What is the penalty for …", "sanksinya apa": an article that imposes one ("dipidana dengan
  // pidana penjara …", "dikenai sanksi administratif") has what is asked, in whichever word.
  const sanctionTerms = SANCTION_QUESTION.test(raw) ? sanctionTermsOf(canon) : undefined;
  const imposesSanction = (t: string, index: number) => sanctionTerms !== undefined && sanctionTerms.has(t) && SANCTION_TEXT.test(chunks[index].text);
  // … and it is read with the prohibition it punishes: "melanggar ketentuan sebagaimana dimaksud
  // dalam Pasal 40" has the words of Pasal 40 ("penyadapan").
  const cited = new Map<number, number[]>();
  const citedArticles = (index: number) => {
    let v = cited.get(index);
    if (v === undefined) cited.set(index, (v = sanctionTerms !== undefined && parts.catalog ? articlesCitedBySanction(parts.catalog, chunks, index) : []));
    return v;
  };
  const inCited = (t: string, index: number) => sanctionTerms !== undefined && citedArticles(index).some((i) => lexical.termFrequency(t, i) > 0);
  // The passage's own words: its text, its amended regulation's family and its BAB/Bagian titles.
  const literal = (t: string, index: number) => lexical.termFrequency(t, index) > 0 || (family.get(index)?.has(t) ?? false) || inHeading(t, index);
  const presentOwn = (t: string, index: number) => literal(t, index) || asAbbreviation(t, index) || imposesSanction(t, index);
  // A term is present when the passage has it (`presentOwn`) or the prohibition it punishes does
  // (`inCited`): the cited prohibition's words make the sanction article relevant; they do not
  // rank it above articles that say the words themselves.
  return { literal, asAbbreviation, presentOwn, inCited };
}

/** The articles a passage cites ("… sebagaimana dimaksud dalam Pasal 40 …") other than its own, in order. */
export function pasalsCitedBy(text: string, own: string | undefined): string[] {
  return [...text.matchAll(/\bPasal\s+(\d{1,3}[A-Z]?)\b/g)].map((m) => m[1]).filter((n) => n !== own);
}

/** Chunks of the prohibitions a sanction article of a regulation cites ("… sebagaimana dimaksud dalam Pasal 40 …"). */
function articlesCitedBySanction(catalog: RegulationCatalog, chunks: Chunk[], index: number): number[] {
  const c = chunks[index];
  const entry = c.regulation?.key ? catalog.entries.get(c.regulation.key) : undefined;
  if (!entry || !SANCTION_TEXT.test(c.text)) return [];
  const out = pasalsCitedBy(c.text, c.regulation!.pasal).flatMap((n) => entry.articles.get(n) ?? []);
  // The prohibitions it punishes, not other penalties it refers to ("pidana sebagaimana dimaksud dalam Pasal 67").
  return [...new Set(out)].filter((i) => !SANCTION_TEXT.test(chunks[i].text)).slice(0, 12);
}

/**
 * A sanction article names the article it punishes ("… melanggar ketentuan sebagaimana
 * dimaksud dalam Pasal 40, dipidana …") but rarely its subject, so a question about the penalty
 * finds the prohibition. The articles of the same regulation that cite a top passage's Pasal
 * and carry a sanction go right before it, with its relevance: the penalty is what is asked.
 */
function withSanctions<T extends { index: number; score: number }>(ranked: T[], catalog: RegulationCatalog, chunks: Chunk[]): T[] {
  const out: T[] = [];
  const seen = new Set<number>();
  for (const s of ranked.slice(0, 3)) {
    const r = chunks[s.index].regulation;
    // A named article ("Pasal 40 UU 36/1999") stays first: that is what was asked.
    if ('pinned' in s) return ranked;
    const entry = r?.pasal && (r.kind === 'pasal' || r.kind === 'penjelasan') && !SANCTION_TEXT.test(chunks[s.index].text) ? catalog.entries.get(r.key) : undefined;
    if (!entry) continue;
    const cites = new RegExp(`\\bPasal\\s+${r!.pasal}\\b(?!\\s*[A-Z]\\b)`);
    for (const list of entry.articles.values()) {
      for (const i of list) {
        if (seen.has(i) || i === s.index || !cites.test(chunks[i].text) || !SANCTION_TEXT.test(chunks[i].text)) continue;
        seen.add(i);
        out.push({ ...s, index: i });
      }
    }
  }
  if (out.length === 0) return ranked;
  const picked = out.slice(0, 2);
  return [...picked, ...ranked.filter((s) => !picked.some((p) => p.index === s.index))];
}

/**
 * Calibrated blend of coverage and dense similarity (logistic, fitted on the eval set). An article
 * of a regulation is long and formal: a chat question shares fewer of its words and its dense
 * similarity runs lower than a short section of our own documents at the same fit, so its
 * intercept is higher (calibrated on `eval/regulations.jsonl` and an outside evaluator's set).
 */
export function relevanceOf(coverage: number, similarity: number, missingEntity = 0, regulation = false): number {
  const z = RELEVANCE_MODEL.a * coverage + RELEVANCE_MODEL.b * similarity - RELEVANCE_MODEL.d * missingEntity + RELEVANCE_MODEL.c + (regulation ? RELEVANCE_MODEL.regulation : 0);
  return 1 / (1 + Math.exp(-z));
}

export const RELEVANCE_MODEL = { a: 10, b: 4, c: -7.5, d: 6, regulation: 0.9, minMissingIdf: 2, unknownWord: 1, unknownEnglishWord: 0.1, spelledOutMissing: 0.5 };

function dot(v: Float32Array | undefined, q: Float32Array): number {
  if (!v) return 0;
  // Four running sums: independent multiply-adds the CPU overlaps (the dimension is a multiple of 4).
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n = v.length - (v.length % 4);
  let i = 0;
  for (; i < n; i += 4) {
    s0 += v[i] * q[i];
    s1 += v[i + 1] * q[i + 1];
    s2 += v[i + 2] * q[i + 2];
    s3 += v[i + 3] * q[i + 3];
  }
  for (; i < v.length; i++) s0 += v[i] * q[i];
  return s0 + s1 + s2 + s3;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Terms of words that look like names or codes: capitalised inside the sentence, written in
 * capitals (acronyms), or containing digits.
 */
export function entityLikeTerms(question: string, canon: Canonicaliser): Set<string> {
  const out = new Set<string>();
  const words = question.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  words.forEach((w, i) => {
    const caps = /^\p{Lu}{3,}\d*$/u.test(w);
    const capitalised = i > 0 && /^\p{Lu}/u.test(w);
    if (caps || capitalised || /\d/.test(w)) for (const t of analyse(w, canon)) out.add(t);
  });
  return out;
}

const commonNounCache = new WeakMap<Glossary, Set<string>>();
/** Terms of the glossary's abbreviations of common nouns: those whose expansion is lower case ("TV" → "televisi"). */
export function commonNounAbbreviations(glossary: Glossary): Set<string> {
  let s = commonNounCache.get(glossary);
  if (!s) {
    s = new Set<string>();
    for (const a of glossary.acronyms) if (/^\p{Ll}/u.test(a.expansion)) for (const t of analyse(a.term, glossary.canonicalise)) s.add(t);
    commonNounCache.set(glossary, s);
  }
  return s;
}

/** Analysed term → the abbreviations (lower case) the question writes in capitals: "PHK", "ATR/BPN" → atr, bpn. */
export function capitalAbbreviations(question: string, canon: Canonicaliser): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of question.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}{2,6})(?![\p{L}\p{N}])/gu)) {
    for (const t of analyse(m[1], canon)) {
      const set = out.get(t) ?? new Set<string>();
      set.add(m[1].toLowerCase());
      out.set(t, set);
    }
  }
  return out;
}

/**
 * Abbreviations the question explains itself: "biaya hak penyelenggaraan (BHP)" → bhp → the terms
 * of the words before it, one content word per letter (biaya, hak, selenggara).
 */
export function glossedAbbreviations(question: string, canon: Canonicaliser): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of question.matchAll(/\(\s*(\p{Lu}[\p{L}-]{1,9})\s*\)/gu)) {
    const before = question.slice(0, m.index).split(/[.,;:!?()]/).pop() ?? '';
    const words = before.split(/\s+/).filter((w) => analyse(w, canon).length > 0);
    const letters = m[1].replace(/[^\p{Lu}]/gu, '').length || m[1].length;
    if (words.length < 2) continue;
    const gloss = analyse(words.slice(-letters).join(' '), canon);
    for (const t of analyse(m[1], canon)) if (!gloss.includes(t)) out.set(t, gloss);
  }
  return out;
}

// Words an Indonesian name skips in its abbreviation ("Agraria dan Tata Ruang" → ATR).
const ABBREVIATION_GLUE = new Set(['dan', 'atau', 'serta', 'di', 'ke', 'dari', 'yang', 'untuk', 'pada', 'bagi', 'dengan', 'and', 'of', 'the', 'for']);

/**
 * Whether `text` spells out the abbreviation `abbr` (lower case): consecutive words, glue words
 * aside, whose initials are its letters ("phk" in "terkena pemutusan hubungan kerja"). Two
 * letters match by chance in any long passage, so only abbreviations of three or more count.
 */
export function spellsAbbreviation(abbr: string, text: string): boolean {
  if (abbr.length < 3) return false;
  const words = (text.toLowerCase().match(/\p{L}[\p{L}'’]*/gu) ?? []).filter((w) => !ABBREVIATION_GLUE.has(w));
  for (let i = 0; i + abbr.length <= words.length; i++) {
    let j = 0;
    while (j < abbr.length && words[i + j][0] === abbr[j]) j++;
    if (j === abbr.length) return true;
  }
  return false;
}

const familyCache = new WeakMap<Chunk[], Map<number, Set<string>>>();
/**
 * Per chunk of an amending regulation: the analysed keywords (names, aliases, defined
 * abbreviations) of the regulation it amends, which its own chunks do not carry. Built once
 * per loaded index; chunks of other documents have no entry.
 */
function regulationFamilyTerms(parts: RetrieverParts): Map<number, Set<string>> {
  let m = familyCache.get(parts.chunks);
  if (m) return m;
  m = new Map();
  familyCache.set(parts.chunks, m);
  const byKey = new Map<string, Set<string>>();
  parts.chunks.forEach((c) => {
    const key = c.regulation?.key;
    if (key && !byKey.has(key)) byKey.set(key, new Set(analyse(c.keywords.join(' '), parts.glossary.canonicalise)));
  });
  parts.chunks.forEach((c, i) => {
    const base = c.regulation?.amendsKey;
    const terms = base ? byKey.get(base) : undefined;
    if (terms) m!.set(i, terms);
  });
  return m;
}

/**
 * Analysed terms of the words a question names a regulation with: its kind, number and year,
 * and those words after the kind that are the regulation's own ("inpres optimalisasi JKN
 * menkominfo …" → inpres, optimalisasi, jkn; "menkominfo" is what is asked about).
 */
function namingTerms(question: string, canon: Canonicaliser, own: Set<string>): Set<string> {
  const ref = parseArticleReference(question);
  const sub = subjectAfterKind(question);
  const subject = analyse((sub?.words ?? []).join(' '), canon).filter((t) => own.has(t));
  return new Set([...analyse([ref?.jenis, ref?.nomor, ref?.tahun, sub?.kind].filter(Boolean).join(' '), canon), ...subject]);
}

/** Chunk indexes of a regulation's articles, dictums and Penjelasan, and of its amendments' amended articles. */
function regulationChunks(catalog: RegulationCatalog, key: string): number[] {
  const e = catalog.entries.get(key);
  if (!e) return [];
  const lists = [e.articles, e.explanations, e.amendedArticles, ...catalog.amendmentsOf(key).map((a) => a.amendedArticles)];
  return [...new Set(lists.flatMap((m) => [...m.values()].flat()))];
}

const nameTermsCache = new WeakMap<Chunk[], Map<string, Set<string>>>();
/** Analysed terms of a regulation's names and keywords (the same for each of its chunks). */
function regulationNameTerms(parts: RetrieverParts, key: string): Set<string> {
  return memoPerIndex(nameTermsCache, parts.chunks, key, () => {
    const c = parts.chunks.find((x) => x.regulation?.key === key);
    return new Set(c ? analyse(`${c.title} ${c.keywords.join(' ')}`, parts.glossary.canonicalise) : []);
  });
}

/** A value computed once per loaded index (its chunk array) and key, kept while that index lives. */
function memoPerIndex<K, V>(cache: WeakMap<Chunk[], Map<K, V>>, chunks: Chunk[], key: K, compute: () => V): V {
  let m = cache.get(chunks);
  if (!m) cache.set(chunks, (m = new Map()));
  let v = m.get(key);
  if (v === undefined) {
    v = compute();
    m.set(key, v);
  }
  return v;
}

const headingCache = new WeakMap<Chunk[], Map<number, Set<string>>>();
function headingTerms(parts: RetrieverParts, index: number): Set<string> {
  return memoPerIndex(headingCache, parts.chunks, index, () => new Set(analyse(parts.chunks[index].headingPath.join(' '), parts.glossary.canonicalise)));
}

