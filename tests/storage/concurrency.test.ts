import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideRequest, submitRequest, type DecideResult } from '../../src/enrolment/use-cases.js';
import { ADMIN_IDS, catalogue, completeDraft, NOW, openStore, tempDataDir, type OpenStore } from '../enrolment/fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

let temp: ReturnType<typeof tempDataDir>;
const opened: OpenStore[] = [];
beforeEach(() => {
  temp = tempDataDir();
});
afterEach(() => {
  while (opened.length > 0) opened.pop()!.close();
  temp.cleanup();
});

function connection(): OpenStore {
  const store = openStore(temp.dir);
  opened.push(store);
  return store;
}

async function pendingRequest(store: OpenStore['store']): Promise<number> {
  const result = await submitRequest(store, completeDraft(), catalogue, { adminIds: ADMIN_IDS }, NOW);
  if (!result.ok) throw new Error(result.code);
  return result.request.id;
}

async function expectExactlyOneDecision(store: OpenStore['store'], requestId: number, results: DecideResult[]) {
  const winners = results.filter((r) => r.ok);
  const losers = results.filter((r) => !r.ok);
  expect(winners).toHaveLength(1);
  expect(losers).toHaveLength(1);
  const winner = (winners[0] as Extract<DecideResult, { ok: true }>).request;
  expect(losers[0]).toEqual({
    ok: false,
    code: 'already_decided',
    status: winner.status,
    decidedByName: winner.decidedByName,
    decidedAt: winner.decidedAt,
  });
  const decisions = (await store.listAuditEntries({ requestId })).filter((e) => ['approved', 'rejected', 'needs_info'].includes(e.action));
  expect(decisions).toHaveLength(1);
  const notices = (await store.listOutbox({ requestId })).filter((m) => m.kind === 'decision_notice');
  expect(notices).toHaveLength(1);
  expect(notices[0]?.payload).toMatchObject({ status: winner.status });
  expect(await store.getRequest(requestId)).toEqual(winner);
}

describe('two admins deciding the same request at the same moment', () => {
  it('from two connections to the same file: exactly one decision', async () => {
    const a = connection();
    const b = connection();
    const requestId = await pendingRequest(a.store);

    const results = await Promise.all([
      decideRequest(a.store, { requestId, adminId: 9001, adminName: 'Ani', decision: 'approve' }, ADMIN_IDS, NOW),
      decideRequest(b.store, { requestId, adminId: 9002, adminName: 'Budi', decision: 'reject', reason: 'Kuota penuh' }, ADMIN_IDS, NOW),
    ]);
    await expectExactlyOneDecision(b.store, requestId, results);
  });

  it('from two OS processes on the same file: exactly one decision', { timeout: 30_000 }, async () => {
    const setup = connection();
    const requestId = await pendingRequest(setup.store);

    const children = [
      startDecider(temp.dir, requestId, 9001, 'approve'),
      startDecider(temp.dir, requestId, 9002, 'reject'),
    ];
    try {
      await Promise.all(children.map((child) => child.next()));
      const startAt = Date.now() + 300;
      for (const child of children) child.process.stdin.write(`go ${startAt}\n`);
      const results = (await Promise.all(children.map((child) => child.next()))).map((line) => JSON.parse(line) as DecideResult);
      await expectExactlyOneDecision(setup.store, requestId, results);
    } finally {
      for (const child of children) if (child.process.exitCode === null) child.process.kill();
    }
  });
});

/** Spawns `fixtures/decide-process.ts` under tsx and reads its stdout line by line. */
function startDecider(dataDir: string, requestId: number, adminId: number, decision: string) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'fixtures/decide-process.ts'), dataDir, String(requestId), String(adminId), decision],
    { cwd: root, stdio: 'pipe' },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const queue: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const resolve = waiting.shift();
    if (resolve) resolve(line);
    else queue.push(line);
  });
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) => reject(new Error(`decider exited (${code}) before answering: ${stderr}`))),
  );
  return {
    process: child,
    next: (): Promise<string> =>
      Promise.race([queue.length > 0 ? Promise.resolve(queue.shift()!) : new Promise<string>((resolve) => waiting.push(resolve)), exited]),
  };
}
