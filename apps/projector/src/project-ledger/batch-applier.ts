import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { decodeLedgerEvent, KnownLedgerEvent, PositionedEvent } from '@ledger/events';
import type { DeadLetterWriter, LedgerMessage } from '@ledger/kafka';
import { LedgerBatchReceived } from '../ledger-batch-received';
import type { Projection } from './projections';
import { isRetriable } from './retriable';

export interface BatchApplierOptions {
  /** Attempts at one event before it is dead-lettered (the batch is tried once as a whole first). */
  maxAttempts: number;
  backoffMs: number;
}

/** Counts a projector exposes about what it set aside. */
export interface DeadLetterStats {
  deadLettered: number;
}

/**
 * Applies a fetched batch to every projection and resolves only when all of them stored it.
 * - bytes that do not decode to a known event are poison at once;
 * - if the batch fails with a non-retriable error, its events are applied one by one, each retried
 *   `maxAttempts` times, and an event that still fails is dead-lettered so the partition moves on;
 * - a retriable error (the store or broker unreachable, a concurrent write) is rethrown, so the
 *   offset stays and Kafka redelivers the batch: nothing is dead-lettered for an outage.
 */
export class BatchApplier {
  readonly stats: DeadLetterStats = { deadLettered: 0 };

  constructor(
    private readonly projections: Projection[],
    /** Only `write` is needed: where set-aside events go (the dead-letter topic in the app). */
    private readonly deadLetters: Pick<DeadLetterWriter, 'write'>,
    private readonly logger: Logger,
    private readonly options: BatchApplierOptions,
  ) {}

  /** Resolves with the newest `recordedAt` among the applied events, for the watermark. */
  async apply(messages: LedgerMessage[], generation: string): Promise<{ newestRecordedAt?: string }> {
    const decoded: Array<{ message: LedgerMessage; event: PositionedEvent<KnownLedgerEvent> }> = [];
    for (const message of messages) {
      const result = decodeLedgerEvent(message.value);
      if (result.ok) decoded.push({ message, event: { event: result.value, position: { partition: message.partition, offset: message.offset } } });
      else await this.deadLetter(message, `undecodable: ${result.errors.map((e) => `${e.field || '(message)'} ${e.reason}`).join('; ')}`, 1);
    }
    try {
      await this.applyToAll(decoded.map((d) => d.event), generation);
    } catch (error) {
      if (isRetriable(error)) throw error;
      this.logger.warn({ err: error, partition: messages[0]?.partition, from: messages[0]?.offset }, 'batch failed; applying its events one by one');
      for (const { message, event } of decoded) await this.applyOne(message, event, generation);
    }
    return { newestRecordedAt: decoded.reduce<string | undefined>((newest, d) => (newest === undefined || d.event.event.recordedAt > newest ? d.event.event.recordedAt : newest), undefined) };
  }

  private async applyOne(message: LedgerMessage, event: PositionedEvent<KnownLedgerEvent>, generation: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.applyToAll([event], generation);
        return;
      } catch (error) {
        if (isRetriable(error)) throw error;
        if (attempt >= this.options.maxAttempts) {
          await this.deadLetter(message, (error as Error).stack ?? String(error), attempt);
          return;
        }
        await sleep(this.options.backoffMs * attempt);
      }
    }
  }

  private async applyToAll(events: PositionedEvent<KnownLedgerEvent>[], generation: string): Promise<void> {
    const batch = new LedgerBatchReceived(events, generation);
    await Promise.all(this.projections.map((projection) => projection.handle(batch)));
  }

  private async deadLetter(message: LedgerMessage, error: string, attempts: number): Promise<void> {
    await this.deadLetters.write(message, { consumer: 'projector', error, attempts });
    this.stats.deadLettered += 1;
    this.logger.error(
      { topic: message.topic, partition: message.partition, offset: message.offset, attempts, error: error.split('\n')[0], deadLettered: this.stats.deadLettered },
      'ledger event dead-lettered',
    );
  }
}
