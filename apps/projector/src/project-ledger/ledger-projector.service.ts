import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { DeadLetterWriter, ensureLedgerTopic, LedgerConsumer, LedgerMessage, BatchInfo } from '@ledger/kafka';
import { currentGeneration, ReadStore } from '@ledger/read-store';
import type { ProjectorConfig } from '../config';
import { APP_LOGGER, KAFKA, PROJECTOR_CONFIG } from '../tokens';
import { WatermarkRecorder } from '../watermark/watermark-recorder';
import { BatchApplier, DeadLetterStats } from './batch-applier';
import { PROJECTIONS, Projection } from './projections';

/**
 * Consumes the ledger and, per fetched batch: applies it to every projection (awaiting all of them),
 * records the partition's watermark, and only then lets the consumer commit the offset. A failure
 * before that leaves the offset where it was, so the batch is redelivered.
 */
@Injectable()
export class LedgerProjector implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumer: LedgerConsumer;
  private readonly deadLetters: DeadLetterWriter;
  private readonly applier: BatchApplier;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
    @Inject(PROJECTIONS) projections: Projection[],
    private readonly watermarks: WatermarkRecorder,
    @Inject(ReadStore) private readonly store: ReadStore,
  ) {
    this.consumer = new LedgerConsumer(kafka, logger);
    this.deadLetters = new DeadLetterWriter(kafka, config.deadLetterTopic);
    this.applier = new BatchApplier(projections, this.deadLetters, logger, { maxAttempts: config.maxAttempts, backoffMs: config.retryBackoffMs });
  }

  get deadLetterStats(): DeadLetterStats {
    return this.applier.stats;
  }

  async onApplicationBootstrap(): Promise<void> {
    // The projector may boot before ingest ever ran; the topics must exist to be used.
    await ensureLedgerTopic(this.kafka, this.config.ledgerTopic);
    await ensureLedgerTopic(this.kafka, this.config.deadLetterTopic, 1);
    await this.deadLetters.connect();
    await this.consumer.start({
      groupId: this.config.consumerGroup,
      topic: this.config.ledgerTopic,
      fromBeginning: true,
      handleBatch: (messages, info) => this.project(messages, info),
    });
    this.logger.info({ topic: this.config.ledgerTopic, group: this.config.consumerGroup }, 'projecting the ledger');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.deadLetters.disconnect();
  }

  private async project(messages: LedgerMessage[], info: BatchInfo): Promise<void> {
    // A rebuild writes its own generation; the live projector follows whichever generation readers use,
    // so after a rebuild switches readers its next batch lands in the new collections.
    const generation = this.config.rebuildGeneration ?? (await currentGeneration(this.store.db));
    const { newestRecordedAt } = await this.applier.apply(messages, generation);
    await this.watermarks.record(this.config.consumerGroup, messages[messages.length - 1], info, newestRecordedAt, new Date());
  }
}
