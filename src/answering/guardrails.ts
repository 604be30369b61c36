/**
 * Checks that run before retrieval. They decide what the question may do, never what
 * it may override: a prompt-injection attempt gets a fixed reply and never reaches the
 * model, personal data is cut out of the question before anything else sees it, and
 * greetings or thanks are answered without a search.
 */
import { detectPii, redactPii, type PiiKind } from '../pii.js';
import { stripInvisible } from '../knowledge/text.js';

export const MAX_QUESTION_CHARS = 500;

export type SmallTalkKind = 'greeting' | 'thanks' | 'farewell' | 'identity' | 'ack' | 'help';

export type GuardVerdict =
  | { kind: 'empty' }
  | { kind: 'too_long'; length: number }
  | { kind: 'injection' }
  | { kind: 'smalltalk'; smalltalk: SmallTalkKind }
  | { kind: 'question'; question: string; pii: PiiKind[]; piiOnly: boolean };

const INJECTION_PATTERNS: RegExp[] = [
  /\b(abaikan|lupakan|acuhkan|hiraukan|tinggalkan)\b.{0,40}\b(instruksi|perintah|aturan|arahan|prompt|sebelumnya)\b/i,
  /\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instructions?|rules|prompts?|guidelines|above|previous|prior|system)\b/i,
  /\b(system|sistem)\s*(prompt|message|pesan)\b|\bprompt\s*(sistem|awal|rahasia)\b|\bpesan sistem\b/i,
  /\b(reveal|show|print|repeat|display|leak|tell me)\b.{0,30}\b(prompt|instructions?|rules|configuration|system message)\b/i,
  /\b(tampilkan|tunjukkan|bocorkan|ulangi|sebutkan|cetak|beritahu)\b.{0,30}\b(prompt|instruksi|aturan|konfigurasi|perintah awal)\b/i,
  /\b(you are now|from now on you|act as|pretend (to be|you are)|roleplay|role-play|jailbreak|developer mode|dan mode|do anything now)\b/i,
  /\b(kamu sekarang (adalah|jadi|menjadi)|mulai sekarang kamu|berperan(lah)? sebagai|berpura-pura(lah)?|pura-pura(lah)? (jadi|menjadi)|anggap (dirimu|kamu)|mode pengembang)\b/i,
  /<\/?(system|assistant|instructions?|passages?)>|\[\/?(INST|SYS)\]|###\s*(system|instruction)/i,
];

const SMALLTALK: Array<{ kind: SmallTalkKind; re: RegExp }> = [
  { kind: 'greeting', re: /^(hai+|hi+|halo+|hallo+|hello+|hey+|helo|pagi|siang|sore|malam|selamat (pagi|siang|sore|malam|datang)|good (morning|afternoon|evening)|assalamu'?alaikum( wr\.? ?wb\.?)?|assalamualaikum|salam|permisi|om swastiastu|shalom)( (min|admin|bot|kak|pak|bu|semua|bro|sis))?$/i },
  { kind: 'thanks', re: /^(terima ?kasih|makasih|makasi|trims|tq|thx|thanks|thank you|thank u|tengkyu|matur nuwun|hatur nuhun|terimakasih banyak|terima kasih banyak|thanks a lot|many thanks)( (ya|yah|banyak|min|admin|bot|kak|pak|bu|a lot|so much))*$/i },
  { kind: 'farewell', re: /^(bye|dadah|sampai jumpa|sampai nanti|see you|selamat tinggal|goodbye|good bye|pamit)( (ya|min|bot))?$/i },
  { kind: 'identity', re: /^(siapa (kamu|anda|kau)|kamu siapa|anda siapa|who are you|what are you|kamu (itu )?apa|ini bot apa|bot apa ini|what can you do|apa yang bisa (kamu|anda) lakukan|kamu bisa apa)$/i },
  { kind: 'ack', re: /^(ok|oke|okay|okey|baik|baiklah|sip|siap|mantap|good|great|nice|noted|paham|mengerti|i see|alright|cool|wow|keren|👍|🙏|😊|🙂)$/i },
  { kind: 'help', re: /^(help|tolong|bantu|bantuan|menu|mulai|start)$/i },
];

export function detectSmallTalk(text: string): SmallTalkKind | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[!?.,~]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (t.length === 0 || t.length > 60) return undefined;
  for (const s of SMALLTALK) if (s.re.test(t)) return s.kind;
  return undefined;
}

export function isInjection(text: string): boolean {
  const t = text.replace(/\s+/g, ' ');
  return INJECTION_PATTERNS.some((re) => re.test(t));
}

/** Decide what a raw message is. The returned question is cleaned and free of personal data. */
export function checkQuestion(raw: string): GuardVerdict {
  const cleaned = stripInvisible(raw)
    .replace(/[\u2028\u2029]/g, '\n')
    // Markup pasted into a question is not part of it: <b>apa</b> itu <script>…</script> GTA → apa itu GTA.
    .replace(/<\/?[a-z][a-z0-9-]*(\s[^<>]{0,200})?\/?>/gi, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
  if (cleaned.length === 0) return { kind: 'empty' };
  if (cleaned.length > MAX_QUESTION_CHARS) return { kind: 'too_long', length: cleaned.length };
  if (isInjection(cleaned) || isInjection(stripInvisible(raw))) return { kind: 'injection' };
  const st = detectSmallTalk(cleaned);
  if (st) return { kind: 'smalltalk', smalltalk: st };
  const pii = detectPii(cleaned);
  if (pii.length === 0) return { kind: 'question', question: cleaned, pii, piiOnly: false };
  // Drop the clauses that carried personal data ("NIP saya …, HP …,"), keep the question.
  const redacted = redactPii(cleaned);
  const kept = redacted
    .split(/(?<=[.,;:!?\n])/)
    .filter((seg) => !/\[(NIP|NIK|telepon|email)\]/.test(seg))
    .join('')
    .replace(/^[\s.,;:!?-]+/, '')
    .trim();
  const words = kept.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter((w) => w.length > 2);
  return { kind: 'question', question: words.length >= 2 ? kept : redacted, pii, piiOnly: words.length < 2 };
}
