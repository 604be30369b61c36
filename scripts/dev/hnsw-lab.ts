/**
 * HNSW calibration on the bench's synthetic corpus without rebuilding the whole knowledge base
 * each try. The corpus (same text, seeds and embedding text as `npm run bench -- --sizes N`) is
 * embedded once into a cache directory; graphs are built once per setting and kept there.
 *
 *   npx tsx scripts/dev/hnsw-lab.ts prepare [--n 100000] [--dim 512]
 *   npx tsx scripts/dev/hnsw-lab.ts build   [--n 100000] [--dim 512] [--fold 256] --m 24 --efc 120
 *   npx tsx scripts/dev/hnsw-lab.ts search  [--n 100000] [--dim 512] [--fold 256] --m 24 --efc 120 --ef 60,120,360 [--k 40]
 *
 * `--fold D` builds/searches the graph over the vectors folded to D dimensions (see
 * `foldVector`) and re-ranks the candidates exactly in the full space; recall@10 is always
 * against exact search in the full space. Cache: `$LAB_DIR` (default /tmp/hnsw-lab).
 */
import fs from 'node:fs';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { chunkDocument, embeddingText } from '../../src/knowledge/chunker.js';
import { LocalHashEmbeddings, normalise } from '../../src/knowledge/embeddings.js';
import { percentile } from '../../src/knowledge/eval-metrics.js';
import { buildIndex } from '../../src/knowledge/indexer.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { parseQuestion } from '../../src/knowledge/question.js';
import { searchCandidates } from '../../src/knowledge/retriever.js';
import { parseMarkdownDocument } from '../../src/knowledge/loaders.js';
import { exactSearch, readVectors, VectorIndex, writeVectors } from '../../src/knowledge/vector-index.js';
import { documentFile, syntheticQueries, syntheticSections, syntheticVocabulary } from '../synthetic-corpus.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const n = Number(opt('n', '100000'));
const dim = Number(opt('dim', '512'));
const fold = Number(opt('fold', String(dim)));
const dir = process.env.LAB_DIR ?? '/tmp/hnsw-lab';
const base = path.join(dir, `n${n}-d${dim}`);
fs.mkdirSync(base, { recursive: true });
const knowledgeDir = path.resolve(process.env.KNOWLEDGE_DIR ?? 'knowledge');

function corpusSections(): { sections: string[]; queries: string[] } {
  const titles = fs.readdirSync(knowledgeDir).filter((f) => f.endsWith('.md')).map((f) => parseMarkdownDocument(fs.readFileSync(path.join(knowledgeDir, f), 'utf8'), f).title);
  const vocab = syntheticVocabulary(titles, knowledgeDir);
  const sections = syntheticSections(n, vocab, n);
  return { sections, queries: syntheticQueries(sections, 300, n + 1) };
}

function prepare(): void {
  const { sections, queries } = corpusSections();
  const emb = new LocalHashEmbeddings({ dimension: dim });
  const texts: string[] = [];
  for (let s = 0, doc = 0; s < sections.length; s += 10, doc++) {
    const file = `syn-${String(doc).padStart(6, '0')}.md`;
    for (const c of chunkDocument(parseMarkdownDocument(documentFile(doc, sections.slice(s, s + 10)), file))) texts.push(embeddingText(c));
  }
  const t0 = performance.now();
  const vecs = texts.map((t) => emb.embedQuerySync(t));
  console.log(`embedded ${vecs.length} chunks in ${Math.round(performance.now() - t0)} ms`);
  writeVectors(path.join(base, 'vectors.f32'), vecs, dim);
  fs.writeFileSync(path.join(base, 'queries.json'), JSON.stringify(queries));
  const t1 = performance.now();
  const truth = queries.map((q) => exactSearch(vecs, emb.embedQuerySync(q), 10).map((h) => h.index));
  console.log(`exact top-10 for ${queries.length} queries in ${Math.round(performance.now() - t1)} ms`);
  fs.writeFileSync(path.join(base, 'truth.json'), JSON.stringify(truth));
}

const graphFile = (m: number, efc: number) => path.join(base, `hnsw-f${fold}-m${m}-efc${efc}.bin`);

function loadSpace(): Float32Array[] {
  const full = readVectors(path.join(base, 'vectors.f32'), dim);
  return fold === dim ? full : full.map((v) => foldVector(v, fold));
}

function build(): void {
  const m = Number(opt('m', '24'));
  const efc = Number(opt('efc', '120'));
  const space = loadSpace();
  const t0 = performance.now();
  const idx = VectorIndex.build(space, fold, { m, efConstruction: efc, onProgress: (d) => console.log(`  ${d} (${Math.round((performance.now() - t0) / 1000)} s)`) });
  console.log(`build fold ${fold} M ${m} efC ${efc}: ${Math.round(performance.now() - t0)} ms`);
  idx.save(graphFile(m, efc));
}

