/**
 * Where a hybrid query's time goes beyond HNSW and BM25: builds (once) a synthetic corpus of N
 * chunks under DIR, then times each stage of `retrieve` over the bench's queries, several rounds.
 * npx tsx scripts/dev/serve-profile.ts DIR [N=2000] [rounds=5]
 */
import fs from 'node:fs';
import path from 'node:path';
import { LocalHashEmbeddings } from '../../src/knowledge/embeddings.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { parseQuestion } from '../../src/knowledge/question.js';
import { denseRanking, retrieveWithVector, searchCandidates } from '../../src/knowledge/retriever.js';
import { documentFile, syntheticQueries, syntheticSections, syntheticVocabulary } from '../synthetic-corpus.js';

const [dir, nArg, roundsArg] = process.argv.slice(2);
const n = Number(nArg ?? 2000);
const rounds = Number(roundsArg ?? 5);
const knowledgeDir = path.join(dir, 'knowledge');
const dataDir = path.join(dir, 'data');
const queriesFile = path.join(dir, 'queries.json');
if (!fs.existsSync(queriesFile)) {
  const vocab = syntheticVocabulary([], path.resolve('knowledge'));
  const sections = syntheticSections(n, vocab, n);
  fs.mkdirSync(knowledgeDir, { recursive: true });
  for (let s = 0, doc = 0; s < sections.length; s += 10, doc++) fs.writeFileSync(path.join(knowledgeDir, `syn-${String(doc).padStart(6, '0')}.md`), documentFile(doc, sections.slice(s, s + 10)));
  fs.writeFileSync(queriesFile, JSON.stringify(syntheticQueries(sections, 300, n + 1)));
}
const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8')) as string[];
const embeddings = new LocalHashEmbeddings();
const kb = await KnowledgeBase.open({ knowledgeDir, dataDir, embeddings });
const parts = kb.retrieverParts();
const canon = kb.glossary.canonicalise;
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time<T>(f: (q: string, i: number) => T): number {
  const lat: number[] = [];
  queries.forEach((q, i) => {
    const t = performance.now();
    f(q, i);
    lat.push(performance.now() - t);
  });
  return med(lat);
}
const parsed = queries.map((q) => parseQuestion(q, canon));
const vecs = parsed.map((p) => embeddings.embedQuerySync(p.searchText));
const found = parsed.map((p, i) => searchCandidates(parts, p, vecs[i]));
for (let r = 0; r < rounds; r++) {
  const row = {
    full: time((q) => kb.retrieve(q, 5)),
    parse: time((q) => parseQuestion(q, canon)),
    embed: time((_q, i) => embeddings.embedQuerySync(parsed[i].searchText)),
    candidates: time((_q, i) => searchCandidates(parts, parsed[i], vecs[i])),
    withVector: time((_q, i) => retrieveWithVector(parts, parsed[i], vecs[i], 5)),
    bm25: time((_q, i) => parts.lexical.search(found[i].lexicalQuery, 40)),
    denseRanking: time((_q, i) => denseRanking(parts, vecs[i], found[i].lexHits, 40)),
    hnsw10: time((_q, i) => parts.vectors.search(vecs[i], 10)),
    hnsw40: time((_q, i) => parts.vectors.search(vecs[i], 40)),
  };
  console.log(`round ${r + 1}: ${Object.entries(row).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(' | ')} ms (p50)`);
}
