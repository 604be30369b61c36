import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Document } from '@langchain/core/documents';
import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import type { Update } from 'grammy/types';
import { AnswerService } from '../src/answering/answer-service.js';
import { createBot } from '../src/bot/create-bot.js';
import { createBotDeps } from '../src/bot-deps.js';
import { parseCatalogue } from '../src/enrolment/catalogue.js';
import { LangChainEmbeddingsAdapter, LocalHashEmbeddings } from '../src/knowledge/embeddings.js';
import { parseEvalFile, percentile } from '../src/knowledge/eval-metrics.js';
import { buildsDir, currentBuildId, readLabels, readManifest } from '../src/knowledge/index-store.js';
import { buildIndex } from '../src/knowledge/indexer.js';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { parseQuestion } from '../src/knowledge/question.js';
import { denseRanking, FUSION, searchCandidates } from '../src/knowledge/retriever.js';
import { exactSearch, readVectors, type VectorHit } from '../src/knowledge/vector-index.js';
import { silentLogger } from '../src/logger.js';
import { openStorage } from '../src/storage/open-storage.js';
import { loadCliConfig, progress } from './cli.js';
import { installedSimd } from './native-tune.mjs';
import { documentFile, syntheticQueries, syntheticSections, syntheticVocabulary } from './synthetic-corpus.js';

/**
 * npm run bench [-- --json] [--sizes 1000,20000,100000]
 *
 * Every figure stands beside a baseline measured in the same run on the same machine:
 * - synthetic knowledge bases (markdown files, 10 sections each; default 1k, 20k and the
 *   province-scale 100k chunks, `--sizes 1000,20000` for a quick run) go through the real pipeline:
 *   `buildIndex` from scratch (the baseline), then one document changed and an incremental
 *   re-index; then a separate *serving* process (`--serve`, the way the bot runs) loads the
 *   index, answers 300 other questions of the same kind (warm-up), then the timed ones: hybrid latency p50/p99 (through `KnowledgeBase` and through
 *   its LangChain retriever), HNSW recall@10 against exact search, and its RSS;
 * - beside them LangChain's MemoryVectorStore (exact, brute force) and HNSWLib at its defaults
 *   on the same vectors and queries;
 * - the real knowledge base, and the bot: Q&A updates per second through the real middleware
 *   stack (Bot API answered in-process) beside the bare answering service;
 * - peak RSS of the build and of the whole benchmark.
 */
const args = process.argv.slice(2);
const json = args.includes('--json');
const sizesArg = args[args.indexOf('--sizes') + 1];
const sizes = (args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [1000, 20000, 100000]).filter((n) => n > 0);
const QUERIES = 300;
const RECALL_QUERIES = 200;
/** Distinct questions each serving process answers before the timed ones (steady state, not start-up). */
const WARMUP_QUERIES = 300;

/** The warm-up questions beside a queries file. */
function warmupFileOf(queriesFile: string): string {
  return queriesFile.replace(/\.json$/, '.warmup.json');
}
const log = (m: string) => {
  if (!json) progress(m);
};

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const rssMb = () => round(process.memoryUsage().rss / 2 ** 20, 1);
/** Anonymous memory of this process on transparent huge pages (Linux), or null where unreadable. */
function hugePagesMb(): number | null {
  try {
    const kb = /AnonHugePages:\s+(\d+)/.exec(fs.readFileSync('/proc/self/smaps_rollup', 'utf8'))?.[1];
    return kb === undefined ? null : round(Number(kb) / 1024, 0);
  } catch {
    return null;
  }
}
const maxRssMb = () => round(process.resourceUsage().maxRSS / 1024, 1);

function latencyStats(samples: number[]) {
  return { p50_ms: round(percentile(samples, 50), 4), p99_ms: round(percentile(samples, 99), 4), mean_ms: round(samples.reduce((a, c) => a + c, 0) / samples.length, 4) };
}

