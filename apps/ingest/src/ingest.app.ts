import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { createHttpApp, setUpApiDocs } from '@ledger/runtime';
import type { IngestConfig } from './config';
import { IngestModule } from './ingest.module';

/** The ingest app, ready to listen: used by main.ts and by tests, so both run the same thing. */
export async function buildIngestApp(config: IngestConfig, logger: Logger): Promise<NestFastifyApplication> {
  const app = await createHttpApp(IngestModule.register(config, logger), { logger, bodyLimit: config.bodyLimitBytes });
  setUpApiDocs(app, {
    title: 'activity-ledger ingest',
    description: 'The one door into the ledger: validated, idempotent, durable event appends.',
    closedSchemas: ['SubmittedEventDto', 'ScormCommitRequest'],
  });
  return app;
}
