import { DynamicModule, Module } from '@nestjs/common';
import { ReadStore } from '@ledger/read-store';
import { HEALTH_PROBES, HealthController } from '@ledger/runtime';
import type { ReportingConfig } from './config';
import { DataCompleteThrough } from './data-complete-through';
import { LearnerActivityController } from './learner-activity/learner-activity.controller';
import { LearnerProgressController } from './learner-progress/learner-progress.controller';
import { REPORTING_CONFIG } from './tokens';

@Module({})
export class ReportingModule {
  static register(config: ReportingConfig): DynamicModule {
    return {
      module: ReportingModule,
      controllers: [LearnerActivityController, LearnerProgressController, HealthController],
      providers: [
        { provide: ReadStore, useFactory: () => ReadStore.connect({ mongoUrl: config.mongoUrl, database: config.database }) },
        { provide: HEALTH_PROBES, useFactory: (store: ReadStore) => ({ mongo: () => store.probe() }), inject: [ReadStore] },
        { provide: REPORTING_CONFIG, useValue: config },
        DataCompleteThrough,
      ],
    };
  }
}
