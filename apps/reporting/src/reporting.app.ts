import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { createHttpApp, setUpApiDocs } from '@ledger/runtime';
import { documentAsOfReportNames } from './auditor-api/as-of-report-docs';
import type { ReportingConfig } from './config';
import { ReportingModule } from './reporting.module';
import { REPORT_DEFINITIONS, ReportDefinition } from './shared/reports/report-definition';
import { setUpWebShell } from './web/web-shell.setup';

/** The reporting app (API and web shell), ready to listen: used by main.ts and by tests, so both run the same thing. */
export async function buildReportingApp(config: ReportingConfig, logger: Logger): Promise<NestFastifyApplication> {
  const app = await createHttpApp(ReportingModule.register(config, logger), { logger });
  const reportIds = app.get<symbol, ReportDefinition[]>(REPORT_DEFINITIONS).map((report) => report.id);
  setUpApiDocs(app, {
    title: 'activity-ledger reporting',
    description: 'Reports and progress, read from the projections of the ledger.',
    amend: (document) => documentAsOfReportNames(document, reportIds),
  });
  await setUpWebShell(app, config);
  return app;
}
