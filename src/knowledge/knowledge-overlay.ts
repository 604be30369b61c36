/**
 * A knowledge directory made of the real one plus extra folders, for measuring the engine on
 * documents that must not be copied into `knowledge/` (e.g. `../shared/regulations`):
 * `npm run eval -- --with ../shared/regulations FILE`.
 *
 * The overlay is a tree of symbolic links under `<dataDir>/overlays/<hash>/knowledge`: the
 * base directory's files at their own paths and each extra folder under `extra/<name>/`. Its
 * index lives in `<dataDir>/overlays/<hash>/data`, so the bot's own index is never touched,
 * and repeated runs reuse it (incremental re-index, embedding cache).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Overlay {
  knowledgeDir: string;
  dataDir: string;
}

function linkTree(src: string, dest: string): void {
  fs.mkdirSync(dest, { recursive: true });
  for (const e of fs.readdirSync(src, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const from = path.join(src, e.name);
    const to = path.join(dest, e.name);
    const isDir = e.isDirectory() || (e.isSymbolicLink() && fs.statSync(from).isDirectory());
    if (isDir) linkTree(from, to);
    else fs.symlinkSync(path.resolve(from), to);
  }
}

export function createKnowledgeOverlay(baseDir: string, extraDirs: string[], dataDir: string): Overlay {
  for (const d of extraDirs) if (!fs.existsSync(d) || !fs.statSync(d).isDirectory()) throw new Error(`folder tambahan ${d} tidak ada (periksa --with)`);
  const id = createHash('sha256').update([path.resolve(baseDir), ...extraDirs.map((d) => path.resolve(d))].join('\n')).digest('hex').slice(0, 12);
  const root = path.join(dataDir, 'overlays', id);
  const knowledgeDir = path.join(root, 'knowledge');
  fs.rmSync(knowledgeDir, { recursive: true, force: true });
  linkTree(baseDir, knowledgeDir);
  const used = new Set<string>();
  for (const d of extraDirs) {
    let name = path.basename(path.resolve(d));
    while (used.has(name)) name = `${name}-2`;
    used.add(name);
    linkTree(d, path.join(knowledgeDir, 'extra', name));
  }
  return { knowledgeDir, dataDir: path.join(root, 'data') };
}
