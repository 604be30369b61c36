/**
 * The people and chats of the local playground. Fixed ids make runs reproducible: logs, the database and tests
 * refer to the same official, admin and admin group every time, and `ADMIN_IDS` / `ADMIN_CHAT_ID` can be derived
 * from these constants instead of being configured by hand.
 */
import type { BotIdentity, GroupChatOptions, PlaygroundView, TelegramUser } from './emulator-types.js';

/** A civil servant asking questions and enrolling in programmes. */
export const OFFICIAL_PERSONA = {
  id: 700001,
  first_name: 'Budi',
  last_name: 'Santoso',
  username: 'budi_asn',
  language_code: 'id',
} as const satisfies TelegramUser;

/** The admin who decides enrolment requests (listed in `ADMIN_IDS`). */
export const ADMIN_PERSONA = {
  id: 900001,
  first_name: 'Siti',
  last_name: 'Rahma',
  username: 'admin_bpsdm',
  language_code: 'id',
} as const satisfies TelegramUser;

/** A content maintainer (listed in `MAINTAINER_IDS`): uploads documents with 📎 and sees /celah. */
export const MAINTAINER_PERSONA = {
  id: 900101,
  first_name: 'Dewi',
  last_name: 'Lestari',
  username: 'pengelola_konten',
  language_code: 'id',
} as const satisfies TelegramUser;

/** A member of the admin group who is *not* an admin: shows that buttons on request cards check authorisation. */
export const MEMBER_PERSONA = {
  id: 700002,
  first_name: 'Andi',
  language_code: 'id',
} as const satisfies TelegramUser;

/** Where request cards arrive (`ADMIN_CHAT_ID`). */
export const ADMIN_GROUP = {
  id: -1001234567890,
  type: 'supergroup',
  title: 'Grup Admin Pendaftaran',
} as const;

export const PLAYGROUND_BOT = {
  id: 8000000001,
  username: 'asisten_asn_bot',
  first_name: 'Asisten Digital ASN',
} as const satisfies BotIdentity;

/** A token in Telegram's format (`<bot id>:<secret>`), valid only against the local emulator. */
export const PLAYGROUND_TOKEN = '8000000001:PLAYGROUND_local_token_0123456789abc';

/** Everyone in the playground. */
export const PLAYGROUND_USERS: TelegramUser[] = [OFFICIAL_PERSONA, ADMIN_PERSONA, MAINTAINER_PERSONA, MEMBER_PERSONA];

/** The admin group with its members; the bot is an ordinary member (privacy mode applies, as on Telegram). */
export const PLAYGROUND_CHATS: GroupChatOptions[] = [
  {
    ...ADMIN_GROUP,
    members: [
      { userId: ADMIN_PERSONA.id, status: 'creator' },
      { userId: MEMBER_PERSONA.id, status: 'member' },
    ],
    botStatus: 'member',
  },
];

/** The tabs of the page. */
export const PLAYGROUND_VIEWS: PlaygroundView[] = [
  { key: 'official', label: 'Pejabat (ASN)', chatId: OFFICIAL_PERSONA.id, speakerIds: [OFFICIAL_PERSONA.id] },
  { key: 'admin', label: 'Admin', chatId: ADMIN_PERSONA.id, speakerIds: [ADMIN_PERSONA.id] },
  { key: 'maintainer', label: 'Pengelola', chatId: MAINTAINER_PERSONA.id, speakerIds: [MAINTAINER_PERSONA.id] },
  { key: 'group', label: 'Grup Admin', chatId: ADMIN_GROUP.id, speakerIds: [ADMIN_PERSONA.id, MEMBER_PERSONA.id] },
];
