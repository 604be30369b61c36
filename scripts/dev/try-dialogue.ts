/** Dev tool: npx tsx scripts/dev/try-dialogue.ts "turn 1" ["turn 2" …] — prints each turn's standalone query, coverage and answer. */
import path from 'node:path';
import type { Turn } from '../../src/answering/follow-up.js';
import { createCoreServices } from '../../src/services.js';
import { createKnowledgeOverlay } from '../../src/knowledge/knowledge-overlay.js';
import { loadCliConfig } from '../cli.js';

// KNOWLEDGE_EXTRA_DIRS=dir1:dir2 indexes extra folders in an overlay, as `npm run eval -- --with DIR` does.
const base = loadCliConfig();
const extra = (process.env.KNOWLEDGE_EXTRA_DIRS ?? '').split(path.delimiter).filter(Boolean);
const config = extra.length ? { ...base, ...createKnowledgeOverlay(base.knowledgeDir, extra, base.dataDir) } : base;
const { answers } = await createCoreServices(config, { progress: () => {}, warn: () => {} });
const history: Turn[] = [];
for (const q of process.argv.slice(2)) {
  const a = await answers.answer(q, { history });
  process.stdout.write(`Q: ${q}\n  query: ${a.query}\n  ${a.coverage} ${a.passages.slice(0, 3).map((p) => `${p.heading}(${p.relevance.toFixed(2)})`).join(' | ')}\n  A: ${a.text}\n\n`);
  if (a.kind === 'answer') history.push({ role: 'user', text: a.query ?? q }, { role: 'assistant', text: a.text.slice(0, 500) });
}
