/**
 * The rules of a request's life cycle, in one place: which statuses block a new request, which may be
 * decided (and how), which may be cancelled. The bot, the use cases and the SQL of the store all read
 * these, so a rule is changed here once and nowhere else.
 *
 * @example
 * if (!canDecide(request.status, 'reject')) return alreadyDecided(request);
 */
import { ACTIVE_STATUSES, BLOCKING_STATUSES, type Decision, type EnrolmentRequest, type RequestStatus } from './types.js';

/** Statuses a request can be decided from: asking again only from pending; approve/reject also while waiting for information. */
export function decidableStatuses(decision: Decision): readonly RequestStatus[] {
  return decision === 'needs_info' ? ['pending'] : ACTIVE_STATUSES;
}

/** True when an admin may take `decision` on a request in `status`. */
export function canDecide(status: RequestStatus, decision: Decision): boolean {
  return decidableStatuses(decision).includes(status);
}

/** True when the applicant may still cancel (the request is still being decided). */
export function canCancel(status: RequestStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** The applicant's request that blocks a new one for `programmeId` (pending, waiting for information or approved). */
export function activeRequestForProgramme<R extends Pick<EnrolmentRequest, 'programmeId' | 'status'>>(requests: readonly R[], programmeId: string): R | undefined {
  return requests.find((r) => r.programmeId === programmeId && BLOCKING_STATUSES.includes(r.status));
}

/** Statuses of a decided (finished) request: anonymised after the retention period. */
export const DECIDED_STATUSES: readonly RequestStatus[] = ['approved', 'rejected', 'cancelled'];

/** `('a','b')` for an SQL `IN` list built from the constants above (status names are fixed identifiers, never user input). */
export function sqlStatusList(statuses: readonly RequestStatus[]): string {
  return `(${statuses.map((s) => `'${s}'`).join(', ')})`;
}
