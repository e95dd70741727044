import { setTimeout } from 'node:timers/promises';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Partitioners } from 'kafkajs';
import type { LedgerEvent } from '@ledger/events';
import { deadLetterTopicOf, readLedgerToEnd } from '@ledger/kafka';
import {
  collectionInGeneration,
  currentGeneration,
  DEAD_LETTERED_EVENTS_READ_MODEL,
  LEARNER_SESSIONS_COLLECTION,
  LearnerSessionDocument,
  learnerSessionId,
  ReadStore,
} from '@ledger/read-store';
import { createLogger } from '@ledger/runtime';
import { eventually, isolatedAppEnv, uniqueName } from '@ledger/test-harness';
import { loadProjectorConfig } from '../config';
import { accessedEvent, ledgerForTest, scoredEvent } from '../testing/ledger-fixtures';
import { startProjectorForTest } from '../testing/start-projector-for-test';
import { waitUntilProjected } from '../testing/wait-until-projected';
import { rebuildReadModels } from './rebuild-read-models';

const EVENTS_PER_LEARNER = 7;
const on = { occurredAt: '2026-11-01T09:00:00.000Z' };
const CATALOGUE: LedgerEvent[] = [
  { ...accessedEvent('c-1', 's-a', 0, on), type: 'CourseDefined', data: { courseId: 'c-1', programmeId: 'p-1', title: 'C', sessionIds: ['s-a', 's-b'], issuesCertificate: true, omitsSummaryFromCertificate: false, statusPolicy: 'latest' } },
  { ...accessedEvent('s-a', 's-a', 0, on), type: 'SessionDefined', data: { sessionId: 's-a', title: 'A', parentType: 'course', parentId: 'c-1', requiresPass: false } },
  { ...accessedEvent('s-b', 's-a', 0, on), type: 'SessionDefined', data: { sessionId: 's-b', title: 'B', parentType: 'course', parentId: 'c-1', requiresPass: true } },
];

/**
 * Rebuild from offset 0 while the live projector runs: verify equals live, detect tampering (in the
 * read models and in what was set aside), switch readers while events keep arriving, and never write
 * to the live dead-letter topic.
 */
