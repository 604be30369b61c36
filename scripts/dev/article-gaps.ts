/** Dev: a regulation file's parsed identity, article count and the article numbers missing from 1..max (OCR misses). `npx tsx scripts/dev/article-gaps.ts FILE…` */
import { loadDocument } from '../../src/knowledge/loaders.js';
for (const f of process.argv.slice(2)) {
const d: any = await loadDocument(f, f.split('/').pop()!);
console.log(f.split('/').pop(), '| count', d.regulation?.articleCount, '|', d.title);
const ps = new Set<number>();
for (const s of d.sections) { const h = [...(s.headingPath ?? []), s.heading ?? ''].join(' › '); const m = /Pasal (\d+)[A-Z]?(?: |$)/.exec(h); if (m && !/Penjelasan/.test(h)) ps.add(parseInt(m[1])); }
const max = Math.max(...ps); const missing = []; for (let i = 1; i <= max; i++) if (!ps.has(i)) missing.push(i);
if (d.regulation?.articleCount) console.log('  max', max, 'missing', missing.slice(0, 40).join(' ') || '-');
}
