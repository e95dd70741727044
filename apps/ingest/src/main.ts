import 'reflect-metadata';
import { createHttpApp, createLogger, runMain } from '@ledger/runtime';
import { loadIngestConfig } from './config';
import { IngestModule } from './ingest.module';
import { setUpApiDocs } from './api-docs';

runMain('ingest', async () => {
  const config = loadIngestConfig(process.env);
  const logger = createLogger('ingest', config.logLevel);
  const app = await createHttpApp(IngestModule.register(config, logger), { logger, bodyLimit: config.bodyLimitBytes });
  setUpApiDocs(app);
  await app.listen(config.port, config.host);
  logger.info({ url: await app.getUrl() }, 'ingest listening');
});
