import { loadGlossary, type Glossary } from './glossary.js';
import { currentBuildId, loadIndex, type LoadedIndex, type Manifest } from './index-store.js';
import { buildIndex, glossaryPath, staleReason, type BuildReport } from './indexer.js';
import type { EmbeddingsProvider } from './embeddings.js';
import type { Question } from './question.js';
import { KnowledgeBaseRetriever, type KnowledgeBaseRetrieverInput } from './langchain-retriever.js';
import { retrieve, type RetrievalResult, type RetrieverParts } from './retriever.js';
import { analyse } from './text.js';
import { RegulationCatalog } from './regulation/catalog.js';

/**
 * The knowledge base as the rest of the application sees it: `retrieve(question, k)`,
 * `reload()` for hot swaps after a re-index, and `reindex()` which builds and swaps.
 *
 * A query always runs against one immutable loaded index; `reload()` replaces the
 * reference in one assignment, so queries in flight finish on the old index and new
 * ones see the new index — no downtime.
 *
 * @example
 * const kb = await KnowledgeBase.open({ knowledgeDir, dataDir, embeddings });
 * const { passages, relevant } = await kb.retrieve('Berapa indeks SPBE Kaltim 2023?', 5);
 */
export interface KnowledgeBaseOptions {
  knowledgeDir: string;
  dataDir: string;
  embeddings: EmbeddingsProvider;
  onProgress?: (message: string) => void;
  onWarning?: (message: string) => void;
}

interface Loaded extends LoadedIndex {
  glossary: Glossary;
  catalog: RegulationCatalog;
}

export class KnowledgeBase {
  private loaded: Loaded;
  private reindexing: Promise<BuildReport> | undefined;

  private constructor(private readonly opts: KnowledgeBaseOptions, loaded: Loaded) {
    this.loaded = loaded;
  }

  /** Ensure the index exists and is fresh (building it when needed), then load it. */
  static async open(opts: KnowledgeBaseOptions): Promise<KnowledgeBase> {
    await ensureIndex(opts);
    return new KnowledgeBase(opts, KnowledgeBase.loadCurrent(opts));
  }

  private static loadCurrent(opts: KnowledgeBaseOptions): Loaded {
    const idx = loadIndex(opts.dataDir);
    const glossary = loadGlossary(glossaryPath(opts.knowledgeDir));
    return { ...idx, glossary, catalog: RegulationCatalog.fromChunks(idx.chunks, glossary.canonicalise) };
  }

  /** The loaded index, read-only: for diagnostics and the benchmark (recall against exact search). */
  get index(): Readonly<LoadedIndex> {
    return this.loaded;
  }

  /** This knowledge base as a LangChain retriever (see {@link KnowledgeBaseRetriever}). */
  asRetriever(options: Omit<KnowledgeBaseRetrieverInput, 'kb'> = {}): KnowledgeBaseRetriever {
    return new KnowledgeBaseRetriever({ ...options, kb: this });
  }

  get manifest(): Manifest {
    return this.loaded.manifest;
  }

  get chunkCount(): number {
    return this.loaded.chunks.length;
  }

  /** Regulations in the index, their articles and amendments. */
  get regulations(): RegulationCatalog {
    return this.loaded.catalog;
  }

  get glossary(): Glossary {
    return this.loaded.glossary;
  }

  /** Titles of the documents, for "closest topics" suggestions. */
  documentTitles(): string[] {
    return [...new Set(this.loaded.chunks.map((c) => c.title))];
  }

  /** One entry per indexed document (chunk count, last verification date), for /dokumen. */
  documents(): Array<{ file: string; title: string; chunks: number; lastVerified?: string }> {
    const byFile = new Map<string, { file: string; title: string; chunks: number; lastVerified?: string }>();
    for (const c of this.loaded.chunks) {
      const d = byFile.get(c.file);
      if (d) d.chunks++;
      else byFile.set(c.file, { file: c.file, title: c.title, chunks: 1, ...(c.lastVerified ? { lastVerified: c.lastVerified } : {}) });
    }
    return [...byFile.values()].sort((a, b) => a.title.localeCompare(b.title, 'id'));
  }

  /** The question's search terms as the lexical index sees them (canonical, stemmed, typo-corrected). */
  terms(text: string): string[] {
    const l = this.loaded;
    return [...new Set(l.lexical.resolveTerms(analyse(text, l.glossary.canonicalise), l.glossary.canonicalise).map((r) => r.term))];
  }

  /** True when some term of `text` occurs in the knowledge base (after glossary and typo correction). */
  knows(text: string): boolean {
    return this.terms(text).some((t) => this.loaded.lexical.has(t));
  }

  /** Like {@link knows}, but only from documents that are not regulations (our own and other prose). */
  knowsOutsideRegulations(text: string): boolean {
    const chunks = this.loaded.chunks;
    return this.terms(text).some((t) => this.loaded.lexical.someDocument(t, (i) => chunks[i].regulation === undefined));
  }

  /** BM25 inverse document frequency of a term (highest for terms the knowledge base lacks). */
  idf(term: string): number {
    return this.loaded.lexical.idf(term);
  }

  async retrieve(question: string | Question, k = 5): Promise<RetrievalResult> {
    const l = this.loaded;
    const dimension = l.manifest.embeddings.dimension;
    const embeddings = this.opts.embeddings;
    if (embeddings.dimension !== undefined && l.chunks.length > 0 && embeddings.dimension !== dimension) {
      // The provider was reconfigured under a running index: say so instead of a native HNSW error.
      throw new Error(`Dimensi embeddings ${embeddings.dimension} tidak cocok dengan indeks (${dimension}). Jalankan "npm run reindex".`);
    }
    return retrieve(this.retrieverParts(), question, k);
  }

  /** What retrieval searches (the loaded index, glossary, catalog, embeddings): for the benchmark and diagnostics. */
  retrieverParts(): RetrieverParts {
    const l = this.loaded;
    return { chunks: l.chunks, lexical: l.lexical, vectors: l.vectors, embeddings: this.opts.embeddings, glossary: l.glossary, rawVectors: l.rawVectors, catalog: l.catalog };
  }

  /** Load the published index if it differs from the one in use. Returns true when swapped. */
  reload(): boolean {
    const id = currentBuildId(this.opts.dataDir);
    if (!id || id === this.loaded.manifest.buildId) {
      // The glossary may change without a rebuild being needed for vectors; reindex handles that.
      return false;
    }
    this.loaded = KnowledgeBase.loadCurrent(this.opts);
    return true;
  }

  /** Re-index the knowledge directory and hot-swap. Concurrent calls share one build. */
  async reindex(options: { full?: boolean } = {}): Promise<BuildReport> {
    if (!this.reindexing) {
      this.reindexing = buildIndex({ ...this.opts, full: options.full })
        .then((report) => {
          this.reload();
          return report;
        })
        .finally(() => {
          this.reindexing = undefined;
        });
    }
    return this.reindexing;
  }
}

/** Build the index when it is missing or stale; returns the build report, or undefined when fresh. */
export async function ensureIndex(opts: KnowledgeBaseOptions): Promise<BuildReport | undefined> {
  const reason = staleReason(opts);
  if (!reason) return undefined;
  opts.onProgress?.(`Indeks perlu dibangun: ${reason}.`);
  return buildIndex(opts);
}