async function timeEach<T>(items: T[], fn: (x: T) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (const x of items) {
    const t0 = performance.now();
    await fn(x);
    out.push(performance.now() - t0);
  }
  return out;
}

function writeSyntheticKnowledge(dir: string, sections: string[]): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let s = 0, doc = 0; s < sections.length; s += 10, doc++) {
    const name = `syn-${String(doc).padStart(6, '0')}.md`;
    fs.writeFileSync(path.join(dir, name), documentFile(doc, sections.slice(s, s + 10)));
    files.push(name);
  }
  return files;
}

interface ServeReport {
  load_ms: number;
  /** Memory on transparent huge pages (`GLIBC_TUNABLES=glibc.malloc.hugetlb=1`, set by the npm scripts). */
  huge_pages_mb: number | null;
  rss_after_load_mb: number;
  rss_after_queries_mb: number;
  max_rss_mb: number;
  ef: number;
  hybrid: ReturnType<typeof latencyStats>;
  langchain_retriever: ReturnType<typeof latencyStats>;
  /** HNSW ∪ BM25 candidates with exact similarity: the dense list retrieval fuses. */
  dense_ranking: ReturnType<typeof latencyStats>;
  dense_hnsw_only: ReturnType<typeof latencyStats>;
  exact_search: ReturnType<typeof latencyStats>;
  /** Recall@10 of the dense ranking against exact search. */
  recall_at_10: number;
  /** Recall@10 of HNSW alone at `ef`. */
  recall_at_10_hnsw_only: number;
  /** BM25 alone on the same weighted terms: MaxScore pruning, and scoring every posting (the previous search). */
  bm25: { pruned: ReturnType<typeof latencyStats>; exhaustive: ReturnType<typeof latencyStats> };
}

/**
 * `--serve <dataDir> <knowledgeDir> <queries.json>` (`--serve-quick`: only the hybrid and HNSW latencies): the serving side, in its own process so
 * its memory is what the bot would use. Loads the published index through `KnowledgeBase`,
 * answers the queries and prints a {@link ServeReport} as JSON.
 */
