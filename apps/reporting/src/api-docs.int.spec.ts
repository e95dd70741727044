import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isolatedAppEnv, REPORTING_AUDIENCE, runSchemathesis, testPersonToken } from '@ledger/test-harness';
import { startReportingForTest } from './testing/start-reporting-for-test';

/** Reporting publishes its own OpenAPI description, and it holds against property-based requests. */
describe('reporting\'s OpenAPI description', () => {
  let app: NestFastifyApplication | undefined;
  let url = '';
  beforeAll(async () => {
    // Many operations, each tried many times: more requests a minute than the default limit allows.
    ({ app, url } = await startReportingForTest(isolatedAppEnv({ REPORTING_RATE_LIMIT_PER_MINUTE: '100000' })));
  });
  afterAll(async () => app?.close());

  it('is served at /docs-json and lists every endpoint', async () => {
    const document = (await (await fetch(`${url}/docs-json`)).json()) as { info: { title: string }; paths: Record<string, unknown> };
    expect(document.info.title).toBe('activity-ledger reporting');
    const reports = ['activity-summarised', 'anonymised-usage', 'learners-activity', 'my-activity', 'organisation-staff-activity', 'programme-summary'];
    const outputs = reports.flatMap((r) => [`/v1/reports/${r}`, `/v1/reports/${r}/csv`, `/v1/reports/${r}/pdf`]);
    const certificates = [
      '/.well-known/jwks.json',
      '/v1/learners/{learnerId}/certificates',
      '/v1/learners/{learnerId}/certificates/issued/{code}/credential',
      '/v1/learners/{learnerId}/certificates/{kind}/{containerId}',
      '/verify/{code}',
    ];
    const auditor = [
      '/v1/auditor/as-of/{asOfKey}/learners/{learnerId}',
      '/v1/auditor/as-of/{asOfKey}/learners/{learnerId}/certificates/{kind}/{containerId}',
      '/v1/auditor/as-of/{asOfKey}/learners/{learnerId}/viewers',
      '/v1/auditor/as-of/{asOfKey}/reports/{report}',
      '/v1/auditor/as-of/{asOfKey}/reports/{report}/csv',
      '/v1/auditor/as-of/{asOfKey}/reports/{report}/pdf',
      '/v1/auditor/jobs',
      '/v1/auditor/jobs/{jobId}',
    ];
    const learners = ['/v1/learners/{learnerId}/progress', '/v1/learners/{learnerId}/sessions'];
    expect(Object.keys(document.paths).sort()).toEqual(['/health', ...learners, ...certificates, ...auditor, ...outputs].sort());
    // The report of an as-of report operation is one of the registered reports.
    type Parameter = { in: string; name: string; schema: { enum?: string[] } };
    for (const path of auditor.filter((p) => p.includes('{report}'))) {
      const operation = document.paths[path] as { get: { parameters: Parameter[] } };
      expect(operation.get.parameters.find((p) => p.in === 'path' && p.name === 'report')?.schema.enum?.sort()).toEqual(reports);
    }
  });

  it('holds against property-based requests (schemathesis)', async () => {
    // As a learner: her own record, or 404 for anyone else (a viewer's view would be recorded through
    // ingest first, which this test does not start).
    const run = await runSchemathesis(`${url}/docs-json`, { token: await testPersonToken('learner-asha', REPORTING_AUDIENCE) });
    // Every operation was exercised, and none failed (the report is shown when one did).
    expect(run.output).toMatch(/Tested: [1-9]\d*/);
    expect(run.exitCode === 0 ? 'no mismatches' : `schemathesis found mismatches (exit ${run.exitCode}):\n${run.output}`).toBe('no mismatches');
  });
});