describe('rebuilding read models', () => {
  let env: Record<string, string>;
  let store: ReadStore;
  let ledger: Awaited<ReturnType<typeof ledgerForTest>>;
  const apps: NestFastifyApplication[] = [];
  const learners = Array.from({ length: 12 }, () => uniqueName('learner'));
  const logger = createLogger('test', 'warn');

  beforeAll(async () => {
    env = isolatedAppEnv();
    ledger = await ledgerForTest(env);
    store = await ReadStore.connect({ mongoUrl: env.MONGO_URL, database: env.MONGO_DATABASE });
    const projector = await startProjectorForTest(env);
    apps.push(projector.app);
    // One poison message on the ledger: the live projector dead-letters it, a replay must not again.
    const raw = ledger.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await raw.connect();
    await raw.send({ topic: env.LEDGER_TOPIC, acks: -1, messages: [{ key: learners[0], value: '{"not": "an event"' }] });
    await raw.disconnect();
    for (const [i, learner] of learners.entries()) {
      const repeated = accessedEvent(learner, 's-a', 50);
      await ledger.writer.append([
        repeated,
        accessedEvent(learner, 's-a', 70),
        repeated,
        accessedEvent(learner, 's-b', 30),
        scoredEvent(learner, 's-b', 9, true, '2026-11-20T11:00:00.000Z'),
        scoredEvent(learner, 's-b', 4, false, '2026-11-21T11:00:00.000Z'),
        // Where they work, so the anonymised cells count by organisation too.
        { ...accessedEvent(learner, 's-a', 0), type: 'EmploymentLocationSet', data: { odsCode: i % 2 ? 'RJ1' : 'RR8', jobRole: null } },
      ]);
    }
    // The catalogue after the activity it places, on other partitions: live, the course and programme
    // cells are recounted when it arrives; a replay may apply it before or after, and must agree.
    await ledger.writer.append(CATALOGUE);
    await waitUntilProjected(env, ledger.kafka);
  });
  const deadLetters = async () => (await readLedgerToEnd(ledger.kafka, deadLetterTopicOf(env.LEDGER_TOPIC))).length;
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    await ledger.close();
    await store.close();
  });

  it('verify: a replay from offset 0 equals the live read models, and leaves no scratch collections', async () => {
    const progress: number[] = [];
    const result = await rebuildReadModels(loadProjectorConfig(env), logger, 'verify', (p) => progress.push(p.done));
    expect(result.differences).toEqual([]);
    expect(result.events).toBe(EVENTS_PER_LEARNER * learners.length + CATALOGUE.length + 1);
    expect(progress[progress.length - 1]).toBe(EVENTS_PER_LEARNER * learners.length + CATALOGUE.length + 1);
    expect(result.setAside).toBe(1);
    expect(await deadLetters()).toBe(1);
    const names = (await store.db.listCollections().toArray()).map((c) => c.name);
    expect(names.filter((n) => n.includes(result.generation))).toEqual([]);
  });

  it('verify: names a live document that no longer matches the ledger', async () => {
    const id = learnerSessionId(learners[0], 's-a');
    await store.db.collection<LearnerSessionDocument>(LEARNER_SESSIONS_COLLECTION).updateOne({ _id: id }, { $set: { timeSpentSeconds: 99999 } });
    const result = await rebuildReadModels(loadProjectorConfig(env), logger, 'verify');
    expect(result.differences).toEqual([{ collection: LEARNER_SESSIONS_COLLECTION, id, kind: 'content-differs' }]);
  });

  it('verify: fails when what the live projector set aside differs from what a replay would', async () => {
    await store.db.collection(DEAD_LETTERED_EVENTS_READ_MODEL.name).deleteMany({});
    const result = await rebuildReadModels(loadProjectorConfig(env), logger, 'verify');
    expect(result.differences).toEqual(expect.arrayContaining([expect.objectContaining({ collection: DEAD_LETTERED_EVENTS_READ_MODEL.name, kind: 'only-in-rebuilt' })]));
  });

  it('switch: readers move to the rebuilt generation at once, and nothing appended meanwhile is lost or counted twice', async () => {
    // Events keep arriving while the replay runs and switches: the live projector must continue into
    // the new generation from exactly where the replay stopped, on every partition.
    const newcomers = Array.from({ length: 8 }, () => uniqueName('learner'));
    let appending = true;
    let rounds = 0;
    // At a steady pace a projector keeps up with (40 events/s), for at most two minutes: a replay
    // catches up with the live projector, and the live one with the ledger, only when it is not saturated.
    const meanwhile = (async () => {
      while (appending && rounds < 600) {
        await ledger.writer.append(newcomers.map((learner) => accessedEvent(learner, 's-c', 1)));
        rounds += 1;
        await setTimeout(200);
      }
    })();
    // Stopped whatever happens, so a failed switch fails this test, not every later one.
    const result = await rebuildReadModels(loadProjectorConfig(env), logger, 'switch').finally(async () => {
      appending = false;
      await meanwhile;
    });
    expect(await currentGeneration(store.db)).toBe(result.generation);
    await waitUntilProjected(env, ledger.kafka);

    // Readers (reporting reads through readModel) see the repaired document in the new generation.
    const sessions = await store.readModel<LearnerSessionDocument>(LEARNER_SESSIONS_COLLECTION);
    expect((await sessions.findOne({ _id: learnerSessionId(learners[0], 's-a') }))?.timeSpentSeconds).toBe(120);
    // A partition whose last slice went to the previous generation is re-read into the new one by the
    // live projector's hand-over check, on its timer, even when nothing more arrives on it.
    const counts = async () => Promise.all(newcomers.map(async (learner) => (await sessions.findOne({ _id: learnerSessionId(learner, 's-c') }))?.accessCount));
    await eventually(async () => ((await counts()).every((count) => count === rounds) ? true : undefined), 30_000).catch(() => undefined);
    expect(await counts()).toEqual(newcomers.map(() => rounds));
    const inNewGeneration = store.db.collection<LearnerSessionDocument>(collectionInGeneration(LEARNER_SESSIONS_COLLECTION, result.generation));
    expect(await inNewGeneration.countDocuments()).toBe(learners.length * 2 + newcomers.length);
    expect(await deadLetters()).toBe(1);

    // And the generation it filled is exactly a replay of the ledger.
    expect((await rebuildReadModels(loadProjectorConfig(env), logger, 'verify')).differences).toEqual([]);
  });
});
