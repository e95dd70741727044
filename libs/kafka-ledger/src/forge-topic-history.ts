import { IHeaders, Kafka, Partitioners } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_LEDGER_PARTITIONS } from './kafka-settings';
import type { RawLedgerRecord } from './raw-record';

/**
 * For tests that prove tampering is caught, and nothing else: replaces a topic's whole history on the
 * broker, as an attacker with broker access could. The topic is deleted, created again with the same
 * name, partitions and ledger settings, and each partition gets exactly `records` (key, value and
 * headers as given) at offsets 0, 1, 2, … Ingest is bypassed entirely.
 */
export async function forgeTopicHistory(
  kafka: Kafka,
  topic: string,
  records: Map<number, RawLedgerRecord[]>,
  partitions = DEFAULT_LEDGER_PARTITIONS,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [topic] });
    while ((await admin.listTopics()).includes(topic)) await sleep(100);
    const config = [
      { name: 'retention.ms', value: '-1' },
      { name: 'retention.bytes', value: '-1' },
    ];
    // The broker may still be finishing the deletion for a moment after the topic stopped being listed.
    for (
      let attempt = 0;
      !(await admin
        .createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions, configEntries: config }] })
        .catch(() => false));
      attempt++
    ) {
      if (attempt > 50) throw new Error(`could not create ${topic} again`);
      await sleep(200);
    }
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    for (const [partition, list] of records) {
      if (list.length === 0) continue;
      await producer.send({
        topic,
        acks: -1,
        messages: list.map((r) => ({ partition, key: r.key, value: r.value, headers: headersOf(r) })),
      });
    }
  } finally {
    await producer.disconnect();
  }
}

function headersOf(record: RawLedgerRecord): IHeaders {
  const headers: Record<string, Buffer[]> = {};
  for (const [name, value] of record.headers) (headers[name] ??= []).push(value ?? Buffer.alloc(0));
  return Object.fromEntries(Object.entries(headers).map(([name, values]) => [name, values.length === 1 ? values[0] : values]));
}
