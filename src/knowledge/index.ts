/** Public surface of the knowledge engine (no grammY here). */
export { KnowledgeBase, ensureIndex, type KnowledgeBaseOptions } from './knowledge-base.js';
export { buildIndex, staleReason, listKnowledgeFiles, type BuildReport } from './indexer.js';
export { createEmbeddingsProvider, LocalHashEmbeddings, OpenAIEmbeddingsProvider, type EmbeddingsProvider } from './embeddings.js';
export { RELEVANCE_THRESHOLD, type Passage, type RetrievalResult } from './retriever.js';
export { KnowledgeBaseRetriever, type KnowledgeBaseRetrieverInput } from './langchain-retriever.js';
