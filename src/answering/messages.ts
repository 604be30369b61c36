/**
 * Fixed texts of the answering service, in Indonesian (default) and English. Plain text:
 * the bot escapes and formats them. Kept here (not in the bot's Fluent files) because the
 * CLIs use the same service and must print the same words.
 */
import type { Locale } from '../locale.js';
import type { SmallTalkKind } from './guardrails.js';

export interface AnsweringTexts {
  notFound: string;
  closestTopics: string;
  notFoundPointer: string;
  tooLong: (max: number, length: number) => string;
  empty: string;
  injection: string;
  piiWarning: string;
  piiOnly: string;
  fallbackNote: string;
  englishFraming: string;
  /** Partial answers: what the knowledge base lacks, then the nearest recorded fact, labelled. */
  missing: (subject: string) => string;
  latestRecorded: string;
  nearestRecorded: string;
  smalltalk: Record<SmallTalkKind, string>;
}

export const TEXTS: Record<Locale, AnsweringTexts> = {
  id: {
    notFound: 'Maaf, informasi tersebut belum ada di basis pengetahuan kami, jadi saya tidak ingin menebak.',
    closestTopics: 'Topik terdekat yang tersedia:',
    notFoundPointer: 'Anda dapat bertanya dengan kata lain, melihat program pelatihan dengan /program, atau mengajukan pendaftaran program dengan /daftar — admin program akan menindaklanjutinya.',
    tooLong: (max, length) => `Pertanyaan Anda terlalu panjang (${length} karakter; maksimal ${max}). Mohon ringkas menjadi satu pertanyaan singkat.`,
    empty: 'Silakan tulis pertanyaan Anda tentang SPBE atau pelatihan digital ASN.',
    injection: 'Maaf, saya tidak dapat mengubah aturan kerja saya atau membagikan instruksi internal. Saya hanya menjawab pertanyaan seputar SPBE dan pelatihan digital ASN berdasarkan dokumen resmi.',
    piiWarning: 'Demi keamanan data pribadi Anda, mohon jangan mengirim NIP, NIK, nomor telepon, atau e-mail di sini. Data tersebut tidak saya simpan maupun tampilkan.',
    piiOnly: 'Pesan Anda berisi data pribadi (NIP, NIK, nomor telepon, atau e-mail). Mohon jangan membagikannya di sini; untuk mendaftar program gunakan /daftar.',
    fallbackNote: 'Catatan: layanan AI sedang tidak tersedia, jadi jawaban ini disusun langsung dari kutipan dokumen.',
    englishFraming: '',
    missing: (subject) => `${subject} belum tercatat di basis pengetahuan.`,
    latestRecorded: 'Yang terakhir tercatat:',
    nearestRecorded: 'Yang tercatat terdekat:',
    smalltalk: {
      greeting: 'Halo! Saya Asisten Digital ASN. Silakan tanyakan tentang SPBE atau program pelatihan digital (DTS, GTA, DLA, GCIO), atau ketik /daftar untuk mendaftar program.',
      thanks: 'Sama-sama! Senang bisa membantu. Silakan bertanya lagi kapan saja.',
      farewell: 'Sampai jumpa! Semoga sukses dengan transformasi digitalnya.',
      identity: 'Saya Asisten Digital ASN: saya menjawab pertanyaan tentang SPBE dan pelatihan digital untuk ASN berdasarkan dokumen resmi, lengkap dengan sumbernya, dan membantu pendaftaran program lewat /daftar.',
      ack: 'Baik! Ada lagi yang ingin ditanyakan?',
      help: 'Tulis saja pertanyaan Anda, misalnya "Apa itu SPBE?" atau "Bagaimana cara mendaftar GTA?". Ketik /bantuan untuk daftar perintah.',
    },
  },
  en: {
    notFound: "Sorry, that information is not in our knowledge base, so I won't guess.",
    closestTopics: 'Closest topics available:',
    notFoundPointer: 'You can rephrase the question, see training programmes with /program, or send an enrolment request with /daftar — the programme admins will follow it up.',
    tooLong: (max, length) => `Your question is too long (${length} characters; at most ${max}). Please shorten it to one brief question.`,
    empty: 'Please type your question about SPBE or digital training for civil servants.',
    injection: 'Sorry, I cannot change how I work or share internal instructions. I only answer questions about SPBE and digital training for civil servants, based on official documents.',
    piiWarning: 'To protect your personal data, please do not send your NIP, NIK, phone number or e-mail here. I neither store nor show them.',
    piiOnly: 'Your message contains personal data (NIP, NIK, phone number or e-mail). Please do not share it here; to enrol in a programme use /daftar.',
    fallbackNote: 'Note: the AI service is unavailable right now, so this answer was put together directly from document excerpts.',
    englishFraming: '(Quoted from Indonesian documents.)',
    missing: (subject) => `${subject} is not recorded in the knowledge base.`,
    latestRecorded: 'The latest on record:',
    nearestRecorded: 'The nearest on record:',
    smalltalk: {
      greeting: 'Hello! I am Asisten Digital ASN. Ask me about SPBE or digital training programmes (DTS, GTA, DLA, GCIO), or type /daftar to enrol in a programme.',
      thanks: "You're welcome! Ask again any time.",
      farewell: 'Goodbye, and good luck with the digital transformation!',
      identity: 'I am Asisten Digital ASN: I answer questions about SPBE and digital training for Indonesian civil servants from official documents, with sources, and help you enrol via /daftar.',
      ack: 'Great! Anything else you would like to ask?',
      help: 'Just type your question, e.g. "What is SPBE?" or "How do I register for GTA?". Type /bantuan for the list of commands.',
    },
  },
};