async function serve(dataDir: string, knowledgeDir: string, queriesFile: string, quick = false): Promise<void> {
  const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8')) as string[];
  const embeddings = new LocalHashEmbeddings();
  const t0 = performance.now();
  const kb = await KnowledgeBase.open({ knowledgeDir, dataDir, embeddings });
  const loadMs = performance.now() - t0;
  const rssAfterLoad = rssMb();
  const warmupFile = warmupFileOf(queriesFile);
  const warmup = fs.existsSync(warmupFile) ? (JSON.parse(fs.readFileSync(warmupFile, 'utf8')) as string[]) : queries.slice(0, 20);
  for (const q of warmup) await kb.retrieve(q, 5);
  const hybrid = await timeEach(queries, (q) => kb.retrieve(q, 5));
  const { vectors, rawVectors } = kb.index;
  // The question as retrieval embeds it (fillers removed).
  const parsed = queries.map((q) => parseQuestion(q, kb.glossary.canonicalise));
  const qVecs = parsed.map((p) => embeddings.embedQuerySync(p.searchText));
  if (quick) {
    const report: QuickServeReport = { huge_pages_mb: hugePagesMb(), hybrid: latencyStats(hybrid), dense_hnsw_only: latencyStats(await timeEach(qVecs, (v) => vectors.search(v, 10))) };
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const retriever = kb.asRetriever({ k: 5, onlyRelevant: false });
  const viaLangChain = await timeEach(queries, (q) => retriever.invoke(q));
  // What the bot holds while it serves: measured before the exact-search reference runs.
  const rssAfterQueries = rssMb();
  const maxRssServing = maxRssMb();
  const parts = kb.retrieverParts();
  // Each question's BM25 candidates.
  const found = parsed.map((p, i) => searchCandidates(parts, p, qVecs[i]));
  const lexHits = found.map((c) => c.lexHits);
  const ranking = await timeEach(qVecs.map((_v, i) => i), (i) => denseRanking(parts, qVecs[i], lexHits[i], FUSION.candidates));
  const dense = await timeEach(qVecs, (v) => vectors.search(v, 10));
  const lexical = kb.index.lexical;
  const pruned = await timeEach(found, (c) => lexical.search(c.lexicalQuery, FUSION.candidates));
  const exhaustive = await timeEach(found, (c) => lexical.search(c.lexicalQuery, FUSION.candidates, { exhaustive: true }));
  const exactLat: number[] = [];
  const exact: Array<Set<number>> = [];
  for (const v of qVecs.slice(0, RECALL_QUERIES)) {
    const t = performance.now();
    exact.push(new Set(exactSearch(rawVectors, v, 10).map((h) => h.index)));
    exactLat.push(performance.now() - t);
  }
  const recall = (hitsOf: (i: number) => VectorHit[]) => round(exact.reduce((a, e, i) => a + hitsOf(i).slice(0, 10).filter((h) => e.has(h.index)).length / 10, 0) / exact.length, 4);
  const report: ServeReport = {
    load_ms: round(loadMs, 0),
    huge_pages_mb: hugePagesMb(),
    rss_after_load_mb: rssAfterLoad,
    rss_after_queries_mb: rssAfterQueries,
    max_rss_mb: maxRssServing,
    ef: vectors.ef,
    hybrid: latencyStats(hybrid),
    langchain_retriever: latencyStats(viaLangChain),
    dense_ranking: latencyStats(ranking),
    dense_hnsw_only: latencyStats(dense),
    exact_search: latencyStats(exactLat),
    recall_at_10: recall((i) => denseRanking(parts, qVecs[i], lexHits[i], FUSION.candidates)),
    recall_at_10_hnsw_only: recall((i) => vectors.search(qVecs[i], 10)),
    bm25: { pruned: latencyStats(pruned), exhaustive: latencyStats(exhaustive) },
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** Only the query latencies of {@link serve}, for the baseline run on ordinary (4 KiB) pages. */
interface QuickServeReport {
  huge_pages_mb: number | null;
  hybrid: ReturnType<typeof latencyStats>;
  dense_hnsw_only: ReturnType<typeof latencyStats>;
}

/** The environment without the huge-page tunable the npm scripts set. */
function withoutHugePages(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  const rest = (env.GLIBC_TUNABLES ?? '').split(':').filter((t) => t && !t.startsWith('glibc.malloc.hugetlb='));
  if (rest.length) env.GLIBC_TUNABLES = rest.join(':');
  else delete env.GLIBC_TUNABLES;
  return env;
}

/** Run this script in another mode (`--serve`, `--baselines`) in its own process; its last stdout line is JSON. */
function runChild<T>(mode: string, childArgs: string[], env: NodeJS.ProcessEnv = process.env): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), mode, ...childArgs], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      if (!json) process.stderr.write(d); // the child's progress lines
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`proses ${mode} gagal (kode ${code}): ${err.slice(-2000)}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as T);
    });
  });
}

type BuildRun = Awaited<ReturnType<typeof buildIndex>> & { max_rss_mb: number };

/** `--build <knowledgeDir> <dataDir>`: one `buildIndex` in a fresh process (progress on stderr). */
async function build(knowledgeDir: string, dataDir: string): Promise<void> {
  const report = await buildIndex({ knowledgeDir, dataDir, embeddings: new LocalHashEmbeddings(), onProgress: progress });
  const run: BuildRun = { ...report, max_rss_mb: maxRssMb() };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

interface BaselineReport {
  memory_vector_store: ReturnType<typeof latencyStats>;
  hnswlib_defaults: ReturnType<typeof latencyStats>;
  hnswlib_build_ms: number;
  hnswlib_recall_at_10: number;
  max_rss_mb: number;
}

/**
 * `--baselines <dataDir> <queries.json>`: LangChain's MemoryVectorStore and HNSWLib (defaults)
 * on the build's own vectors and the same queries, in their own process so their memory
 * (number[] vectors, a second graph) does not count against ours.
 */
async function baselines(dataDir: string, queriesFile: string): Promise<void> {
  const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8')) as string[];
  const embeddings = new LocalHashEmbeddings();
  const id = currentBuildId(dataDir)!;
  const manifest = readManifest(dataDir, id)!;
  const dimension = manifest.embeddings.dimension;
  const labels = readLabels(path.join(buildsDir(dataDir), id, 'labels.i32'), manifest.chunkCount);
  const vectors = readVectors(path.join(buildsDir(dataDir), id, 'vectors.f32'), dimension, labels);
  const qArrays = queries.map((q) => Array.from(embeddings.embedQuerySync(q)));
  // The same warm-up as the serving process (fewer for the brute-force store: each of its queries scans every vector).
  const warmupFile = warmupFileOf(queriesFile);
  const warmup = (fs.existsSync(warmupFile) ? (JSON.parse(fs.readFileSync(warmupFile, 'utf8')) as string[]) : []).map((q) => Array.from(embeddings.embedQuerySync(q)));
  const lcEmb = new LangChainEmbeddingsAdapter(embeddings);
  const docs = vectors.map((_v, i) => new Document({ pageContent: '', metadata: { i } }));
  let memory: MemoryVectorStore | undefined = new MemoryVectorStore(lcEmb);
  await memory.addVectors(vectors.map((v) => Array.from(v)), docs);
  for (const v of warmup.slice(0, 10)) await memory.similaritySearchVectorWithScore(v, 10);
  const memLat = await timeEach(qArrays.slice(0, vectors.length > 5000 ? 60 : 200), (v) => memory!.similaritySearchVectorWithScore(v, 10));
  memory = undefined;
  const tH0 = performance.now();
  const lcHnsw = new HNSWLib(lcEmb, { space: 'cosine', numDimensions: dimension });
  for (let s = 0; s < vectors.length; s += 5000) {
    const end = Math.min(vectors.length, s + 5000);
    await lcHnsw.addVectors(vectors.slice(s, end).map((v) => Array.from(v)), docs.slice(s, end));
  }
  const buildMs = performance.now() - tH0;
  for (const v of warmup) await lcHnsw.similaritySearchVectorWithScore(v, 10);
  const lcLat = await timeEach(qArrays, (v) => lcHnsw.similaritySearchVectorWithScore(v, 10));
  let hits = 0;
  for (const v of qArrays.slice(0, RECALL_QUERIES)) {
    const exact = new Set(exactSearch(vectors, Float32Array.from(v), 10).map((h) => h.index));
    const res = await lcHnsw.similaritySearchVectorWithScore(v, 10);
    hits += res.filter(([d]) => exact.has(d.metadata.i as number)).length / 10;
  }
  const report: BaselineReport = {
    memory_vector_store: latencyStats(memLat),
    hnswlib_defaults: latencyStats(lcLat),
    hnswlib_build_ms: round(buildMs, 0),
    hnswlib_recall_at_10: round(hits / Math.min(RECALL_QUERIES, qArrays.length), 4),
    max_rss_mb: maxRssMb(),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

async function benchCorpus(n: number, vocab: string[], root: string) {
  const label = `sintetis-${n}`;
  const started = performance.now();
  const knowledgeDir = path.join(root, label, 'knowledge');
  const dataDir = path.join(root, label, 'data');
  const sections = syntheticSections(n, vocab, n);
  const files = writeSyntheticKnowledge(knowledgeDir, sections);
  const queries = syntheticQueries(sections, QUERIES, n + 1);
  const queriesFile = path.join(root, label, 'queries.json');
  fs.writeFileSync(queriesFile, JSON.stringify(queries));
  // Other questions of the same kind, answered before the timed ones: a serving bot has answered
  // many questions before the one that is measured (its code is compiled by then, its memory paged in).
  fs.writeFileSync(warmupFileOf(queriesFile), JSON.stringify(syntheticQueries(sections, WARMUP_QUERIES, n + 2)));

  // Baseline for the re-index: a full build from scratch (what a change cost before: HNSW and BM25 rebuilt).
  // Each build runs in its own process, as `npm run reindex` does.
  log(`[${label}] ${files.length} dokumen: membangun indeks dari awal …`);
  const full = await runChild<BuildRun>('--build', [knowledgeDir, dataDir]);
  // One document changes: a section is rewritten and one is added.
  const changed = path.join(knowledgeDir, files[Math.floor(files.length / 2)]);
  fs.writeFileSync(changed, `${fs.readFileSync(changed, 'utf8').replace('## Bagian 3\n', '## Bagian 3\nDiperbarui: ')}\n## Bagian tambahan\nBagian tambahan tentang kuota pelatihan digital tahun depan.\n`);
  log(`[${label}] satu dokumen berubah: indeks ulang bertahap …`);
  const inc = await runChild<BuildRun>('--build', [knowledgeDir, dataDir]);
  const buildPeak = Math.max(full.max_rss_mb, inc.max_rss_mb);

  log(`[${label}] proses penyaji terpisah memuat indeks dan menjawab ${queries.length} kueri …`);
  const served = await runChild<ServeReport>('--serve', [dataDir, knowledgeDir, queriesFile]);
  log(`[${label}] pembanding: proses penyaji yang sama tanpa halaman besar (GLIBC_TUNABLES tanpa glibc.malloc.hugetlb) …`);
  const plainPages = await runChild<QuickServeReport>('--serve-quick', [dataDir, knowledgeDir, queriesFile], withoutHugePages());

  log(`[${label}] pembanding LangChain (MemoryVectorStore, HNSWLib bawaan) di proses tersendiri …`);
  const base = await runChild<BaselineReport>('--baselines', [dataDir, queriesFile]);
  const memStats = base.memory_vector_store;
  return {
    corpus: label,
    documents: files.length,
    chunks: full.chunks,
    build: {
      full_ms: full.ms,
      chunks_per_s: round(full.chunks / (full.ms / 1000), 0),
      steps_ms: full.stepsMs,
      langchain_hnswlib_build_ms: base.hnswlib_build_ms,
    },
    reindex_one_document: {
      incremental_ms: inc.ms,
      steps_ms: inc.stepsMs,
      vectors_added: inc.vectors.added,
      vectors_deleted: inc.vectors.deleted,
      mode: inc.vectors.mode,
      baseline_full_build_ms: full.ms,
      speedup: round(full.ms / inc.ms, 1),
    },
    query: {
      hybrid: served.hybrid,
      via_langchain_retriever: served.langchain_retriever,
      ef: served.ef,
      dense_ranking: served.dense_ranking,
      dense_hnsw_only: served.dense_hnsw_only,
      huge_pages_mb: served.huge_pages_mb,
      without_huge_pages: plainPages,
      exact_search: served.exact_search,
      bm25: served.bm25,
      langchain_memory_vector_store: memStats,
      langchain_hnswlib_defaults: base.hnswlib_defaults,
      speedup_vs_memory_vector_store_p50: round(memStats.p50_ms / served.hybrid.p50_ms, 1),
    },
    recall_at_10: { ours_dense_ranking: served.recall_at_10, ours_hnsw_only: served.recall_at_10_hnsw_only, langchain_hnswlib_defaults: base.hnswlib_recall_at_10 },
    memory_mb: { serving_rss_after_load: served.rss_after_load_mb, serving_rss_after_queries: served.rss_after_queries_mb, serving_max_rss: served.max_rss_mb, build_process_peak_rss: buildPeak, langchain_baselines_process_peak_rss: base.max_rss_mb },
    elapsed_s: round((performance.now() - started) / 1000, 1),
  };
}

