/**
 * Answers for questions that name an article ("Apa isi Pasal 26 UU 27/2022?"): the article's
 * own words — each ayat and huruf on its own line — under the regulation's name, saying which
 * regulation changed it when an amendment in the knowledge base did; or, when the regulation
 * has no such article, an honest answer naming the regulation and the articles it has.
 */
import { SANCTION_QUESTION, SANCTION_TEXT, pasalsCitedBy, type ArticleLookupSummary, type Passage } from '../knowledge/retriever.js';
import { toCitation, type Citation } from './extractive.js';
import type { Locale } from '../locale.js';

export const MAX_ARTICLE_CHARS = 1500;

export interface RegulationAnswer {
  text: string;
  citations: Citation[];
}

/** True when the retrieval put a named article first: answer with the article itself. */
export function isArticleAnswer(passages: Passage[], article: ArticleLookupSummary | undefined): boolean {
  return article !== undefined && !article.missing && passages[0]?.pinned === true;
}

type NamedRegulation = { shortName: string; title: string; amendedBy: Array<{ shortName: string; title: string }> };

/** "Catatan: UU 11/2008 telah diubah oleh UU 19/2016 dan UU 1/2024." — for answers about a regulation that was amended. */
export function amendmentNote(regulation: NamedRegulation | undefined, language: Locale): string | undefined {
  if (!regulation || regulation.amendedBy.length === 0) return undefined;
  const by = regulation.amendedBy.map((a) => a.title).join(language === 'en' ? '; and ' : '; dan ');
  return language === 'en' ? `Note: ${regulation.shortName} has been amended by ${by}.` : `Catatan: ${regulation.shortName} telah diubah dengan ${by}.`;
}

export function composeArticleAnswer(passages: Passage[], article: ArticleLookupSummary | undefined, language: Locale, regulation?: NamedRegulation): RegulationAnswer {
  // A Penjelasan that only says "Cukup jelas." adds nothing to the article.
  let pinned = passages.filter((p) => p.pinned && !(p.regulation?.kind === 'penjelasan' && /^cukup jelas\.?$/i.test(p.text.trim())));
  const citations: Citation[] = [];
  const blocks: string[] = [];
  // "pasal 27 ayat 3": the part holding ayat (3) goes first, that ayat at its top.
  const ayat = article?.ayat;
  const holdsAyat = (p: Passage) => p.regulation?.kind !== 'penjelasan' && ayatBlocks(p.text).some((b) => b.startsWith(`(${ayat})`));
  const found = ayat ? pinned.find(holdsAyat) : undefined;
  if (found) pinned = [found, ...pinned.filter((p) => p !== found)];
  else if (ayat && article && pinned.length > 0) {
    blocks.push(language === 'en' ? `Article ${article.pasal} of ${article.shortName} has no paragraph (${ayat}) in the knowledge base; the whole article follows.` : `Pasal ${article.pasal} ${article.shortName} tidak memuat ayat (${ayat}) menurut basis pengetahuan; berikut pasalnya.`);
  }
  let used = 0;
  for (const p of pinned) {
    if (used > MAX_ARTICLE_CHARS) break;
    const n = citations.length + 1;
    const asked = p === found ? `${(p.citation ?? '').replace(/\s+ayat\s+\([^)]*\)(?:–\([^)]*\))?$/, '')} ayat (${ayat})` : undefined;
    citations.push({ ...toCitation(p, n), ...(asked ? { citation: asked } : p.citation ? { citation: p.citation } : {}) });
    const reg = p.regulation;
    const amend = reg?.amendment;
    const label = asked ?? p.citation ?? `${p.title} ${p.heading}`;
    let head: string;
    if (amend && article) {
      head = language === 'en'
        ? `${article.shortName} Article ${article.pasal}, as ${amend.action === 'dihapus' ? 'deleted' : amend.action === 'disisipkan' ? 'inserted' : 'amended'} by ${reg!.title} (${label}):`
        : `Pasal ${article.pasal} ${article.shortName} sebagaimana ${amend.action === 'dihapus' ? 'dihapus' : amend.action === 'disisipkan' ? 'disisipkan' : 'diubah'} oleh ${reg!.title} (${label}):`;
    } else if (reg?.kind === 'penjelasan') {
      head = language === 'en' ? `Elucidation (${label}):` : `Penjelasan (${label}):`;
    } else {
      head = `${label} — ${p.title}:`;
    }
    const room = Math.max(200, MAX_ARTICLE_CHARS - used);
    const text = p === found ? ayatFirst(p.text, ayat!) : ayat && reg?.kind === 'penjelasan' ? explanationAyatFirst(p.text, ayat) : p.text;
    const body = text.length > room ? `${text.slice(0, text.lastIndexOf(' ', room))} …` : text;
    blocks.push(`${head}\n${body} [${n}]`);
    used += body.length;
  }
  if (article && article.amendedBy.length > 0 && !pinned[0]?.regulation?.amendment) {
    blocks.push(language === 'en' ? `Note: this article was amended by ${article.amendedBy.map((a) => a.title).join('; ')}.` : `Catatan: pasal ini telah diubah oleh ${article.amendedBy.map((a) => a.title).join('; ')}.`);
  } else if (article && article.amendedBy.length === 0 && regulation && regulation.amendedBy.length > 0) {
    // Amended elsewhere, not here: say so, so the reader knows the text above is current.
    const by = regulation.amendedBy.map((a) => a.shortName).join(', ');
    blocks.push(language === 'en' ? `Note: ${regulation.shortName} was amended by ${by}; Article ${article.pasal} is not among the amended articles in the knowledge base.` : `Catatan: ${regulation.shortName} telah diubah dengan ${by}; Pasal ${article.pasal} tidak termasuk pasal yang diubah menurut basis pengetahuan.`);
  }
  return { text: blocks.join('\n\n'), citations };
}

