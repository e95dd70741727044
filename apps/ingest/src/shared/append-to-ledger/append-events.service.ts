import { Inject, Injectable } from '@nestjs/common';
import { encodeLedgerEvent, LedgerEvent, LedgerPosition, SubmittedEvent } from '@ledger/events';
import { LedgerWriter, MAX_LEDGER_EVENT_BYTES } from '@ledger/kafka';
import { AppError } from '@ledger/runtime';
import type { Logger } from 'pino';
import { APP_LOGGER, CLOCK, Clock } from '../../tokens';
import type { AppendCheck } from '../../authenticate/authorise-appends';
import { Caller, callerName } from '../../authenticate/caller';
import { contentHash } from './content-hash';
import { BatchClaim, EventReceipts } from './event-receipts';
import { validateBatch } from './validate-batch';

export interface AcceptedEvent extends LedgerPosition {
  eventId: string;
}

/**
 * The write path, as named steps: validate the whole batch → check the caller may append each event →
 * claim its eventIds (refusing reuse with other content) → append what the ledger does not have yet
 * and wait for the broker → remember where it landed. Nothing of a refused batch is appended. Every
 * event's `source` is the authenticated client, never something the caller wrote.
 */
@Injectable()
export class AppendEventsService {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly receipts: EventReceipts,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async append(body: unknown, caller: Caller, mayAppend: AppendCheck): Promise<AcceptedEvent[]> {
    const now = this.clock();
    const source = caller.clientId;
    const submitted = validateBatch(body, now);
    this.authorise(submitted, caller, mayAppend);
    refuseOversized(submitted, now.toISOString(), source);
    const { batchId, outcomes } = await this.claim(submitted);
    const unconfirmed = (i: number) => outcomes[i].kind === 'new' || (outcomes[i].kind === 'repeat' && outcomes[i].position === null);
    const toAppend = submitted.filter((_, i) => unconfirmed(i));
    const appended = await this.appendToLedger(toAppend, now.toISOString(), source);
    await this.receipts.recordPositions(
      batchId,
      submitted.flatMap((event, i) => (unconfirmed(i) ? [{ eventId: event.eventId, position: appended.get(event.eventId)!, retried: outcomes[i].kind === 'repeat' }] : [])),
    );
    return submitted.map((event, i) => {
      const outcome = outcomes[i];
      const position = outcome.kind === 'repeat' && outcome.position ? outcome.position : appended.get(event.eventId)!;
      return { eventId: event.eventId, ...position };
    });
  }

  private authorise(events: SubmittedEvent[], caller: Caller, mayAppend: AppendCheck): void {
    const refused = events.flatMap((event, index) => {
      const reason = mayAppend(event);
      return reason ? [{ index, errors: [{ field: 'type', reason }] }] : [];
    });
    if (refused.length === 0) return;
    this.logger.warn({ ...callerName(caller), refused: refused.length, types: [...new Set(refused.map((r) => events[r.index].type))] }, 'append refused');
    throw new AppError('AUTH.FORBIDDEN', `${refused.length} of ${events.length} events may not be appended by this caller; nothing was appended`, refused);
  }

  private async claim(events: SubmittedEvent[]): Promise<BatchClaim> {
    const claimed = await this.receipts
      .claim(events.map((event) => ({ eventId: event.eventId, contentHash: contentHash(event) })))
      .catch((error: Error) => {
        this.logger.error({ err: error }, 'event receipts unavailable');
        throw new AppError('STORE.UNAVAILABLE', 'ingest cannot check event ids right now; retry the batch with the same eventIds');
      });
    const { outcomes } = claimed;
    const conflicts = outcomes.flatMap((outcome, index) => (outcome.kind === 'conflict' ? [index] : []));
    if (conflicts.length > 0) {
      await this.receipts.release(events.filter((_, i) => outcomes[i].kind === 'new').map((event) => event.eventId));
      throw new AppError(
        'EVENT.CONFLICT',
        `${conflicts.length} event(s) reuse an eventId that was accepted with different content; nothing was appended`,
        conflicts.map((index) => ({ index, errors: [{ field: 'eventId', reason: 'was already accepted with different content' }] })),
      );
    }
    return claimed;
  }

  private async appendToLedger(events: SubmittedEvent[], recordedAt: string, source: string): Promise<Map<string, LedgerPosition>> {
    if (events.length === 0) return new Map();
    const stamped: LedgerEvent[] = events.map((event) => ({ ...event, recordedAt, source }));
    const positions = await this.writer.append(stamped).catch((error: Error) => {
      this.logger.error({ err: error, count: stamped.length }, 'ledger append failed');
      throw new AppError('LEDGER.UNAVAILABLE', 'the ledger did not acknowledge the batch; retry it with the same eventIds');
    });
    return new Map(stamped.map((event, i) => [event.eventId, positions[i]]));
  }
}

/**
 * An event the ledger could not hold (over MAX_LEDGER_EVENT_BYTES once encoded) is refused up front,
 * naming it: a 503 "retry" for it would never succeed.
 */
function refuseOversized(events: SubmittedEvent[], recordedAt: string, source: string): void {
  const oversized = events.flatMap((event, index) => {
    const bytes = encodeLedgerEvent({ ...event, recordedAt, source }).length;
    return bytes > MAX_LEDGER_EVENT_BYTES ? [{ index, errors: [{ field: 'data', reason: `is ${bytes} bytes encoded; one event may be at most ${MAX_LEDGER_EVENT_BYTES}` }] }] : [];
  });
  if (oversized.length > 0) throw new AppError('REQUEST.TOO_LARGE', `${oversized.length} event(s) are too large for the ledger; nothing was appended`, oversized);
}
