/**
 * The enrolment catalogues: both languages complete, parseable, every key the code uses present, and the
 * plain-text keys free of HTML (they are sent without parse_mode or as button labels).
 */
import fs from 'node:fs';
import path from 'node:path';
import { FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { LEVELS, REQUEST_STATUSES } from '../../src/enrolment/types.js';
import { WIZARD_FIELDS } from '../../src/enrolment/wizard.js';
import { createI18n } from '../../src/bot/i18n.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LOCALES = path.join(ROOT, 'src/bot/locales');
const SOURCES = [
  'src/bot/features/enrolment.ts',
  'src/bot/features/enrolment-wizard.ts',
  'src/bot/features/enrolment-render.ts',
  'src/bot/features/admin.ts',
  'src/bot/features/admin-card.ts',
  'src/bot/features/admin-commands.ts',
];

function messageIds(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const declared = [...source.matchAll(/^([a-zA-Z][a-zA-Z0-9_-]*)\s*=/gm)].map((m) => m[1]!);
  const parsed = new FluentResource(source).body.map((entry) => entry.id);
  // Anything declared but not parsed was turned into Fluent "junk" by a syntax error.
  expect(parsed, `${path.basename(file)} has syntax errors`).toEqual(declared);
  return parsed;
}

function localeIds(locale: string): Set<string> {
  const dir = path.join(LOCALES, locale);
  return new Set(fs.readdirSync(dir).filter((f) => f.endsWith('.ftl')).flatMap((f) => messageIds(path.join(dir, f))));
}

/** Keys used by the code: literal `t('…')` calls plus the families built from domain codes. */
function usedKeys(): string[] {
  const literal = SOURCES.flatMap((file) => {
    const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
    return [...source.matchAll(/\bt\('([a-z][a-z0-9_-]*)'/g), ...source.matchAll(/\? '([a-z]+-[a-z0-9_-]+)' : '([a-z]+-[a-z0-9_-]+)'/g)]
      .flatMap((m) => m.slice(1).filter(Boolean) as string[]);
  });
  const errorCodes = [
    'full_name_length', 'full_name_chars', 'instansi_length', 'jabatan_length', 'level_invalid', 'email_invalid', 'phone_invalid',
    'motivation_length', 'nip_length', 'nip_digits', 'nip_birth_date', 'nip_tmt', 'nip_gender', 'nip_sequence',
    'programme_unknown', 'programme_closed', 'not_eligible', 'unexpected_step', 'draft_incomplete',
  ];
  return [
    ...literal,
    ...errorCodes.map((c) => `err-${c}`),
    'warn-email_not_official', 'warn-level_reset',
    ...WIZARD_FIELDS.map((f) => `field-${f}`),
    ...WIZARD_FIELDS.filter((f) => f !== 'programme').map((f) => `wizard-ask-${f}`),
    ...REQUEST_STATUSES.map((s) => `status-${s}`),
    ...LEVELS.map((l) => `level-${l}`),
    ...['approved', 'rejected', 'needs_info'].map((s) => `notice-${s}-title`),
    'card-locale-id', 'card-locale-en', 'mode-online', 'mode-offline', 'mode-hybrid',
  ];
}

/** Sent as plain text (no parse_mode), as button labels or callback answers. */
const PLAIN_KEYS = [
  'enrol-none-open', 'enrol-private-only', 'private-only', 'enrol-open-private', 'enrol-cancelled', 'wizard-stale', 'wizard-edit-which',
  'wizard-edit-ignored', 'cancel-usage', 'cancel-nothing', 'cancel-kept', 'cancel-done', 'cancel-not-found', 'cancel-not-cancellable',
  'status-none', 'status-none-draft', 'info-forwarded', 'info-too-long', 'privacy-delete-kept', 'admin-not-authorised', 'admin-wrong-chat',
  'admin-not-found', 'admin-already-decided', 'admin-already-closed', 'admin-done-approved', 'admin-done-rejected', 'admin-done-needs_info',
  'admin-prompt-toast', 'admin-prompt-placeholder', 'admin-prompt-aborted', 'admin-reason-required', 'admin-reason-too-long',
  'admin-usage-view', 'admin-usage-approve', 'admin-usage-reject', 'reindex-started', 'queue-empty',
];

describe('enrolment locales', () => {
  it('Indonesian and English enrolment.ftl declare the same keys and parse cleanly', () => {
    const id = messageIds(path.join(LOCALES, 'id/enrolment.ftl'));
    const en = messageIds(path.join(LOCALES, 'en/enrolment.ftl'));
    expect([...en].sort()).toEqual([...id].sort());
    expect(new Set(id).size).toBe(id.length);
  });

  it('has every key the enrolment and admin code uses, in both languages', () => {
    const used = [...new Set(usedKeys())];
    expect(used.length).toBeGreaterThan(150);
    for (const locale of ['id', 'en']) {
      const ids = localeIds(locale);
      expect(used.filter((key) => !ids.has(key)), `missing in ${locale}`).toEqual([]);
    }
  });

  it('keeps plain-text keys free of HTML and formats variables without grouping', () => {
    const i18n = createI18n();
    for (const locale of ['id', 'en']) {
      for (const key of PLAIN_KEYS) expect(i18n.t(locale, key, { id: '1', status: 's', name: 'n', at: 'a', max: '1' }), `${locale}:${key}`).not.toMatch(/[<>&]/);
      expect(i18n.t(locale, 'card-title', { id: '12345' })).toContain('#12345');
    }
  });
});
