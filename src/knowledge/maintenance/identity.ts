import type { SourceDocument } from '../loaders.js';
import type { RegulationIdentity as ParsedRegulationIdentity } from '../regulation/identity.js';

/**
 * The identity of a document as the upload report shows it and as re-uploads are recognised by.
 *
 * A regulation's identity is what the regulation parser read from its text (`doc.regulation`: jenis, nomor,
 * tahun, tentang); for every other document the title is the identity.
 */
/** What the upload report shows of a regulation. */
export type RegulationIdentity = Pick<ParsedRegulationIdentity, 'jenis' | 'nomor' | 'tahun' | 'tentang'>;

export interface DocumentIdentity {
  title: string;
  regulation?: RegulationIdentity;
  /** Normalised key: two uploads with the same key are the same document. */
  key: string;
}

export function documentIdentity(doc: SourceDocument): DocumentIdentity {
  const regulation = doc.regulation;
  if (regulation && regulation.jenis && regulation.nomor && regulation.tahun) {
    const { jenis, nomor, tahun, tentang } = regulation;
    return { title: doc.title, regulation: { jenis, nomor, tahun, tentang }, key: identityKey(`${regulation.jenis} ${regulation.nomor} ${regulation.tahun}`) };
  }
  return { title: doc.title, key: identityKey(doc.title) };
}

/** Lower-case letters and digits only, single spaces: "Perpres No. 95/2018" ≡ "perpres no 95 2018". */
export function identityKey(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Sections (by heading) and articles ("Pasal N") of a loaded document, for the upload report. */
export function documentShape(doc: SourceDocument): { sections: number; articles: number; pages: number; emptyPages: number } {
  const headings = new Set(doc.sections.map((s) => s.headingPath.join(' › ')));
  const articles = new Set<string>();
  for (const s of doc.sections) {
    for (const m of s.text.matchAll(/(?:^|\n)\s*Pasal\s+(\d+[A-Z]?)\b/g)) articles.add(m[1]);
    for (const h of s.headingPath) {
      const m = /^Pasal\s+(\d+[A-Z]?)\b/.exec(h);
      if (m) articles.add(m[1]);
    }
  }
  const pages = doc.sections.filter((s) => s.page !== undefined);
  const emptyPages = pages.filter((s) => s.text.trim().length < 40).length;
  return { sections: headings.size, articles: articles.size, pages: pages.length, emptyPages };
}
