import path from 'node:path';
import { createKnowledgeOverlay } from '../../src/knowledge/knowledge-overlay.js';
import { loadCliConfig, progress } from '../cli.js';
import { KnowledgeBase, createEmbeddingsProvider } from '../../src/knowledge/index.js';
// KNOWLEDGE_EXTRA_DIRS=dir1:dir2 indexes extra folders in an overlay, as `npm run eval -- --with DIR` does.
const base = loadCliConfig();
const extra = (process.env.KNOWLEDGE_EXTRA_DIRS ?? '').split(path.delimiter).filter(Boolean);
const config = extra.length ? { ...base, ...createKnowledgeOverlay(base.knowledgeDir, extra, base.dataDir) } : base;
const kb = await KnowledgeBase.open({ knowledgeDir: config.knowledgeDir, dataDir: config.dataDir, embeddings: createEmbeddingsProvider(config.embeddings), onProgress: progress, onWarning: progress });
for (const q of process.argv.slice(2)) {
  const r = await kb.retrieve(q, 5);
  console.log('Q:', q, 'rel', r.relevance, r.terms.join(','), 'unknown', r.unknownTerms.join(','));
  for (const p of r.passages) console.log(`  ${p.rank} ${p.score} rel=${p.relevance} cov=${p.coverage} sim=${p.similarity} ${p.file} › ${p.heading} :: ${p.text.slice(0,100).replace(/\n/g,' ')}`);
}