/** "Pasal 99 tidak ada dalam UU 27/2022 …, yang memuat Pasal 1 sampai Pasal 76." */
export function missingArticleText(article: ArticleLookupSummary, language: Locale): string {
  const range = article.range;
  if (language === 'en') {
    return `${article.regulationTitle} (${article.shortName}) in the knowledge base has no Article ${article.pasal}${range ? `; its articles run from Article ${range[0]} to Article ${range[1]}` : ''}. Please check the article number.`;
  }
  return `Pasal ${article.pasal} tidak ada dalam ${article.regulationTitle} (${article.shortName}) yang dimuat basis pengetahuan${range ? `; peraturan ini memuat Pasal ${range[0]} sampai dengan Pasal ${range[1]}` : ''}. Mohon periksa kembali nomor pasalnya.`;
}

/**
 * "Teks UU 7/2017 sendiri belum dimuat …": the regulation asked about is known only from
 * amendments that did not change the article asked; says which articles they did change.
 */
export function notLoadedArticleText(article: ArticleLookupSummary, language: Locale): string {
  const nl = article.notLoaded!;
  const shown = nl.changed.length > 8 ? [...nl.changed.slice(0, 6), '…', nl.changed[nl.changed.length - 1]] : nl.changed;
  const list = shown.map((p) => (p === '…' ? p : language === 'en' ? `Article ${p}` : `Pasal ${p}`)).join(', ');
  const by = nl.amendedBy.map((a) => a.title).join('; ');
  const count = nl.changed.length;
  if (language === 'en') {
    return `The text of ${article.regulationTitle} (${article.shortName}) itself is not in the knowledge base, so I cannot quote its Article ${article.pasal}. The knowledge base only holds the ${count} article${count === 1 ? '' : 's'} changed by ${by} (${list}), and Article ${article.pasal} is not among them. A content maintainer can add the official text of ${article.shortName}.`;
  }
  return `Teks ${article.regulationTitle} (${article.shortName}) sendiri belum dimuat dalam basis pengetahuan, jadi saya tidak dapat mengutip Pasal ${article.pasal}-nya. Basis pengetahuan hanya memuat ${count} pasal yang diubah oleh ${by} (${list}), dan Pasal ${article.pasal} tidak termasuk di dalamnya. Pengelola konten dapat menambahkan teks resmi ${article.shortName}.`;
}

/** "PP 94/2021 belum dimuat …": the regulation asked about is not in the knowledge base (no other regulation is quoted instead). */
export function unknownRegulationText(name: string, language: Locale): string {
  if (language === 'en') return `The regulation you asked about (${name}) is not in the knowledge base, so I cannot quote it, and I will not answer from another regulation. A content maintainer can add its official text.`;
  return `Peraturan yang Anda tanyakan (${name}) belum dimuat dalam basis pengetahuan, jadi saya tidak dapat mengutipnya dan tidak menjawab dari peraturan lain. Pengelola konten dapat menambahkan teks resminya.`;
}

