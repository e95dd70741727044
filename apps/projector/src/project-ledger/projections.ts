import type { IEventHandler } from '@nestjs/cqrs';
import type { LedgerBatchReceived } from '../ledger-batch-received';

/** DI token: every projection, as the list the ledger projector awaits for each batch. */
export const PROJECTIONS = Symbol('PROJECTIONS');
export type Projection = IEventHandler<LedgerBatchReceived> & {
  /** The read models (collection names) this projection alone writes. */
  readonly collections: readonly string[];
  handle(batch: LedgerBatchReceived): Promise<void>;
};
