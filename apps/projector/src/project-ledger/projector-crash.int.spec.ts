import { join, resolve } from 'node:path';
import { LEARNER_SESSIONS_COLLECTION, LearnerSessionDocument, learnerSessionId, ReadStore } from '@ledger/read-store';
import { eventually, freePort, isolatedAppEnv, SupervisedProcess, uniqueName } from '@ledger/test-harness';
import { accessedEvent, ledgerForTest } from '../testing/ledger-fixtures';

const ROOT = resolve(__dirname, '../../../..');
// Two projector processes replay a few thousand events through every projection on a 2-core machine.
jest.setTimeout(300_000);

/**
 * A projector process killed with SIGKILL mid-stream and restarted ends where an uninterrupted run
 * would: checked against totals computed independently from the events that were appended.
 */
describe('projector killed mid-stream', () => {
  let env: Record<string, string>;
  let store: ReadStore;
  let ledger: Awaited<ReturnType<typeof ledgerForTest>>;
  const running: SupervisedProcess[] = [];

  beforeAll(async () => {
    env = isolatedAppEnv();
    ledger = await ledgerForTest(env);
    store = await ReadStore.connect({ mongoUrl: env.MONGO_URL, database: env.MONGO_DATABASE });
  });
  afterAll(async () => {
    for (const process of running) await process.stop();
    await ledger.close();
    await store.close();
  });

  const startProjectorProcess = async (name: string) => {
    const port = await freePort();
    const projector = await SupervisedProcess.start({
      name,
      command: process.execPath,
      args: ['-r', '@swc-node/register', join(ROOT, 'apps/projector/src/main.ts')],
      cwd: ROOT,
      env: { ...process.env, ...env, PROJECTOR_PORT: String(port) },
      logFile: join(ROOT, '.infra', `${uniqueName(name)}.log`),
      isReady: async () => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.status === 200,
      readyTimeoutMs: 60_000,
    });
    running.push(projector);
    return projector;
  };

  it('resumes without losing or double counting anything', async () => {
    const learners = Array.from({ length: 150 }, () => uniqueName('learner'));
    const sessions = ['s-1', 's-2', 's-3'];
    const expected = new Map<string, { time: number; accesses: number }>();
    const makeBatch = (round: number) =>
      learners.flatMap((learner, l) =>
        sessions.map((session, s) => {
          const seconds = 1 + ((round * 31 + l * 7 + s * 13) % 97);
          const id = learnerSessionId(learner, session);
          const total = expected.get(id) ?? { time: 0, accesses: 0 };
          expected.set(id, { time: total.time + seconds, accesses: total.accesses + 1 });
          return accessedEvent(learner, session, seconds);
        }),
      );
    for (let round = 0; round < 4; round += 1) await ledger.writer.append(makeBatch(round));

    const first = await startProjectorProcess('projector-1');
    const sessionsCollection = store.db.collection<LearnerSessionDocument>(LEARNER_SESSIONS_COLLECTION);
    await eventually(async () => ((await sessionsCollection.countDocuments({})) > 0 ? true : undefined), 60_000);
    await first.kill();
    const appliedAtKill = (await sessionsCollection.find({}).toArray()).reduce((n, doc) => n + doc.accessCount, 0);
    expect(appliedAtKill).toBeLessThan(4 * expected.size); // the kill really was mid-stream

    for (let round = 4; round < 6; round += 1) await ledger.writer.append(makeBatch(round));
    await startProjectorProcess('projector-2');
    const docs = await eventually(async () => {
      const all = await sessionsCollection.find({}).toArray();
      return all.length === expected.size && all.every((doc) => doc.accessCount >= 6) ? all : undefined;
    }, 240_000);
    const actual = new Map(docs.map((doc) => [doc._id, { time: doc.timeSpentSeconds, accesses: doc.accessCount }]));
    expect(actual).toEqual(expected);
  });
});