/**
 * "UU 11/2008 diubah berapa kali?": the amendments in the knowledge base, oldest first, each
 * cited by its own opening passage. Undefined when the question is not about amendments or the
 * regulation has none in the knowledge base (the ordinary answer then applies).
 */
export function composeAmendmentsAnswer(passages: Passage[], regulation: NamedRegulation & { intent?: string } | undefined, language: Locale): RegulationAnswer | undefined {
  if (!regulation || regulation.intent !== 'amendments' || regulation.amendedBy.length === 0) return undefined;
  const citations: Citation[] = [];
  const oldestFirst = [...regulation.amendedBy].reverse();
  const lines = oldestFirst.map((a, i) => {
    const p = passages.find((x) => x.regulation?.shortName === a.shortName);
    let marker = '';
    if (p) {
      const n = citations.length + 1;
      citations.push(articleCitation(p, n));
      marker = ` [${n}]`;
    }
    const last = i === oldestFirst.length - 1 && oldestFirst.length > 1 ? (language === 'en' ? ' (latest)' : ' (terakhir)') : '';
    return `${i + 1}. ${a.title}${last}${marker}`;
  });
  const n = oldestFirst.length;
  const head = language === 'en'
    ? `According to the knowledge base, ${regulation.shortName} (${regulation.title}) has been amended ${n === 1 ? 'once' : `${n} times`}:`
    : `Menurut basis pengetahuan, ${regulation.shortName} (${regulation.title}) telah diubah ${n} kali:`;
  return { text: [head, ...lines].join('\n'), citations };
}

const ARTICLE_KINDS = new Set(['pasal', 'definisi', 'penjelasan', 'diktum']);
export const MAX_PASSAGE_ANSWER_CHARS = 900;
/** How much of the prohibition a sanction article cites is quoted after the sanction. */
const MAX_CITED_PROHIBITION_CHARS = 400;

/**
 * An ordinary question answered from a regulation's article: the article's own words (each
 * ayat and huruf on its own line, as the official text reads) under its citation, rather than
 * sentences cut out of it. `lead` is the passage the extractive answer chose for its first
 * sentence; undefined when that passage is not a regulation article.
 */
export function composeRegulationPassageAnswer(lead: Passage | undefined, language: Locale, relevance?: (ayat: string) => number): RegulationAnswer | undefined {
  if (!lead?.regulation || !ARTICLE_KINDS.has(lead.regulation.kind)) return undefined;
  const label = lead.citation ?? lead.heading;
  const head = language === 'en' ? `${label} (${lead.title}) reads:` : `${label} (${lead.title}):`;
  return { text: `${head}\n${articleBody(lead, MAX_PASSAGE_ANSWER_CHARS, relevance)} [1]`, citations: [articleCitation(lead, 1)] };
}

/** The citation of a regulation passage, under the article's own citation ("Pasal 40 UU 36/1999") when it has one. */
function articleCitation(p: Passage, n: number): Citation {
  return { ...toCitation(p, n), ...(p.citation ? { citation: p.citation } : {}) };
}

/** An article's words cut to `max` characters, the ayat that match the question first when `relevance` is given. */
function articleBody(p: Passage, max: number, relevance?: (ayat: string) => number): string {
  return cutAtParagraph(relevance ? matchingAyatFirst(p.text, max, relevance) : p.text, max);
}

/**
 * "apa sanksinya kalau …", "What is the penalty for …": answered from the sanction article
 * ("… dipidana dengan pidana penjara paling lama …") when one is among the passages about as
 * relevant as the best, with the prohibition it cites ("sebagaimana dimaksud dalam Pasal 40")
 * after it when that article was found too. Undefined when the question does not ask a penalty
 * or no such article was found (the ordinary answer then applies).
 */
