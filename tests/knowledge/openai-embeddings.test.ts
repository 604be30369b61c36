import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAIEmbeddingsProvider } from '../../src/knowledge/embeddings.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { readManifest } from '../../src/knowledge/index-store.js';
import { startOpenAIStub, type OpenAIStub } from '../helpers/openai-stub.js';
import { makeTmpDir, SAMPLE_DOCS, writeFiles } from '../helpers/tmp.js';

let stub: OpenAIStub;
let tmp: { dir: string; cleanup: () => void };

beforeAll(async () => {
  stub = await startOpenAIStub();
  tmp = makeTmpDir();
  writeFiles(path.join(tmp.dir, 'k'), SAMPLE_DOCS);
});
afterAll(async () => {
  await stub.close();
  tmp.cleanup();
});

describe('EMBEDDINGS=openai against an OpenAI-compatible server', () => {
  it('embeds chunks and questions over HTTP, asking for floats, and retrieves with them', async () => {
    const embeddings = new OpenAIEmbeddingsProvider('stub-embed', { apiKey: 'k', baseURL: stub.url });
    const kb = await KnowledgeBase.open({ knowledgeDir: path.join(tmp.dir, 'k'), dataDir: path.join(tmp.dir, 'd'), embeddings });
    const calls = stub.requests.filter((r) => r.path.endsWith('/embeddings'));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls[0].body).toMatchObject({ model: 'stub-embed', encoding_format: 'float' });
    expect(readManifest(path.join(tmp.dir, 'd'))!.embeddings).toEqual({ provider: 'openai', model: 'stub-embed', dimension: 8 });
    const r = await kb.retrieve('indeks SPBE Kaltim 2024', 2);
    expect(r.passages[0].heading).toBe('Indeks SPBE Kaltim 2024');
    expect(stub.requests.filter((x) => x.path.endsWith('/embeddings')).length).toBe(calls.length + 1);
  });
});
