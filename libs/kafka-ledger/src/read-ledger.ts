import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { LedgerMessage } from './ledger-consumer';

/**
 * Reads a topic from offset 0 up to its end as of the call, with a throw-away consumer group, and
 * returns the messages per partition in offset order. For auditors' checks and tests; projections
 * use LedgerConsumer.
 */
export async function readLedgerToEnd(kafka: Kafka, topic: string, timeoutMs = 60_000): Promise<LedgerMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const remaining = new Map(ends.filter((p) => BigInt(p.high) > 0n).map((p) => [p.partition, BigInt(p.high)]));
  const messages: LedgerMessage[] = [];
  if (remaining.size === 0) return messages;
  const groupId = `ledger-reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reading ${topic} did not reach its end within ${timeoutMs} ms`)), timeoutMs);
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = remaining.get(partition);
            if (end === undefined || BigInt(message.offset) >= end) return;
            messages.push({
              topic,
              partition,
              offset: message.offset,
              key: message.key?.toString('utf8') ?? null,
              value: message.value,
              headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? ''])),
            });
            if (BigInt(message.offset) + 1n >= end) remaining.delete(partition);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    const cleanup = kafka.admin();
    await cleanup.connect();
    await cleanup.deleteGroups([groupId]).catch(() => undefined);
    await cleanup.disconnect();
  }
  return messages.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}
