import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { createHttpApp, setUpApiDocs } from '@ledger/runtime';
import type { ReportingConfig } from './config';
import { ReportingModule } from './reporting.module';
import { setUpWebShell } from './web/web-shell.setup';

/** The reporting app (API and web shell), ready to listen: used by main.ts and by tests, so both run the same thing. */
export async function buildReportingApp(config: ReportingConfig, logger: Logger): Promise<NestFastifyApplication> {
  const app = await createHttpApp(ReportingModule.register(config, logger), { logger });
  setUpApiDocs(app, { title: 'activity-ledger reporting', description: 'Reports and progress, read from the projections of the ledger.' });
  await setUpWebShell(app, config);
  return app;
}
