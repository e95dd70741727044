import type { Kafka } from 'kafkajs';
import { eventually } from '@ledger/test-harness';

/**
 * Waits until the projector's consumer group has applied and committed every event on the ledger
 * topic now, on every partition: not one marker event on one partition, which says nothing about the
 * others. Committed offsets (not watermarks) are what move back when a replay starts from offset 0, so
 * this also waits for a whole replay.
 */
export async function waitUntilProjected(env: Record<string, string>, kafka: Kafka, consumerGroup = env.PROJECTOR_GROUP): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(env.LEDGER_TOPIC);
    const goal = ends.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => ({ partition: p.partition, end: BigInt(p.high) }));
    await eventually(async () => {
      const [committed] = await admin.fetchOffsets({ groupId: consumerGroup, topics: [env.LEDGER_TOPIC] });
      const next = new Map(committed.partitions.map((p) => [p.partition, BigInt(p.offset)]));
      return goal.every(({ partition, end }) => (next.get(partition) ?? -1n) >= end) ? true : undefined;
    });
  } finally {
    await admin.disconnect();
  }
}
