import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { decodeLedgerEvent, KnownLedgerEvent, PositionedEvent } from '@ledger/events';
import { ensureLedgerTopic, LedgerConsumer, LedgerMessage } from '@ledger/kafka';
import { APP_LOGGER, KAFKA } from '../tokens';
import type { ProjectorConfig } from '../config';
import { PROJECTOR_CONFIG } from '../tokens';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { PROJECTIONS, Projection } from './projections';

/**
 * Consumes the ledger and applies each batch to every projection, awaiting all of them before the
 * consumer may commit the batch's offset. A failing projection fails the batch, which is redelivered.
 */
@Injectable()
export class LedgerProjector implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumer: LedgerConsumer;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
  ) {
    this.consumer = new LedgerConsumer(kafka, logger);
  }

  async onApplicationBootstrap(): Promise<void> {
    // The projector may boot before ingest ever ran; the ledger topic must exist to be subscribed to.
    await ensureLedgerTopic(this.kafka, this.config.ledgerTopic);
    await this.consumer.start({
      groupId: this.config.consumerGroup,
      topic: this.config.ledgerTopic,
      fromBeginning: true,
      handleBatch: (messages) => this.apply(messages),
    });
    this.logger.info({ topic: this.config.ledgerTopic, group: this.config.consumerGroup }, 'projecting the ledger');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }

  async apply(messages: LedgerMessage[]): Promise<void> {
    const events: PositionedEvent<KnownLedgerEvent>[] = [];
    for (const message of messages) {
      const decoded = decodeLedgerEvent(message.value);
      if (!decoded.ok) {
        // Dead-lettering arrives with the projector issue; until then a poison event is logged and skipped.
        this.logger.error({ topic: message.topic, partition: message.partition, offset: message.offset, errors: decoded.errors }, 'undecodable ledger event skipped');
        continue;
      }
      events.push({ event: decoded.value, position: { partition: message.partition, offset: message.offset } });
    }
    const batch = new LedgerBatchReceived(events);
    await Promise.all(this.projections.map((projection) => projection.handle(batch)));
  }
}
