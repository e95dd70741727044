import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { collectionInGeneration, currentGeneration, LEARNER_SESSIONS_COLLECTION, LearnerSessionDocument, learnerSessionId, ReadStore } from '@ledger/read-store';
import { createLogger } from '@ledger/runtime';
import { bearer, eventually, isolatedAppEnv, REPORTING_AUDIENCE, testPersonToken, uniqueName } from '@ledger/test-harness';
import { loadProjectorConfig } from '../config';
import { accessedEvent, ledgerForTest, scoredEvent } from '../testing/ledger-fixtures';
import { startProjectorForTest } from '../testing/start-projector-for-test';
import { startReportingForTest } from '../../../reporting/src/testing/start-reporting-for-test';
import { startIngestForTest } from '../../../ingest/src/testing/start-ingest-for-test';
import { rebuildReadModels } from './rebuild-read-models';

/** Rebuild from offset 0 while the live projector runs: verify equals live, detect tampering, switch readers. */
describe('rebuilding read models', () => {
  let env: Record<string, string>;
  let store: ReadStore;
  let ledger: Awaited<ReturnType<typeof ledgerForTest>>;
  const apps: NestFastifyApplication[] = [];
  let reportingUrl = '';
  const learners = Array.from({ length: 12 }, () => uniqueName('learner'));
  const logger = createLogger('test', 'warn');

  beforeAll(async () => {
    env = isolatedAppEnv();
    ledger = await ledgerForTest(env);
    store = await ReadStore.connect({ mongoUrl: env.MONGO_URL, database: env.MONGO_DATABASE });
    const projector = await startProjectorForTest(env);
    // Reporting answers a hub admin, and records that view through ingest first.
    const ingest = await startIngestForTest(env);
    const reporting = await startReportingForTest({ ...env, INGEST_URL: ingest.url });
    apps.push(projector.app, reporting.app, ingest.app);
    reportingUrl = reporting.url;
    for (const learner of learners) {
      const repeated = accessedEvent(learner, 's-a', 50);
      await ledger.writer.append([
        repeated,
        accessedEvent(learner, 's-a', 70),
        repeated,
        accessedEvent(learner, 's-b', 30),
        scoredEvent(learner, 's-b', 9, true, '2026-11-20T11:00:00.000Z'),
        scoredEvent(learner, 's-b', 4, false, '2026-11-21T11:00:00.000Z'),
      ]);
    }
    await eventually(async () => {
      const docs = await store.db.collection(LEARNER_SESSIONS_COLLECTION).countDocuments({});
      return docs === learners.length * 2 ? true : undefined;
    });
  });
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    await ledger.close();
    await store.close();
  });

  it('verify: a replay from offset 0 equals the live read models, and leaves no scratch collections', async () => {
    const progress: number[] = [];
    const result = await rebuildReadModels(loadProjectorConfig(env), logger, 'verify', (p) => progress.push(p.done));
    expect(result.differences).toEqual([]);
    expect(result.events).toBe(learners.length * 6);
    expect(progress[progress.length - 1]).toBe(learners.length * 6);
    const names = (await store.db.listCollections().toArray()).map((c) => c.name);
    expect(names.filter((n) => n.includes(result.generation))).toEqual([]);
  });

  it('verify: names a live document that no longer matches the ledger', async () => {
    const id = learnerSessionId(learners[0], 's-a');
    await store.db.collection<LearnerSessionDocument>(LEARNER_SESSIONS_COLLECTION).updateOne({ _id: id }, { $set: { timeSpentSeconds: 99999 } });
    const result = await rebuildReadModels(loadProjectorConfig(env), logger, 'verify');
    expect(result.differences).toEqual([{ collection: LEARNER_SESSIONS_COLLECTION, id, kind: 'content-differs' }]);
  });

  it('switch: readers move to the rebuilt generation at once (repairing the tampered document) and live projection follows', async () => {
    const result = await rebuildReadModels(loadProjectorConfig(env), logger, 'switch');
    expect(await currentGeneration(store.db)).toBe(result.generation);
    const asAdmin = bearer(await testPersonToken('admin-hana', REPORTING_AUDIENCE));
    const view = (await (await fetch(`${reportingUrl}/v1/learners/${learners[0]}/sessions`, { headers: asAdmin })).json()) as { sessions: Array<{ sessionId: string; timeSpentSeconds: number; status: string }> };
    expect(view.sessions.map((s) => [s.sessionId, s.timeSpentSeconds, s.status]).sort()).toEqual([
      ['s-a', 120, 'in-progress'],
      ['s-b', 30, 'failed'],
    ]);

    const newcomer = uniqueName('learner');
    await ledger.writer.append([accessedEvent(newcomer, 's-c', 15)]);
    const doc = await eventually(async () =>
      (await store.db.collection<LearnerSessionDocument>(collectionInGeneration(LEARNER_SESSIONS_COLLECTION, result.generation)).findOne({ _id: learnerSessionId(newcomer, 's-c') })) ?? undefined,
    );
    expect(doc.timeSpentSeconds).toBe(15);
  });
});
