import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { RawLedgerRecord, toRawRecord } from './raw-record';

/** A partition's first and end offsets (end = the offset the next appended record will get). */
export interface PartitionRange {
  partition: number;
  low: string;
  high: string;
}

export interface ReadTopicOptions {
  /** Where to start per partition; the partition's first offset when absent. */
  from?: Map<number, string>;
  /** Where to end per partition (exclusive); the partition's end as of the call when absent or beyond it. */
  until?: Map<number, string>;
  /** Gives up when no batch arrived for this long while partitions are still unread. */
  idleTimeoutMs?: number;
}

/** Whether the topic exists. */
export async function topicExists(kafka: Kafka, topic: string): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).includes(topic);
  } finally {
    await admin.disconnect();
  }
}

/** Every partition's first and end offsets, now. */
export async function topicRanges(kafka: Kafka, topic: string): Promise<PartitionRange[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.map((o) => ({ partition: o.partition, low: o.low, high: o.high })).sort((a, b) => a.partition - b.partition);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Streams a topic's records, batch by batch (each batch from one partition, in offset order), from
 * `from` (or the start) up to each partition's end as of the call, with a throw-away consumer group.
 * Batches arrive one at a time; `onBatch` may be async. Resolves with the ranges it read.
 */
export async function readTopicRecords(
  kafka: Kafka,
  topic: string,
  onBatch: (records: RawLedgerRecord[], partition: number) => void | Promise<void>,
  options: ReadTopicOptions = {},
): Promise<PartitionRange[]> {
  const ranges = await topicRanges(kafka, topic);
  const start = (r: PartitionRange) => maxOffset(r.low, options.from?.get(r.partition) ?? r.low);
  const end = (r: PartitionRange) => minOffset(r.high, options.until?.get(r.partition) ?? r.high);
  const remaining = new Map(ranges.filter((r) => BigInt(start(r)) < BigInt(end(r))).map((r) => [r.partition, BigInt(end(r))]));
  if (remaining.size === 0) return ranges;
  const groupId = `topic-reader-${randomUUID()}`;
  const consumer = kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    maxBytesPerPartition: 8 * 1024 * 1024,
    maxBytes: 32 * 1024 * 1024,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const idleMs = options.idleTimeoutMs ?? 60_000;
      let timer = setTimeout(() => reject(new Error(`reading ${topic}: nothing arrived for ${idleMs} ms`)), idleMs);
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch, isStale }) => {
            const end = remaining.get(batch.partition);
            if (end === undefined || isStale()) return;
            clearTimeout(timer);
            timer = setTimeout(() => reject(new Error(`reading ${topic}: nothing arrived for ${idleMs} ms`)), idleMs);
            const from = BigInt(start(ranges.find((r) => r.partition === batch.partition)!));
            const records = batch.messages
              .filter((m) => BigInt(m.offset) >= from && BigInt(m.offset) < end)
              .map((m) => toRawRecord(batch.partition, m));
            if (records.length > 0) await onBatch(records, batch.partition);
            // lastOffset() counts control records too, which never reach us, so a partition still ends.
            if (BigInt(batch.lastOffset()) + 1n >= end) remaining.delete(batch.partition);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .then(() => {
          for (const range of ranges)
            if (remaining.has(range.partition)) consumer.seek({ topic, partition: range.partition, offset: start(range) });
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
  return ranges;
}

function maxOffset(a: string, b: string): string {
  return BigInt(a) >= BigInt(b) ? a : b;
}

function minOffset(a: string, b: string): string {
  return BigInt(a) <= BigInt(b) ? a : b;
}

/**
 * Per partition, the first offset whose broker timestamp is at or after `instantMs` (the partition's
 * end where none is). Broker timestamps only narrow a search: what a fact's time is, its event says.
 */
export async function offsetsAtTime(kafka: Kafka, topic: string, instantMs: number): Promise<Map<number, string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [byTime, ends] = await Promise.all([admin.fetchTopicOffsetsByTimestamp(topic, instantMs), admin.fetchTopicOffsets(topic)]);
    const high = new Map(ends.map((o) => [o.partition, o.high]));
    // Kafka answers -1 for "no record at or after that time": the partition's end.
    return new Map(byTime.map((o) => [o.partition, BigInt(o.offset) < 0n ? high.get(o.partition) ?? '0' : o.offset]));
  } finally {
    await admin.disconnect();
  }
}
