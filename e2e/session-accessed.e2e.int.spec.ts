import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { bearer, eventually, isolatedAppEnv, REPORTING_AUDIENCE, testClientToken, testPersonToken, uniqueName } from '@ledger/test-harness';
import { startIngestForTest } from '../apps/ingest/src/testing/start-ingest-for-test';
import { startProjectorForTest } from '../apps/projector/src/testing/start-projector-for-test';
import { startReportingForTest } from '../apps/reporting/src/testing/start-reporting-for-test';

/**
 * The walking skeleton, through the real parts: HTTP ingest → Kafka → projector (a @nestjs/cqrs
 * handler) → FerretDB/MongoDB → HTTP reporting, with real tokens: a player client appends, and a hub
 * admin reads (a view the ledger records). Each test run gets its own topic, group and database.
 */
const asPlayer = async () => ({ 'content-type': 'application/json', ...bearer(await testClientToken('demo-player')) });
const asAdmin = async () => bearer(await testPersonToken('admin-hana', REPORTING_AUDIENCE));
describe('a SessionAccessed event, end to end', () => {
  const apps: INestApplication[] = [];
  let ingestUrl = '';
  let reportingUrl = '';

  beforeAll(async () => {
    const env = isolatedAppEnv();
    const ingest = await startIngestForTest(env);
    const projector = await startProjectorForTest(env);
    const reporting = await startReportingForTest({ ...env, INGEST_URL: ingest.url });
    apps.push(ingest.app, projector.app, reporting.app);
    ingestUrl = ingest.url;
    reportingUrl = reporting.url;
  });

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  it('is answered 202 with its position and then shows in the learner\'s activity with its time spent', async () => {
    const learnerId = uniqueName('learner');
    const event = {
      eventId: randomUUID(),
      type: 'SessionAccessed',
      version: 1,
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      subject: learnerId,
      actor: learnerId,
      data: { sessionId: 'elfh-session-1042', attemptId: 'att-1', timeSpentSeconds: 420 },
    };

    const posted = await fetch(`${ingestUrl}/v1/events`, {
      method: 'POST',
      headers: await asPlayer(),
      body: JSON.stringify({ events: [event] }),
    });
    expect(posted.status).toBe(202);
    const receipt = (await posted.json()) as { accepted: unknown[] };
    expect(receipt.accepted).toEqual([{ eventId: event.eventId, partition: expect.any(Number), offset: '0' }]);

    const sessions = await eventually(async () => {
      const response = await fetch(`${reportingUrl}/v1/learners/${learnerId}/sessions`, { headers: await asAdmin() });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { sessions: unknown[] };
      return body.sessions.length > 0 ? body.sessions : undefined;
    });
    expect(sessions).toEqual([
      {
        sessionId: 'elfh-session-1042',
        // No course lists this session yet, so it has no title.
        title: null,
        status: 'in-progress',
        statusByPolicy: { latest: 'in-progress', best: 'in-progress' },
        firstAccessedAt: event.occurredAt,
        lastAccessedAt: event.occurredAt,
        accessCount: 1,
        timeSpentSeconds: 420,
        attempts: 1,
        latestScore: null,
        bestScore: null,
      },
    ]);
  });

  it('rejects an invalid batch with 400 naming each bad field, and appends nothing of it', async () => {
    const learnerId = uniqueName('learner');
    const good = {
      eventId: randomUUID(),
      type: 'SessionAccessed',
      version: 1,
      occurredAt: new Date().toISOString(),
      subject: learnerId,
      actor: learnerId,
      data: { sessionId: 's-1', attemptId: 'a-1', timeSpentSeconds: 30 },
    };
    const bad = { ...good, eventId: randomUUID(), data: { sessionId: 's-1', attemptId: 'a-1', timeSpentSeconds: -1 } };
    const response = await fetch(`${ingestUrl}/v1/events`, {
      method: 'POST',
      headers: await asPlayer(),
      body: JSON.stringify({ events: [good, bad] }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; details: unknown };
    expect(body.code).toBe('REQUEST.INVALID');
    expect(body.details).toEqual([{ index: 1, errors: [{ field: 'data.timeSpentSeconds', reason: expect.stringContaining('0') }] }]);

    // A later valid event for the same learner is projected; the rejected batch's good event never is.
    const later = { ...good, eventId: randomUUID(), data: { sessionId: 's-2', attemptId: 'a-2', timeSpentSeconds: 5 } };
    const accepted = await fetch(`${ingestUrl}/v1/events`, {
      method: 'POST',
      headers: await asPlayer(),
      body: JSON.stringify({ events: [later] }),
    });
    expect(accepted.status).toBe(202);
    const sessions = await eventually(async () => {
      const body = (await (await fetch(`${reportingUrl}/v1/learners/${learnerId}/sessions`, { headers: await asAdmin() })).json()) as { sessions: Array<{ sessionId: string }> };
      return body.sessions.length > 0 ? body.sessions : undefined;
    });
    expect(sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual(['s-2']);
  });

  it('reports Kafka and Mongo reachability on /health', async () => {
    const response = await fetch(`${ingestUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'up', checks: { kafka: { up: true }, mongo: { up: true } } });
  });
});