export function composeSanctionAnswer(question: string, passages: Passage[], language: Locale, relevance?: (ayat: string) => number): RegulationAnswer | undefined {
  if (!SANCTION_QUESTION.test(question)) return undefined;
  const top = passages.slice(0, 3);
  const isArticle = (p: Passage) => p.regulation?.kind === 'pasal' && !p.regulation.amendment?.action?.startsWith('dihapus');
  // The first sanction article in the ranking among the first three, unless it is far less relevant than the best passage
  // (ranked first on a weak match: Pasal 53 at 0.20 before the wiretapping sanction at 0.85).
  const best = Math.max(0, ...top.map((p) => p.relevance));
  const sanction = top.find((p) => isArticle(p) && SANCTION_TEXT.test(p.text) && p.relevance >= best * 0.5);
  if (!sanction) return undefined;
  const key = sanction.regulation!.key;
  const cited = new Set(pasalsCitedBy(sanction.text, sanction.regulation!.pasal));
  const prohibition = passages.find((p) => p !== sanction && isArticle(p) && p.regulation!.key === key && cited.has(p.regulation!.pasal ?? '') && !SANCTION_TEXT.test(p.text));
  // The sanction gets the room an article answer has; the prohibition, a short quote after it.
  const label = (p: Passage) => p.citation ?? p.heading;
  const parts = [{ p: sanction, head: language === 'en' ? `The penalty — ${label(sanction)} (${sanction.title}):` : `Sanksinya — ${label(sanction)} (${sanction.title}):`, max: MAX_PASSAGE_ANSWER_CHARS }];
  if (prohibition) parts.push({ p: prohibition, head: language === 'en' ? `The prohibition it refers to — ${label(prohibition)}:` : `Larangan yang dirujuk — ${label(prohibition)}:`, max: MAX_CITED_PROHIBITION_CHARS });
  return {
    text: parts.map(({ p, head, max }, i) => `${head}\n${articleBody(p, max, relevance)} [${i + 1}]`).join('\n\n'),
    citations: parts.map(({ p }, i) => articleCitation(p, i + 1)),
  };
}

function cutAtParagraph(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n', max);
  return `${text.slice(0, cut > max * 0.4 ? cut : text.lastIndexOf(' ', max))} …`;
}

/** The article with ayat (n) first and the others after it, in order. */
function ayatFirst(text: string, ayat: string): string {
  const blocks = ayatBlocks(text);
  const i = blocks.findIndex((b) => b.startsWith(`(${ayat})`));
  return i <= 0 ? text : [blocks[i], ...blocks.filter((_, j) => j !== i)].join('\n');
}

/** A Penjelasan with its "Ayat (n)" part first: the explanation of the ayat asked. */
function explanationAyatFirst(text: string, ayat: string): string {
  const blocks: string[] = [];
  for (const line of text.split('\n')) {
    if (blocks.length === 0 || /^Ayat\s*\(\d+[a-z]?\)\s*$/i.test(line)) blocks.push(line);
    else blocks[blocks.length - 1] += `\n${line}`;
  }
  const i = blocks.findIndex((b) => new RegExp(`^Ayat\\s*\\(${ayat}\\)\\s*(\\n|$)`, 'i').test(b));
  return i <= 0 ? text : [blocks[i], ...blocks.filter((_, j) => j !== i)].join('\n');
}

/** An article's ayat: each block starts at a line "(n) …" and keeps its huruf lines. */
export function ayatBlocks(text: string): string[] {
  const blocks: string[] = [];
  for (const line of text.split('\n')) {
    if (blocks.length === 0 || /^\(\d+[a-z]?\)\s/.test(line)) blocks.push(line);
    else blocks[blocks.length - 1] += `\n${line}`;
  }
  return blocks;
}

/**
 * A long article that will be cut: the ayat that answers the question goes first (the rest
 * follows in order), so the quoted part holds the fact rather than the article's opening.
 * Articles that fit are quoted as they read.
 */
export function matchingAyatFirst(text: string, max: number, relevance: (ayat: string) => number): string {
  if (text.length <= max) return text;
  const blocks = ayatBlocks(text);
  if (blocks.length < 2) return text;
  let best = 0;
  blocks.forEach((b, i) => {
    if (relevance(b) > relevance(blocks[best])) best = i;
  });
  if (best === 0 || text.indexOf(blocks[best]) + blocks[best].length <= max) return text;
  return [blocks[best], ...blocks.filter((_, i) => i !== best)].join('\n');
}
