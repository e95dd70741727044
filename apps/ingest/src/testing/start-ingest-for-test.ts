import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger } from '@ledger/runtime';
import { loadIngestConfig } from '../config';
import { buildIngestApp } from '../ingest.app';

/** Starts the ingest app in this process on a free loopback port, configured from `env` (see isolatedAppEnv). */
export async function startIngestForTest(env: Record<string, string>): Promise<{ app: NestFastifyApplication; url: string }> {
  const config = loadIngestConfig({ ...env, HOST: '127.0.0.1', INGEST_PORT: '0' });
  const app = await buildIngestApp(config, createLogger('ingest', config.logLevel));
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}
