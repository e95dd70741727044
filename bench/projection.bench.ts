import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LedgerEvent } from '@ledger/events';
import { createKafka, ensureLedgerTopic, LedgerConsumer, LedgerWriter } from '@ledger/kafka';
import { bulkWriteInChunks, LEARNER_SESSIONS_COLLECTION, LearnerSessionDocument, learnerSessionId, PROJECTION_WATERMARKS_COLLECTION, ProjectionWatermarkDocument, ReadStore } from '@ledger/read-store';
import { createLogger } from '@ledger/runtime';
import type { RunningStack } from '@ledger/test-harness';
import { buildProjectorApp } from '../apps/projector/src/projector.app';
import { loadProjectorConfig } from '../apps/projector/src/config';
import { rebuildReadModels } from '../apps/projector/src/rebuild/rebuild-read-models';
import { printTable, rate } from './bench-kit';

export interface ProjectionBenchOptions {
  events: number;
  learners: number;
  sessionsPerLearner: number;
}

/**
 * Projection throughput against raw baselines, on one topic and one store, in one run:
 *  - raw consume: the same consumer loop with a handler that does nothing;
 *  - raw bulk write: every final learner-session document written once with replaceOne upserts
 *    (500 per bulkWrite) into a collection of the same size — the least any projection must store;
 *  - live projection: the projector app from offset 0 until its watermark reaches the end;
 *  - rebuild: the rebuild command replaying the same topic into a new generation.
 * Rates are events per second. Targets: live ≥ 0.5 × min(raw consume, raw bulk write); rebuild ≥ 0.7 × the same.
 */
export async function benchProjection(stack: RunningStack, options: ProjectionBenchOptions): Promise<Record<string, number>> {
  const logger = createLogger('bench', 'warn');
  const suffix = Date.now().toString(36);
  const env = {
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    MONGO_URL: stack.mongoUrl,
    ...(stack.ferretDbPostgresUrl ? { FERRETDB_POSTGRESQL_URL: stack.ferretDbPostgresUrl } : {}),
    MONGO_DATABASE: `bench_projection_${suffix}`,
    LEDGER_TOPIC: `bench-projection-${suffix}`,
    PROJECTOR_GROUP: `bench-projector-${suffix}`,
    PROJECTOR_PORT: '0',
    LOG_LEVEL: 'warn',
  };
  const config = loadProjectorConfig(env);
  const kafka = createKafka({ brokers: stack.kafkaBrokers, clientId: 'bench', ledgerTopic: env.LEDGER_TOPIC }, logger);
  await ensureLedgerTopic(kafka, env.LEDGER_TOPIC);
  const events = await appendWorkload(kafka, env.LEDGER_TOPIC, options);
  const store = await ReadStore.connect({ mongoUrl: env.MONGO_URL, database: env.MONGO_DATABASE });
  try {
    const consumeMs = await timeRawConsume(kafka, env.LEDGER_TOPIC, events.length, logger);
    const writeMs = await timeRawBulkWrite(store, events);

    const app = await buildProjectorApp(config, logger);
    const liveStarted = performance.now();
    await app.init();
    await waitForWatermark(store, config.consumerGroup, kafka, env.LEDGER_TOPIC);
    const liveMs = performance.now() - liveStarted;
    await app.close();

    const rebuild = await rebuildReadModels(config, logger, 'switch');
    const results = {
      rawConsume: rate(events.length, consumeMs),
      rawBulkWrite: rate(events.length, writeMs),
      live: rate(events.length, liveMs),
      rebuild: Math.round(rebuild.events / rebuild.seconds),
    };
    const floor = Math.min(results.rawConsume, results.rawBulkWrite);
    printTable(`projection: ${events.length} events, ${options.learners * options.sessionsPerLearner} learner-session documents`, [
      ['raw consume (no-op handler)', `${results.rawConsume} events/s`],
      ['raw bulk write (final documents once)', `${results.rawBulkWrite} events/s`],
      ['live projection', `${results.live} events/s`],
      ['rebuild (replay into a new generation)', `${results.rebuild} events/s`],
      ['live / min(raw)   (target ≥ 0.5)', (results.live / floor).toFixed(2)],
      ['rebuild / min(raw) (target ≥ 0.7)', (results.rebuild / floor).toFixed(2)],
    ]);
    return results;
  } finally {
    await store.db.dropDatabase().catch(() => undefined);
    await store.close();
  }
}

