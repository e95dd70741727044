import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Kafka } from 'kafkajs';
import { createKafka, probeKafka } from '@ledger/kafka';
import { ReadStore } from '@ledger/read-store';
import { createLogger, HEALTH_PROBES, HealthController } from '@ledger/runtime';
import type { Logger } from 'pino';
import type { ProjectorConfig } from './config';
import { AnonymisedAggregatesProjection } from './anonymised-aggregates/anonymised-aggregates.projection';
import { AuditFactsProjection } from './audit-facts/audit-facts.projection';
import { GrantsProjection } from './grants/grants.projection';
import { LearnerProfilesProjection } from './learner-profiles/learner-profiles.projection';
import { CatalogueProjection } from './catalogue/catalogue.projection';
import { LearnerSessionsProjection } from './learner-sessions/learner-sessions.projection';
import { LearnerProgressProjection } from './learner-progress/learner-progress.projection';
import { LedgerProjector } from './project-ledger/ledger-projector.service';
import { GenerationIndexes } from './project-ledger/generation-indexes';
import { PROJECTIONS, Projection } from './project-ledger/projections';
import { SealLedgerModule } from './seal-ledger/seal-ledger.module';
import { APP_LOGGER, KAFKA, PROJECTOR_CONFIG } from './tokens';
import { WatermarkRecorder } from './watermark/watermark-recorder';
import { WatermarkController } from './watermark/watermark.controller';
import { XapiStatementsProjection } from './xapi-statements/xapi-statements.projection';
import { RecordViewsProjection } from './record-views/record-views.projection';
import { AuditTrailProjection } from './audit-trail/audit-trail.projection';
import { AuditJobRequestsProjection } from './audit-jobs/audit-job-requests.projection';
import { AuditJobRunner } from './audit-jobs/audit-job-runner.service';

/** Every projection the projector runs; each owns its collections. */
const PROJECTION_CLASSES: Array<new (...args: never[]) => Projection> = [LearnerSessionsProjection, XapiStatementsProjection, LearnerProfilesProjection, GrantsProjection, AuditFactsProjection, AnonymisedAggregatesProjection, CatalogueProjection, LearnerProgressProjection, RecordViewsProjection, AuditTrailProjection, AuditJobRequestsProjection];

@Module({})
export class ProjectorModule {
  static register(config: ProjectorConfig, logger: Logger = createLogger('projector', config.logLevel)): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [CqrsModule.forRoot(), SealLedgerModule.register(config, logger)],
      controllers: [HealthController, WatermarkController],
      providers: [
        { provide: PROJECTOR_CONFIG, useValue: config },
        { provide: APP_LOGGER, useValue: logger },
        { provide: KAFKA, useFactory: () => createKafka({ brokers: config.kafkaBrokers, clientId: 'projector', ledgerTopic: config.ledgerTopic }, logger) },
        { provide: ReadStore, useFactory: () => ReadStore.connect({ mongoUrl: config.mongoUrl, database: config.database, ferretDbPostgresUrl: config.ferretDbPostgresUrl }) },
        ...PROJECTION_CLASSES,
        { provide: PROJECTIONS, useFactory: (...projections: Projection[]) => projections, inject: PROJECTION_CLASSES },
        {
          provide: HEALTH_PROBES,
          useFactory: (kafka: Kafka, store: ReadStore) => ({ kafka: () => probeKafka(kafka), mongo: () => store.probe() }),
          inject: [KAFKA, ReadStore],
        },
        LedgerProjector,
        WatermarkRecorder,
        GenerationIndexes,
        AuditJobRunner,
      ],
    };
  }
}
