import fs from 'node:fs';
import path from 'node:path';
import type { Turn } from '../src/answering/follow-up.js';
import {
  firstHitRank,
  hits,
  isDialogueFile,
  parseDialogueFile,
  parseEvalFile,
  summarise,
  summariseDialogues,
  type EvalOutcome,
} from '../src/knowledge/eval-metrics.js';
import { createCoreServices } from '../src/services.js';
import { createKnowledgeOverlay } from '../src/knowledge/knowledge-overlay.js';
import { fail, loadCliConfig, progress } from './cli.js';

/**
 * npm run eval -- [--json] [--verbose] [--with DIR]… [FILE] — retrieval and answer metrics over a
 * JSONL question set, or, for a file of dialogues ({"id","turns":[{"question","expect_any"}…]}), how many
 * follow-ups are right. `--with DIR` (repeatable, or KNOWLEDGE_EXTRA_DIRS=dir1:dir2) indexes extra
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
  const text = fs.readFileSync(file, 'utf8');
  const { answers } = await createCoreServices(config, { progress, warn: progress });
  if (isDialogueFile(text)) {
    const results: boolean[][] = [];
    for (const d of parseDialogueFile(text, file)) {
      const history: Turn[] = [];
      const right: boolean[] = [];
      for (const turn of d.turns) {
        const a = await answers.answer(turn.question, { history });
        // A turn marked unanswerable is right when it is declined (none) or honestly partial.
        const ok = turn.answerable === false ? a.coverage !== 'full' : !a.refused && a.coverage === 'full' && hits(a.text, turn);
        right.push(ok);
        if (verbose) process.stderr.write(`${ok ? 'ok ' : 'BAD'} ${d.id} ${turn.question} → ${a.text.slice(0, 120).replace(/\n/g, ' ')}\n`);
        // The bot keeps answered turns as context, with the standalone query it searched.
        if (a.kind === 'answer') history.push({ role: 'user', text: a.query ?? turn.question }, { role: 'assistant', text: a.text.slice(0, 500) });
      }
      results.push(right);
    }
    const report = summariseDialogues(results);
    if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else
      process.stdout.write(
        `Dialog: ${report.dialogues} (semua giliran benar ${report.all_right})\nPertanyaan lanjutan benar: ${report.follow_ups.right} / ${report.follow_ups.total}; giliran pertama benar: ${report.first_turns.right} / ${report.first_turns.total}\n`,
      );
  } else {
    const questions = parseEvalFile(text, file);
    const outcomes: EvalOutcome[] = [];
    for (const q of questions) {
      const t0 = performance.now();
      const a = await answers.answer(q.question);
      const latencyMs = performance.now() - t0;
      const rank = firstHitRank(a.passages.map((p) => p.text), q);
      const answerHit = q.answerable ? !a.refused && hits(a.text, q) : undefined;
      outcomes.push({ question: q, firstHitRank: rank, refused: a.refused, coverage: a.coverage, answerChars: a.text.length, answerHit, latencyMs });
      if (verbose) {
        const flag = q.answerable ? (rank === 1 ? 'ok ' : rank ? `@${rank} ` : 'MISS') : a.refused ? 'ref' : a.coverage === 'partial' ? 'part' : 'ANSW';
        process.stderr.write(`${flag} ${answerHit === false ? 'A-' : '  '} ${a.coverage.padEnd(7)} ${q.id} rel=${a.passages[0]?.relevance ?? 0} ${q.question}\n`);
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
          `Penolakan: benar ${report.refusal.correct} (termasuk jawaban sebagian yang jujur), terlewat ${report.refusal.missed}, keliru ${report.refusal.false}`,
          `Cakupan: lengkap ${report.coverage.full}, sebagian ${report.coverage.partial} (pada pertanyaan yang dapat dijawab ${report.coverage.partial_answerable}), tidak ditemukan ${report.coverage.none}`,
          `Panjang jawaban (median, sebelum sumber): ${report.answer_chars.median} karakter`,
          `Latensi: p50 ${report.latency_ms.p50.toFixed(1)} ms, p95 ${report.latency_ms.p95.toFixed(1)} ms`,
        ].join('\n') + '\n',
      );
    }
  }
} catch (err) {
  fail(err);
}