async function benchBot(kb: KnowledgeBase, questions: string[]) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'asisten-bench-'));
  const logger = silentLogger();
  const storage = openStorage(tmp);
  const deps = createBotDeps({
    core: { kb, answers: new AnswerService({ kb, logger }) },
    storage,
    catalogue: () => parseCatalogue('programmes: []\n', 'bench.yaml'),
    logger,
    roles: { adminIds: [1] },
    rateLimit: { limit: 1_000_000, windowMs: 1000, maxBacklog: 1_000_000 },
  });
  const bot = createBot('123456:BENCH_token_answered_in_process_000', deps, {
    botInfo: { id: 42, is_bot: true, first_name: 'Bench', username: 'bench_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false } as never,
  });
  // Bot API answered in-process: every call succeeds at once with a plausible result.
  let mid = 0;
  bot.api.config.use(async (_prev, method, payload) => {
    const p = payload as Record<string, unknown>;
    const result = method === 'sendMessage' || method === 'editMessageText' ? { message_id: ++mid, date: 0, chat: { id: p.chat_id, type: 'private' }, text: p.text } : true;
    return { ok: true, result } as never;
  });
  await bot.init();
  let uid = 0;
  const update = (q: string, user: number): Update => ({
    update_id: ++uid,
    message: { message_id: uid, date: Math.floor(Date.now() / 1000), chat: { id: user, type: 'private', first_name: 'U' }, from: { id: user, is_bot: false, first_name: 'U', language_code: 'id' }, text: q },
  });
  const run = async (concurrency: number, total: number) => {
    const lat: number[] = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async (_x, worker) => {
        while (next < total) {
          const i = next++;
          const t = performance.now();
          await bot.handleUpdate(update(questions[i % questions.length], 10_000 + ((worker * 7919 + i) % 500)));
          lat.push(performance.now() - t);
        }
      }),
    );
    const secs = (performance.now() - t0) / 1000;
    return { concurrency, updates: total, updates_per_s: round(total / secs, 0), ...latencyStats(lat) };
  };
  await run(1, 50); // warm-up
  const c1 = await run(1, 1500);
  const c50 = await run(50, 3000);
  // Baseline: the bare answering service, no Telegram layer.
  const t0 = performance.now();
  const n = 1500;
  for (let i = 0; i < n; i++) await deps.answers.answer(questions[i % questions.length]);
  const bare = round(n / ((performance.now() - t0) / 1000), 0);
  storage.close();
  fs.rmSync(tmp, { recursive: true, force: true });
  return { mode: 'extractive', concurrency_1: c1, concurrency_50: c50, baseline_answer_service_only_per_s: bare };
}

