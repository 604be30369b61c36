/**
 * Reading loosely typed metadata (front matter, sidecar YAML): a list of strings from a
 * string, a list, or a list of `{url}` objects.
 */
export function asStringList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) return [];
  return v.map((x) => (typeof x === 'object' && x && 'url' in x ? String((x as { url: unknown }).url) : String(x))).filter(Boolean);
}
