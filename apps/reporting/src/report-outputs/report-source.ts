import { Inject, Injectable } from '@nestjs/common';
import type { Collection, Document } from 'mongodb';
import { AccessFactsReader } from '@ledger/access-policy';
import { collectionInGeneration, currentGeneration, ReadModels, ReadStore } from '@ledger/read-store';
import type { ReportingConfig } from '../config';
import { DataCompleteThrough } from '../data-complete-through';
import { REPORTING_CONFIG } from '../tokens';

/**
 * Everything a report reads, from one generation of read models: the read models themselves, the
 * access facts (so who may see whom is decided as it stood in that generation too) and "data complete
 * to". Every report takes one of these and reads nothing else, so showing a report as it stood at a
 * past moment is only a matter of passing another source (see ReportSources.ofGeneration).
 */
export interface ReportSource extends ReadModels {
  /** The generation read; undefined: the one readers use now. */
  readonly generation: string | undefined;
  readonly access: AccessFactsReader;
  dataCompleteThrough(): Promise<string | null>;
}

/** Makes report sources: the current generation, or a named one (an auditor's as-of view). */
@Injectable()
export class ReportSources {
  constructor(
    @Inject(ReadStore) private readonly store: ReadStore,
    private readonly completeThrough: DataCompleteThrough,
    @Inject(REPORTING_CONFIG) private readonly config: ReportingConfig,
  ) {}

  /** What readers use now. */
  current(): ReportSource {
    return this.source(undefined, () => this.completeThrough.read());
  }

  /** A past generation, e.g. read models rebuilt up to a past moment; `dataCompleteThrough` is what it holds. */
  ofGeneration(generation: string, dataCompleteThrough: string | null): ReportSource {
    return this.source(generation, async () => dataCompleteThrough);
  }

  private source(generation: string | undefined, completeThrough: () => Promise<string | null>): ReportSource {
    const store = this.store;
    // Resolved once per source (one run of a report): every read of the run sees the same generation,
    // even if a rebuild switches readers meanwhile, and a report over 5 000 learners does not ask 5 000 times.
    let resolved: Promise<string> | undefined;
    const readModels: ReadModels = {
      async readModel<T extends Document>(name: string): Promise<Collection<T>> {
        resolved ??= generation === undefined ? currentGeneration(store.db) : Promise.resolve(generation);
        return store.db.collection<T>(collectionInGeneration(name, await resolved));
      },
    };
    return {
      generation,
      readModel: readModels.readModel,
      access: new AccessFactsReader(readModels, this.config.hubAdmins),
      dataCompleteThrough: completeThrough,
    };
  }
}
