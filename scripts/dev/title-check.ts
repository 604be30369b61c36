/**
 * Dev: for each answerable question of regulation eval files, whether the passage that holds the answer (the first
 * hit in the top 5) is titled with its regulation's number and year ("… Nomor 27 Tahun 2022 …", "Nomor
 * 41/PER/M.KOMINFO/10/2009"). Prints the misses and the share. `KNOWLEDGE_DIR=… DATA_DIR=… npx tsx scripts/dev/title-check.ts FILE…`
 */
import fs from 'node:fs';
import { loadCliConfig } from '../cli.js';
import { KnowledgeBase, createEmbeddingsProvider } from '../../src/knowledge/index.js';
import { firstHitRank, parseEvalFile } from '../../src/knowledge/eval-metrics.js';
const config = loadCliConfig();
const kb = await KnowledgeBase.open({ knowledgeDir: config.knowledgeDir, dataDir: config.dataDir, embeddings: createEmbeddingsProvider(config.embeddings) });
let n = 0;
let ok = 0;
for (const file of process.argv.slice(2)) {
  for (const q of parseEvalFile(fs.readFileSync(file, 'utf8'), file) as any[]) {
    if (!q.answerable) continue;
    const r = await kb.retrieve(q.question, 5);
    const rank = firstHitRank(r.passages.map((p) => `${p.heading}\n${p.text}`), q);
    if (!rank) continue;
    const p = r.passages[rank - 1];
    n++;
    const title = p.title ?? '';
    // The regulation's number and year as the title writes them: "Nomor 27 Tahun 2022", "Nomor 01/PER/…/2010", "24/1/PADG/2022".
    const nums = [...title.matchAll(/(?:Nomor|NOMOR)\s*:?\s*([0-9][0-9A-Za-z./ -]*?)(?:\s+Tahun\s+((?:19|20)\d\d)|\/((?:19|20)\d\d))\b/g)];
    const good = p.regulation !== undefined && nums.length > 0 && title.includes(p.regulation.tahun) && nums.some((m) => Number(m[1].split('/')[0]) === Number(p.regulation!.nomor.split('/')[0]));
    if (good) ok++;
    if (process.env.TITLE_SHOW) console.log(`ok ${q.id} ${title.slice(0, 90)}`);
    else console.log(`MISS ${q.id} [${q.regulation ?? ''}] title="${title}" heading="${p.heading}"`);
  }
}
console.log(`titled with number and year: ${ok}/${n} (${n ? ((100 * ok) / n).toFixed(1) : '-'} %)`);
