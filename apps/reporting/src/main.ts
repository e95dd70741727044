import 'reflect-metadata';
import { createHttpApp, createLogger, runMain } from '@ledger/runtime';
import { loadReportingConfig } from './config';
import { ReportingModule } from './reporting.module';

runMain('reporting', async () => {
  const config = loadReportingConfig(process.env);
  const logger = createLogger('reporting', config.logLevel);
  const app = await createHttpApp(ReportingModule.register(config, logger), { logger });
  await app.listen(config.port, config.host);
  logger.info({ url: await app.getUrl() }, 'reporting listening');
});
