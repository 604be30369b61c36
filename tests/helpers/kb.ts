import path from 'node:path';
import { LocalHashEmbeddings } from '../../src/knowledge/embeddings.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { makeTmpDir, SAMPLE_DOCS, writeFiles } from './tmp.js';

export const REPO_KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../../knowledge');

/** The real knowledge base, indexed into a temporary data directory. */
export async function openRepoKnowledgeBase(): Promise<{ kb: KnowledgeBase; dataDir: string; cleanup: () => void }> {
  const tmp = makeTmpDir('asisten-kb-');
  const kb = await KnowledgeBase.open({ knowledgeDir: REPO_KNOWLEDGE_DIR, dataDir: tmp.dir, embeddings: new LocalHashEmbeddings() });
  return { kb, dataDir: tmp.dir, cleanup: tmp.cleanup };
}

/**
 * A writable knowledge base (SAMPLE_DOCS or `files`) in temporary directories, for tests that upload or
 * remove documents. Never point those tests at `knowledge/`.
 */
export async function openTempKnowledgeBase(files: Record<string, string | Buffer> = SAMPLE_DOCS): Promise<{ kb: KnowledgeBase; knowledgeDir: string; dataDir: string; cleanup: () => void }> {
  const k = makeTmpDir('asisten-knowledge-');
  const d = makeTmpDir('asisten-kbdata-');
  writeFiles(k.dir, files);
  const kb = await KnowledgeBase.open({ knowledgeDir: k.dir, dataDir: d.dir, embeddings: new LocalHashEmbeddings() });
  return { kb, knowledgeDir: k.dir, dataDir: d.dir, cleanup: () => (k.cleanup(), d.cleanup()) };
}
