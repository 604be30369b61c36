/**
 * Paired comparison of two HNSW settings on one built knowledge base (e.g. the bench's 100k
 * corpus kept by scripts/dev/serve-profile.ts): the index's own graph against a graph built with
 * other M / efConstruction over the same vectors, searched with several ef, interleaved query by
 * query so machine load hits both alike. Reports the dense ranking's p50 (HNSW ∪ BM25 candidates,
 * exact scores — what retrieval uses) and recall@10 against exact search, for HNSW alone too.
 * GLIBC_TUNABLES=glibc.malloc.hugetlb=1 npx tsx scripts/dev/hnsw-pair.ts DIR --m 20 --efc 200 --ef 360,380,400 [--rounds 3]
 */
import fs from 'node:fs';
import path from 'node:path';
import { LocalHashEmbeddings } from '../../src/knowledge/embeddings.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { parseQuestion } from '../../src/knowledge/question.js';
import { denseRanking, FUSION, searchCandidates } from '../../src/knowledge/retriever.js';
import { exactSearch, HNSW_PARAMS, VectorIndex } from '../../src/knowledge/vector-index.js';

const args = process.argv.slice(2);
const dir = args[0];
const opt = (name: string, dflt: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const m = Number(opt('m', '20'));
const efc = Number(opt('efc', '200'));
const efs = opt('ef', '360,380,400').split(',').map(Number);
const rounds = Number(opt('rounds', '3'));
const embeddings = new LocalHashEmbeddings();
const kb = await KnowledgeBase.open({ knowledgeDir: path.join(dir, 'knowledge'), dataDir: path.join(dir, 'data'), embeddings });
const parts = kb.retrieverParts();
const raw = parts.rawVectors!;
const queries = JSON.parse(fs.readFileSync(path.join(dir, 'queries.json'), 'utf8')) as string[];
const parsed = queries.map((q) => parseQuestion(q, kb.glossary.canonicalise));
const vecs = parsed.map((p) => embeddings.embedQuerySync(p.searchText));
const lex = parsed.map((p, i) => searchCandidates(parts, p, vecs[i]).lexHits);
const graphFile = path.join(dir, `m${m}-efc${efc}.hnsw`);
let other: VectorIndex;
if (fs.existsSync(graphFile)) {
  other = VectorIndex.load(graphFile, parts.vectors.dimension, parts.vectors.labels, parts.vectors.stats);
} else {
  const t = performance.now();
  other = VectorIndex.build(raw, parts.vectors.dimension, { m, efConstruction: efc, onProgress: (d) => process.stderr.write(`  ${d}\r`) });
  console.log(`built M ${m} efC ${efc} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  other.save(graphFile);
}
const exact = vecs.map((v) => new Set(exactSearch(raw, v, 10).map((h) => h.index)));
const configs = [
  { name: `M ${HNSW_PARAMS.m} efC ${HNSW_PARAMS.efConstruction} ef ${HNSW_PARAMS.ef} (index)`, index: parts.vectors, ef: HNSW_PARAMS.ef },
  ...efs.map((ef) => ({ name: `M ${m} efC ${efc} ef ${ef}`, index: other, ef })),
];
const lat = configs.map(() => [] as number[]);
const rec = configs.map(() => ({ union: 0, hnsw: 0 }));
for (let r = 0; r < rounds; r++) {
  vecs.forEach((v, qi) => {
    configs.forEach((c, ci) => {
      c.index.setEf(c.ef);
      const t = performance.now();
      const hits = denseRanking({ vectors: c.index, rawVectors: raw }, v, lex[qi], FUSION.candidates);
      lat[ci].push(performance.now() - t);
      if (r === 0) {
        rec[ci].union += hits.slice(0, 10).filter((h) => exact[qi].has(h.index)).length / 10;
        rec[ci].hnsw += c.index.search(v, 10).filter((h) => exact[qi].has(h.index)).length / 10;
      }
    });
  });
}
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
configs.forEach((c, ci) => console.log(`${c.name.padEnd(34)} dense ranking p50 ${p50(lat[ci]).toFixed(3)} ms | recall@10 ranking ${(rec[ci].union / vecs.length).toFixed(4)} HNSW ${(rec[ci].hnsw / vecs.length).toFixed(4)}`));
