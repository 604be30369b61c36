/** The callback_data scheme: round trips, the 64-byte limit with the longest ids, and junk refused. */
import { describe, expect, it } from 'vitest';
import {
  ADMIN_DATA,
  adminData,
  adminQueueData,
  draftToken,
  parseWizardData,
  requestData,
  wizardData,
  type WizardAction,
} from '../../src/bot/callback-data.js';
import { LEVELS } from '../../src/enrolment/types.js';
import { WIZARD_FIELDS } from '../../src/enrolment/wizard.js';

const draft = { startedAt: '2099-12-31T23:59:59.999Z' };
const longestId = 'a'.repeat(24); // the catalogue's id pattern allows 24 characters

describe('enrolment callback data', () => {
  it('round-trips every wizard action within 64 bytes', () => {
    const actions: WizardAction[] = [
      { kind: 'programme', programmeId: longestId },
      ...LEVELS.map((level) => ({ kind: 'level', level }) as const),
      ...WIZARD_FIELDS.map((field) => ({ kind: 'edit', field }) as const),
      { kind: 'skip' },
      { kind: 'submit' },
      { kind: 'edit_menu' },
      { kind: 'summary' },
      { kind: 'cancel' },
    ];
    for (const action of actions) {
      const data = wizardData(draft, action);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(parseWizardData(data)).toEqual({ token: draftToken(draft), action });
    }
    for (const data of [adminData('a', 999_999_999_999), requestData('y', 999_999_999_999), adminQueueData(999_999)]) {
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    }
    expect(ADMIN_DATA.exec(adminData('i', 42))?.slice(1)).toEqual(['i', '42']);
  });

  it('distinguishes drafts by token, and refuses malformed data', () => {
    expect(draftToken({ startedAt: '2026-11-28T10:00:00.000Z' })).not.toBe(draftToken({ startedAt: '2026-11-28T10:00:00.001Z' }));
    for (const junk of ['w:', 'w:abc', 'w:abc:l:eselon', 'w:abc:e:summary', 'w:abc:ok:extra', 'w:ABC:x', 'w:abc:p:', 'x:abc:ok']) {
      expect(parseWizardData(junk), junk).toBeNull();
    }
  });

  it('refuses to build data over 64 bytes', () => {
    expect(() => wizardData(draft, { kind: 'programme', programmeId: 'x'.repeat(60) })).toThrow(/64 bytes/);
  });
});
