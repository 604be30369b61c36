import { createHash } from 'node:crypto';

/**
 * Replacement for a Telegram user id when a request is anonymised.
 *
 * A salted SHA-256, truncated to 48 bits and made negative: it still fits the integer column and the
 * `applicantId: number` type, it can never be mistaken for a real user id (those are positive), and the
 * same person maps to the same value, so an audit can still tell "three requests by one anonymous
 * applicant" apart from three applicants.
 *
 * Limitation: Telegram ids are a small space, so whoever holds both the database and its salt can test
 * candidate ids. Keep backups of the database as protected as the database itself.
 */
export function anonymousApplicantId(userId: number, salt: string): number {
  const digest = createHash('sha256').update(`${salt}:${userId}`).digest();
  return -(digest.readUIntBE(0, 6) || 1);
}
