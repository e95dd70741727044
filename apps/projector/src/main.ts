import 'reflect-metadata';
import { createHttpApp, createLogger, runMain } from '@ledger/runtime';
import { loadProjectorConfig } from './config';
import { ProjectorModule } from './projector.module';

runMain('projector', async () => {
  const config = loadProjectorConfig(process.env);
  const logger = createLogger('projector', config.logLevel);
  const app = await createHttpApp(ProjectorModule.register(config, logger), { logger });
  await app.listen(config.port, config.host);
  logger.info({ url: await app.getUrl() }, 'projector health endpoint listening');
});
