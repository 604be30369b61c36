/**
 * Synthetic knowledge-base text for the benchmark and the recall test: deterministic, and
 * shaped like a knowledge base so HNSW recall means something (on random word bags every
 * implementation's recall collapses, because such data has no neighbourhood structure).
 */
import fs from 'node:fs';
import path from 'node:path';
import { rawTokens } from '../src/knowledge/text.js';

/** Deterministic PRNG (mulberry32) so runs are comparable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` section texts grouped in documents of 10 sections; each document has a topic (its own
 * 40-word vocabulary of `vocab` words with suffixes, so topics differ), and 60 % of a
 * section's words come from its topic, 40 % from `vocab` with a Zipf-like distribution.
 * Sections stay under the chunker's maximum (one chunk each).
 */
export function syntheticSections(n: number, vocab: string[], seed: number): string[] {
  const r = rng(seed);
  const general = () => vocab[Math.floor(vocab.length * Math.pow(r(), 2.2))];
  const topics = Math.max(20, Math.floor(n / 100));
  const topicVocab = Array.from({ length: topics }, () => Array.from({ length: 40 }, () => `${vocab[Math.floor(r() * vocab.length)]}${Math.floor(r() * 50)}`));
  const sections: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = topicVocab[Math.floor(i / 10) % topics];
    const words: string[] = [];
    const len = 70 + Math.floor(r() * 60);
    let chars = 0;
    for (let w = 0; w < len && chars < 820; w++) {
      const word = r() < 0.6 ? t[Math.floor(r() * t.length)] : general();
      words.push(word);
      chars += word.length + 1;
    }
    sections.push(`${words.join(' ')}.`);
  }
  return sections;
}

/** Queries of 3–6 consecutive words cut out of random sections. */
export function syntheticQueries(sections: string[], count: number, seed: number): string[] {
  const r = rng(seed);
  const qs: string[] = [];
  for (let i = 0; i < count; i++) {
    const words = sections[Math.floor(r() * sections.length)].replace(/\.$/, '').split(' ');
    const start = Math.floor(r() * Math.max(1, words.length - 6));
    qs.push(words.slice(start, start + 3 + Math.floor(r() * 4)).join(' '));
  }
  return qs;
}

/**
 * The words synthetic sections draw on: the real knowledge base's titles and markdown text
 * (words of three letters or more), so synthetic chunks share the real vocabulary.
 */
export function syntheticVocabulary(titles: string[], knowledgeDir: string): string[] {
  const markdown = fs.readdirSync(knowledgeDir).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(knowledgeDir, f), 'utf8'));
  return [...new Set(rawTokens(`${JSON.stringify(titles)} ${markdown.join(' ')}`))].filter((w) => w.length > 2);
}

/** Synthetic document `doc` as markdown: 10 sections, each one chunk. */
export function documentFile(doc: number, sections: string[]): string {
  return `# Dokumen sintetis ${doc}\n\n${sections.map((t, i) => `## Bagian ${i}\n${t}\n`).join('\n')}`;
}
