import type { Chunk } from '../chunker.js';
import { analyse, type Canonicaliser } from '../text.js';
import { subjectInitialisms } from './abbreviations.js';
import { leadingNumber } from './identity.js';
import { familyOfShort, kindFamily, parseArticleReference, subjectAfterKind, type ArticleReference } from './references.js';
import type { ChunkRegulation } from './sections.js';

/**
 * The regulations in the index and their articles, built from the chunks once per loaded
 * index. It answers "which chunks are Pasal 26 of UU 27/2022?" for questions that name an
 * article — so those go straight to it instead of relying on word overlap (where "26" would
 * match anything numbered 26) — and links amending regulations to their base.
 */
export interface CatalogEntry {
  key: string;
  shortName: string;
  title: string;
  jenisShort: string;
  family: string;
  nomor: string;
  tahun: string;
  aliases: string[];
  /** Lower-case words of the subject ("pengelolaan", "nama", "domain"); for an amendment, its base's subject. */
  subjectWords: Set<string>;
  range?: [string, string];
  amendsKey?: string;
  /** Pasal → chunk indexes (article text, in order). */
  articles: Map<string, number[]>;
  /** Pasal → chunk indexes of its Penjelasan. */
  explanations: Map<string, number[]>;
  /** Pasal of the base → chunk indexes of the amended text (amending regulations only). */
  amendedArticles: Map<string, number[]>;
  /** First chunk of the opening (name, Menimbang): says what an amending regulation amends. */
  opening?: number;
  /** Chunks that revoke other regulations ("… dicabut dan dinyatakan tidak berlaku"). */
  revoking: number[];
  /** First chunk of each amendment item of an amending regulation ("Pasal I angka 2"), in order. */
  amendmentItems: number[];
}

export interface ArticleLookup {
  reference: ArticleReference;
  regulation: CatalogEntry;
  pasal?: string;
  /** Chunks to put first: the article as amended (newest first), the article itself, its Penjelasan. */
  chunks: number[];
  /** The regulations that changed this article (newest first). */
  amendedBy: CatalogEntry[];
  /** True when the regulation is known but has no such article. */
  missing: boolean;
  /**
   * The regulation itself is not in the index, only amendments of it are, and they did not
   * change this article ("Pasal 3 UU 7/2017" with only Perpu 1/2022 loaded): the articles they
   * did change, in the base's order, so the answer can say what the knowledge base holds.
   */
  notLoaded?: { amendedBy: CatalogEntry[]; changed: string[] };
}

/** A question that names a regulation (with or without an article). */
export interface RegulationMention {
  regulation: CatalogEntry;
  /** The regulation's amendments, newest first. */
  amendedBy: CatalogEntry[];
  /** Chunks that answer what the question asks about the regulation itself (its amendments, what it revokes). */
  chunks: number[];
  /** What the question asks about the regulation, when recognised. */
  intent?: 'amendments' | 'revocation';
}

/** Questions about a regulation's amendments ("diubah berapa kali?", "mengubah PP apa?", "amended by"). */
const AMENDMENT_INTENT = /\b(diubah|mengubah|ngubah|ubah|perubahan|amend\w*|revisi|direvisi)\b/i;
/** Questions about what a regulation revokes ("nyabut permen yang mana?"). */
const REVOCATION_INTENT = /\b(cabut|dicabut|mencabut|nyabut|revoke\w*|repeal\w*|menggantikan|gantikan)\b/i;

const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9/ ]+/g, ' ').replace(/\s+/g, ' ').trim();

export class RegulationCatalog {
  readonly entries = new Map<string, CatalogEntry>();
  private aliasIndex: Array<{ alias: string; key: string }> = [];
  private readonly seenItems = new Set<string>();
  private readonly amendmentCache = new Map<string, CatalogEntry[]>();
  /** Base regulations known only from their amendments ("Perubahan atas UU 7/2017"): key → names. */
  private readonly absentBases = new Map<string, { shortName: string; title: string; entry?: CatalogEntry }>();

  /** The glossary's canonicaliser: subject words are also compared as the index reads them ("personal" → pribadi). */
  private canon?: Canonicaliser;
  private readonly subjectTermCache = new Map<string, Set<string>>();

