import { describe, expect, it } from 'vitest';
import {
  cancelRequest,
  decideRequest,
  getRequest,
  listMyRequests,
  listQueue,
  provideInfo,
  stats,
  submitRequest,
} from '../../src/enrolment/use-cases.js';
import { dispatchOutbox } from '../../src/enrolment/outbox-dispatcher.js';
import { ADMIN_IDS, APPLICANT, catalogue, completeDraft, NOW, recordingSender, useTempStore } from './fixtures.js';

const destinations = { adminIds: ADMIN_IDS };
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

const opened = useTempStore();

async function submitted(overrides = {}, who = APPLICANT) {
  const result = await submitRequest(opened.store, completeDraft(overrides, who), catalogue, destinations, NOW);
  if (!result.ok) throw new Error(`submit failed: ${result.code}`);
  return result.request;
}

describe('submitRequest', () => {
  it('stores a pending request, audits it, queues a card per admin and an ack, and deletes the draft', async () => {
    const { store } = opened;
    const draft = completeDraft();
    await store.saveDraft(draft);

    const result = await submitRequest(store, draft, catalogue, destinations, NOW);
    expect(result).toMatchObject({ ok: true, request: { id: 1, status: 'pending', nip: '199001152015032002', phone: '+6281234567890' } });

    expect(await store.getDraft(APPLICANT.userId)).toBeNull();
    expect((await store.listAuditEntries()).map((e) => [e.action, e.actorId])).toEqual([['submitted', APPLICANT.userId]]);
    const outbox = await store.listOutbox();
    expect(outbox.map((m) => [m.kind, m.chatId, m.locale])).toEqual([
      ['admin_card', 9001, null],
      ['admin_card', 9002, null],
      ['submitted_ack', APPLICANT.chatId, 'id'],
    ]);
  });

  it('sends the card once to the admin group when one is configured', async () => {
    await submitRequest(opened.store, completeDraft(), catalogue, { adminChatId: -100123, adminIds: ADMIN_IDS }, NOW);
    expect((await opened.store.listOutbox()).map((m) => [m.kind, m.chatId])).toEqual([
      ['admin_card', -100123],
      ['submitted_ack', APPLICANT.chatId],
    ]);
  });

  it('refuses a second active request for the same NIP and programme, from anyone', async () => {
    const first = await submitted();
    const again = await submitRequest(opened.store, completeDraft({}, { userId: 77, chatId: 77 }), catalogue, destinations, NOW);
    expect(again).toEqual({ ok: false, code: 'duplicate', existing: { id: first.id, status: 'pending' } });
    expect((await opened.store.listOutbox()).length).toBe(3);

    // Another programme is fine; and once the first is decided, the NIP may apply again.
    expect((await submitRequest(opened.store, completeDraft({ programme: 'dla-2027', level: 'administrator' }), catalogue, destinations, NOW)).ok).toBe(true);
    await decideRequest(opened.store, { requestId: first.id, adminId: 9001, adminName: 'Admin', decision: 'reject', reason: 'Kuota penuh' }, ADMIN_IDS, NOW);
    expect((await submitRequest(opened.store, completeDraft(), catalogue, destinations, NOW)).ok).toBe(true);
  });

  it('an approved request also blocks a new one for the same NIP and programme', async () => {
    const first = await submitted();
    await decideRequest(opened.store, { requestId: first.id, adminId: 9001, adminName: 'Admin', decision: 'approve' }, ADMIN_IDS, NOW);
    const again = await submitRequest(opened.store, completeDraft(), catalogue, destinations, NOW);
    expect(again).toEqual({ ok: false, code: 'duplicate', existing: { id: first.id, status: 'approved' } });
  });

  it('a request waiting for information can still be approved or rejected (the applicant may never answer)', async () => {
    const request = await submitted();
    await decideRequest(opened.store, { requestId: request.id, adminId: 9001, adminName: 'Ani', decision: 'needs_info', reason: 'SK?' }, ADMIN_IDS, NOW);
    const rejected = await decideRequest(opened.store, { requestId: request.id, adminId: 9001, adminName: 'Ani', decision: 'reject', reason: 'Tidak ada jawaban' }, ADMIN_IDS, NOW);
    expect(rejected).toMatchObject({ ok: true, request: { status: 'rejected' } });
    expect((await listQueue(opened.store)).items).toEqual([]);
  });

  it('refuses a draft whose programme closed in the meantime', async () => {
    const result = await submitRequest(opened.store, completeDraft(), catalogue, destinations, new Date('2027-03-01T00:00:00Z'));
    expect(result).toMatchObject({ ok: false, code: 'programme_closed', field: 'programme' });
    expect(await opened.store.listRequests({})).toEqual([]);
  });
});

