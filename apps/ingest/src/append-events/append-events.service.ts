import { Inject, Injectable } from '@nestjs/common';
import type { LedgerEvent } from '@ledger/events';
import { LedgerWriter } from '@ledger/kafka';
import { AppError } from '@ledger/runtime';
import type { Logger } from 'pino';
import { APP_LOGGER, CLOCK, Clock } from '../tokens';
import { validateBatch } from './validate-batch';

export interface AcceptedEvent {
  eventId: string;
  partition: number;
  offset: string;
}

/** The write path, as named steps: validate the whole batch → stamp what the ledger owns → append and wait for the broker. */
@Injectable()
export class AppendEventsService {
  constructor(
    private readonly writer: LedgerWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async append(body: unknown, source: string): Promise<AcceptedEvent[]> {
    const now = this.clock();
    const submitted = validateBatch(body, now);
    const recordedAt = now.toISOString();
    const events: LedgerEvent[] = submitted.map((event) => ({ ...event, recordedAt, source }));
    const positions = await this.writer.append(events).catch((error: Error) => {
      this.logger.error({ err: error, count: events.length }, 'ledger append failed');
      throw new AppError('LEDGER.UNAVAILABLE', 'the ledger did not acknowledge the batch; retry it with the same eventIds');
    });
    return events.map((event, i) => ({ eventId: event.eventId, ...positions[i] }));
  }
}
