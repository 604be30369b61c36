/**
 * Times an incremental re-index of a built knowledge base after one document changes, as the
 * bench does (a section rewritten, one added), in this process: `npx tsx scripts/dev/reindex-time.ts KNOWLEDGE_DIR DATA_DIR`.
 * Run with `node --cpu-prof --import tsx …` to see where the time goes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LocalHashEmbeddings } from '../../src/knowledge/embeddings.js';
import { buildIndex } from '../../src/knowledge/indexer.js';

const [knowledgeDir, dataDir] = process.argv.slice(2);
const files = fs.readdirSync(knowledgeDir).filter((f) => f.endsWith('.md')).sort();
const changed = path.join(knowledgeDir, files[Math.floor(files.length / 2)]);
fs.writeFileSync(changed, `${fs.readFileSync(changed, 'utf8')}\n## Bagian tambahan ${Date.now()}\nBagian tambahan tentang kuota pelatihan digital tahun depan.\n`);
const t0 = performance.now();
const report = await buildIndex({ knowledgeDir, dataDir, embeddings: new LocalHashEmbeddings({ dimension: 512 }), onProgress: (m) => console.log(`${Math.round(performance.now() - t0)} ms  ${m}`) });
console.log(`total ${Math.round(performance.now() - t0)} ms`, JSON.stringify(report.stepsMs));
