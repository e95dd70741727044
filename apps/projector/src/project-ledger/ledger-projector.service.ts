import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { BatchInfo, DeadLetterWriter, ensureLedgerTopic, LedgerConsumer, LedgerMessage, ResumeFrom } from '@ledger/kafka';
import { readGeneration, ReadStore } from '@ledger/read-store';
import { eventFamily } from '@ledger/events';
import type { ProjectorConfig, ReplayCut } from '../config';
import { APP_LOGGER, KAFKA, PROJECTOR_CONFIG } from '../tokens';
import { WatermarkRecorder } from '../watermark/watermark-recorder';
import { AppliedEvents } from './applied-events';
import { BatchApplier } from './batch-applier';
import { GenerationIndexes } from './generation-indexes';
import { PROJECTIONS, Projection } from './projections';
import { SetAside } from './set-aside';

/**
 * Consumes the ledger and, per slice: applies it to every projection (awaiting all of them), records
 * the partition's watermark, and only then lets the consumer commit the offset. A failure before that
 * leaves the offset where it was, so the slice is redelivered. Partitions are applied concurrently.
 */
@Injectable()
export class LedgerProjector implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: LedgerConsumer;
  private readonly deadLetters: DeadLetterWriter | null;
  readonly setAside: SetAside;
  private readonly applier: BatchApplier;
  private handOverTimer?: NodeJS.Timeout;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
    private readonly watermarks: WatermarkRecorder,
    private readonly indexes: GenerationIndexes,
    @Inject(ReadStore) private readonly store: ReadStore,
  ) {
    this.consumer = new LedgerConsumer(kafka, logger);
    // A rebuild replays history: what it cannot apply was set aside by the live projector already.
    this.deadLetters = config.rebuildGeneration === undefined ? new DeadLetterWriter(kafka, config.deadLetterTopic) : null;
    this.setAside = new SetAside(store, this.deadLetters, logger);
    const appliedEvents = new AppliedEvents(store);
    this.applier = new BatchApplier(
      projections,
      { firstCopies: (events, generation) => appliedEvents.firstCopies(events, generation), setAside: (m, why, generation) => this.setAside.setAside(m, why, generation) },
      logger,
      { maxAttempts: config.maxAttempts, backoffMs: config.retryBackoffMs, retriableAttempts: 5 },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    // The projector may boot before ingest ever ran; the topics must exist to be used.
    await ensureLedgerTopic(this.kafka, this.config.ledgerTopic);
    await ensureLedgerTopic(this.kafka, this.config.deadLetterTopic, 1);
    await this.indexes.ensureShared();
    await this.indexes.ensureGeneration(this.config.rebuildGeneration ?? (await readGeneration(this.store.db)).generation);
    await this.deadLetters?.connect();
    await this.consumer.start({
      groupId: this.config.consumerGroup,
      topic: this.config.ledgerTopic,
      fromBeginning: true,
      partitionsConsumedConcurrently: this.config.partitionConcurrency,
      maxSliceSize: this.config.sliceSize,
      stopAfter: this.config.replayCut?.stopAfter,
      handleBatch: (messages, info) => this.project(messages, info),
    });
    this.watermarks.startIdleChecks(this.config.consumerGroup, this.config.ledgerTopic);
    if (this.config.rebuildGeneration === undefined) {
      this.handOverTimer = setInterval(() => {
        this.handOverIdlePartitions().catch((error: unknown) => this.logger.warn({ err: error }, 'hand-over check failed'));
      }, this.config.watermarkCheckMs);
    }
    this.logger.info({ topic: this.config.ledgerTopic, group: this.config.consumerGroup }, 'projecting the ledger');
  }

  /** Times the live consumer joined its group (1 without a rebalance since start). */
  get consumerGroupJoins(): number {
    return this.consumer.groupJoins;
  }

  /** Before the store closes: stop taking slices and let the ones in flight finish and commit. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.handOverTimer);
    await this.watermarks.stopIdleChecks();
    await this.consumer.stop();
    await this.deadLetters?.disconnect();
  }

  private async project(messages: LedgerMessage[], info: BatchInfo): Promise<void | ResumeFrom> {
    const generation = await this.generationFor(info.partition, messages[0].offset);
    if (typeof generation !== 'string') return generation;
    await this.indexes.ensureGeneration(generation);
    const wanted = this.config.replayCut ? messages.filter((m) => wantedInCut(this.config.replayCut!, m)) : messages;
    const { newestRecordedAt } = wanted.length > 0 ? await this.applier.apply(wanted, generation, info.heartbeat) : { newestRecordedAt: undefined };
    // The watermark moves past what a targeted replay left out too: it says how far the partition was read.
    await this.watermarks.record(this.config.consumerGroup, messages[messages.length - 1], info, { newestRecordedAt, generation }, new Date());
  }

  /**
   * The generation to write this partition's slice to. A rebuild writes its own. The live projector
   * follows whichever generation readers use; the first time it meets a generation a rebuild switched
   * to, it continues each partition from where that rebuild stopped (`resumeFrom`), re-reading what it
   * had meanwhile applied only to the previous generation, and never writing ahead of the rebuild.
   */
  /**
   * A slice applied to the previous generation while a rebuild switched readers is re-read into the
   * new one when the partition's next slice comes (generationFor). A partition where nothing more
   * arrives has no next slice: checked on a timer, it is re-read from where the rebuild stopped, so the
   * new generation holds everything the old one did.
   */
  private async handOverIdlePartitions(): Promise<void> {
    const current = await readGeneration(this.store.db);
    for (const [partition, resumeFrom] of Object.entries(current.resumeFrom ?? {})) {
      const mark = await this.watermarks.markOf(this.config.consumerGroup, Number(partition));
      if (mark && mark.generation !== current.generation && BigInt(mark.appliedOffset) >= BigInt(resumeFrom)) {
        this.consumer.rereadFrom(Number(partition), resumeFrom);
      }
    }
  }

  private async generationFor(partition: number, firstOffset: string): Promise<string | ResumeFrom> {
    if (this.config.rebuildGeneration !== undefined) return this.config.rebuildGeneration;
    const current = await readGeneration(this.store.db);
    const resumeFrom = current.resumeFrom?.[String(partition)];
    if (resumeFrom === undefined) return current.generation;
    const lastWritten = await this.watermarks.generationOf(this.config.consumerGroup, partition);
    if (lastWritten !== current.generation && BigInt(firstOffset) > BigInt(resumeFrom)) return { resumeFrom };
    return current.generation;
  }
}

/** Whether a targeted replay applies this message: about one of its subjects, or of a family it also needs. */
function wantedInCut(cut: ReplayCut, message: LedgerMessage): boolean {
  if (!cut.subjects) return true;
  if (message.key !== null && cut.subjects.has(message.key)) return true;
  const type = message.headers?.type;
  // A message without a type header (not written by the one writer) is decoded by the applier and kept.
  if (type === undefined) return true;
  const family = eventFamily(type);
  return family !== undefined && (cut.alsoFamilies?.has(family) ?? false);
}
