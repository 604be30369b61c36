import type { BotCommand } from 'grammy/types';

/**
 * The command menus registered with setMyCommands: everyone's, and the admins' (which add
 * the queue commands). Descriptions come from the Fluent catalogues.
 */
const USER: Array<[string, string]> = [
  ['start', 'cmd-start'],
  ['program', 'cmd-program'],
  ['daftar', 'cmd-enrol'],
  ['status', 'cmd-status'],
  ['batal', 'cmd-cancel'],
  ['sumber', 'cmd-sources'],
  ['bahasa', 'cmd-language'],
  ['privasi', 'cmd-privacy'],
  ['hapusdata', 'cmd-delete'],
  ['bantuan', 'cmd-help'],
];
const GROUP: Array<[string, string]> = [['tanya', 'cmd-ask'], ['program', 'cmd-program'], ['bantuan', 'cmd-help']];
const ADMIN: Array<[string, string]> = [
  ['antrian', 'cmd-queue'],
  ['lihat', 'cmd-view'],
  ['setujui', 'cmd-approve'],
  ['tolak', 'cmd-reject'],
  ['ekspor', 'cmd-export'],
  ['statistik', 'cmd-stats'],
  ['reindex', 'cmd-reindex'],
];

const MAINTAINER: Array<[string, string]> = [
  ['dokumen', 'cmd-documents'],
  ['hapusdokumen', 'cmd-remove-document'],
  ['celah', 'cmd-gaps'],
];

type T = (key: string) => string;
const toCommands = (list: Array<[string, string]>, t: T): BotCommand[] => list.map(([command, key]) => ({ command, description: t(key) }));

/** Admins are maintainers too: their menu has both lists. */
export function userCommands(t: T, isAdmin = false, isMaintainer = isAdmin): BotCommand[] {
  return toCommands([...USER, ...(isAdmin ? ADMIN : []), ...(isMaintainer ? MAINTAINER : [])], t);
}

export function groupCommands(t: T, isAdminChat = false): BotCommand[] {
  return toCommands(isAdminChat ? [...GROUP, ...ADMIN] : GROUP, t);
}