function search(): void {
  const m = Number(opt('m', '24'));
  const efc = Number(opt('efc', '120'));
  const k = Number(opt('k', '10'));
  const full = readVectors(path.join(base, 'vectors.f32'), dim);
  const queries = JSON.parse(fs.readFileSync(path.join(base, 'queries.json'), 'utf8')) as string[];
  const truth = (JSON.parse(fs.readFileSync(path.join(base, 'truth.json'), 'utf8')) as number[][]).map((t) => new Set(t));
  const emb = new LocalHashEmbeddings({ dimension: dim });
  const hnsw = new hnswlib.HierarchicalNSW('cosine', fold);
  hnsw.readIndexSync(graphFile(m, efc));
  const qv = queries.map((q) => emb.embedQuerySync(q));
  for (const ef of opt('ef', '60,120,240,360').split(',').map(Number)) {
    hnsw.setEf(Math.max(ef, k));
    const lat: number[] = [];
    let hits = 0;
    for (let rep = 0; rep < 2; rep++) {
      qv.forEach((q, i) => {
        const t = performance.now();
        const res = hnsw.searchKnn(Array.from(fold === dim ? q : foldVector(q, fold)), k);
        // Exact re-ranking in the full space.
        const top = res.neighbors
          .map((index) => ({ index, s: dot(full[index], q) }))
          .sort((a, b) => b.s - a.s)
          .slice(0, 10);
        lat.push(performance.now() - t);
        if (rep === 1) hits += top.filter((h) => truth[i].has(h.index)).length / 10;
      });
    }
    const l = lat.slice(qv.length);
    console.log(`fold ${fold} M ${m} efC ${efc} k ${k} ef ${ef}: recall@10 ${(hits / qv.length).toFixed(4)}  p50 ${percentile(l, 50).toFixed(3)} ms  p99 ${percentile(l, 99).toFixed(3)} ms`);
  }
}

/**
 * The vector folded to `dimension` components (`out[i mod dimension] += v[i]`), normalised. For
 * hashed features (`index = hash mod D`) folding to a divisor of D is the same as hashing into
 * that many buckets: a coarser view of the same features.
 */