  static fromChunks(chunks: Chunk[], canon?: Canonicaliser): RegulationCatalog {
    const cat = new RegulationCatalog();
    cat.canon = canon;
    chunks.forEach((c, i) => {
      const r = c.regulation;
      if (r) cat.add(r, i);
    });
    cat.finish();
    return cat;
  }

  get size(): number {
    return this.entries.size;
  }

  private add(r: ChunkRegulation, index: number): void {
    let e = this.entries.get(r.key);
    if (!e) {
      e = {
        key: r.key,
        shortName: r.shortName,
        title: r.title,
        jenisShort: r.jenisShort,
        family: familyOfShort(r.jenisShort),
        nomor: r.nomor,
        tahun: r.tahun,
        aliases: r.aliases,
        subjectWords: subjectWordsOf(r.title, r.aliases),
        range: r.range,
        amendsKey: r.amendsKey,
        articles: new Map(),
        explanations: new Map(),
        amendedArticles: new Map(),
        revoking: [],
        amendmentItems: [],
      };
      this.entries.set(r.key, e);
    }
    if (r.amendsKey && r.amendsName && !this.absentBases.has(r.amendsKey)) {
      const base = /\bperubahan\s+(?:\w+\s+)?atas\s+(.+)$/i.exec(r.title)?.[1];
      this.absentBases.set(r.amendsKey, { shortName: r.amendsName, title: base ?? r.amendsName });
    }
    if (r.kind === 'preamble' && e.opening === undefined) e.opening = index;
    if (r.revokes) e.revoking.push(index);
    if (r.amendment && !this.seenItems.has(`${r.key}#${r.amendment.article}.${r.amendment.item}`)) {
      this.seenItems.add(`${r.key}#${r.amendment.article}.${r.amendment.item}`);
      e.amendmentItems.push(index);
    }
    if (!r.pasal) return;
    const target = r.amendment ? e.amendedArticles : r.kind === 'penjelasan' ? e.explanations : r.kind === 'pasal' || r.kind === 'definisi' || r.kind === 'diktum' ? e.articles : undefined;
    if (!target) return;
    const list = target.get(r.pasal) ?? [];
    list.push(index);
    target.set(r.pasal, list);
  }

  private finish(): void {
    const aliases: Array<{ alias: string; key: string }> = [];
    for (const e of this.entries.values()) for (const a of e.aliases) aliases.push({ alias: normalise(a), key: e.key });
    // Longest first, so "uu ite" does not shadow "uu ite 2016"; a base regulation before its amendments.
    this.aliasIndex = aliases.sort((a, b) => b.alias.length - a.alias.length || Number(!!this.entries.get(a.key)?.amendsKey) - Number(!!this.entries.get(b.key)?.amendsKey));
  }

  /** Regulations amending `key`, newest first. */
  amendmentsOf(key: string): CatalogEntry[] {
    const cached = this.amendmentCache.get(key);
    if (cached) return cached;
    const list = [...this.entries.values()].filter((e) => e.amendsKey === key).sort((a, b) => Number(b.tahun) - Number(a.tahun) || Number(leadingNumber(b.nomor)) - Number(leadingNumber(a.nomor)));
    this.amendmentCache.set(key, list);
    return list;
  }

  /** First chunk of the newest amended text of `pasal` of regulation `key`, if a regulation in the index amended it. */
  latestAmendment(key: string, pasal: string): number | undefined {
    for (const a of this.amendmentsOf(key)) {
      const parts = a.amendedArticles.get(pasal);
      if (parts?.length) return parts[0];
    }
    return undefined;
  }

