import 'reflect-metadata';
import { createLogger, runMain } from '@ledger/runtime';
import { loadReportingConfig } from './config';
import { buildReportingApp } from './reporting.app';

runMain('reporting', async () => {
  const config = loadReportingConfig(process.env);
  const logger = createLogger('reporting', config.logLevel);
  const app = await buildReportingApp(config, logger);
  await app.listen(config.port, config.host);
  logger.info({ url: await app.getUrl() }, 'reporting listening');
});
