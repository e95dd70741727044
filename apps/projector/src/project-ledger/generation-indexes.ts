import { Inject, Injectable } from '@nestjs/common';
import { APPLIED_EVENTS_READ_MODEL, DEAD_LETTERED_EVENTS_READ_MODEL, PROJECTION_WATERMARKS_READ_MODEL, READ_MODEL_GENERATIONS_READ_MODEL, ReadStore } from '@ledger/read-store';
import { PROJECTIONS, Projection } from './projections';

/**
 * Creates the declared indexes of every read model the projector writes, once per generation and
 * before the first write to it (so a rebuild's new generation is indexed like the live one), plus the
 * collections every generation shares.
 */
@Injectable()
export class GenerationIndexes {
  private readonly ensured = new Map<string, Promise<void>>();

  constructor(
    @Inject(ReadStore) private readonly store: ReadStore,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
  ) {}

  /** Every read model of one generation, with the projector's own bookkeeping. */
  readModels() {
    return [...this.projections.flatMap((p) => p.readModels), APPLIED_EVENTS_READ_MODEL, DEAD_LETTERED_EVENTS_READ_MODEL];
  }

  async ensureShared(): Promise<void> {
    for (const readModel of [PROJECTION_WATERMARKS_READ_MODEL, READ_MODEL_GENERATIONS_READ_MODEL]) await this.store.ensureIndexes(readModel);
  }

  ensureGeneration(generation: string): Promise<void> {
    let ensured = this.ensured.get(generation);
    if (!ensured) {
      ensured = (async () => {
        for (const readModel of this.readModels()) await this.store.ensureIndexes(readModel, generation);
      })();
      ensured.catch(() => this.ensured.delete(generation));
      this.ensured.set(generation, ensured);
    }
    return ensured;
  }
}
