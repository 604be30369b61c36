import fs from 'node:fs';
import { loadCliConfig } from '../cli.js';
import { KnowledgeBase, createEmbeddingsProvider } from '../../src/knowledge/index.js';
import { parseEvalFile } from '../../src/knowledge/eval-metrics.js';
/** Dev tool: dump relevance-signal ingredients for calibration (JSONL on stdout). */
const config = loadCliConfig();
const kb = await KnowledgeBase.open({ knowledgeDir: config.knowledgeDir, dataDir: config.dataDir, embeddings: createEmbeddingsProvider(config.embeddings) });
for (const file of process.argv.slice(2)) {
  for (const q of parseEvalFile(fs.readFileSync(file, 'utf8'), file)) {
    const r = await kb.retrieve(q.question, 5);
    process.stdout.write(JSON.stringify({ id: q.id, file, answerable: q.answerable, sims: r.passages.map((p) => p.similarity), signals: r.signals }) + '\n');
  }
}
