import type { Consumer, Kafka } from 'kafkajs';
import type { Logger } from 'pino';

/** A message as read from the ledger, before decoding. */
export interface LedgerMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers?: Record<string, string>;
}

/** Where a fetched batch stands in its partition. */
export interface BatchInfo {
  partition: number;
  /** The partition's end offset when the batch was fetched (the offset the next appended message will get). */
  highWatermark: string;
}

/** Applies one fetched batch (all from one partition, in offset order). Resolving means every effect is stored. */
export type BatchHandler = (messages: LedgerMessage[], info: BatchInfo) => Promise<void>;

export interface LedgerConsumerOptions {
  groupId: string;
  topic: string;
  /** Where a group with no committed offset starts. A projection always starts from the beginning of the ledger. */
  fromBeginning: boolean;
  handleBatch: BatchHandler;
}

/**
 * A consumer-group member that commits an offset only after the handler for the batch up to that
 * offset resolved. A throwing handler leaves the offset where it was, so the batch is redelivered.
 */
export class LedgerConsumer {
  private consumer?: Consumer;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly kafka: Kafka,
    private readonly logger: Logger,
  ) {}

  async start(options: LedgerConsumerOptions): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxBytesPerPartition: 4 * 1024 * 1024,
      retry: { retries: 5 },
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic: options.topic, fromBeginning: options.fromBeginning });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
        if (!isRunning() || isStale() || batch.messages.length === 0) return;
        const messages: LedgerMessage[] = batch.messages.map((m) => ({
          topic: batch.topic,
          partition: batch.partition,
          offset: m.offset,
          key: m.key ? m.key.toString('utf8') : null,
          value: m.value,
          headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? ''])),
        }));
        const work = options.handleBatch(messages, { partition: batch.partition, highWatermark: batch.highWatermark });
        this.inFlight.add(work);
        try {
          await work;
        } finally {
          this.inFlight.delete(work);
        }
        const last = messages[messages.length - 1].offset;
        resolveOffset(last);
        await commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: String(BigInt(last) + 1n) }] }] });
        await heartbeat();
        this.logger.debug({ topic: batch.topic, partition: batch.partition, offset: last, count: messages.length }, 'batch applied');
      },
    });
  }

  /** Lets the batch being applied finish and commit, then leaves the group. */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    await this.consumer?.disconnect();
  }
}
