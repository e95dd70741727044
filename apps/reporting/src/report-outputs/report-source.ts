import { Inject, Injectable } from '@nestjs/common';
import type { Collection, Document } from 'mongodb';
import { AccessFactsReader } from '@ledger/access-policy';
import { ReadModels, ReadStore } from '@ledger/read-store';
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
    const readModels: ReadModels = {
      readModel<T extends Document>(name: string): Promise<Collection<T>> {
        return store.readModel<T>(name, generation);
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
