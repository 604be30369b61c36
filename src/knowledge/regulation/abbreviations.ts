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

/** A well-formed Roman numeral ("IV", "XII"): a chapter or item number, not an abbreviation. */
const ROMAN = /^(?=[IVXLC])(C[D]|C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;

/** Upper-case letters the abbreviation must have: "KPU", "ID-SIRTII", "TKDN" — not "Menteri", "(A)" or "(IV)". */
const looksLikeAcronym = (s: string) => (s.match(/[A-Z]/g) ?? []).length >= 2 && !ROMAN.test(s);

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

/**
 * Abbreviations people form from a regulation's subject: the initials of the last three or
 * more capitalised words of a run — "… Program Jaminan Kesehatan Nasional" → JKN, "Tingkat
 * Komponen Dalam Negeri pada …" → TKDN. Only the subject proper (after an amendment's last
 * "tentang") and only runs' endings: initials of the middle of a name ("Tata Cara Penilaian"
 * → TCP) or of two words ("PP") would name other things.
 */
export function subjectInitialisms(tentang: string): string[] {
  const out = new Set<string>();
  const subject = tentang.split(/\btentang\b/i).pop() ?? '';
  const words = subject.split(/[\s,;()]+/).filter(Boolean);
  let run: string[] = [];
  const flush = () => {
    for (let i = 0; i + 3 <= run.length; i++) if (run.length - i <= 6) out.add(run.slice(i).map((w) => w[0].toUpperCase()).join(''));
    run = [];
  };
  for (const w of words) {
    if (/^\p{Lu}\p{Ll}+$/u.test(w)) run.push(w);
    else flush();
  }
  flush();
  return [...out];
}
