import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AccessFactsReader } from '@ledger/access-policy';
import { ReadStore } from '@ledger/read-store';
import { AccessTokenVerifier, createLogger, HEALTH_PROBES, HealthController } from '@ledger/runtime';
import { BearerViewer } from './access/bearer-viewer.guard';
import { IdentifiableViews } from './access/identifiable-views';
import { IngestClient } from './access/ingest-client';
import { LearnerAccess } from './access/learner-access';
import { RelyingParty } from './access/relying-party';
import type { ReportingConfig } from './config';
import { DataCompleteThrough } from './data-complete-through';
import { LearnerActivityController } from './learner-activity/learner-activity.controller';
import { LearnerProgressController } from './learner-progress/learner-progress.controller';
import { LearnerRecords } from './learner-record/learner-records';
import { APP_LOGGER, REPORTING_CONFIG } from './tokens';
import { AdminReportsController } from './web/admin-reports.controller';
import { AuditorApiController } from './auditor-api/auditor-api.controller';
import { AsOfViews } from './shared/auditor/as-of-views';
import { AuditorJobs } from './shared/auditor/auditor-jobs';
import { TrailReads } from './shared/auditor/trail-reads';
import { AuditorAsOfController } from './web/auditor/auditor-as-of.controller';
import { AuditorTrailController } from './web/auditor/auditor-trail.controller';
import { LearnersYouMaySee } from './web/learners-you-may-see';
import { MyPagesController } from './web/my-pages.controller';
import { MyPermissionsController } from './web/my-permissions.controller';
import { OrganisationController } from './web/organisation.controller';
import { Shell } from './web/shell';
import { SignInController } from './web/sign-in.controller';
import { WebErrorFilter } from './web/web-error.filter';

@Module({})
export class ReportingModule {
  static register(config: ReportingConfig, logger: Logger = createLogger('reporting', config.logLevel)): DynamicModule {
    return {
      module: ReportingModule,
      controllers: [
        LearnerActivityController,
        LearnerProgressController,
        HealthController,
        SignInController,
        MyPagesController,
        MyPermissionsController,
        AdminReportsController,
        OrganisationController,
        AuditorTrailController,
        AuditorAsOfController,
        AuditorApiController,
      ],
      providers: [
        { provide: ReadStore, useFactory: () => ReadStore.connect({ mongoUrl: config.mongoUrl, database: config.database }) },
        { provide: HEALTH_PROBES, useFactory: (store: ReadStore) => ({ mongo: () => store.probe() }), inject: [ReadStore] },
        { provide: REPORTING_CONFIG, useValue: config },
        { provide: APP_LOGGER, useValue: logger },
        { provide: AccessTokenVerifier, useFactory: () => new AccessTokenVerifier(config.oidcIssuer, config.audience) },
        { provide: AccessFactsReader, useFactory: (store: ReadStore) => new AccessFactsReader(store, config.hubAdmins), inject: [ReadStore] },
        { provide: RelyingParty, useFactory: () => new RelyingParty(config) },
        DataCompleteThrough,
        BearerViewer,
        LearnerAccess,
        IngestClient,
        IdentifiableViews,
        LearnerRecords,
        LearnersYouMaySee,
        Shell,
        WebErrorFilter,
        AuditorJobs,
        AsOfViews,
        TrailReads,
      ],
    };
  }
}
