import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isolatedAppEnv, runSchemathesis } from '@ledger/test-harness';
import { startReportingForTest } from './testing/start-reporting-for-test';

/** Reporting publishes its own OpenAPI description, and it holds against property-based requests. */
describe('reporting\'s OpenAPI description', () => {
  let app: NestFastifyApplication | undefined;
  let url = '';
  beforeAll(async () => {
    ({ app, url } = await startReportingForTest(isolatedAppEnv()));
  });
  afterAll(async () => app?.close());

  it('is served at /docs-json and lists every endpoint', async () => {
    const document = (await (await fetch(`${url}/docs-json`)).json()) as { info: { title: string }; paths: Record<string, unknown> };
    expect(document.info.title).toBe('activity-ledger reporting');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/health',
      '/v1/auditor/as-of/{asOfKey}/learners/{learnerId}',
      '/v1/auditor/as-of/{asOfKey}/learners/{learnerId}/viewers',
      '/v1/auditor/jobs',
      '/v1/auditor/jobs/{jobId}',
      '/v1/learners/{learnerId}/progress',
      '/v1/learners/{learnerId}/sessions',
    ]);
  });

  it('holds against property-based requests (schemathesis)', async () => {
    const run = await runSchemathesis(`${url}/docs-json`, { token: process.env.SCHEMATHESIS_TOKEN });
    if (run.exitCode !== 0) throw new Error(`schemathesis found mismatches (exit ${run.exitCode}):\n${run.output}`);
  });
});
