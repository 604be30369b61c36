import fs from 'node:fs';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { SourceDocument } from '../loaders.js';
import type { CaptionOverrides } from './upload-checks.js';

/**
 * Metadata a maintainer set in the upload caption, kept next to the document as `<file>.meta.yaml`.
 * The indexer skips `.yaml` files, and the loader applies the sidecar over what it read from the file,
 * so a PDF without a usable title still shows the right one in answers and /dokumen.
 */
export function sidecarPath(absFile: string): string {
  return `${absFile}.meta.yaml`;
}

export function writeSidecar(absFile: string, overrides: CaptionOverrides): void {
  const data: Record<string, string | string[]> = {};
  if (overrides.title) data.title = overrides.title;
  if (overrides.source) data.sources = [overrides.source];
  if (overrides.lastVerified) data.last_verified = overrides.lastVerified;
  if (Object.keys(data).length === 0) return;
  fs.writeFileSync(sidecarPath(absFile), stringifyYaml(data));
}

/** Applies `<file>.meta.yaml` when present; a broken sidecar is ignored (the document itself is still valid). */
export function applySidecar(doc: SourceDocument, absFile: string): SourceDocument {
  let raw: string;
  try {
    raw = fs.readFileSync(sidecarPath(absFile), 'utf8');
  } catch {
    return doc;
  }
  let meta: unknown;
  try {
    meta = parseYaml(raw);
  } catch {
    return doc;
  }
  if (!meta || typeof meta !== 'object') return doc;
  const m = meta as Record<string, unknown>;
  if (typeof m.title === 'string' && m.title.trim()) doc.title = m.title.trim();
  if (Array.isArray(m.sources)) doc.sources = [...m.sources.map(String), ...doc.sources.filter((s) => !(m.sources as unknown[]).includes(s))];
  if (typeof m.last_verified === 'string') doc.lastVerified = m.last_verified;
  return doc;
}
