import path from 'node:path';
import { LocalHashEmbeddings } from '../../src/knowledge/embeddings.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { makeTmpDir } from './tmp.js';

export const REPO_KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../../knowledge');

/** The real knowledge base, indexed into a temporary data directory. */
export async function openRepoKnowledgeBase(): Promise<{ kb: KnowledgeBase; dataDir: string; cleanup: () => void }> {
  const tmp = makeTmpDir('asisten-kb-');
  const kb = await KnowledgeBase.open({ knowledgeDir: REPO_KNOWLEDGE_DIR, dataDir: tmp.dir, embeddings: new LocalHashEmbeddings() });
  return { kb, dataDir: tmp.dir, cleanup: tmp.cleanup };
}
