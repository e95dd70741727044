import type { Kafka } from 'kafkajs';
import { Checkpoint, decodeCheckpoint } from '@ledger/chain';
import { readTopicRecords, topicRanges } from '@ledger/kafka';

/**
 * The newest checkpoint of each wanted partition of `ledgerTopic`, read from the end of the seals
 * topic backwards in growing windows, so a restart reads a few records rather than every seal ever
 * written. A partition never sealed makes it read the whole topic once.
 */
export async function lastCheckpoints(
  kafka: Kafka,
  sealsTopic: string,
  ledgerTopic: string,
  wanted: Iterable<number>,
): Promise<Map<number, Checkpoint>> {
  const partitions = [...wanted];
  const ranges = await topicRanges(kafka, sealsTopic);
  for (let window = 64n; ; window *= 8n) {
    const from = new Map(
      ranges.map((r) => [r.partition, BigInt(r.high) - window > BigInt(r.low) ? String(BigInt(r.high) - window) : r.low]),
    );
    const found = new Map<number, Checkpoint>();
    await readTopicRecords(
      kafka,
      sealsTopic,
      (records) => {
        for (const record of records) {
          const decoded = decodeCheckpoint(record.value);
          if (decoded.ok && decoded.checkpoint.topic === ledgerTopic) found.set(decoded.checkpoint.partition, decoded.checkpoint);
        }
      },
      { from },
    );
    const readAll = ranges.every((r) => from.get(r.partition) === r.low);
    if (readAll || partitions.every((p) => found.has(p))) return found;
  }
}
