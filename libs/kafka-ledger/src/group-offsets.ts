import type { Kafka } from 'kafkajs';
import { topicRanges } from './read-topic-records';

/** Whether a consumer group has committed, for every partition of `topic`, the partition's end offset as of now. */
export async function groupCaughtUp(kafka: Kafka, groupId: string, topic: string): Promise<boolean> {
  const ranges = await topicRanges(kafka, topic);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const next = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
    return ranges.every((r) => BigInt(r.high) === BigInt(r.low) || (next.get(r.partition) ?? -1n) >= BigInt(r.high));
  } finally {
    await admin.disconnect();
  }
}

/** Whether a consumer group has members with their partitions assigned (state `Stable`): it is consuming. */
export async function groupIsStable(kafka: Kafka, groupId: string): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    return groups[0]?.state === 'Stable';
  } finally {
    await admin.disconnect();
  }
}