describe('decideRequest', () => {
  it('refuses a non-admin and changes nothing', async () => {
    const request = await submitted();
    const before = { outbox: await opened.store.listOutbox(), audit: await opened.store.listAuditEntries() };
    const result = await decideRequest(opened.store, { requestId: request.id, adminId: APPLICANT.userId, adminName: 'Siti', decision: 'approve' }, ADMIN_IDS, NOW);
    expect(result).toEqual({ ok: false, code: 'not_authorised' });
    expect(await getRequest(opened.store, { requestId: request.id })).toEqual(request);
    expect(await opened.store.listOutbox()).toEqual(before.outbox);
    expect(await opened.store.listAuditEntries()).toEqual(before.audit);
  });

  it('requires a reason to reject or ask for information', async () => {
    const request = await submitted();
    for (const decision of ['reject', 'needs_info'] as const) {
      expect(await decideRequest(opened.store, { requestId: request.id, adminId: 9001, adminName: 'A', decision, reason: ' \u200b ' }, ADMIN_IDS, NOW)).toEqual({
        ok: false,
        code: 'reason_required',
      });
    }
    expect((await opened.store.getRequest(request.id))?.status).toBe('pending');
  });

  it('approves: audit, notice in the applicant language, card updates for posted cards', async () => {
    const request = await submitted();
    const sender = recordingSender();
    await dispatchOutbox(opened.store, sender.send, { now: NOW }); // posts both cards and the ack
    expect(await opened.store.listAdminCards(request.id)).toEqual([
      { requestId: request.id, chatId: 9001, messageId: 100 },
      { requestId: request.id, chatId: 9002, messageId: 101 },
    ]);

    const result = await decideRequest(opened.store, { requestId: request.id, adminId: 9002, adminName: 'Budi (Admin)', decision: 'approve' }, ADMIN_IDS, later(5));
    expect(result).toMatchObject({ ok: true, request: { status: 'approved', decidedBy: 9002, decidedByName: 'Budi (Admin)', decidedAt: later(5).toISOString() } });

    const fresh = (await opened.store.listOutbox()).filter((m) => m.status === 'pending');
    expect(fresh.map((m) => [m.kind, m.chatId, m.payload])).toEqual([
      ['decision_notice', APPLICANT.chatId, { status: 'approved', reason: null }],
      ['card_update', 9001, { messageId: 100 }],
      ['card_update', 9002, { messageId: 101 }],
    ]);
    expect((await opened.store.listAuditEntries({ requestId: request.id })).map((e) => [e.action, e.actorId, e.actorName])).toEqual([
      ['submitted', APPLICANT.userId, null],
      ['approved', 9002, 'Budi (Admin)'],
    ]);

    const again = await decideRequest(opened.store, { requestId: request.id, adminId: 9001, adminName: 'Ani', decision: 'reject', reason: 'x' }, ADMIN_IDS, later(6));
    expect(again).toEqual({ ok: false, code: 'already_decided', status: 'approved', decidedByName: 'Budi (Admin)', decidedAt: later(5).toISOString() });
    expect(await decideRequest(opened.store, { requestId: 999, adminId: 9001, adminName: 'Ani', decision: 'approve' }, ADMIN_IDS, NOW)).toEqual({
      ok: false,
      code: 'not_found',
    });
  });

  it('sends the notice in English to an English-speaking applicant', async () => {
    const draft = { ...completeDraft(), locale: 'en' as const };
    const result = await submitRequest(opened.store, draft, catalogue, destinations, NOW);
    if (!result.ok) throw new Error(result.code);
    await decideRequest(opened.store, { requestId: result.request.id, adminId: 9001, adminName: 'A', decision: 'reject', reason: 'Quota full' }, ADMIN_IDS, NOW);
    const notice = (await opened.store.listOutbox()).find((m) => m.kind === 'decision_notice');
    expect(notice).toMatchObject({ locale: 'en', payload: { status: 'rejected', reason: 'Quota full' } });
  });
});