async function appendWorkload(kafka: ReturnType<typeof createKafka>, topic: string, options: ProjectionBenchOptions): Promise<LedgerEvent[]> {
  const writer = new LedgerWriter(kafka, topic);
  await writer.connect();
  const recordedAt = new Date().toISOString();
  const events: LedgerEvent[] = Array.from({ length: options.events }, (_, i) => {
    const learner = `bench-learner-${i % options.learners}`;
    return {
      eventId: randomUUID(),
      type: 'SessionAccessed',
      version: 1,
      occurredAt: recordedAt,
      recordedAt,
      subject: learner,
      actor: learner,
      source: 'bench',
      data: { sessionId: `session-${Math.floor(i / options.learners) % options.sessionsPerLearner}`, attemptId: 'a-1', timeSpentSeconds: 1 + (i % 300) },
    };
  });
  for (let i = 0; i < events.length; i += 1000) await writer.append(events.slice(i, i + 1000));
  await writer.disconnect();
  return events;
}

async function timeRawConsume(kafka: ReturnType<typeof createKafka>, topic: string, total: number, logger: ReturnType<typeof createLogger>): Promise<number> {
  const consumer = new LedgerConsumer(kafka, logger);
  let seen = 0;
  const started = performance.now();
  let finished = 0;
  await consumer.start({
    groupId: `bench-noop-${Date.now()}`,
    topic,
    fromBeginning: true,
    handleBatch: async (messages) => {
      seen += messages.length;
      if (seen >= total && finished === 0) finished = performance.now();
    },
  });
  while (finished === 0) await sleep(20);
  await consumer.stop();
  return finished - started;
}

async function timeRawBulkWrite(store: ReadStore, events: LedgerEvent[]): Promise<number> {
  const documents = new Map<string, LearnerSessionDocument>();
  for (const event of events) {
    const data = event.data as { sessionId: string; timeSpentSeconds: number };
    const id = learnerSessionId(event.subject, data.sessionId);
    const doc = documents.get(id) ?? shapeOf(id, event.subject, data.sessionId);
    doc.accessCount += 1;
    doc.timeSpentSeconds += data.timeSpentSeconds;
    documents.set(id, doc);
  }
  const collection = store.db.collection<LearnerSessionDocument>(`${LEARNER_SESSIONS_COLLECTION}_raw`);
  const all = [...documents.values()];
  await collection.insertMany(all.map((d) => ({ ...d, accessCount: 0 })));
  const started = performance.now();
  await bulkWriteInChunks(
    collection,
    all.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })),
  );
  return performance.now() - started;
}

function shapeOf(id: string, learnerId: string, sessionId: string): LearnerSessionDocument {
  return {
    _id: id,
    learnerId,
    sessionId,
    status: 'in-progress',
    statusByPolicy: { latest: 'in-progress', best: 'in-progress' },
    firstAccessedAt: null,
    lastAccessedAt: null,
    accessCount: 0,
    timeSpentSeconds: 0,
    attempts: [{ attemptId: 'a-1', verdict: null, completedAt: null }],
    latestScore: null,
    bestScore: null,
    projection: { schemaVersion: 1, offsets: { '0': '0' }, lastRecordedAt: '' },
  };
}

async function waitForWatermark(store: ReadStore, group: string, kafka: ReturnType<typeof createKafka>, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = (await admin.fetchTopicOffsets(topic)).filter((o) => BigInt(o.high) > 0n);
  await admin.disconnect();
  for (;;) {
    const marks = await store.db.collection<ProjectionWatermarkDocument>(PROJECTION_WATERMARKS_COLLECTION).find({ consumerGroup: group }).toArray();
    const applied = new Map(marks.map((m) => [m.partition, BigInt(m.appliedOffset)]));
    if (ends.every((e) => (applied.get(e.partition) ?? -1n) + 1n >= BigInt(e.high))) return;
    await sleep(50);
  }
}
