import { Inject, Injectable } from '@nestjs/common';
import { readCompleteThrough, ReadStore } from '@ledger/read-store';
import type { ReportingConfig } from './config';
import { REPORTING_CONFIG } from './tokens';

/**
 * "Data complete to …" of the live read models: the projector's watermark, null before anything was
 * projected. A past generation states its own (see ReportSources.ofGeneration).
 */
@Injectable()
export class DataCompleteThrough {
  constructor(
    @Inject(ReadStore) private readonly store: ReadStore,
    @Inject(REPORTING_CONFIG) private readonly config: ReportingConfig,
  ) {}

  read(): Promise<string | null> {
    return readCompleteThrough(this.store.db, this.config.projectorGroup);
  }
}
