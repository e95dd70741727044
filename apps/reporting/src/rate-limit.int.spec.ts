import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isolatedAppEnv } from '@ledger/test-harness';
import { startReportingForTest } from './testing/start-reporting-for-test';

/** Too many requests from one address get 429 with the error's stable code, not a server error. */
describe('reporting rate limit', () => {
  let app: NestFastifyApplication | undefined;
  let url = '';
  beforeAll(async () => {
    ({ app, url } = await startReportingForTest(isolatedAppEnv({ REPORTING_RATE_LIMIT_PER_MINUTE: '3' })));
  });
  afterAll(async () => app?.close());

  it('answers the fourth request in a minute 429 REQUEST.RATE_LIMITED, with when to retry', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await fetch(`${url}/health`)).status);
    const refused = await fetch(`${url}/health`);
    expect(statuses).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({ code: 'REQUEST.RATE_LIMITED' });
  });
});
