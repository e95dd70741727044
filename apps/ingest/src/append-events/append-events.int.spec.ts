import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { decodeLedgerEvent } from '@ledger/events';
import { createKafka, readLedgerToEnd } from '@ledger/kafka';
import { createLogger } from '@ledger/runtime';
import { bearer, isolatedAppEnv, REPORTING_AUDIENCE, testClientToken, testPersonToken, uniqueName } from '@ledger/test-harness';
import { startIngestForTest } from '../testing/start-ingest-for-test';

/** The append contract over HTTP, checked against what actually reached the Kafka topic. */
describe('POST /v1/events', () => {
  let env: Record<string, string>;
  let app: NestFastifyApplication;
  let url = '';

  beforeAll(async () => {
    env = isolatedAppEnv();
    ({ app, url } = await startIngestForTest(env));
  });
  afterAll(async () => app.close());

  const accessed = (learnerId: string, seconds = 60) => ({
    eventId: randomUUID(),
    type: 'SessionAccessed',
    version: 1,
    occurredAt: new Date(Date.now() - 120_000).toISOString(),
    subject: learnerId,
    actor: learnerId,
    data: { sessionId: 'session-1', attemptId: 'attempt-1', timeSpentSeconds: seconds },
  });
  const postAs = async (token: string | null, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? bearer(token) : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const post = async (body: unknown, headers: Record<string, string> = {}) => postAs(await testClientToken('demo-player'), body, headers);
  const ledgerEventsFor = async (learnerId: string) => {
    const kafka = createKafka({ brokers: env.KAFKA_BROKERS.split(','), clientId: 'test-reader', ledgerTopic: env.LEDGER_TOPIC }, createLogger('test', 'warn'));
    const messages = await readLedgerToEnd(kafka, env.LEDGER_TOPIC);
    return messages
      .map((m) => decodeLedgerEvent(m.value))
      .flatMap((decoded) => (decoded.ok && decoded.value.subject === learnerId ? [decoded.value] : []));
  };

  it('appends a batch durably, keyed by subject, with recordedAt and source (the authenticated client) set by the ledger', async () => {
    const learner = uniqueName('learner');
    const batch = [accessed(learner, 10), accessed(learner, 20), accessed(learner, 30)];
    // A declared client id is no longer believed: the source is the client the access token names.
    const response = await post({ events: batch }, { 'x-client-id': 'player-7' });
    expect(response.status).toBe(202);
    const { accepted } = (await response.json()) as { accepted: Array<{ eventId: string; partition: number; offset: string }> };
    expect(accepted.map((a) => a.eventId)).toEqual(batch.map((e) => e.eventId));
    // One subject, one partition, consecutive offsets in submission order.
    expect(new Set(accepted.map((a) => a.partition)).size).toBe(1);
    expect(accepted.map((a) => BigInt(a.offset) - BigInt(accepted[0].offset))).toEqual([0n, 1n, 2n]);

    const onLedger = await ledgerEventsFor(learner);
    expect(onLedger.map((e) => e.eventId)).toEqual(batch.map((e) => e.eventId));
    expect(onLedger.every((e) => e.source === 'demo-player' && Date.parse(e.recordedAt) > 0)).toBe(true);
  });

  it('acknowledges a resubmitted batch with the original positions and appends nothing again', async () => {
    const learner = uniqueName('learner');
    const batch = [accessed(learner, 300)];
    const first = (await (await post({ events: batch })).json()) as { accepted: unknown[] };
    const again = await post({ events: batch });
    expect(again.status).toBe(202);
    expect(((await again.json()) as { accepted: unknown[] }).accepted).toEqual(first.accepted);
    expect(await ledgerEventsFor(learner)).toHaveLength(1);
  });

  it('refuses with 409 an eventId reused with different content, and appends nothing of that batch', async () => {
    const learner = uniqueName('learner');
    const original = accessed(learner, 300);
    expect((await post({ events: [original] })).status).toBe(202);
    const fresh = accessed(learner, 5);
    const tampered = { ...original, data: { ...original.data, timeSpentSeconds: 3000 } };
    const response = await post({ events: [fresh, tampered] });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      code: 'EVENT.CONFLICT',
      details: [{ index: 1, errors: [{ field: 'eventId', reason: 'was already accepted with different content' }] }],
    });
    expect((await ledgerEventsFor(learner)).map((e) => e.eventId)).toEqual([original.eventId]);
    // The refused batch's new event was released: sent again on its own, it is accepted.
    expect((await post({ events: [fresh] })).status).toBe(202);
  });

  it('rejects bad input with a clear 400 or 413 and keeps serving', async () => {
    const learner = uniqueName('learner');
    const cases: Array<[unknown, number, string]> = [
      ['{"events": [', 400, 'REQUEST.INVALID'],
      [{ events: [] }, 400, 'REQUEST.INVALID'],
      [{ events: Array.from({ length: 1001 }, () => accessed(learner)) }, 400, 'REQUEST.INVALID'],
      [{ notEvents: true }, 400, 'REQUEST.INVALID'],
      [{ events: [{ ...accessed(learner), type: 'SessionTeleported' }] }, 400, 'REQUEST.INVALID'],
      [{ events: [{ ...accessed(learner), version: 7 }] }, 400, 'REQUEST.INVALID'],
      [{ events: [{ ...accessed(learner), occurredAt: new Date(Date.now() + 3_600_000).toISOString() }] }, 400, 'REQUEST.INVALID'],
      [{ events: [accessed(learner)], padding: 'x'.repeat(6 * 1024 * 1024) }, 413, 'REQUEST.TOO_LARGE'],
    ];
    for (const [body, status, code] of cases) {
      const response = await post(body);
      expect({ status: response.status, code: ((await response.json()) as { code: string }).code }).toEqual({ status, code });
    }
    expect(await ledgerEventsFor(learner)).toEqual([]);
    expect((await post({ events: [accessed(learner)] })).status).toBe(202);
  });

  it('names every invalid event and field of a batch', async () => {
    const learner = uniqueName('learner');
    const response = await post({
      events: [accessed(learner), { ...accessed(learner), eventId: 'x', subject: '' }, accessed(learner), { ...accessed(learner), data: {} }],
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { details: Array<{ index: number; errors: Array<{ field: string }> }> };
    expect(body.details.map((d) => [d.index, d.errors.map((e) => e.field).sort()])).toEqual([
      [1, ['eventId', 'subject']],
      [3, ['data.attemptId', 'data.sessionId', 'data.timeSpentSeconds']],
    ]);
  });

  it('documents every event type, with an example, in the OpenAPI description', async () => {
    const { knownEventTypes } = await import('@ledger/events');
    const spec = (await (await fetch(`${url}/docs-json`)).json()) as {
      paths: Record<string, { post?: { requestBody?: { content: Record<string, { examples?: Record<string, unknown> }> } } }>;
      components: { schemas: Record<string, unknown> };
    };
    const examples = spec.paths['/v1/events'].post?.requestBody?.content['application/json'].examples ?? {};
    for (const payload of knownEventTypes()) {
      expect(examples[payload.type]).toBeDefined();
      expect(spec.components.schemas[payload.name]).toBeDefined();
    }
  });

  describe('who may append', () => {
    it('refuses a request without credentials, with a forged token, or with a token for another API: 401, nothing appended', async () => {
      const learner = uniqueName('learner');
      const forged = await forgedToken();
      const forReporting = await testClientToken('demo-player', REPORTING_AUDIENCE);
      for (const token of [null, forged, forReporting, 'not-a-jwt']) {
        const response = await postAs(token, { events: [accessed(learner)] });
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toContain('Bearer');
        expect(await response.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
      }
      expect(await ledgerEventsFor(learner)).toEqual([]);
    });

    it('refuses event families the client is not registered for (403, naming each event), appending none of the batch', async () => {
      const learner = uniqueName('learner');
      const admin = { ...accessed(learner), type: 'HubAdminGranted', subject: learner, data: { userId: learner } };
      const response = await postAs(await testClientToken('demo-player'), { events: [accessed(learner), admin] });
      expect(response.status).toBe(403);
      const body = (await response.json()) as { code: string; details: Array<{ index: number; errors: Array<{ field: string; reason: string }> }> };
      expect(body.code).toBe('AUTH.FORBIDDEN');
      expect(body.details).toEqual([{ index: 1, errors: [{ field: 'type', reason: expect.stringContaining('may not append permissions events') }] }]);
      const catalogueTool = await postAs(await testClientToken('catalogue-tool'), { events: [accessed(learner)] });
      expect(catalogueTool.status).toBe(403);
      expect(await ledgerEventsFor(learner)).toEqual([]);
    });

    it("refuses a person's token here (people record facts through /v1/acts), and a forged source field in the body", async () => {
      const learner = uniqueName('learner');
      expect((await postAs(await testPersonToken('learner-asha'), { events: [accessed('learner-asha')] })).status).toBe(403);
      const forgedSource = await post({ events: [{ ...accessed(learner), source: 'someone-else' }] });
      expect(forgedSource.status).toBe(400);
      expect(await forgedSource.json()).toMatchObject({ details: [{ index: 0, errors: [{ field: 'source', reason: 'is set by the ledger and must not be sent' }] }] });
      expect(await ledgerEventsFor(learner)).toEqual([]);
    });
  });
});

/** A well-formed access token for ingest, with the right issuer, signed by a key that is not the provider's. */
async function forgedToken(): Promise<string> {
  const { SignJWT, generateKeyPair } = await import('jose');
  const { privateKey } = await generateKeyPair('RS256');
  const issuer = process.env.LEDGER_TEST_OIDC_ISSUER ?? '';
  return new SignJWT({ client_id: 'demo-player', scope: 'ledger' })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt' })
    .setIssuer(issuer)
    .setAudience('urn:activity-ledger:ingest')
    .setSubject('demo-player')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
}
