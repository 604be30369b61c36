import { describe, expect, it } from 'vitest';
import { anonymousApplicantId } from '../../src/enrolment/anonymise.js';
import { ERASED } from '../../src/enrolment/types.js';
import {
  applyRetention,
  decideRequest,
  deleteUserData,
  exportCsv,
  listMyRequests,
  provideInfo,
  submitRequest,
} from '../../src/enrolment/use-cases.js';
import { dispatchOutbox } from '../../src/enrolment/outbox-dispatcher.js';
import { ADMIN_IDS, APPLICANT, catalogue, completeDraft, NOW, recordingSender, useTempStore } from './fixtures.js';

const destinations = { adminIds: [9001] };
const day = 86_400_000;
const opened = useTempStore();

async function submit(overrides: Record<string, string>, who = APPLICANT, now = NOW) {
  const result = await submitRequest(opened.store, completeDraft(overrides, who), catalogue, destinations, now);
  if (!result.ok) throw new Error(result.code);
  return result.request;
}

describe('deleteUserData (UU PDP No. 27/2022)', () => {
  it('deletes the draft, cancels active requests, anonymises every request, keeps an anonymous audit trail', async () => {
    const decided = await submit({});
    await dispatchOutbox(opened.store, recordingSender().send, { now: NOW }); // posts the card
    await decideRequest(opened.store, { requestId: decided.id, adminId: 9001, adminName: 'Ani', decision: 'approve' }, ADMIN_IDS, NOW);
    const asked = await submit({ programme: 'dla-2027', level: 'administrator' });
    await decideRequest(opened.store, { requestId: asked.id, adminId: 9001, adminName: 'Ani', decision: 'needs_info', reason: 'SK?' }, ADMIN_IDS, NOW);
    const other = await submit({ nip: '198505202010012003' }, { userId: 5151, chatId: 5151 });
    await opened.store.saveDraft(completeDraft({}, APPLICANT));

    const later = new Date(NOW.getTime() + 60_000);
    const result = await deleteUserData(opened.store, { userId: APPLICANT.userId }, later);
    expect(result).toEqual({ draftsDeleted: 1, requestsCancelled: 1, requestsAnonymised: 2, outboxDropped: 3 });

    const salt = await opened.store.anonymisationSalt();
    const hashed = anonymousApplicantId(APPLICANT.userId, salt);
    expect(hashed).toBeLessThan(0);
    for (const id of [decided.id, asked.id]) {
      const request = (await opened.store.getRequest(id))!;
      expect(request).toMatchObject({
        applicantId: hashed,
        applicantChatId: 0,
        fullName: ERASED,
        nip: ERASED,
        instansi: ERASED,
        jabatan: ERASED,
        email: ERASED,
        phone: null,
        motivation: ERASED,
        anonymised: true,
      });
    }
    // Decisions keep their record; the active one is cancelled.
    expect((await opened.store.getRequest(decided.id))).toMatchObject({ status: 'approved', decidedByName: 'Ani', programmeId: 'gta-2027' });
    expect((await opened.store.getRequest(asked.id))).toMatchObject({ status: 'cancelled' });
    expect(await opened.store.getDraft(APPLICANT.userId)).toBeNull();
    expect(await listMyRequests(opened.store, { applicantId: APPLICANT.userId })).toEqual([]);

    // Another applicant is untouched.
    expect(await opened.store.getRequest(other.id)).toMatchObject({ fullName: 'Dr. Siti Rahma, S.Kom., M.T.', anonymised: false });

    // No trace of the real id in the audit of the user's requests; admins' entries keep theirs.
    const audit = await opened.store.listAuditEntries();
    const mine = audit.filter((e) => e.requestId === decided.id || e.requestId === asked.id || e.requestId === null);
    expect(mine.some((e) => e.actorId === APPLICANT.userId)).toBe(false);
    expect(mine.map((e) => [e.requestId, e.action, e.actorId])).toEqual([
      [decided.id, 'submitted', hashed],
      [decided.id, 'approved', 9001],
      [asked.id, 'submitted', hashed],
      [asked.id, 'needs_info', 9001],
      [asked.id, 'cancelled', hashed],
      [null, 'data_deleted', hashed],
    ]);
    expect(audit.at(-1)?.detail).toEqual({ requestIds: [decided.id, asked.id], cancelled: 1 });

    // Unsent messages to the user are dropped (the approval notice, the second acknowledgement, the question);
    // the export shows no personal data.
    const outbox = await opened.store.listOutbox();
    expect(outbox.filter((m) => m.chatId === APPLICANT.chatId && m.status === 'pending')).toEqual([]);
    expect(outbox.filter((m) => m.status === 'dropped').map((m) => m.kind)).toEqual(['decision_notice', 'submitted_ack', 'decision_notice']);
    const csv = await exportCsv(opened.store, { programmeId: 'dla-2027' });
    expect(csv).not.toContain('Siti');
    expect(csv).not.toContain('19900115');
    expect(csv).toContain(ERASED);

    // Running it again finds nothing left.
    expect(await deleteUserData(opened.store, { userId: APPLICANT.userId }, later)).toEqual({
      draftsDeleted: 0,
      requestsCancelled: 0,
      requestsAnonymised: 0,
      outboxDropped: 0,
    });
  });

  it('scrubs forwarded answers and updates posted cards of cancelled requests', async () => {
    const request = await submit({});
    await dispatchOutbox(opened.store, recordingSender().send, { now: NOW });
    await decideRequest(opened.store, { requestId: request.id, adminId: 9001, adminName: 'Ani', decision: 'needs_info', reason: 'No HP?' }, ADMIN_IDS, NOW);
    await provideInfo(opened.store, { applicantId: APPLICANT.userId, text: 'HP saya 081299998888' }, destinations, NOW);

    await deleteUserData(opened.store, { userId: APPLICANT.userId }, NOW);
    const outbox = await opened.store.listOutbox({ requestId: request.id });
    const forwarded = outbox.find((m) => m.kind === 'info_forwarded');
    expect(forwarded?.payload).toEqual({ text: ERASED, question: 'No HP?' });
    expect(outbox.filter((m) => m.kind === 'card_update' && m.status === 'pending').length).toBeGreaterThan(0);
  });
});