async function main() {
  if (args[0] === '--serve') return serve(args[1], args[2], args[3]);
  if (args[0] === '--serve-quick') return serve(args[1], args[2], args[3], true);
  if (args[0] === '--baselines') return baselines(args[1], args[2]);
  if (args[0] === '--build') return build(args[1], args[2]);
  const config = loadCliConfig();
  const started = performance.now();
  // Everything lives in one temporary directory, so the bench never touches DATA_DIR.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'asisten-bench-'));
  try {
    log('[knowledge] membangun indeks basis pengetahuan nyata …');
    const t0 = performance.now();
    const kb = await KnowledgeBase.open({ knowledgeDir: config.knowledgeDir, dataDir: path.join(root, 'kb'), embeddings: new LocalHashEmbeddings() });
    const kbBuildMs = performance.now() - t0;
    const evalFile = path.join(config.knowledgeDir, 'eval', 'questions.jsonl');
    const questions = fs.existsSync(evalFile) ? parseEvalFile(fs.readFileSync(evalFile, 'utf8'), evalFile).map((q) => q.question) : ['Apa itu SPBE?'];
    for (const q of questions.slice(0, 10)) await kb.retrieve(q);
    const kbLat = await timeEach(questions, (q) => kb.retrieve(q, 5));
    const retriever = kb.asRetriever({ k: 5 });
    const kbLcLat = await timeEach(questions, (q) => retriever.invoke(q));

    const vocab = syntheticVocabulary(kb.documentTitles(), config.knowledgeDir);
    const corpora = [];
    for (const n of sizes) {
      corpora.push(await benchCorpus(n, vocab, root));
      fs.rmSync(path.join(root, `sintetis-${n}`), { recursive: true, force: true });
    }
    log('[bot] pembaruan Q&A melalui middleware grammY …');
    const bot = await benchBot(kb, questions);
    const report = {
      machine: { cpus: os.cpus().length, node: process.version, hnsw_kernel: hnswKernel() },
      knowledge_base: { chunks: kb.chunkCount, build_ms: round(kbBuildMs, 1), query: latencyStats(kbLat), query_via_langchain_retriever: latencyStats(kbLcLat), questions: questions.length },
      synthetic: corpora,
      bot,
      peak_rss_mb: {
        bench_process: maxRssMb(),
        serving_processes: Math.max(0, ...corpora.map((c) => c.memory_mb.serving_max_rss)),
        langchain_baseline_processes: Math.max(0, ...corpora.map((c) => c.memory_mb.langchain_baselines_process_peak_rss)),
      },
      total_s: round((performance.now() - started) / 1000, 1),
      load_average_1min: round(os.loadavg()[0], 2),
    };
    print(report);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Which distance kernel the installed hnswlib-node was compiled with (see scripts/native-tune.mjs). */
function hnswKernel(): string {
  const dir = path.dirname(createRequire(import.meta.url).resolve('hnswlib-node/package.json'));
  const simd = installedSimd(dir);
  return simd ? `${simd} (dikompilasi untuk CPU ini)` : 'SSE (build registry)';
}

function print(report: {
  machine: { cpus: number; node: string; hnsw_kernel: string };
  knowledge_base: { chunks: number; build_ms: number; query: ReturnType<typeof latencyStats>; query_via_langchain_retriever: ReturnType<typeof latencyStats>; questions: number };
  synthetic: Array<Awaited<ReturnType<typeof benchCorpus>>>;
  bot: Awaited<ReturnType<typeof benchBot>>;
  peak_rss_mb: { bench_process: number; serving_processes: number; langchain_baseline_processes: number };
  total_s: number;
  load_average_1min: number;
}): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const k = report.knowledge_base;
  const lines: string[] = [];
  lines.push(`Mesin: ${report.machine.cpus} core, Node ${report.machine.node}, kernel jarak hnswlib-node ${report.machine.hnsw_kernel}, beban rata-rata 1 menit di akhir ${report.load_average_1min}`);
  lines.push(`Basis pengetahuan nyata: ${k.chunks} potongan, bangun ${k.build_ms} ms, kueri p50 ${k.query.p50_ms} ms / p99 ${k.query.p99_ms} ms (${k.questions} pertanyaan eval); lewat retriever LangChain p50 ${k.query_via_langchain_retriever.p50_ms} ms / p99 ${k.query_via_langchain_retriever.p99_ms} ms`);
  for (const c of report.synthetic) {
    const r = c.reindex_one_document;
    const q = c.query;
    lines.push('');
    lines.push(`Korpus ${c.corpus} (${c.documents} dokumen, ${c.chunks} potongan; diukur dalam ${c.elapsed_s} s)`);
    lines.push(`  bangun dari awal: ${c.build.full_ms} ms (${c.build.chunks_per_s} potongan/s; pindai ${c.build.steps_ms.scan}, embeddings ${c.build.steps_ms.embed}, BM25 ${c.build.steps_ms.lexical}, HNSW ${c.build.steps_ms.hnsw}, tulis ${c.build.steps_ms.publish} ms) | LangChain HNSWLib bawaan (HNSW saja): ${c.build.langchain_hnswlib_build_ms} ms`);
    lines.push(`  indeks ulang setelah 1 dokumen berubah: ${r.incremental_ms} ms (${r.mode}: +${r.vectors_added} −${r.vectors_deleted} vektor; pindai ${r.steps_ms.scan}, BM25 ${r.steps_ms.lexical}, HNSW ${r.steps_ms.hnsw}, tulis ${r.steps_ms.publish} ms) | pembanding bangun penuh: ${r.baseline_full_build_ms} ms → ${r.speedup}× lebih cepat`);
    lines.push(`  kueri hibrida (proses penyaji):  p50 ${q.hybrid.p50_ms} ms  p99 ${q.hybrid.p99_ms} ms | lewat retriever LangChain p50 ${q.via_langchain_retriever.p50_ms} ms  p99 ${q.via_langchain_retriever.p99_ms} ms`);
    lines.push(`  peringkat padat (HNSW ef ${q.ef} ∪ kandidat BM25, skor eksak): p50 ${q.dense_ranking.p50_ms} ms  p99 ${q.dense_ranking.p99_ms} ms | HNSW saja p50 ${q.dense_hnsw_only.p50_ms} ms | pencarian eksak p50 ${q.exact_search.p50_ms} ms`);
    const plain = q.without_huge_pages;
    lines.push(`  halaman besar (THP) ${q.huge_pages_mb === null ? 'tidak terbaca' : `${q.huge_pages_mb} MB`} | pembanding tanpa halaman besar (${plain.huge_pages_mb ?? '–'} MB): hibrida p50 ${plain.hybrid.p50_ms} ms  p99 ${plain.hybrid.p99_ms} ms, HNSW saja p50 ${plain.dense_hnsw_only.p50_ms} ms`);
    lines.push(`  BM25 saja (istilah yang sama): pemangkasan MaxScore p50 ${q.bm25.pruned.p50_ms} ms  p99 ${q.bm25.pruned.p99_ms} ms | pembanding: menilai setiap posting p50 ${q.bm25.exhaustive.p50_ms} ms  p99 ${q.bm25.exhaustive.p99_ms} ms`);
    lines.push(`  LangChain MemoryVectorStore:     p50 ${q.langchain_memory_vector_store.p50_ms} ms  p99 ${q.langchain_memory_vector_store.p99_ms} ms  → kami ${q.speedup_vs_memory_vector_store_p50}× lebih cepat (p50)`);
    lines.push(`  LangChain HNSWLib (bawaan):      p50 ${q.langchain_hnswlib_defaults.p50_ms} ms  p99 ${q.langchain_hnswlib_defaults.p99_ms} ms`);
    lines.push(`  recall@10 vs pencarian eksak:    peringkat padat kami ${c.recall_at_10.ours_dense_ranking} (HNSW saja ${c.recall_at_10.ours_hnsw_only}) | LangChain HNSWLib bawaan ${c.recall_at_10.langchain_hnswlib_defaults}`);
    lines.push(`  memori proses penyaji: RSS ${c.memory_mb.serving_rss_after_queries} MB setelah kueri (puncak ${c.memory_mb.serving_max_rss} MB) | puncak proses pembangun ${c.memory_mb.build_process_peak_rss} MB | puncak proses pembanding LangChain ${c.memory_mb.langchain_baselines_process_peak_rss} MB`);
  }
  lines.push('');
  lines.push(`Bot (mode ekstraktif, Bot API dijawab in-process):`);
  for (const b of [report.bot.concurrency_1, report.bot.concurrency_50]) lines.push(`  konkurensi ${b.concurrency}: ${b.updates_per_s} pembaruan/s, p50 ${b.p50_ms} ms, p99 ${b.p99_ms} ms`);
  lines.push(`  pembanding (layanan jawaban saja, tanpa grammY): ${report.bot.baseline_answer_service_only_per_s} pertanyaan/s`);
  lines.push('');
  lines.push(`RSS puncak: proses bench (termasuk pembangunan indeks) ${report.peak_rss_mb.bench_process} MB, proses penyaji ${report.peak_rss_mb.serving_processes} MB, proses pembanding LangChain ${report.peak_rss_mb.langchain_baseline_processes} MB · total ${report.total_s} s`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  console.error(`Gagal: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
