import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Partitioners } from 'kafkajs';
import { deadLetterTopicOf, readLedgerToEnd } from '@ledger/kafka';
import { LEARNER_SESSIONS_COLLECTION, LearnerSessionDocument, learnerSessionId, ReadStore } from '@ledger/read-store';
import { eventually, isolatedAppEnv, uniqueName } from '@ledger/test-harness';
import { startProjectorForTest } from '../testing/start-projector-for-test';
import { waitUntilProjected } from '../testing/wait-until-projected';
import { accessedEvent, ledgerForTest, scoredEvent } from '../testing/ledger-fixtures';

/** The live projector on a real broker and store: redelivery, duplicates, poison events, watermark. */
describe('ledger projector', () => {
  let env: Record<string, string>;
  let store: ReadStore;
  let ledger: Awaited<ReturnType<typeof ledgerForTest>>;
  let projector: { app: NestFastifyApplication; url: string } | undefined;

  beforeAll(async () => {
    env = isolatedAppEnv({ PROJECTOR_RETRY_BACKOFF_MS: '10' });
    ledger = await ledgerForTest(env);
    store = await ReadStore.connect({ mongoUrl: env.MONGO_URL, database: env.MONGO_DATABASE, ferretDbPostgresUrl: env.FERRETDB_POSTGRESQL_URL });
  });
  afterAll(async () => {
    await projector?.app.close();
    await ledger.close();
    await store.close();
  });

  const sessionDoc = (learner: string, session: string) =>
    store.db.collection<LearnerSessionDocument>(LEARNER_SESSIONS_COLLECTION).findOne({ _id: learnerSessionId(learner, session) });

  it('counts an event appended twice (same eventId) once, and a failed re-attempt after a pass shows failed', async () => {
    projector = await startProjectorForTest(env);
    const learner = uniqueName('learner');
    const access = accessedEvent(learner, 's-1', 300);
    await ledger.writer.append([access, accessedEvent(learner, 's-1', 120), access]);
    await ledger.writer.append([scoredEvent(learner, 's-1', 9, true, '2026-11-20T11:00:00.000Z'), scoredEvent(learner, 's-1', 5, false, '2026-11-21T11:00:00.000Z')]);
    await waitUntilProjected(env, ledger.kafka);
    const doc = (await sessionDoc(learner, 's-1'))!;
    expect({ time: doc.timeSpentSeconds, accesses: doc.accessCount, status: doc.status, best: doc.bestScore?.score, latest: doc.latestScore?.score }).toEqual({
      time: 420,
      accesses: 2,
      status: 'failed',
      best: 9,
      latest: 5,
    });
  });

  it('changes nothing when the whole ledger is redelivered from offset 0', async () => {
    const learner = uniqueName('learner');
    await ledger.writer.append([accessedEvent(learner, 's-2', 60), accessedEvent(learner, 's-2', 40)]);
    const before = await eventually(async () => {
      const found = await sessionDoc(learner, 's-2');
      return found?.accessCount === 2 ? found : undefined;
    });
    await projector!.app.close();
    const admin = ledger.kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: env.PROJECTOR_GROUP, topic: env.LEDGER_TOPIC, earliest: true });
    await admin.disconnect();

    projector = await startProjectorForTest(env);
    await waitUntilProjected(env, ledger.kafka);
    expect(await sessionDoc(learner, 's-2')).toEqual(before);
  });

  it('dead-letters undecodable and unknown events with their bytes and origin, and keeps applying later events', async () => {
    const learner = uniqueName('learner');
    const raw = ledger.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await raw.connect();
    await raw.send({ topic: env.LEDGER_TOPIC, acks: -1, messages: [{ key: learner, value: '{"not": "an event"' }] });
    await raw.send({ topic: env.LEDGER_TOPIC, acks: -1, messages: [{ key: learner, value: JSON.stringify({ ...accessedEvent(learner, 's-3', 5), type: 'SessionTeleported' }) }] });
    await raw.disconnect();
    await ledger.writer.append([accessedEvent(learner, 's-3', 75)]);

    const doc = await eventually(async () => (await sessionDoc(learner, 's-3')) ?? undefined);
    expect(doc.timeSpentSeconds).toBe(75);
    const dead = await eventually(async () => {
      const messages = await readLedgerToEnd(ledger.kafka, deadLetterTopicOf(env.LEDGER_TOPIC));
      const mine = messages.filter((m) => m.key === learner);
      return mine.length === 2 ? mine : undefined;
    });
    expect(dead[0].value?.toString()).toBe('{"not": "an event"');
    expect(dead[0].headers).toMatchObject({ 'source-topic': env.LEDGER_TOPIC, consumer: 'projector', error: expect.stringContaining('not JSON') });
    expect(dead[1].headers?.error).toContain('unknown event type "SessionTeleported"');
    expect(Number(dead[1].headers?.['source-offset'])).toBeGreaterThan(Number(dead[0].headers?.['source-offset']));

    const watermark = (await (await fetch(`${projector!.url}/v1/watermark`)).json()) as { deadLettered: number; completeThrough: string | null };
    expect(watermark.deadLettered).toBe(2);
    expect(watermark.completeThrough).not.toBeNull();
  });
});
