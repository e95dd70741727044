import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isolatedAppEnv, REPORTING_AUDIENCE, runSchemathesis, testPersonToken } from '@ledger/test-harness';
import { startReportingForTest } from './testing/start-reporting-for-test';

/** Reporting publishes its own OpenAPI description, and it holds against property-based requests. */
describe('reporting\'s OpenAPI description', () => {
  let app: NestFastifyApplication | undefined;
  let url = '';
  beforeAll(async () => {
    // A rate limit high enough for schemathesis's many requests (checking codes is limited to a twentieth of it).
    ({ app, url } = await startReportingForTest(isolatedAppEnv({ REPORTING_RATE_LIMIT_PER_MINUTE: '100000' })));
  });
  afterAll(async () => app?.close());

  it('is served at /docs-json and lists every endpoint', async () => {
    const document = (await (await fetch(`${url}/docs-json`)).json()) as { info: { title: string }; paths: Record<string, unknown> };
    expect(document.info.title).toBe('activity-ledger reporting');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/.well-known/jwks.json',
      '/health',
      '/v1/learners/{learnerId}/certificates',
      '/v1/learners/{learnerId}/certificates/issued/{code}/credential',
      '/v1/learners/{learnerId}/certificates/{kind}/{containerId}',
      '/v1/learners/{learnerId}/progress',
      '/v1/learners/{learnerId}/sessions',
      '/v1/reports/activity-summarised',
      '/v1/reports/activity-summarised/csv',
      '/v1/reports/activity-summarised/pdf',
      '/v1/reports/my-activity',
      '/v1/reports/my-activity/csv',
      '/v1/reports/my-activity/pdf',
      '/v1/reports/programme-summary',
      '/v1/reports/programme-summary/csv',
      '/v1/reports/programme-summary/pdf',
      '/verify/{code}',
    ]);
  });

  it('holds against property-based requests (schemathesis)', async () => {
    // As a learner: her own record, or 404 for anyone else (a viewer's view would be recorded through
    // ingest first, which this test does not start).
    const run = await runSchemathesis(`${url}/docs-json`, { token: await testPersonToken('learner-asha', REPORTING_AUDIENCE) });
    if (run.exitCode !== 0) throw new Error(`schemathesis found mismatches (exit ${run.exitCode}):\n${run.output}`);
  });
});
