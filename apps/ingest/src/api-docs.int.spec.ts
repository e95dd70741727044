import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isolatedAppEnv, runSchemathesis, testClientToken } from '@ledger/test-harness';
import { startIngestForTest } from './testing/start-ingest-for-test';

/**
 * The OpenAPI description says what ingest really accepts: schemathesis generates requests from it
 * (valid and invalid) and finds no server error, no valid request refused, no invalid one accepted,
 * and no answer the description does not list. It calls as the player client, with a real token.
 */
describe('ingest\'s OpenAPI description', () => {
  let app: NestFastifyApplication | undefined;
  let url = '';
  beforeAll(async () => {
    ({ app, url } = await startIngestForTest(isolatedAppEnv()));
  });
  afterAll(async () => app?.close());

  it('holds against property-based requests (schemathesis)', async () => {
    const run = await runSchemathesis(`${url}/docs-json`, { token: await testClientToken('demo-player') });
    // Every operation was exercised, and none failed (the report is shown when one did).
    expect(run.output).toMatch(/Tested: [1-9]\d*/);
    expect(run.exitCode === 0 ? 'no mismatches' : `schemathesis found mismatches (exit ${run.exitCode}):\n${run.output}`).toBe('no mismatches');
  });
});
