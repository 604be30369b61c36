/**
 * Dev: for each question of eval files whose outcome is wrong (answerable but refused or partial,
 * unanswerable but answered in full), print why the coverage rule decided so: the parsed head,
 * role, places, years and the relevance. `DATA_DIR=… npx tsx scripts/dev/why-not.ts FILE…`
 */
import fs from 'node:fs';
import { parseEvalFile } from '../../src/knowledge/eval-metrics.js';
import { createCoreServices } from '../../src/services.js';
import { loadCliConfig } from '../cli.js';
import { parseQuestion } from '../../src/knowledge/question.js';
import { assessCoverage } from '../../src/answering/coverage.js';
import { analyse } from '../../src/knowledge/text.js';
const { answers, kb } = (await createCoreServices(loadCliConfig(), {})) as any;
for (const f of process.argv.slice(2)) {
  for (const q of parseEvalFile(fs.readFileSync(f, 'utf8'), f)) {
    const a = await answers.answer(q.question);
    const bad = q.answerable ? a.refused || a.coverage === 'partial' : a.coverage === 'full';
    if (!bad) continue;
    const p = parseQuestion(q.question, kb.glossary.canonicalise);
    const r = await kb.retrieve(p, 5);
    const d = assessCoverage(p, r, { knows: (w: string) => kb.knows(w), terms: (w: string) => kb.terms(w), passageTerms: (x: any) => new Set(analyse(`${x.heading} ${x.text}`, kb.glossary.canonicalise)) });
    console.log(`${q.answerable ? 'FALSE' : 'MISSED'} ${a.coverage} reason=${d.reason} head=${p.head} role=${p.role} places=${p.places.map((x) => x.id)} years=${p.years} rel=${r.relevance} | ${q.question}`);
  }
}
