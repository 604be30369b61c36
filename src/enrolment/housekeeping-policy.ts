/**
 * How long the bot keeps what it no longer needs, in one named policy (UU PDP: keep personal data no longer
 * than necessary). Decided requests are anonymised after `RETENTION_DAYS` (configurable); the rest is fixed
 * here and run every {@link HOUSEKEEPING_POLICY.intervalMs}.
 */
export const HOUSEKEEPING_POLICY = {
  /** How often housekeeping runs (and once at start-up). */
  intervalMs: 6 * 3600_000,
  /** Delivered (or finally failed) notifications. */
  finishedOutboxDays: 7,
  /** Handled webhook updates, kept only by id to drop Telegram's re-deliveries (Telegram keeps updates 24 h). */
  handledWebhookUpdatesDays: 2,
  /** /daftar drafts nobody touched: they hold a NIP and an e-mail address. */
  abandonedDraftDays: 30,
} as const;

const DAY_MS = 86_400_000;

/** The instant `days` days before `now`. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