  /** The regulation a question names, by kind + number + year, number + year, or alias. */
  resolve(ref: ArticleReference): CatalogEntry | undefined {
    if (ref.nomor && ref.tahun) {
      const fam = ref.jenis ? kindFamily(ref.jenis) : undefined;
      const num = leadingNumber(ref.nomor);
      const candidates = [...this.entries.values()].filter((e) => e.tahun === ref.tahun && leadingNumber(e.nomor) === num && (!fam || e.family === fam));
      if (candidates.length === 1) return candidates[0];
      if (candidates.length > 1 && ref.jenis) {
        // "permenkominfo" against Permenkominfo and Permendagri of the same number and year.
        const word = ref.jenis.toLowerCase().replace(/\s+/g, '');
        return candidates.find((c) => word.startsWith(c.jenisShort.toLowerCase().replace(/\s+/g, ''))) ?? candidates[0];
      }
      if (candidates.length > 1) return candidates[0];
    }
    const text = ` ${normalise(ref.rest)} `;
    for (const { alias, key } of this.aliasIndex) if (alias.length >= 4 && text.includes(` ${alias} `)) return this.entries.get(key);
    if (ref.nomor && ref.tahun) return undefined;
    return this.bySubject(ref.rest);
  }

  /**
   * "permen penyiaran berlangganan", "UU telekomunikasi", "pergub SPBE": a kind word and words of
   * a regulation's subject name it when they fit one regulation of that kind better than any other
   * (two words, or the only word of a short subject). A base regulation wins over its amendments.
   */
  bySubject(question: string): CatalogEntry | undefined {
    const named = subjectAfterKind(question);
    if (!named) return undefined;
    const words = named.words.filter((w) => w.length >= 3);
    if (words.length === 0) return undefined;
    const scored: Array<{ e: CatalogEntry; score: number }> = [];
    for (const e of this.entries.values()) {
      if (named.family && e.family !== named.family) continue;
      const score = words.filter((w) => subjectHas(e.subjectWords, w) || this.subjectTermsHave(e, w)).length;
      if (score >= 2 || (score === 1 && (words.length === 1 || e.subjectWords.size <= 2))) scored.push({ e, score });
    }
    const top = Math.max(0, ...scored.map((x) => x.score));
    const best = scored.filter((x) => x.score === top).map((x) => x.e);
    // One regulation, or one regulation with its amendments (all read with the base's subject).
    const roots = new Set(best.map((e) => e.amendsKey ?? e.key));
    if (best.length === 0 || roots.size > 1) return undefined;
    return best.find((e) => !e.amendsKey) ?? this.entries.get([...roots][0]) ?? best[0];
  }

  /**
   * An English or synonymous subject word, read through the glossary: "the Personal Data
   * Protection Law" → pribadi, data, pelindungan, the subject of UU 27/2022.
   */
  private subjectTermsHave(e: CatalogEntry, word: string): boolean {
    if (!this.canon) return false;
    let terms = this.subjectTermCache.get(e.key);
    if (!terms) this.subjectTermCache.set(e.key, (terms = new Set(analyse([...e.subjectWords].join(' '), this.canon))));
    const w = analyse(word, this.canon);
    return w.length === 1 && w[0].length >= 3 && terms.has(w[0]);
  }

  /**
   * The name of a regulation the question asks about that is not in the catalog: "PP 94/2021",
   * "UU ITE", or the subject words given with a kind ("civil servant discipline"). The caller
   * decides, from the passages found, whether the knowledge base still covers it elsewhere.
   */
  unresolved(question: string): { name: string; words: string[]; numbered: boolean; english?: boolean } | undefined {
    const reference = parseArticleReference(question);
    if (reference?.nomor && reference.tahun) {
      // Only with a kind: "juara nomor 1 tahun 2023" names no regulation.
      if (!reference.jenis || this.resolve(reference)) return undefined;
      const kind = reference.jenis ? reference.jenis.replace(/\b\w/g, (c) => c.toUpperCase()) : 'Nomor';
      return { name: `${kind.length <= 4 ? kind.toUpperCase() : kind} ${reference.nomor}/${reference.tahun}`, words: [reference.nomor, reference.tahun], numbered: true };
    }
    if (reference && this.resolve(reference)) return undefined;
    const named = subjectAfterKind(question);
    if (!named) return undefined;
    const english = /^(regulation|law|act|decree|instruction)$/.test(named.kind);
    // A kind and subject words name a regulation for sure only with an article ("UU ITE pasal 27")
    // or as an English name ("the civil-servant discipline regulation"); "perpres tentang SPBE apa
    // saja?" may be answered by ordinary documents, so it is not declined for that alone.
    if (!english && !reference?.pasal) return undefined;
    const kind = named.kind.length <= 4 ? named.kind.toUpperCase() : named.kind;
    // Short words given with a kind are names ("UU ite" → "UU ITE").
    const words = named.words.map((w) => (w.length <= 4 ? w.toUpperCase() : w)).join(' ');
    return { name: english ? `${named.words.join(' ')} ${named.kind}` : `${kind} ${words}`, words: named.words, numbered: false, english };
  }

