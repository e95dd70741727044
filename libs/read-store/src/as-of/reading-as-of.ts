import { AsyncLocalStorage } from 'node:async_hooks';
import type { LedgerCut } from './ledger-cut';

/** What every read inside `readingAsOf` reads: an as-of generation, and the cut it was computed at. */
export interface AsOfReading {
  generation: string;
  cut: LedgerCut;
}

const reading = new AsyncLocalStorage<AsOfReading>();

/**
 * Runs `work` so that every read model it reads without naming a generation (ReadStore.readModel) is
 * read in the as-of generation: any reader — a learner's record, a report, a certificate — then shows
 * what it would have shown from the ledger cut at that moment, without knowing. Who may see it is
 * decided before, by the caller.
 */
export function readingAsOf<T>(asOf: AsOfReading, work: () => Promise<T>): Promise<T> {
  return reading.run(asOf, work);
}

/** The as-of reading in force here, or undefined for the live read models. */
export function currentAsOfReading(): AsOfReading | undefined {
  return reading.getStore();
}
