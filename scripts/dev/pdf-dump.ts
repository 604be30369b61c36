/** Dev: the text of a PDF as the loader reads it, page by page. `npx tsx scripts/dev/pdf-dump.ts FILE` */
import fs from 'node:fs';
import { getDocumentProxy } from 'unpdf';
import { pageTextInReadingOrder } from '../../src/knowledge/pdf-text.js';
const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(process.argv[2])), { verbosity: 0 });
for (let n = 1; n <= pdf.numPages; n++) { const p = await pdf.getPage(n); const c = await p.getTextContent(); process.stdout.write(`\n=== page ${n}\n` + pageTextInReadingOrder(c.items as any)); }
