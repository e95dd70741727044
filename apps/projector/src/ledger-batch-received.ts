import type { IEvent } from '@nestjs/cqrs';
import type { KnownLedgerEvent, PositionedEvent } from '@ledger/events';

/**
 * In-process event: one fetched ledger batch, decoded, from one partition in offset order. Every
 * projection is a @nestjs/cqrs handler of it. The projector calls the handlers itself and awaits
 * them (EventBus.publish would neither wait nor surface a failure) before the offset may move.
 */
export class LedgerBatchReceived implements IEvent {
  constructor(
    readonly events: PositionedEvent<KnownLedgerEvent>[],
    /** The read-model generation to write (see read-model-generation.ts): the live one, or a rebuild's. */
    readonly generation: string,
  ) {}
}
