import { loadCliConfig, progress } from '../cli.js';
import { KnowledgeBase, createEmbeddingsProvider } from '../../src/knowledge/index.js';
const config = loadCliConfig();
const kb = await KnowledgeBase.open({ knowledgeDir: config.knowledgeDir, dataDir: config.dataDir, embeddings: createEmbeddingsProvider(config.embeddings), onProgress: progress, onWarning: progress });
for (const q of process.argv.slice(2)) {
  const r = await kb.retrieve(q, 5);
  console.log('Q:', q, 'rel', r.relevance, r.terms.join(','), 'unknown', r.unknownTerms.join(','));
  for (const p of r.passages) console.log(`  ${p.rank} ${p.score} rel=${p.relevance} cov=${p.coverage} sim=${p.similarity} ${p.file} › ${p.heading} :: ${p.text.slice(0,100).replace(/\n/g,' ')}`);
}