describe('needs_info → provideInfo → pending', () => {
  it('forwards the answer to the admins on the same request and puts it back in the queue', async () => {
    const request = await submitted();
    const ask = await decideRequest(opened.store, { requestId: request.id, adminId: 9001, adminName: 'Ani', decision: 'needs_info', reason: 'Mohon lampirkan SK jabatan.' }, ADMIN_IDS, later(1));
    expect(ask).toMatchObject({ ok: true, request: { status: 'needs_info', reason: 'Mohon lampirkan SK jabatan.' } });
    expect((await listQueue(opened.store)).items.map((r) => r.status)).toEqual(['needs_info']);

    // While the applicant is being asked, asking again is refused (approve/reject stay possible, see below).
    expect(await decideRequest(opened.store, { requestId: request.id, adminId: 9002, adminName: 'Budi', decision: 'needs_info', reason: 'Lagi?' }, ADMIN_IDS, later(2))).toMatchObject({
      ok: false,
      code: 'already_decided',
      status: 'needs_info',
      decidedByName: 'Ani',
    });

    expect(await provideInfo(opened.store, { applicantId: 555, text: 'SK terlampir' }, destinations, later(3))).toEqual({ ok: false, code: 'not_found' });
    const reply = await provideInfo(opened.store, { applicantId: APPLICANT.userId, text: 'SK nomor 800/123/2024 terlampir.' }, destinations, later(3));
    expect(reply).toMatchObject({ ok: true, request: { status: 'pending', decidedBy: null, reason: null } });

    const forwarded = (await opened.store.listOutbox()).filter((m) => m.kind === 'info_forwarded');
    expect(forwarded.map((m) => [m.chatId, m.requestId, m.payload])).toEqual([
      [9001, request.id, { text: 'SK nomor 800/123/2024 terlampir.', question: 'Mohon lampirkan SK jabatan.' }],
      [9002, request.id, { text: 'SK nomor 800/123/2024 terlampir.', question: 'Mohon lampirkan SK jabatan.' }],
    ]);
    expect((await opened.store.listAuditEntries({ requestId: request.id })).map((e) => e.action)).toEqual(['submitted', 'needs_info', 'info_provided']);

    expect(await provideInfo(opened.store, { applicantId: APPLICANT.userId, text: 'lagi', requestId: request.id }, destinations, later(4))).toEqual({
      ok: false,
      code: 'not_awaiting_info',
      status: 'pending',
    });
    const approved = await decideRequest(opened.store, { requestId: request.id, adminId: 9002, adminName: 'Budi', decision: 'approve' }, ADMIN_IDS, later(5));
    expect(approved.ok).toBe(true);
  });
});

describe('cancelRequest, listings and stats', () => {
  it('lets the applicant cancel only their own active request', async () => {
    const request = await submitted();
    expect(await cancelRequest(opened.store, { requestId: request.id, applicantId: 1 }, later(1))).toEqual({ ok: false, code: 'not_found' });
    const result = await cancelRequest(opened.store, { requestId: request.id, applicantId: APPLICANT.userId }, later(1));
    expect(result).toMatchObject({ ok: true, request: { status: 'cancelled', decidedAt: later(1).toISOString() } });
    expect(await cancelRequest(opened.store, { requestId: request.id, applicantId: APPLICANT.userId }, later(2))).toEqual({
      ok: false,
      code: 'not_cancellable',
      status: 'cancelled',
    });
    expect(await decideRequest(opened.store, { requestId: request.id, adminId: 9001, adminName: 'Ani', decision: 'approve' }, ADMIN_IDS, later(3))).toMatchObject({
      code: 'already_decided',
      status: 'cancelled',
    });
  });

  it('pages the queue oldest first, lists my requests newest first, counts by programme and status', async () => {
    const nips = ['199001152015031002', '198505202010012003', '197712312000031004', '199203032019032005'];
    const ids: number[] = [];
    for (const [index, nip] of nips.entries()) {
      const result = await submitRequest(opened.store, completeDraft({ nip }), catalogue, destinations, later(index));
      if (!result.ok) throw new Error(result.code);
      ids.push(result.request.id);
    }
    const dla = await submitRequest(opened.store, completeDraft({ programme: 'dla-2027', level: 'JPT' }), catalogue, destinations, later(10));
    if (!dla.ok) throw new Error(dla.code);
    await decideRequest(opened.store, { requestId: ids[1]!, adminId: 9001, adminName: 'Ani', decision: 'approve' }, ADMIN_IDS, later(20));
    await decideRequest(opened.store, { requestId: ids[2]!, adminId: 9001, adminName: 'Ani', decision: 'needs_info', reason: '?' }, ADMIN_IDS, later(21));

    const page1 = await listQueue(opened.store, { page: 1, pageSize: 2 });
    expect(page1).toMatchObject({ total: 4, page: 1, pageSize: 2, pageCount: 2 });
    expect(page1.items.map((r) => r.id)).toEqual([ids[0], ids[2]]);
    expect((await listQueue(opened.store, { page: 2, pageSize: 2 })).items.map((r) => r.id)).toEqual([ids[3], dla.request.id]);

    expect((await listMyRequests(opened.store, { applicantId: APPLICANT.userId })).map((r) => r.id)).toEqual([dla.request.id, ...[...ids].reverse()]);
    expect(await listMyRequests(opened.store, { applicantId: 1 })).toEqual([]);

    expect(await stats(opened.store)).toEqual({
      total: 5,
      byStatus: { pending: 3, approved: 1, rejected: 0, needs_info: 1, cancelled: 0 },
      byProgramme: [
        { programmeId: 'dla-2027', total: 1, byStatus: { pending: 1, approved: 0, rejected: 0, needs_info: 0, cancelled: 0 } },
        { programmeId: 'gta-2027', total: 4, byStatus: { pending: 2, approved: 1, rejected: 0, needs_info: 1, cancelled: 0 } },
      ],
    });
  });
});