  /** The known regulation a question names, if any ("PP 4 thn 2022 mengubah PP apa?"). */
  mentioned(question: string): RegulationMention | undefined {
    if (this.entries.size === 0) return undefined;
    const reference = parseArticleReference(question);
    if (!reference) return undefined;
    let regulation = this.resolve(reference);
    if (!regulation) return undefined;
    // "perubahan kedua atas Permenkominfo 26/2007" names the second amendment, not the base.
    const ordinal = /\bperubahan\s+(pertama|kedua|ketiga|keempat|kelima)\b/i.exec(question)?.[1];
    if (ordinal) {
      const nth = this.amendmentsOf(regulation.key).find((a) => new RegExp(`\\bperubahan\\s+${ordinal}\\b`, 'i').test(a.title)) ?? (/pertama/i.test(ordinal) ? this.amendmentsOf(regulation.key).find((a) => /\bperubahan atas\b/i.test(a.title)) : undefined);
      if (nth) regulation = nth;
    }
    const amendedBy = this.amendmentsOf(regulation.key);
    const chunks: number[] = [];
    const asks = ordinal ? question.replace(/\bperubahan\s+\w+\s+atas\b/i, ' ') : question;
    if (!reference.pasal && AMENDMENT_INTENT.test(asks)) {
      // The amendments' openings name them and what they change; the regulation's own opening
      // says what it amends, if it is an amendment itself.
      for (const a of amendedBy) if (a.opening !== undefined) chunks.push(a.opening);
      if (regulation.opening !== undefined) chunks.push(regulation.opening);
      // An amending regulation: what it changes, item by item.
      chunks.push(...regulation.amendmentItems);
    }
    if (!reference.pasal && REVOCATION_INTENT.test(question)) chunks.push(...regulation.revoking);
    const intent = reference.pasal ? undefined : REVOCATION_INTENT.test(question) ? 'revocation' : AMENDMENT_INTENT.test(asks) ? 'amendments' : undefined;
    return { regulation, amendedBy, chunks, ...(intent ? { intent } : {}) };
  }

  /**
   * A base regulation that is not in the index but that an amendment in it names by number and
   * year: an entry without articles of its own, so that an article it amended is still looked up.
   */
  private absentBase(ref: ArticleReference): CatalogEntry | undefined {
    if (!ref.nomor || !ref.tahun) return undefined;
    const fam = ref.jenis ? kindFamily(ref.jenis) : undefined;
    for (const [key, base] of this.absentBases) {
      if (this.entries.has(key)) continue;
      const m = /^(.+)-(\d+)-((?:19|20)\d\d)$/.exec(key);
      if (!m || m[3] !== ref.tahun || m[2] !== leadingNumber(ref.nomor) || (fam && familyOfShort(m[1]) !== fam)) continue;
      base.entry ??= {
        key,
        shortName: base.shortName,
        title: base.title,
        jenisShort: base.shortName.split(' ')[0],
        family: familyOfShort(m[1]),
        nomor: m[2],
        tahun: m[3],
        aliases: [base.shortName],
        subjectWords: subjectWordsOf(base.title, []),
        articles: new Map(),
        explanations: new Map(),
        amendedArticles: new Map(),
        revoking: [],
        amendmentItems: [],
      };
      return base.entry;
    }
    return undefined;
  }

