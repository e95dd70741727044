import 'reflect-metadata';
import { createLogger, runMain } from '@ledger/runtime';
import { loadIngestConfig } from './config';
import { buildIngestApp } from './ingest.app';

runMain('ingest', async () => {
  const config = loadIngestConfig(process.env);
  const logger = createLogger('ingest', config.logLevel);
  const app = await buildIngestApp(config, logger);
  await app.listen(config.port, config.host);
  logger.info({ url: await app.getUrl() }, 'ingest listening');
});
