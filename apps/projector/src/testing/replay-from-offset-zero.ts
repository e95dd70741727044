import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Kafka } from 'kafkajs';
import type { Document, Db } from 'mongodb';
import { startProjectorForTest } from './start-projector-for-test';
import { waitUntilProjected } from './wait-until-projected';

/**
 * Stops the projector, moves its consumer group back to the start of the ledger and starts it again,
 * so every event already applied is delivered a second time, and waits until the replay has passed
 * the end of every partition.
 */
export async function restartProjectorFromOffsetZero(
  env: Record<string, string>,
  kafka: Kafka,
  running: NestFastifyApplication,
): Promise<{ app: NestFastifyApplication; url: string }> {
  await running.close();
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.resetOffsets({ groupId: env.PROJECTOR_GROUP, topic: env.LEDGER_TOPIC, earliest: true });
  } finally {
    await admin.disconnect();
  }
  const restarted = await startProjectorForTest(env);
  await waitUntilProjected(env, kafka);
  return restarted;
}

/** Every document of a collection, by `_id`, for comparing a read model before and after a replay. */
export async function documentsById(db: Db, collection: string): Promise<Map<string, Document>> {
  const documents = await db.collection(collection).find({}, { batchSize: 1_000 }).toArray();
  return new Map(documents.map((doc) => [String(doc._id), doc]));
}
