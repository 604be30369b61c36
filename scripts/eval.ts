import fs from 'node:fs';
import path from 'node:path';
import { hits, firstHitRank, parseEvalFile, summarise, type EvalOutcome } from '../src/knowledge/eval-metrics.js';
import { createCoreServices } from '../src/services.js';
import { createKnowledgeOverlay } from '../src/knowledge/knowledge-overlay.js';
import { fail, loadCliConfig, progress } from './cli.js';

/**
 * npm run eval -- [--json] [--verbose] [--with DIR]… [FILE] — retrieval and answer metrics over a
 * JSONL question set. `--with DIR` (repeatable, or KNOWLEDGE_EXTRA_DIRS=dir1:dir2) indexes extra
 * folders together with KNOWLEDGE_DIR in a separate overlay index (see knowledge-overlay.ts).
 */
const argv = process.argv.slice(2);
const extraDirs: string[] = (process.env.KNOWLEDGE_EXTRA_DIRS ?? '').split(path.delimiter).filter(Boolean);
const args: string[] = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--with') {
    if (!argv[i + 1]) fail(new Error('--with perlu nama folder'));
    extraDirs.push(argv[++i]);
  } else if (argv[i].startsWith('--with=')) extraDirs.push(argv[i].slice(7));
  else args.push(argv[i]);
}
const json = args.includes('--json');
const verbose = args.includes('--verbose');
try {
  const base = loadCliConfig();
  const file = args.find((a) => !a.startsWith('--')) ?? path.join(base.knowledgeDir, 'eval', 'questions.jsonl');
  const config = extraDirs.length ? { ...base, ...createKnowledgeOverlay(base.knowledgeDir, extraDirs, base.dataDir) } : base;
  if (!fs.existsSync(file)) throw new Error(`berkas evaluasi ${file} tidak ada`);
  const questions = parseEvalFile(fs.readFileSync(file, 'utf8'), file);
  const { answers } = await createCoreServices(config, { progress, warn: progress });
  const outcomes: EvalOutcome[] = [];
  for (const q of questions) {
    const t0 = performance.now();
    const a = await answers.answer(q.question);
    const latencyMs = performance.now() - t0;
    const rank = firstHitRank(a.passages.map((p) => p.text), q);
    const answerHit = q.answerable ? !a.refused && hits(a.text, q) : undefined;
    outcomes.push({ question: q, firstHitRank: rank, refused: a.refused, answerHit, latencyMs });
    if (verbose) {
      const flag = q.answerable ? (rank === 1 ? 'ok ' : rank ? `@${rank} ` : 'MISS') : a.refused ? 'ref' : 'ANSW';
      process.stderr.write(`${flag} ${answerHit === false ? 'A-' : '  '} ${q.id} rel=${a.passages[0]?.relevance ?? 0} ${q.question}\n`);
    }
  }
  const report = summarise(outcomes);
  if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    process.stdout.write(
      [
        `Pertanyaan: ${report.n} (dapat dijawab ${report.answerable})`,
        `hit@1 ${pct(report.hit_at_1)}  hit@3 ${pct(report.hit_at_3)}  hit@5 ${pct(report.hit_at_5)}  MRR ${report.mrr.toFixed(3)}`,
        `Jawaban memuat fakta: ${report.answer_hit === null ? '-' : pct(report.answer_hit)}`,
        `Penolakan: benar ${report.refusal.correct}, terlewat ${report.refusal.missed}, keliru ${report.refusal.false}`,
        `Latensi: p50 ${report.latency_ms.p50.toFixed(1)} ms, p95 ${report.latency_ms.p95.toFixed(1)} ms`,
      ].join('\n') + '\n',
    );
  }
} catch (err) {
  fail(err);
}