describe('applyRetention', () => {
  it('anonymises requests decided more than `days` ago, and only those', async () => {
    const old = await submit({});
    await decideRequest(opened.store, { requestId: old.id, adminId: 9001, adminName: 'Ani', decision: 'reject', reason: 'Kuota' }, ADMIN_IDS, NOW);
    const recent = await submit({ nip: '198505202010012003' });
    const recentDecision = new Date(NOW.getTime() + 300 * day);
    await decideRequest(opened.store, { requestId: recent.id, adminId: 9001, adminName: 'Ani', decision: 'approve' }, ADMIN_IDS, recentDecision);
    const open = await submit({ nip: '197712312000031004' });

    const now = new Date(NOW.getTime() + 366 * day);
    expect(await applyRetention(opened.store, { days: 365, now })).toEqual({ anonymised: 1 });
    expect(await opened.store.getRequest(old.id)).toMatchObject({ anonymised: true, fullName: ERASED, status: 'rejected', reason: 'Kuota' });
    expect(await opened.store.getRequest(recent.id)).toMatchObject({ anonymised: false });
    expect(await opened.store.getRequest(open.id)).toMatchObject({ anonymised: false, status: 'pending' });
    expect((await opened.store.listAuditEntries()).at(-1)).toMatchObject({ action: 'retention_anonymised', detail: { days: 365, requestIds: [old.id] } });

    expect(await applyRetention(opened.store, { days: 365, now })).toEqual({ anonymised: 0 });
    await expect(applyRetention(opened.store, { days: -1, now })).rejects.toThrow(RangeError);
  });

  it('re-renders the posted admin cards of anonymised requests', async () => {
    const old = await submit({});
    await dispatchOutbox(opened.store, recordingSender().send, { now: NOW }); // posts the card
    expect((await opened.store.listAdminCards(old.id)).length).toBeGreaterThan(0);
    await decideRequest(opened.store, { requestId: old.id, adminId: 9001, adminName: 'Ani', decision: 'approve' }, ADMIN_IDS, NOW);
    const before = (await opened.store.listOutbox({ requestId: old.id })).filter((m) => m.kind === 'card_update').length;
    await applyRetention(opened.store, { days: 365, now: new Date(NOW.getTime() + 400 * day) });
    const after = (await opened.store.listOutbox({ requestId: old.id })).filter((m) => m.kind === 'card_update').length;
    expect(after).toBe(before + (await opened.store.listAdminCards(old.id)).length);
  });
});

describe('admin messages that showed personal data', () => {
  it('the forwarded answer and a /lihat reply are blanked on erasure and by retention, then forgotten', async () => {
    const request = await submit({});
    await decideRequest(opened.store, { requestId: request.id, adminId: 9001, adminName: 'Ani', decision: 'needs_info', reason: 'NIK?' }, ADMIN_IDS, NOW);
    await provideInfo(opened.store, { applicantId: APPLICANT.userId, text: 'NIK 6472010101010001' }, destinations, NOW);
    // The sender reports where the forwarded answer landed; a /lihat reply is recorded by the bot.
    let next = 500;
    const sender = recordingSender(() => ({ ok: true, chatId: 9001, messageId: next++ }));
    for (let s = 0; s < 5; s += 1) await dispatchOutbox(opened.store, sender.send, { now: new Date(NOW.getTime() + s * 1000) });
    await opened.store.recordAdminMessage({ requestId: request.id, chatId: 9001, messageId: 42, kind: 'view' }, NOW.toISOString());
    const kinds = (await opened.store.listAdminMessages(request.id)).map((m) => m.kind).sort();
    expect(kinds).toEqual(['info_forwarded', 'view']);

    await deleteUserData(opened.store, { userId: APPLICANT.userId }, new Date(NOW.getTime() + 10_000));
    const erasures = (await opened.store.listOutbox({ requestId: request.id })).filter((m) => m.kind === 'message_erase');
    const forwarded = sender.deliveries.findIndex((d) => d.kind === 'info_forwarded');
    expect(forwarded).toBeGreaterThanOrEqual(0);
    const ids = erasures.map((m) => (m.payload as { messageId: number }).messageId).sort((x, y) => x - y);
    expect(ids).toEqual([42, 500 + forwarded].sort((x, y) => x - y));
    expect(await opened.store.listAdminMessages(request.id)).toEqual([]);
  });

  it('retention blanks them too', async () => {
    const request = await submit({});
    await decideRequest(opened.store, { requestId: request.id, adminId: 9001, adminName: 'Ani', decision: 'approve' }, ADMIN_IDS, NOW);
    await opened.store.recordAdminMessage({ requestId: request.id, chatId: -100777, messageId: 7, kind: 'queue' }, NOW.toISOString());
    await applyRetention(opened.store, { days: 365, now: new Date(NOW.getTime() + 400 * day) });
    const erasures = (await opened.store.listOutbox({ requestId: request.id })).filter((m) => m.kind === 'message_erase');
    expect(erasures).toMatchObject([{ chatId: -100777, payload: { messageId: 7 } }]);
  });
});
