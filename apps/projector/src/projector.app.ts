import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { createHttpApp } from '@ledger/runtime';
import type { ProjectorConfig } from './config';
import { ProjectorModule } from './projector.module';

/** The projector app, ready to listen: used by main.ts and by tests, so both run the same thing. */
export async function buildProjectorApp(config: ProjectorConfig, logger: Logger): Promise<NestFastifyApplication> {
  return createHttpApp(ProjectorModule.register(config, logger), { logger });
}
