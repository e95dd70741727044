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

/** Where a fetched batch stands in its partition, and a way to keep the consumer's group membership alive. */
export interface BatchInfo {
  partition: number;
  /** The partition's end offset when the batch was fetched (the offset the next appended message will get). */
  highWatermark: string;
  /**
   * Tells the group coordinator this member is alive. Call it between steps of long work: a member
   * that is silent for the session timeout is thrown out of the group and its partitions moved,
   * which is the rebalance storm slow poison used to cause. Cheap: kafkajs sends at most one per
   * heartbeat interval.
   */
  heartbeat: () => Promise<void>;
}

/**
 * What a handler may ask for instead of committing its slice: re-read the partition from `resumeFrom`
 * (the projector does this when readers switched to a rebuilt generation that holds the partition only
 * up to an earlier offset).
 */
export interface ResumeFrom {
  resumeFrom: string;
}

/** Applies one slice of a fetched batch (all from one partition, in offset order). Resolving means every effect is stored. */
export type BatchHandler = (messages: LedgerMessage[], info: BatchInfo) => Promise<void | ResumeFrom>;

export interface LedgerConsumerOptions {
  groupId: string;
  topic: string;
  /** Where a group with no committed offset starts. A projection always starts from the beginning of the ledger. */
  fromBeginning: boolean;
  handleBatch: BatchHandler;
  /**
   * How many partitions are applied at the same time. One slow partition (poison, a hot document)
   * then holds up only itself, not every learner on the other partitions.
   */
  partitionsConsumedConcurrently?: number;
  /** Largest slice handed to `handleBatch`: the offset is committed after each, so a fetched batch never becomes one long unit of work. */
  maxSliceSize?: number;
  /** The consumer's session timeout; the handler must heartbeat more often than this. */
  sessionTimeoutMs?: number;
  /**
   * For a replay of the ledger cut at a past position: per partition, the last offset to hand over.
   * Later messages are never handed over, and a partition is paused once it reached its stop (a
   * partition not in the map is paused at once). Unset: every message, for ever.
   */
  stopAfter?: ReadonlyMap<number, bigint>;
}

const DEFAULT_SLICE_SIZE = 500;
/** Bytes fetched per partition at most: about 2 000 ledger events (they are a few hundred bytes each). */
const FETCH_BYTES_PER_PARTITION = 1024 * 1024;
/** kafkajs sends a heartbeat only when asked; during a slice it is asked this often (its heartbeat interval). */
const HEARTBEAT_INTERVAL_MS = 3_000;

/**
 * Runs `work` while telling the group coordinator every few seconds that this member is alive: kafkajs
 * has no background heartbeat, so a slice that took longer than the session timeout (a slow store, a
 * busy machine) would otherwise cost the member its partitions and start a rebalance.
 */
async function whileHeartbeating<T>(heartbeat: () => Promise<void>, logger: Logger, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    heartbeat().catch((error: Error) => logger.debug({ err: error }, 'heartbeat during a slice failed; the group is rebalancing'));
  }, HEARTBEAT_INTERVAL_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/**
 * A consumer-group member that commits an offset only after the handler for the slice up to that
 * offset resolved. A throwing handler leaves the offset where it was, so the slice is redelivered.
 */
export class LedgerConsumer {
  private consumer?: Consumer;
  private topic?: string;
  private readonly inFlight = new Set<Promise<unknown>>();
  private joins = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly logger: Logger,
  ) {}

  async start(options: LedgerConsumerOptions): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: HEARTBEAT_INTERVAL_MS,
      // kafkajs fetches again only when every partition's batch of the last fetch was handled: a fetch
      // that brings one partition far more than the others leaves the other workers idle meanwhile.
      // About one slice per partition per fetch keeps them evenly busy (a bigger message still comes whole).
      maxBytesPerPartition: FETCH_BYTES_PER_PARTITION,
      retry: { retries: 5 },
    });
    this.consumer = consumer;
    this.topic = options.topic;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joins += 1;
    });
    await consumer.connect();
    await consumer.subscribe({ topic: options.topic, fromBeginning: options.fromBeginning });
    const sliceSize = options.maxSliceSize ?? DEFAULT_SLICE_SIZE;
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
      eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale, pause }) => {
        const stop = options.stopAfter === undefined ? undefined : options.stopAfter.get(batch.partition) ?? -1n;
        const inCut = stop === undefined ? batch.messages : batch.messages.filter((m) => BigInt(m.offset) <= stop);
        const messages: LedgerMessage[] = inCut.map((m) => ({
          topic: batch.topic,
          partition: batch.partition,
          offset: m.offset,
          key: m.key ? m.key.toString('utf8') : null,
          value: m.value,
          headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? ''])),
        }));
        const info: BatchInfo = { partition: batch.partition, highWatermark: batch.highWatermark, heartbeat };
        for (let start = 0; start < messages.length; start += sliceSize) {
          if (!isRunning() || isStale()) return;
          const slice = messages.slice(start, start + sliceSize);
          const outcome = await this.track(whileHeartbeating(heartbeat, this.logger, () => options.handleBatch(slice, info)));
          if (outcome) {
            consumer.seek({ topic: batch.topic, partition: batch.partition, offset: outcome.resumeFrom });
            this.logger.info({ topic: batch.topic, partition: batch.partition, resumeFrom: outcome.resumeFrom }, 'partition re-read from an earlier offset');
            return;
          }
          const last = slice[slice.length - 1].offset;
          resolveOffset(last);
          await commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: String(BigInt(last) + 1n) }] }] });
          await heartbeat();
          this.logger.debug({ topic: batch.topic, partition: batch.partition, offset: last, count: slice.length }, 'slice applied');
        }
        if (stop !== undefined && (inCut.length < batch.messages.length || BigInt(batch.lastOffset()) >= stop)) pause();
      },
    });
  }

  private async track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(work);
    }
  }

  /**
   * How many times this member joined its group: 1 after start; every rebalance adds one. A member
   * that misses heartbeats (slow work) is thrown out and joins again, so this shows it.
   */
  get groupJoins(): number {
    return this.joins;
  }

  /**
   * Re-reads a partition from `offset` at its next fetch, as a handler's ResumeFrom does, for a caller
   * that learns outside any slice that it must (nothing new arrives on the partition to ask it).
   * Ignored, with a log line, when this member does not hold the partition.
   */
  rereadFrom(partition: number, offset: string): void {
    if (!this.consumer || !this.topic) return;
    try {
      this.consumer.seek({ topic: this.topic, partition, offset });
      this.logger.info({ topic: this.topic, partition, resumeFrom: offset }, 'partition re-read from an earlier offset');
    } catch (error) {
      this.logger.warn({ err: error, partition }, 'partition could not be re-read here');
    }
  }

  /** Lets the slices being applied finish and commit, then leaves the group. */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    await this.consumer?.disconnect();
  }
}
