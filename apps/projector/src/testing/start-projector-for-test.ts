import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger } from '@ledger/runtime';
import { loadProjectorConfig } from '../config';
import { buildProjectorApp } from '../projector.app';

/** Starts the projector app in this process on a free loopback port, configured from `env` (see isolatedAppEnv). */
export async function startProjectorForTest(env: Record<string, string>): Promise<{ app: NestFastifyApplication; url: string }> {
  const config = loadProjectorConfig({ ...env, HOST: '127.0.0.1', PROJECTOR_PORT: '0' });
  const app = await buildProjectorApp(config, createLogger('projector', config.logLevel));
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}
