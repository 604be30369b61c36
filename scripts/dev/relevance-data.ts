/**
 * Dev: one JSON line per eval question with the relevance ingredients of its top passages, for
 * calibrating the relevance model. `KNOWLEDGE_DIR=… DATA_DIR=… npx tsx scripts/dev/relevance-data.ts FILE…`
 */
import fs from 'node:fs';
import { loadCliConfig } from '../cli.js';
import { KnowledgeBase, createEmbeddingsProvider } from '../../src/knowledge/index.js';
import { firstHitRank, parseEvalFile } from '../../src/knowledge/eval-metrics.js';
const config = loadCliConfig();
const kb = await KnowledgeBase.open({ knowledgeDir: config.knowledgeDir, dataDir: config.dataDir, embeddings: createEmbeddingsProvider(config.embeddings) });
for (const file of process.argv.slice(2)) {
  for (const q of parseEvalFile(fs.readFileSync(file, 'utf8'), file)) {
    const r = await kb.retrieve(q.question, 5);
    const hit = firstHitRank(r.passages.map((p) => `${p.heading}\n${p.text}`), q);
    process.stdout.write(
      JSON.stringify({
        id: q.id,
        file: file.split('/').pop(),
        answerable: q.answerable,
        hit: hit ?? null,
        relevance: r.relevance,
        terms: r.terms,
        unknown: r.unknownTerms,
        top: r.passages.slice(0, 3).map((p) => ({ rel: p.relevance, cov: p.coverage, sim: p.similarity, pinned: !!p.pinned, reg: !!p.regulation, len: p.text.length })),
        q: q.question,
      }) + '\n',
    );
  }
}
