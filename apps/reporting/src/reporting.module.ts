import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ReadStore } from '@ledger/read-store';
import { createLogger, HEALTH_PROBES, HealthController } from '@ledger/runtime';
import type { ReportingConfig } from './config';
import { LearnerActivityController } from './learner-activity/learner-activity.controller';

@Module({})
export class ReportingModule {
  static register(config: ReportingConfig, logger: Logger = createLogger('reporting', config.logLevel)): DynamicModule {
    return {
      module: ReportingModule,
      controllers: [LearnerActivityController, HealthController],
      providers: [
        { provide: ReadStore, useFactory: () => ReadStore.connect({ mongoUrl: config.mongoUrl, database: config.database }) },
        { provide: HEALTH_PROBES, useFactory: (store: ReadStore) => ({ mongo: () => store.probe() }), inject: [ReadStore] },
        { provide: 'APP_LOGGER', useValue: logger },
      ],
    };
  }
}
