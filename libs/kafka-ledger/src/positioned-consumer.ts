import type { Consumer, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { RawLedgerRecord, toRawRecord } from './raw-record';

export interface PositionedConsumerOptions {
  groupId: string;
  topic: string;
  /**
   * Where each assigned partition resumes, asked on every (re)assignment; undefined starts at the
   * partition's first offset. The caller's own record of its progress decides, not the group's offsets.
   */
  resumeAt: (partition: number) => string | undefined;
  /**
   * For a reader that need not be prompt: the broker holds a fetch until this many bytes are ready or
   * `maxWaitMs` passed, so under load it is asked rarely, for large batches, instead of per few records.
   */
  fetchAtLeast?: { bytes: number; maxWaitMs: number };
  /** Handles one fetched batch (one partition, offset order), as raw bytes. A throw redelivers from `resumeAt`. */
  handleBatch: (records: RawLedgerRecord[], partition: number) => Promise<void>;
}

/**
 * A consumer-group member for readers that keep their own position (the sealer keeps it in its signed
 * checkpoints): it seeks every assigned partition to where the caller says, hands batches over as raw
 * bytes, and commits only what the caller commits, so the group's offsets show real progress.
 */
export class PositionedConsumer {
  private consumer?: Consumer;
  private topic = '';

  constructor(
    private readonly kafka: Kafka,
    private readonly logger: Logger,
  ) {}

  async start(options: PositionedConsumerOptions): Promise<void> {
    this.topic = options.topic;
    // A short session, so a sealer that restarts after a crash is not kept waiting long for its dead predecessor to leave the group.
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      maxBytesPerPartition: 4 * 1024 * 1024,
      minBytes: options.fetchAtLeast?.bytes ?? 1,
      maxWaitTimeInMs: options.fetchAtLeast?.maxWaitMs ?? 5_000,
      retry: { retries: 5 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      for (const partition of payload.memberAssignment[options.topic] ?? []) {
        const offset = options.resumeAt(partition);
        if (offset !== undefined) consumer.seek({ topic: options.topic, partition, offset });
      }
    });
    await consumer.connect();
    await consumer.subscribe({ topic: options.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch, heartbeat, isRunning, isStale }) => {
        if (!isRunning() || isStale() || batch.messages.length === 0) return;
        await options.handleBatch(
          batch.messages.map((m) => toRawRecord(batch.partition, m)),
          batch.partition,
        );
        await heartbeat();
      },
    });
  }

  /** Records in the group that a partition is done up to `nextOffset`; best effort (a rebalance may refuse it). */
  async commit(partition: number, nextOffset: string): Promise<void> {
    await this.consumer?.commitOffsets([{ topic: this.topic, partition, offset: nextOffset }]).catch((error: Error) => {
      this.logger.debug({ partition, nextOffset, err: error.message }, 'offset commit refused');
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
