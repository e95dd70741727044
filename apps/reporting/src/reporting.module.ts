import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AccessFactsReader } from '@ledger/access-policy';
import { DEPLOYMENT_KEY, DeploymentKey, JwksController } from '@ledger/deployment-key';
import { ReadStore } from '@ledger/read-store';
import { AccessTokenVerifier, createLogger, HEALTH_PROBES, HealthController } from '@ledger/runtime';
import { BearerViewer } from './access/bearer-viewer.guard';
import { IdentifiableViews } from './access/identifiable-views';
import { IngestClient } from './access/ingest-client';
import { LearnerAccess } from './access/learner-access';
import { RelyingParty } from './access/relying-party';
import type { ReportingConfig } from './config';
import { AsOfCertificatePageController } from './certificates/as-of-certificate-page.controller';
import { AsOfCertificateController } from './certificates/as-of-certificate.controller';
import { AsOfCertificates } from './certificates/as-of-certificates';
import { CertificateRecords } from './certificates/certificate-records';
import { CertificatesController } from './certificates/certificates.controller';
import { CertificateComposer } from './certificates/compose-certificate';
import { CertificateIssuer } from './certificates/issue-certificate';
import { LearnerCertificates } from './certificates/learner-certificates';
import { MyCertificatesController } from './certificates/my-certificates.controller';
import { CertificateVerifier } from './certificates/verify-certificate';
import { VerifyPageController } from './certificates/verify-page.controller';
import { VerifyController } from './certificates/verify.controller';
import { DataCompleteThrough } from './data-complete-through';
import { LearnerActivityController } from './learner-activity/learner-activity.controller';
import { LearnerProgressController } from './learner-progress/learner-progress.controller';
import { LearnerRecords } from './learner-record/learner-records';
import { ActivitySummarisedController } from './activity-summarised/activity-summarised.controller';
import { ActivitySummarisedReport } from './activity-summarised/activity-summarised.report';
import { AnonymisedUsageController } from './anonymised-usage/anonymised-usage.controller';
import { AnonymisedUsageReport } from './anonymised-usage/anonymised-usage.report';
import { MyActivityController } from './my-activity/my-activity.controller';
import { MyActivityReport } from './my-activity/my-activity.report';
import { ProgrammeSummaryController } from './programme-summary/programme-summary.controller';
import { ProgrammeSummaryReport } from './programme-summary/programme-summary.report';
import { LearnersActivityController, OrganisationStaffActivityController } from './staff-activity/staff-activity.controller';
import { LearnersActivityReport, OrganisationStaffActivityReport } from './staff-activity/staff-activity.reports';
import { PdfRenderer } from './report-outputs/pdf-renderer';
import { ReportSources } from './report-outputs/report-source';
import { REPORT_DEFINITIONS, ReportDefinition } from './shared/reports/report-definition';
import { ReportRunner } from './shared/reports/report-runner';
import { ReportsWebController } from './shared/reports/reports-web.controller';
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

/** Every report of the hub: each a slice with its definition and API controller; the web shell serves them all. */
const REPORT_CLASSES: Array<new (...args: never[]) => ReportDefinition> = [
  MyActivityReport,
  ProgrammeSummaryReport,
  ActivitySummarisedReport,
  OrganisationStaffActivityReport,
  LearnersActivityReport,
  AnonymisedUsageReport,
];
const REPORT_CONTROLLERS = [
  MyActivityController,
  ProgrammeSummaryController,
  ActivitySummarisedController,
  OrganisationStaffActivityController,
  LearnersActivityController,
  AnonymisedUsageController,
];

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
        ReportsWebController,
        ...REPORT_CONTROLLERS,
        CertificatesController,
        MyCertificatesController,
        VerifyController,
        VerifyPageController,
        JwksController,
        AuditorTrailController,
        AuditorAsOfController,
        AuditorApiController,
        AsOfCertificateController,
        AsOfCertificatePageController,
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
        ReportSources,
        PdfRenderer,
        ReportRunner,
        ...REPORT_CLASSES,
        { provide: REPORT_DEFINITIONS, useFactory: (...reports: ReportDefinition[]) => reports, inject: REPORT_CLASSES },
        // The deployment's key signs each certificate's Open Badges credential; JwksController publishes its public half.
        { provide: DEPLOYMENT_KEY, useFactory: () => DeploymentKey.load(config.deploymentKey) },
        CertificateRecords,
        CertificateComposer,
        CertificateIssuer,
        CertificateVerifier,
        LearnerCertificates,
        AsOfCertificates,
        AuditorJobs,
        AsOfViews,
        TrailReads,
      ],
    };
  }
}
