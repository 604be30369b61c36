import { LocalHashEmbeddings } from '../../src/knowledge/embeddings.js';
import { exactSearch, VectorIndex } from '../../src/knowledge/vector-index.js';
import fs from 'node:fs';
function rng(seed: number) { let a = seed >>> 0; return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
const vocab = [...new Set(fs.readFileSync('/work/main/knowledge/perpres-95-2018-spbe.md','utf8').toLowerCase().match(/[a-z]{3,}/g)!)];
const N = Number(process.argv[2] ?? 20000);
const mode = process.argv[3] ?? 'topic';
const r = rng(7);
const texts: string[] = [];
const topics = 200;
const topicVocab = Array.from({ length: topics }, () => Array.from({ length: 40 }, () => vocab[Math.floor(r() * vocab.length)] + (Math.floor(r()*50))));
for (let i = 0; i < N; i++) {
  const words: string[] = [];
  const t = topicVocab[i % topics];
  for (let w = 0; w < 100; w++) words.push(mode === 'topic' && r() < 0.6 ? t[Math.floor(r() * t.length)] : vocab[Math.floor(vocab.length * Math.pow(r(), 2.2))]);
  texts.push(words.join(' '));
}
const emb = new LocalHashEmbeddings();
const vecs = await emb.embedDocuments(texts);
const qs = Array.from({ length: 200 }, () => { const t = texts[Math.floor(r() * N)].split(' '); const s = Math.floor(r() * 90); return emb.embedQuerySync(t.slice(s, s + 5).join(' ')); });
for (const [m, efc] of [[16, 200], [32, 200]] as const) {
  const t0 = performance.now();
  const idx = VectorIndex.build(vecs, 512, { m, efConstruction: efc });
  const bt = performance.now() - t0;
  const exact = qs.map((q) => new Set(exactSearch(vecs, q, 10).map((h) => h.index)));
  for (const ef of [96, 200, 400, 800]) {
    idx.setEf(ef);
    let hits = 0; const t1 = performance.now();
    qs.forEach((q, i) => { hits += idx.search(q, 10).filter((h) => exact[i].has(h.index)).length / 10; });
    console.log(mode, N, 'M', m, 'build', Math.round(bt), 'ef', ef, 'recall', (hits / qs.length).toFixed(3), 'ms/q', ((performance.now() - t1) / qs.length).toFixed(3));
  }
}
