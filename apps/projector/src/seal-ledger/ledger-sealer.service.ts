import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { encodeCheckpoint, signCheckpoint } from '@ledger/chain';
import { DEPLOYMENT_KEY, DeploymentKey } from '@ledger/deployment-key';
import { ensureLedgerTopic, PositionedConsumer, RawLedgerRecord, TopicAppender, topicRanges } from '@ledger/kafka';
import type { ProjectorConfig } from '../config';
import { APP_LOGGER, PROJECTOR_CONFIG } from '../tokens';
import { lastCheckpoints } from './last-checkpoints';
import { CheckpointBody, PartitionSeal } from './partition-seal';

/** DI token: the sealer's own Kafka client (its own client id in broker logs). */
export const SEALER_KAFKA = Symbol('SEALER_KAFKA');

/**
 * Seals the ledger: reads it with its own consumer group, extends each partition's hash chain, and
 * every N events or T seconds per partition appends a signed checkpoint to the seals topic. It only
 * reads the ledger, so ingest never waits for it.
 *
 * Where it resumes is decided by the last checkpoint in the seals topic, not by the group's offsets:
 * the checkpoint holds the link the chain continues from, and the group offset is committed only
 * after a checkpoint, for monitoring. Work is done one step at a time (batches and the timer queue up).
 */
@Injectable()
export class LedgerSealer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumer: PositionedConsumer;
  private readonly appender: TopicAppender;
  private readonly seals = new Map<number, PartitionSeal>();
  /** Checkpoints cut but not yet acknowledged by the broker, in order. */
  private outbox: CheckpointBody[] = [];
  /** Set when an append failed: it may have landed anyway, so the seals topic is asked before retrying. */
  private lastAppendUncertain = false;
  private queue: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(SEALER_KAFKA) private readonly kafka: Kafka,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
    @Inject(DEPLOYMENT_KEY) private readonly key: DeploymentKey,
  ) {
    this.consumer = new PositionedConsumer(kafka, logger);
    this.appender = new TopicAppender(kafka, config.sealing.sealsTopic);
  }

  async onApplicationBootstrap(): Promise<void> {
    const { ledgerTopic, sealing } = this.config;
    await ensureLedgerTopic(this.kafka, ledgerTopic);
    await ensureLedgerTopic(this.kafka, sealing.sealsTopic, 1);
    await this.appender.connect();
    const partitions = (await topicRanges(this.kafka, ledgerTopic)).filter((r) => BigInt(r.high) > BigInt(r.low)).map((r) => r.partition);
    for (const [partition, checkpoint] of await lastCheckpoints(this.kafka, sealing.sealsTopic, ledgerTopic, partitions)) {
      this.seals.set(partition, new PartitionSeal(ledgerTopic, partition, sealing, checkpoint));
    }
    await this.consumer.start({
      groupId: sealing.consumerGroup,
      topic: ledgerTopic,
      // A partition never sealed starts at offset 0 whatever the group may have committed: the chain starts at the genesis.
      resumeAt: (partition) => this.sealOf(partition).resumeAt ?? '0',
      // Sealing waits up to SEAL_EVERY_MS anyway: fetching in large batches keeps the sealer off the broker's back while ingest is busy.
      fetchAtLeast: { bytes: 512 * 1024, maxWaitMs: Math.min(1000, sealing.everyMs) },
      handleBatch: (records, partition) => this.serially(() => this.chain(records, partition)),
    });
    const tickMs = Math.max(50, Math.min(1000, Math.floor(sealing.everyMs / 4)));
    this.timer = setInterval(
      () =>
        void this.serially(() => this.sealDue(false)).catch((error: Error) =>
          this.logger.warn({ err: error.message }, 'sealing failed; will retry'),
        ),
      tickMs,
    );
    this.logger.info(
      {
        topic: ledgerTopic,
        seals: sealing.sealsTopic,
        keyId: this.key.keyId,
        resumed: Object.fromEntries([...this.seals].map(([p, s]) => [p, s.resumeAt])),
      },
      'sealing the ledger',
    );
  }

  /** Stops reading, seals whatever is pending, then closes the producer. */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.consumer.stop();
    await this.serially(() => this.sealDue(true)).catch((error: Error) =>
      this.logger.warn({ err: error.message }, 'final seal failed; the next start seals from the last checkpoint'),
    );
    await this.appender.disconnect();
  }

  private sealOf(partition: number): PartitionSeal {
    let seal = this.seals.get(partition);
    if (!seal) {
      seal = new PartitionSeal(this.config.ledgerTopic, partition, this.config.sealing);
      this.seals.set(partition, seal);
    }
    return seal;
  }

  private async chain(records: RawLedgerRecord[], partition: number): Promise<void> {
    const seal = this.sealOf(partition);
    const now = Date.now();
    for (const record of records) this.outbox.push(...seal.accept(record, now));
    await this.flush();
  }

  private async sealDue(always: boolean): Promise<void> {
    const now = Date.now();
    for (const seal of this.seals.values()) {
      const body = seal.takeIfDue(now, always);
      if (body) this.outbox.push(body);
    }
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.outbox.length > 0 && this.lastAppendUncertain) await this.dropCheckpointsThatLanded();
    while (this.outbox.length > 0) {
      const body = this.outbox[0];
      const checkpoint = signCheckpoint({ ...body, sealedAt: new Date().toISOString() }, this.key);
      try {
        await this.appender.append(`${body.topic}/${body.partition}`, encodeCheckpoint(checkpoint));
      } catch (error) {
        this.lastAppendUncertain = true;
        throw error;
      }
      this.outbox.shift();
      await this.consumer.commit(body.partition, String(BigInt(body.throughOffset) + 1n));
    }
  }

  /** After a failed append: whatever the seals topic already holds is not appended twice. */
  private async dropCheckpointsThatLanded(): Promise<void> {
    const partitions = new Set(this.outbox.map((body) => body.partition));
    const landed = await lastCheckpoints(this.kafka, this.config.sealing.sealsTopic, this.config.ledgerTopic, partitions);
    this.outbox = this.outbox.filter((body) => {
      const last = landed.get(body.partition);
      return !last || BigInt(body.throughOffset) > BigInt(last.throughOffset);
    });
    this.lastAppendUncertain = false;
  }

  private serially(step: () => Promise<void>): Promise<void> {
    const run = this.queue.then(step);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
