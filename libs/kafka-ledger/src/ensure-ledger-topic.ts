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
    // Asking first keeps the broker from logging a creation error on every boot; a concurrent creator
    // (ingest and projector booting together) still makes createTopics resolve false, not throw.
    if ((await admin.listTopics()).includes(topic)) return;
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
