import { formatAnswerPlain } from '../src/answering/answer-service.js';
import { createCoreServices } from '../src/services.js';
import { fail, loadCliConfig, progress } from './cli.js';

/** npm run ask -- [--json] "question" — one question through the bot's own pipeline. */
const args = process.argv.slice(2);
const json = args.includes('--json');
const question = args.filter((a) => a !== '--json').join(' ').trim();
if (!question) {
  console.error('Pemakaian: npm run ask -- [--json] "pertanyaan Anda"');
  process.exit(2);
}
try {
  const config = loadCliConfig();
  const { answers } = await createCoreServices(config, { progress, warn: progress });
  const a = await answers.answer(question);
  if (json) {
    const out = {
      answer: a.text,
      refused: a.refused,
      coverage: a.coverage,
      language: a.language,
      mode: a.mode,
      kind: a.kind,
      notes: a.notes,
      citations: a.citations,
      passages: a.passages.map((p) => ({ rank: p.rank, score: p.score, relevance: p.relevance, source: p.source, title: p.title, heading: p.heading, ...(p.citation ? { citation: p.citation } : {}), ...(p.url ? { url: p.url } : {}), text: p.text })),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatAnswerPlain(a)}\n`);
    if (a.passages.length) {
      process.stdout.write(`\n— ${a.language === 'en' ? 'Retrieved passages' : 'Kutipan yang ditemukan'} —\n`);
      for (const p of a.passages) process.stdout.write(`${p.rank}. [${p.relevance.toFixed(2)}] ${p.title} › ${p.heading} (${p.source})\n`);
    }
  }
} catch (err) {
  fail(err);
}
