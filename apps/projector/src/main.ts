import 'reflect-metadata';
import { createLogger, runMain } from '@ledger/runtime';
import { loadProjectorConfig } from './config';
import { buildProjectorApp } from './projector.app';

runMain('projector', async () => {
  const config = loadProjectorConfig(process.env);
  const logger = createLogger('projector', config.logLevel);
  const app = await buildProjectorApp(config, logger);
  await app.listen(config.port, config.host);
  logger.info({ url: await app.getUrl() }, 'projector listening');
});
