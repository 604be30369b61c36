import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchOutbox } from '../../src/enrolment/outbox-dispatcher.js';
import { decideRequest, submitRequest } from '../../src/enrolment/use-cases.js';
import { applyInput, startDraft, type EnrolmentDraft } from '../../src/enrolment/wizard.js';
import { ADMIN_IDS, APPLICANT, catalogue, completeDraft, NOW, openStore, recordingSender, tempDataDir, VALID_ANSWERS } from '../enrolment/fixtures.js';

const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const destinations = { adminIds: ADMIN_IDS };

let temp: ReturnType<typeof tempDataDir>;
beforeEach(() => {
  temp = tempDataDir();
});
afterEach(() => temp.cleanup());

/** Runs `fn` against a freshly opened database and closes it, as one "life" of the bot process. */
async function life<T>(fn: (store: ReturnType<typeof openStore>['store']) => Promise<T>): Promise<T> {
  const opened = openStore(temp.dir);
  try {
    return await fn(opened.store);
  } finally {
    opened.close();
  }
}

describe('restarts', () => {
  it('a wizard interrupted by a restart continues where it was', async () => {
    await life(async (store) => {
      let draft: EnrolmentDraft = startDraft(APPLICANT.userId, APPLICANT.chatId, 'id', NOW);
      for (const step of ['programme', 'full_name', 'nip'] as const) {
        draft = applyInput(draft, step, VALID_ANSWERS[step], { catalogue, now: NOW }).draft;
      }
      await store.saveDraft(draft);
    });
    const resumed = await life((store) => store.getDraft(APPLICANT.userId));
    expect(resumed).toMatchObject({ step: 'instansi', answers: { nip: '199001152015032002' } });
  });

  it('submit | restart | decide | restart | dispatch | restart | dispatch: every message delivered exactly once', async () => {
    const sender = recordingSender();

    const requestId = await life(async (store) => {
      const result = await submitRequest(store, completeDraft(), catalogue, destinations, NOW);
      if (!result.ok) throw new Error(result.code);
      return result.request.id;
    });

    await life(async (store) => {
      const result = await decideRequest(store, { requestId, adminId: 9001, adminName: 'Ani', decision: 'approve' }, ADMIN_IDS, at(60));
      expect(result.ok).toBe(true);
    });

    await life((store) => dispatchOutbox(store, sender.send, { now: at(120) }));
    await life((store) => dispatchOutbox(store, sender.send, { now: at(121) }));
    for (let i = 0; i < 3; i += 1) await life((store) => dispatchOutbox(store, sender.send, { now: at(200 + i) }));

    const outbox = await life((store) => store.listOutbox());
    expect(outbox.every((m) => m.status === 'sent')).toBe(true);
    const deliveredIds = sender.deliveries.map((d) => d.id);
    expect(new Set(deliveredIds).size).toBe(deliveredIds.length);
    expect([...deliveredIds].sort((a, b) => a - b)).toEqual(outbox.map((m) => m.id));
    const notices = sender.deliveries.filter((d) => d.kind === 'decision_notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ chatId: APPLICANT.chatId, request: { status: 'approved' } });
    // The acknowledgement reached the applicant before the decision.
    expect(sender.deliveries.filter((d) => d.chatId === APPLICANT.chatId).map((d) => d.kind)).toEqual(['submitted_ack', 'decision_notice']);
  });

  it('a crash between claiming and recording: held back while leased, sent again after the lease (documented)', async () => {
    await life(async (store) => {
      const result = await submitRequest(store, completeDraft(), catalogue, { adminIds: [9001] }, NOW);
      if (!result.ok) throw new Error(result.code);
    });
    // The process leases the rows, "sends", and dies before recording the outcome.
    const leased = await life((store) =>
      store.claimOutbox({ owner: 'crashed', now: NOW.toISOString(), leaseUntil: at(60).toISOString(), limit: 10 }),
    );
    expect(leased).toHaveLength(2);

    const sender = recordingSender();
    expect(await life((store) => dispatchOutbox(store, sender.send, { now: at(30) }))).toMatchObject({ claimed: 0 });
    expect(await life((store) => dispatchOutbox(store, sender.send, { now: at(61) }))).toMatchObject({ claimed: 2, sent: 2 });
    expect(await life((store) => dispatchOutbox(store, sender.send, { now: at(200) }))).toMatchObject({ claimed: 0 });
    expect(sender.deliveries.map((d) => d.attempts)).toEqual([2, 2]);
  });
});
