import { declareReadModel, ReadModel } from '../indexes/read-model';
import type { AsOfScope, LedgerCut } from './ledger-cut';

/**
 * The read models as they stood at a past moment: a generation of its own (see read-model-generation.ts),
 * filled by replaying the ledger cut there. Written by the projector (its own record of what it built,
 * not a read model); reporting reads one by `_id` before reading the generation it names, and the
 * projector sweeps expired ones with `find({ status: 'ready' })`.
 * `_id`: asOfKey(cut, scope), so the same cut is computed once and shared.
 */
export interface AsOfGenerationDocument {
  _id: string;
  cut: LedgerCut;
  scope: AsOfScope;
  generation: string;
  status: 'building' | 'ready' | 'failed';
  /** Replay progress, in events read. */
  progress: { done: number; total: number };
  /** Events read (every offset up to the cut) and applied (a targeted replay applies a share). */
  eventsRead: number;
  eventsApplied: number;
  seconds: number;
  startedAt: string;
  /** When its replay last reported progress: one that stopped reporting was abandoned. */
  updatedAt: string;
  readyAt: string | null;
  /** After this the generation is dropped; asking again computes it again. */
  expiresAt: string | null;
  /** Every read model the generation holds, for dropping it. */
  readModels: string[];
  error: string | null;
}

export const AS_OF_GENERATIONS_COLLECTION = 'as_of_generations';

export const AS_OF_GENERATIONS_READ_MODEL: ReadModel = declareReadModel(AS_OF_GENERATIONS_COLLECTION, ['status']);