  /** Chunks for a question that names an article of a known regulation, or undefined. */
  lookup(question: string): ArticleLookup | undefined {
    if (this.entries.size === 0) return undefined;
    const reference = parseArticleReference(question);
    if (!reference?.pasal) return undefined;
    // "Pasal 568A UU 7/2017" with only its amendment (Perpu 1/2022) in the index: the article as amended.
    const regulation = this.resolve(reference) ?? this.absentBase(reference);
    if (!regulation) return undefined;
    const pasal = reference.pasal;
    // "Perpu 1/2022 pasal 186": an amending regulation named with the article it amends.
    // A first dictum is written KESATU or PERTAMA.
    const own = regulation.articles.get(pasal) ?? regulation.amendedArticles.get(pasal) ?? (pasal === 'KESATU' ? regulation.articles.get('PERTAMA') : undefined) ?? [];
    const amendedBy: CatalogEntry[] = [];
    const amended: number[] = [];
    for (const a of this.amendmentsOf(regulation.key)) {
      const parts = a.amendedArticles.get(pasal);
      if (parts?.length) {
        amendedBy.push(a);
        // The amendment's own Penjelasan of the article it rewrote comes with it.
        amended.push(...parts, ...(a.explanations.get(pasal) ?? []));
      }
    }
    const chunks = [...amended, ...own, ...(regulation.explanations.get(pasal) ?? [])];
    // Of a base known only from its amendments, only the articles they changed are here; any
    // other article is a question about a regulation the index does not hold.
    if (chunks.length === 0 && !this.entries.has(regulation.key)) {
      const amenders = this.amendmentsOf(regulation.key).filter((a) => a.amendedArticles.size > 0);
      if (amenders.length === 0) return undefined;
      const changed = [...new Set(amenders.flatMap((a) => [...a.amendedArticles.keys()]))].sort(compareArticles);
      return { reference, regulation, pasal, chunks, amendedBy: [], missing: false, notLoaded: { amendedBy: amenders, changed } };
    }
    // "Missing" only when the number lies outside the articles the regulation has: inside its
    // range, an article we did not find is more likely a scan we could not read than absent.
    const last = regulation.range ? parseInt(regulation.range[1], 10) : 0;
    const missing = chunks.length === 0 && last > 0 && parseInt(pasal, 10) > last;
    return { reference, regulation, pasal, chunks, amendedBy, missing };
  }
}

/** Article numbers in the regulation's order: 10 before 10A before 11. */
function compareArticles(a: string, b: string): number {
  const na = parseInt(a, 10), nb = parseInt(b, 10);
  if (Number.isNaN(na) || Number.isNaN(nb)) return a.localeCompare(b);
  return na - nb || a.localeCompare(b);
}

const SUBJECT_STOP = new Set(['dan', 'atau', 'atas', 'di', 'ke', 'dari', 'yang', 'untuk', 'pada', 'dalam', 'tentang', 'serta', 'bagi', 'oleh', 'dengan', 'nomor', 'tahun', 'perubahan', 'kedua', 'ketiga', 'pertama', 'peraturan', 'menteri', 'undang', 'pemerintah', 'presiden']);

/** The subject of a regulation's title ("… tentang Pengelolaan Nama Domain") as lower-case words. */
function subjectWordsOf(title: string, aliases: string[]): Set<string> {
  const subject = title.split(/\btentang\b/i).pop() ?? '';
  const words = subject.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !SUBJECT_STOP.has(w));
  // The subject's initials too ("Jaminan Kesehatan Nasional" → JKN, "Informasi dan Transaksi Elektronik" → ITE).
  const initials = [...subjectInitialisms(subject), ...aliases.map((a) => /^\S+\s+([A-Z]{2,6})$/.exec(a)?.[1]).filter((x): x is string => !!x)];
  return new Set([...words, ...initials.map((i) => i.toLowerCase())]);
}

/** A question word matches a subject word as written or by a shared stem ("penyiaran" ~ "penyiaran", "telekomunikasi" ~ "telekomunikasi"). */
function subjectHas(words: Set<string>, w: string): boolean {
  if (words.has(w)) return true;
  if (w.length < 6) return false;
  for (const s of words) if (s.length >= 6 && (s.startsWith(w) || w.startsWith(s))) return true;
  return false;
}