function foldVector(v: Float32Array, dimension: number): Float32Array {
  const out = new Float32Array(dimension);
  for (let i = 0; i < v.length; i++) out[i % dimension] += v[i];
  return normalise(out);
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** The corpus as the bench writes it (markdown files), built once with the real `buildIndex` into `<base>/kb`. */
async function corpus(): Promise<void> {
  const { sections } = corpusSections();
  const dirK = path.join(base, 'kb', 'knowledge');
  fs.mkdirSync(dirK, { recursive: true });
  for (let s = 0, doc = 0; s < sections.length; s += 10, doc++) fs.writeFileSync(path.join(dirK, `syn-${String(doc).padStart(6, '0')}.md`), documentFile(doc, sections.slice(s, s + 10)));
  const report = await buildIndex({ knowledgeDir: dirK, dataDir: path.join(base, 'kb', 'data'), embeddings: new LocalHashEmbeddings({ dimension: dim }), onProgress: (m) => console.log(m) });
  console.log(JSON.stringify(report.stepsMs));
}

/** The real build of `corpus`, the bench's queries parsed and embedded as the retriever does, and their exact top 10. */
async function openCorpusKb() {
  const kb = await KnowledgeBase.open({ knowledgeDir: path.join(base, 'kb', 'knowledge'), dataDir: path.join(base, 'kb', 'data'), embeddings: new LocalHashEmbeddings({ dimension: dim }) });
  const parts = kb.retrieverParts();
  const queries = JSON.parse(fs.readFileSync(path.join(base, 'queries.json'), 'utf8')) as string[];
  const parsed = queries.map((q) => parseQuestion(q, parts.glossary.canonicalise));
  const emb = new LocalHashEmbeddings({ dimension: dim });
  const qv = parsed.map((p) => emb.embedQuerySync(p.searchText));
  const truth = qv.map((q) => new Set(exactSearch(parts.rawVectors!, q, 10).map((h) => h.index)));
  return { kb, parts, queries, parsed, qv, truth };
}

/**
 * On the real 100k build (`corpus`): the retriever's dense ranking (HNSW at each `ef` ∪ BM25
 * candidates, exact similarity) against exact search, and the time of each query step.
 */
async function union(): Promise<void> {
  const { kb, parts, queries, parsed, qv, truth } = await openCorpusKb();
  const k = Number(opt('k', '40'));
  const pool = Number(opt('pool', '40'));
  for (const ef of opt('ef', '40,80,120,360').split(',').map(Number)) {
    parts.vectors.setEf(ef);
    let hnswHits = 0;
    let unionHits = 0;
    const tDense: number[] = [];
    const tAll: number[] = [];
    for (let rep = 0; rep < 2; rep++) {
      parsed.forEach((p, i) => {
        const t0 = performance.now();
        const c = searchCandidates(parts, p, qv[i], pool);
        const t1 = performance.now();
        const h = parts.vectors.search(qv[i], k);
        const t2 = performance.now();
        if (rep === 0) return;
        tAll.push(t1 - t0);
        tDense.push(t2 - t1);
        unionHits += c.denseHits.slice(0, 10).filter((x) => truth[i].has(x.index)).length / 10;
        hnswHits += h.slice(0, 10).filter((x) => truth[i].has(x.index)).length / 10;
      });
    }
    const p = (xs: number[], q: number) => percentile(xs, q).toFixed(3);
    console.log(`ef ${ef} k ${k} pool ${pool}: recall@10 HNSW ${(hnswHits / qv.length).toFixed(4)}, HNSW ∪ BM25 ${(unionHits / qv.length).toFixed(4)} | candidates p50 ${p(tAll, 50)} ms p99 ${p(tAll, 99)} | HNSW alone p50 ${p(tDense, 50)} ms`);
  }
  const tRetrieve: number[] = [];
  parts.vectors.setEf(Number(opt('ef', '40').split(',')[0]));
  for (let rep = 0; rep < 2; rep++)
    for (const q of queries) {
      const t0 = performance.now();
      await kb.retrieve(q, 5);
      if (rep === 1) tRetrieve.push(performance.now() - t0);
    }
  console.log(`kb.retrieve at the first ef: p50 ${percentile(tRetrieve, 50).toFixed(3)} ms p99 ${percentile(tRetrieve, 99).toFixed(3)} ms`);
}

/**
 * Adaptive breadth on the real 100k build: HNSW at a small ef first; when BM25's candidates,
 * scored exactly, change nothing in the top 10 (and at least `--agree` of HNSW's top 10 are BM25
 * candidates), that answer stands; otherwise HNSW runs again at the wide ef.
 */
async function adaptive(): Promise<void> {
  const { parts, parsed, qv, truth } = await openCorpusKb();
  const pool = Number(opt('pool', '40'));
  const lexPool = parsed.map((p, i) => searchCandidates(parts, p, qv[i], pool));
  const wide = Number(opt('wide', '360'));
  for (const ef of opt('ef', '40,80').split(',').map(Number)) {
    for (const agreeMin of opt('agree', '0').split(',').map(Number)) {
      let hits = 0;
      let escalated = 0;
      const lat: number[] = [];
      for (let rep = 0; rep < 2; rep++) {
        qv.forEach((q, i) => {
          const t0 = performance.now();
          parts.vectors.setEf(ef);
          const first = parts.vectors.search(q, 40);
          const raw = parts.rawVectors!;
          const top = new Set(first.slice(0, 10).map((h) => h.index));
          const lexSet = new Set(lexPool[i].lexHits.map((h) => h.index));
          const floor = first[Math.min(9, first.length - 1)]?.similarity ?? -1;
          let beaten = false;
          for (const h of lexPool[i].lexHits) if (!top.has(h.index) && dot(raw[h.index], q) > floor) beaten = true;
          let agree = 0;
          for (const x of top) if (lexSet.has(x)) agree++;
          let result = first;
          if (beaten || agree < agreeMin) {
            if (rep === 1) escalated++;
            parts.vectors.setEf(wide);
            result = parts.vectors.search(q, 40);
          }
          lat.push(performance.now() - t0);
          if (rep === 1) hits += result.slice(0, 10).filter((x) => truth[i].has(x.index)).length / 10;
        });
      }
      const l = lat.slice(qv.length);
      console.log(`ef ${ef}→${wide} agree≥${agreeMin} pool ${pool}: recall@10 ${(hits / qv.length).toFixed(4)} escalated ${escalated}/${qv.length} p50 ${percentile(l, 50).toFixed(3)} ms p99 ${percentile(l, 99).toFixed(3)}`);
    }
  }
}

const mode = args[0];
if (mode === 'prepare') prepare();
else if (mode === 'build') build();
else if (mode === 'search') search();
else if (mode === 'corpus') await corpus();
else if (mode === 'union') await union();
else if (mode === 'adaptive') await adaptive();
else console.error('mode: prepare | build | search');
