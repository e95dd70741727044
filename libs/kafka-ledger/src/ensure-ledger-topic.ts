import type { Kafka } from 'kafkajs';
import { DEFAULT_LEDGER_PARTITIONS } from './kafka-settings';

/**
 * Creates a topic if it is missing, configured as a ledger: nothing is ever deleted by time or size
 * (`retention.ms=-1`, `retention.bytes=-1`) and nothing is compacted away.
 */
export async function ensureLedgerTopic(kafka: Kafka, topic: string, partitions = DEFAULT_LEDGER_PARTITIONS): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Resolves false when the topic already exists, so concurrent callers (ingest and projector booting together) are fine.
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic,
          numPartitions: partitions,
          configEntries: [
            { name: 'retention.ms', value: '-1' },
            { name: 'retention.bytes', value: '-1' },
            { name: 'cleanup.policy', value: 'delete' },
          ],
        },
      ],
    });
  } finally {
    await admin.disconnect();
  }
}
