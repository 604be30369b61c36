import { RunnableLambda } from '@langchain/core/runnables';
import type { Document } from '@langchain/core/documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { KnowledgeBaseRetriever } from '../../src/knowledge/langchain-retriever.js';
import { openTempKnowledgeBase } from '../helpers/kb.js';

let kb: KnowledgeBase;
let cleanup: () => void;

beforeAll(async () => {
  ({ kb, cleanup } = await openTempKnowledgeBase());
});
afterAll(() => cleanup());

describe('KnowledgeBaseRetriever (LangChain)', () => {
  it('returns the hybrid search passages as Documents with citation metadata', async () => {
    const docs = await kb.asRetriever({ k: 2 }).invoke('Berapa indeks SPBE Kaltim 2024?');
    expect(docs).toHaveLength(2);
    expect(docs[0].pageContent).toContain('3,79');
    expect(docs[0].metadata).toMatchObject({ title: 'Indeks SPBE Kalimantan Timur', heading: 'Indeks SPBE Kaltim 2024', file: 'indeks-spbe.md', url: 'https://contoh.go.id/indeks', rank: 1 });
    expect(docs[0].metadata.relevance).toBeGreaterThan(0.3);
    expect(docs[0].id).toBe(docs[0].metadata.chunkId);
  });

  it('returns nothing for a question the knowledge base cannot answer, unless asked to', async () => {
    const q = 'resep rendang padang yang enak';
    expect(await new KnowledgeBaseRetriever({ kb }).invoke(q)).toEqual([]);
    expect((await new KnowledgeBaseRetriever({ kb, onlyRelevant: false, k: 1 }).invoke(q)).length).toBe(1);
  });

  it('composes into a LangChain chain', async () => {
    const chain = kb.asRetriever({ k: 1 }).pipe(RunnableLambda.from((docs: Document[]) => docs.map((d) => `[${d.metadata.title}] ${d.pageContent}`).join('\n')));
    expect(await chain.invoke('sertifikat GTA')).toMatch(/^\[Government Transformation Academy \(GTA\)\] .*sertifikat/);
  });
});
