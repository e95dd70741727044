import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Kafka } from 'kafkajs';
import type { Document, Db } from 'mongodb';
import { startProjectorForTest } from './start-projector-for-test';

/**
 * Stops the projector, moves its consumer group back to the start of the ledger and starts it again,
 * so every event already applied is delivered a second time. Callers append a marker event and wait
 * for it to know the replay has passed everything before it.
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
  return startProjectorForTest(env);
}

/** Every document of a collection, by `_id`, for comparing a read model before and after a replay. */
export async function documentsById(db: Db, collection: string): Promise<Map<string, Document>> {
  const documents = await db.collection(collection).find({}).toArray();
  return new Map(documents.map((doc) => [String(doc._id), doc]));
}
