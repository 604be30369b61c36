/**
 * Abbreviations a regulation defines for itself: "Kewajiban Pelayanan Universal yang
 * selanjutnya disebut KPU", "Radio Elektronika dan Operator Radio (REOR)".
 *
 * People ask with the abbreviation ("lembaga diklat REOR …", "belanja modal penyedia KPU")
 * while most articles spell it out or only imply it (a split ayat, a sanction article), so
 * the abbreviations are keywords of every part of the regulation: a question naming one is
 * not penalised for a "missing" name in the article that answers it.
 */
const DEFINED = /\bselanjutnya\s+(?:disingkat|disebut)(?:\s+dengan)?\s+["“]?([A-Z][A-Za-z0-9-]{1,11})\b/g;
const PARENTHESISED = /\(([A-Z][A-Z0-9-]{1,11})\)/g;

/** Upper-case letters the abbreviation must have: "KPU", "ID-SIRTII", "TKDN" — not "Menteri" or "(A)". */
const looksLikeAcronym = (s: string) => (s.match(/[A-Z]/g) ?? []).length >= 2 && s.replace(/[^A-Za-z]/g, '').length >= 2 && !/^[IVXLC]+$/.test(s);

export function definedAbbreviations(texts: string[], max = 40): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    for (const re of [DEFINED, PARENTHESISED]) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(t)) !== null && out.size < max) {
        const a = m[1].replace(/-+$/, '');
        if (looksLikeAcronym(a)) out.add(a);
      }
    }
  }
  return [...out];
}
