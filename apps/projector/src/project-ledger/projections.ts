import type { IEventHandler } from '@nestjs/cqrs';
import type { ReadModel } from '@ledger/read-store';
import type { LedgerBatchReceived } from '../ledger-batch-received';

/** DI token: every projection, as the list the ledger projector awaits for each batch. */
export const PROJECTIONS = Symbol('PROJECTIONS');
export type Projection = IEventHandler<LedgerBatchReceived> & {
  /** The read models this projection alone writes, with the fields each is read by. */
  readonly readModels: readonly ReadModel[];
  handle(batch: LedgerBatchReceived): Promise<void>;
};
