/**
 * Dev: a regulation file's parsed identity, article count and the article numbers missing from 1..max (OCR misses);
 * for an amending regulation, the amended articles whose number is not one its instruction names (an OCR'd "Pasal 5684"
 * under "… yakni Pasal 568A"). `npx tsx scripts/dev/article-gaps.ts FILE…`
 */
import { loadDocument } from '../../src/knowledge/loaders.js';
import { amendmentTargets } from '../../src/knowledge/regulation/structure.js';
for (const f of process.argv.slice(2)) {
const d: any = await loadDocument(f, f.split('/').pop()!);
console.log(f.split('/').pop(), '| count', d.regulation?.articleCount, '|', d.title);
const ps = new Set<number>();
for (const s of d.sections) { const h = [...(s.headingPath ?? []), s.heading ?? ''].join(' › '); const m = /Pasal (\d+)[A-Z]?(?: |$)/.exec(h); if (m && !/Penjelasan/.test(h)) ps.add(parseInt(m[1])); }
const max = Math.max(...ps); const missing = []; for (let i = 1; i <= max; i++) if (!ps.has(i)) missing.push(i);
if (d.regulation?.articleCount) console.log('  max', max, 'missing', missing.slice(0, 40).join(' ') || '-');
for (const s of d.sections) {
  const a = s.regulation?.amendment;
  if (!a || !s.regulation?.pasal) continue;
  const targets = amendmentTargets(a.instruction);
  if (targets.length && !targets.includes(s.regulation.pasal)) console.log(`  amended article read as Pasal ${s.regulation.pasal}, the instruction names ${targets.join(', ')}`);
}
}
