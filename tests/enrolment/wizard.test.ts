import { describe, expect, it } from 'vitest';
import { applyInput, checkDraft, editField, startDraft, type EnrolmentDraft } from '../../src/enrolment/wizard.js';
import { APPLICANT, catalogue, completeDraft, NOW, VALID_ANSWERS } from './fixtures.js';

const ctx = { catalogue, now: NOW };

function answerUpTo(step: EnrolmentDraft['step']): EnrolmentDraft {
  let draft = startDraft(APPLICANT.userId, APPLICANT.chatId, 'id', NOW);
  while (draft.step !== step) {
    draft = applyInput(draft, draft.step, VALID_ANSWERS[draft.step as keyof typeof VALID_ANSWERS], ctx).draft;
  }
  return draft;
}

describe('wizard', () => {
  it('walks the steps in order and ends on the summary', () => {
    const seen: string[] = [];
    let draft = startDraft(APPLICANT.userId, APPLICANT.chatId, 'en', NOW);
    while (draft.step !== 'summary') {
      seen.push(draft.step);
      const outcome = applyInput(draft, draft.step, VALID_ANSWERS[draft.step], ctx);
      expect(outcome.error).toBeUndefined();
      draft = outcome.draft;
      expect(outcome.next).toBe(draft.step);
    }
    expect(seen).toEqual(['programme', 'full_name', 'nip', 'instansi', 'jabatan', 'level', 'email', 'phone', 'motivation']);
    expect(draft.answers).toEqual({
      programmeId: 'gta-2027',
      fullName: 'Dr. Siti Rahma, S.Kom., M.T.',
      nip: '199001152015032002',
      instansi: 'Dinas Komunikasi dan Informatika Provinsi Kalimantan Timur',
      jabatan: 'Pranata Komputer Ahli Muda',
      level: 'fungsional',
      email: 'siti.rahma@kaltimprov.go.id',
      phone: '+6281234567890',
      motivation: 'Ingin memperkuat layanan digital di unit kerja saya.',
    });
    // The draft is plain JSON, so the store can persist it between messages.
    expect(JSON.parse(JSON.stringify(draft))).toEqual(draft);
  });

  it('a bad NIP returns its code, keeps every earlier answer and stays on the NIP step', () => {
    const draft = answerUpTo('nip');
    const outcome = applyInput(draft, 'nip', '19900230 201503 1 002', ctx);
    expect(outcome).toMatchObject({ next: 'nip', error: 'nip_birth_date' });
    expect(outcome.draft).toBe(draft);
    expect(outcome.draft.answers).toEqual({ programmeId: 'gta-2027', fullName: 'Dr. Siti Rahma, S.Kom., M.T.' });
    const retry = applyInput(outcome.draft, 'nip', VALID_ANSWERS.nip, ctx);
    expect(retry.next).toBe('instansi');
    expect(retry.error).toBeUndefined();
  });

  it('editing a field returns to the summary without asking the others again', () => {
    const summary = completeDraft();
    const editing = editField(summary, 'email', NOW);
    expect(editing.step).toBe('email');
    const bad = applyInput(editing, 'email', 'bukan-email', ctx);
    expect(bad).toMatchObject({ next: 'email', error: 'email_invalid' });
    const outcome = applyInput(editing, 'email', 'siti@gmail.com', ctx);
    expect(outcome).toMatchObject({ next: 'summary', warning: 'email_not_official' });
    expect(outcome.draft.answers).toEqual({ ...summary.answers, email: 'siti@gmail.com' });
  });

  it('refuses a level the programme does not accept and says which levels it does', () => {
    const draft = answerUpTo('level');
    const outcome = applyInput(draft, 'level', 'eselon 2', ctx);
    expect(outcome).toMatchObject({
      next: 'level',
      error: 'not_eligible',
      allowed: ['pelaksana', 'fungsional', 'pengawas', 'administrator'],
    });
    expect(outcome.draft.answers.level).toBeUndefined();
    expect(applyInput(draft, 'level', 'eselon tiga', ctx)).toMatchObject({ error: 'level_invalid' });
    expect(applyInput(draft, 'level', 'eselon 3', ctx)).toMatchObject({ next: 'email', draft: { answers: { level: 'administrator' } } });
  });

  it('changing the programme to one the level does not fit asks the level again', () => {
    const summary = completeDraft(); // fungsional, GTA
    const outcome = applyInput(editField(summary, 'programme', NOW), 'programme', 'dla-2027', ctx);
    expect(outcome).toMatchObject({ next: 'level', warning: 'level_reset', allowed: ['administrator', 'pimpinan_tinggi'] });
    const back = applyInput(outcome.draft, 'level', 'JPT', ctx);
    expect(back.next).toBe('summary');
  });

  it('refuses unknown and closed programmes; accepts the name typed in any case', () => {
    const draft = startDraft(1, 1, 'id', NOW);
    expect(applyInput(draft, 'programme', 'nope', ctx)).toMatchObject({ next: 'programme', error: 'programme_unknown' });
    expect(applyInput(draft, 'programme', 'gcio-2026', ctx)).toMatchObject({ next: 'programme', error: 'programme_closed' });
    expect(applyInput(draft, 'programme', 'digital leadership academy (dla)', ctx)).toMatchObject({
      next: 'full_name',
      draft: { answers: { programmeId: 'dla-2027' } },
    });
  });

  it('phone is optional; answers for another step are refused', () => {
    const draft = answerUpTo('phone');
    expect(applyInput(draft, 'phone', 'lewati', ctx)).toMatchObject({ next: 'motivation', draft: { answers: { phone: null } } });
    expect(applyInput(draft, 'email', 'a@b.go.id', ctx)).toMatchObject({ next: 'phone', error: 'unexpected_step' });
    expect(applyInput(completeDraft(), 'summary', 'ok', ctx)).toMatchObject({ error: 'unexpected_step' });
  });

  it('checkDraft re-validates a stored draft before submission', () => {
    const draft = completeDraft();
    expect(checkDraft(draft, ctx)).toMatchObject({ ok: true, submission: { nip: '199001152015032002', applicantId: APPLICANT.userId } });
    expect(checkDraft(draft, { catalogue, now: new Date('2027-02-01T00:00:00Z') })).toMatchObject({
      ok: false,
      code: 'programme_closed',
    });
    const tampered = { ...draft, answers: { ...draft.answers, nip: '123' } };
    expect(checkDraft(tampered, ctx)).toMatchObject({ ok: false, code: 'nip_length', field: 'nip' });
    expect(checkDraft(answerUpTo('email'), ctx)).toMatchObject({ ok: false, code: 'draft_incomplete', field: 'email' });
  });
});
