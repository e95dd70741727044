import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger } from '@ledger/runtime';
import { freePort } from '@ledger/test-harness';
import { loadReportingConfig } from '../config';
import { buildReportingApp } from '../reporting.app';

/**
 * Starts the reporting app in this process on a free loopback port, configured from `env` (see
 * isolatedAppEnv). The port is chosen first, because the sign-in callback URL the provider redirects
 * browsers to must name it.
 */
export async function startReportingForTest(env: Record<string, string>): Promise<{ app: NestFastifyApplication; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadReportingConfig({ ...env, HOST: '127.0.0.1', REPORTING_PORT: String(port), REPORTING_PUBLIC_URL: url });
  const app = await buildReportingApp(config, createLogger('reporting', config.logLevel));
  await app.listen(port, '127.0.0.1');
  return { app, url };
}
