import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { KnowledgeBase } from './knowledge-base.js';
import type { Passage } from './retriever.js';

/**
 * The knowledge base as a LangChain retriever, so a user's chain (RAG prompt, agent tool,
 * `createRetrievalChain` …) can use the hybrid BM25 + HNSW search, the relevance signal and
 * hot-swapped re-indexing as they are, instead of a separate LangChain vector store.
 *
 * Each passage becomes a `Document` whose `pageContent` is the passage text and whose
 * metadata carries what a citation needs (title, heading, source, page) and the relevance.
 * With `onlyRelevant` (the default) a question the knowledge base cannot answer yields no
 * documents, so a chain does not ground its answer on a near-miss.
 *
 * @example
 * const retriever = new KnowledgeBaseRetriever({ kb, k: 4 });
 * const docs = await retriever.invoke('Apa itu SPBE?');
 */
export interface KnowledgeBaseRetrieverInput extends BaseRetrieverInput {
  kb: KnowledgeBase;
  /** Passages per question (default 5). */
  k?: number;
  /** Return nothing when the best passage is below the relevance threshold (default true). */
  onlyRelevant?: boolean;
}

export type PassageMetadata = Omit<Passage, 'text'>;

export class KnowledgeBaseRetriever extends BaseRetriever<PassageMetadata> {
  static override lc_name(): string {
    return 'KnowledgeBaseRetriever';
  }

  override lc_namespace = ['asisten-digital-asn', 'knowledge'];
  private readonly kb: KnowledgeBase;
  private readonly k: number;
  private readonly onlyRelevant: boolean;

  constructor(fields: KnowledgeBaseRetrieverInput) {
    super(fields);
    this.kb = fields.kb;
    this.k = fields.k ?? 5;
    this.onlyRelevant = fields.onlyRelevant ?? true;
  }

  override async _getRelevantDocuments(query: string): Promise<Document<PassageMetadata>[]> {
    const result = await this.kb.retrieve(query, this.k);
    if (this.onlyRelevant && !result.relevant) return [];
    return result.passages.map(({ text, ...metadata }) => new Document({ pageContent: text, metadata, id: metadata.chunkId }));
  }
}
