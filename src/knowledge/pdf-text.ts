/**
 * A PDF page's text in reading order. pdf.js returns text items in content-stream order,
 * which for some producers (scans with an OCR layer, Word exports with floating boxes) is
 * not the order on the page: blocks come bottom-up, the "Menimbang"/"Mengingat" labels come
 * before the clauses they label, articles appear as "Pasal 3 … Pasal 2". Sorting the items by
 * their position — top to bottom, then left to right within a line — restores the order a
 * reader sees. Rotated text falls back to stream order.
 */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

export function pageTextInReadingOrder(items: PdfTextItem[]): string {
  const usable = items.filter((i) => typeof i.str === 'string' && i.str.length > 0 && Array.isArray(i.transform));
  if (usable.length === 0) return '';
  const rotated = usable.some((i) => Math.abs(i.transform[1]) > 0.01 || Math.abs(i.transform[2]) > 0.01);
  if (rotated) return items.map((i) => i.str + (i.hasEOL ? '\n' : '')).join('');
  const sized = usable.map((i) => ({ str: i.str, x: i.transform[4], y: i.transform[5], w: i.width, size: Math.abs(i.transform[3]) || i.height || 10 }));
  sized.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; size: number; items: typeof sized }> = [];
  for (const it of sized) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - it.y) <= Math.max(2, Math.min(line.size, it.size) * 0.5)) line.items.push(it);
    else lines.push({ y: it.y, size: it.size, items: [it] });
  }
  return lines
    .map((line) => {
      line.items.sort((a, b) => a.x - b.x);
      let out = '';
      let end = -Infinity;
      for (const it of line.items) {
        const gap = it.x - end;
        if (out && gap > it.size * 0.2 && !out.endsWith(' ') && !it.str.startsWith(' ')) out += ' ';
        out += it.str;
        end = it.x + it.w;
      }
      return out.trim();
    })
    .filter(Boolean)
    .join('\n');
}
