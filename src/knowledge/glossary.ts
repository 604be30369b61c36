/**
 * The glossary (`knowledge/glossary.yaml`) drives query expansion:
 * - `acronyms`: SPBE ↔ "Sistem Pemerintahan Berbasis Elektronik" (+ aliases such as "e-government");
 * - `synonyms`: groups of interchangeable words, the first being the canonical Indonesian form
 *   (this is also the bridge from English questions to Indonesian documents: training → pelatihan);
 * - `informal`: chat spellings and common typos → the formal word (thn → tahun).
 *
 * Synonyms and informal forms are applied on both sides (documents and questions), so the
 * lexical index sees one canonical token. Acronym expansion is applied on the question side.
 */
import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { foldText, rawTokens, type Canonicaliser } from './text.js';

/** The shape of `knowledge/glossary.yaml`. */
export interface GlossaryFile {
  acronyms?: Array<{ term: string; expansion: string; aliases?: string[] }>;
  synonyms?: string[][];
  informal?: Record<string, string>;
}

export interface Glossary {
  /** Single-token canonicaliser for the analyser. */
  canonicalise: Canonicaliser;
  /** Extra query text: acronym expansions and the acronyms of spelled-out names found in the question. */
  expandQuery(question: string): string;
  acronyms: Array<{ term: string; expansion: string; aliases: string[] }>;
  /** Known topical words (acronyms), used to suggest close topics. */
  size: number;
}

export class GlossaryError extends Error {
  constructor(file: string, detail: string) {
    super(`Glosarium ${file} tidak valid: ${detail}. Perbaiki berkas YAML tersebut (lihat knowledge/README.md).`);
    this.name = 'GlossaryError';
  }
}

export function loadGlossary(file: string | undefined): Glossary {
  if (!file || !fs.existsSync(file)) return buildGlossary({});
  let data: unknown;
  try {
    data = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new GlossaryError(file, (err as Error).message);
  }
  if (data === null || typeof data !== 'object') throw new GlossaryError(file, 'isi harus berupa objek dengan acronyms/synonyms/informal');
  return buildGlossary(data as GlossaryFile, file);
}

export function buildGlossary(data: GlossaryFile, file = 'glossary'): Glossary {
  const canonical = new Map<string, string>();
  const informal = new Map<string, string>();
  for (const [k, v] of Object.entries(data.informal ?? {})) {
    if (typeof v !== 'string') throw new GlossaryError(file, `informal.${k} harus teks`);
    informal.set(foldText(k).trim(), foldText(v).trim());
  }
  for (const [i, group] of (data.synonyms ?? []).entries()) {
    if (!Array.isArray(group) || group.length < 2) throw new GlossaryError(file, `synonyms[${i}] harus daftar minimal dua kata`);
    const words = group.map((w) => foldText(String(w)).trim()).filter(Boolean);
    const head = words[0];
    for (const w of words.slice(1)) {
      // Only single words are canonicalised token-by-token; the first group that claims a word wins.
      if (!w.includes(' ') && !canonical.has(w) && w !== head) canonical.set(w, head);
    }
  }
  const acronyms = (data.acronyms ?? []).map((a, i) => {
    if (!a || typeof a.term !== 'string' || typeof a.expansion !== 'string') {
      throw new GlossaryError(file, `acronyms[${i}] perlu term dan expansion`);
    }
    return { term: a.term, expansion: a.expansion, aliases: (a.aliases ?? []).map(String) };
  });

  const canonicalise: Canonicaliser = (token) => {
    const inf = informal.get(token);
    const t = inf ?? token;
    const c = canonical.get(t);
    if (c) return [c];
    if (inf) return [inf];
    // Indonesian clitics: kampusnya → kampus, syaratnya → syarat (when the base is known).
    const m = /^(.{3,}?)(nya|lah|kah|pun|ku|mu)$/.exec(token);
    if (m) {
      const base = informal.get(m[1]) ?? m[1];
      const hit = canonical.get(base) ?? (informal.has(m[1]) ? base : undefined);
      if (hit) return [hit];
    }
    // English inflections of a known word: provinces → province → provinsi, monitored → monitor.
    for (const v of englishBaseForms(token)) {
      const hit = canonical.get(v) ?? informal.get(v);
      if (hit) return [hit];
    }
    return [token];
  };
  // Spelled-out names (≥ 2 words) → their acronym token, keyed by first word for speed.
  const namePhrases = new Map<string, Array<{ tokens: string[]; acronym: string[] }>>();
  for (const a of data.acronyms ?? []) {
    const acronym = rawTokens(String(a.term));
    for (const name of [String(a.expansion), ...(a.aliases ?? []).map(String)]) {
      const tokens = rawTokens(name);
      if (tokens.length < 2 || acronym.length === 0) continue;
      const arr = namePhrases.get(tokens[0]) ?? [];
      arr.push({ tokens, acronym });
      namePhrases.set(tokens[0], arr);
    }
  }
  canonicalise.phrases = (raw) => {
    const out: string[] = [];
    for (let i = 0; i < raw.length; i++) {
      const cands = namePhrases.get(raw[i]);
      if (!cands) continue;
      for (const c of cands) {
        let ok = i + c.tokens.length <= raw.length;
        for (let j = 1; ok && j < c.tokens.length; j++) if (raw[i + j] !== c.tokens[j]) ok = false;
        if (ok) out.push(...c.acronym);
      }
    }
    return out;
  };

  // Index for query expansion: token sequences of terms, expansions and aliases → the full entry text.
  const phrases: Array<{ tokens: string[]; add: string }> = [];
  for (const a of acronyms) {
    const add = `${a.term} ${a.expansion}`;
    phrases.push({ tokens: rawTokens(a.term), add });
    phrases.push({ tokens: rawTokens(a.expansion), add: a.term });
    for (const alias of a.aliases) phrases.push({ tokens: rawTokens(alias), add });
  }

  function expandQuery(question: string): string {
    const toks = rawTokens(question).map((t) => informal.get(t) ?? t);
    const extra = new Set<string>();
    for (const p of phrases) {
      if (p.tokens.length === 0) continue;
      for (let i = 0; i + p.tokens.length <= toks.length; i++) {
        let ok = true;
        for (let j = 0; j < p.tokens.length; j++) if (toks[i + j] !== p.tokens[j]) { ok = false; break; }
        if (ok) { extra.add(p.add); break; }
      }
    }
    return [...extra].join(' ');
  }

  return { canonicalise, expandQuery, acronyms, size: acronyms.length };
}

/** Candidate base forms of an English word (plural, past tense, gerund). */
export function englishBaseForms(w: string): string[] {
  const out: string[] = [];
  if (w.length < 4 || !/^[a-z]+$/.test(w)) return out;
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) out.push(w.slice(0, -1));
  if (w.endsWith('ed')) out.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith('ing')) out.push(w.slice(0, -3), `${w.slice(0, -3)}e`);
  if (w.endsWith('ly')) out.push(w.slice(0, -2));
  return out;
}
