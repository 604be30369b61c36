/**
 * Question language: Indonesian (default) or English, by counting function words.
 * Acronyms and programme names are shared by both languages and do not count.
 */
import type { Locale } from '../locale.js';

const EN = new Set(
  'what who whom whose when where which why how is are was were do does did the a an of in on for to and or can could would should will my your their there this that these those with from about please tell me i you it its be been has have had much many any apply join register after before between cost free'.split(' '),
);
const ID = new Set(
  'apa siapa kapan dimana di mana mengapa kenapa bagaimana gimana berapa yang dan atau untuk dengan dari pada dalam ini itu adalah ada bisa apakah saya kami kita tidak bukan sudah belum akan juga tentang cara syarat daftar mendaftar ikut nya kah dong ya sih gak nggak tolong mohon jelaskan berapakah siapakah tahun pelatihan bagi oleh pasal ayat huruf isi bunyi bunyinya nomor peraturan thn'.split(' '),
);

export function detectLanguage(text: string, fallback: Locale = 'id'): Locale {
  // Letters glued to digits ("5A", "3a") are article numbers, not the English article "a".
  const words = text.toLowerCase().replace(/[a-z]*\d[a-z0-9]*/g, ' ').match(/[a-z]+/g) ?? [];
  let en = 0;
  let id = 0;
  for (const w of words) {
    if (EN.has(w)) en++;
    if (ID.has(w)) id++;
  }
  if (en === 0 && id === 0) return fallback;
  if (en > id) return 'en';
  if (id > en) return 'id';
  return fallback;
}
