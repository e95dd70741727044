import { Inject, Injectable } from '@nestjs/common';
import { currentAsOfReading, readCompleteThrough, ReadStore } from '@ledger/read-store';
import type { ReportingConfig } from './config';
import { REPORTING_CONFIG } from './tokens';

/**
 * "Data complete to …" for every report: the projector's watermark, null before anything was projected.
 * Inside an as-of reading, the instant the ledger was cut at (null for a cut given as positions).
 */
@Injectable()
export class DataCompleteThrough {
  constructor(
    @Inject(ReadStore) private readonly store: ReadStore,
    @Inject(REPORTING_CONFIG) private readonly config: ReportingConfig,
  ) {}

  async read(): Promise<string | null> {
    const asOf = currentAsOfReading();
    if (asOf) return asOf.cut.asOf;
    return readCompleteThrough(this.store.db, this.config.projectorGroup);
  }
}
