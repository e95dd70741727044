import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { createHttpApp } from '@ledger/runtime';
import { setUpApiDocs } from './api-docs';
import type { IngestConfig } from './config';
import { IngestModule } from './ingest.module';

/** The ingest app, ready to listen: used by main.ts and by tests, so both run the same thing. */
export async function buildIngestApp(config: IngestConfig, logger: Logger): Promise<NestFastifyApplication> {
  const app = await createHttpApp(IngestModule.register(config, logger), { logger, bodyLimit: config.bodyLimitBytes });
  setUpApiDocs(app);
  return app;
}
