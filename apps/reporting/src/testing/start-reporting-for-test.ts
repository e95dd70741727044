import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger } from '@ledger/runtime';
import { loadReportingConfig } from '../config';
import { buildReportingApp } from '../reporting.app';

/** Starts the reporting app in this process on a free loopback port, configured from `env` (see isolatedAppEnv). */
export async function startReportingForTest(env: Record<string, string>): Promise<{ app: NestFastifyApplication; url: string }> {
  const config = loadReportingConfig({ ...env, HOST: '127.0.0.1', REPORTING_PORT: '0' });
  const app = await buildReportingApp(config, createLogger('reporting', config.logLevel));
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}
