/**
 * Calendar helpers in Western Indonesia Time (WIB, UTC+7, no daylight saving).
 *
 * Registration windows and NIP dates are Indonesian calendar dates. Comparing them with a UTC date would
 * close a registration seven hours early, so every "what day is it" question is answered in WIB.
 * (WITA/WIT users are one or two hours ahead; WIB is the convention of national announcements.)
 */

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date in WIB as `YYYY-MM-DD`. */
export function wibDate(now: Date): string {
  return new Date(now.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm:ss` in WIB, for humans (CSV exports). */
export function wibDateTime(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + WIB_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

/** The instant a WIB calendar day starts, as an ISO string in UTC. */
export function wibDayStart(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - WIB_OFFSET_MS).toISOString();
}

/** The last millisecond of a WIB calendar day, as an ISO string in UTC. */
export function wibDayEnd(date: string): string {
  return new Date(Date.parse(`${date}T23:59:59.999Z`) - WIB_OFFSET_MS).toISOString();
}

/** True when `yyyy-mm-dd` names a real calendar day (no 2023-02-29, no month 13). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** Parses `YYYY-MM-DD` strictly; returns `null` for anything else or an impossible date. */
export function parseIsoDate(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  return isRealDate(Number(match[1]), Number(match[2]), Number(match[3])) ? text : null;
}
