import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createKafka, readLedgerToEnd } from '@ledger/kafka';
import { createLogger } from '@ledger/runtime';
import { bearer, isolatedAppEnv, testClientToken, uniqueName } from '@ledger/test-harness';
import { decodeLedgerEvent, eventFamily, EventFamily, knownEventTypes } from '@ledger/events';
import { invalidPayloadCase, invalidPayloadOf, submittedEnvelope } from '@ledger/events/testing';
import { startIngestForTest } from '../testing/start-ingest-for-test';

/** The whole catalogue through the ingestion contract: every event type accepted and refused over HTTP. */
describe('every event type, posted to /v1/events', () => {
  let env: Record<string, string>;
  let app: NestFastifyApplication | undefined;
  let url = '';
  const types = knownEventTypes().map((payload) => [payload.type, payload] as const);

  beforeAll(async () => {
    env = isolatedAppEnv();
    ({ app, url } = await startIngestForTest(env));
  });
  afterAll(async () => app?.close());

  /** The local client registered for each family (people's own acts have their own endpoint, tested elsewhere). */
  const CLIENT_OF: Record<EventFamily, string> = {
    activity: 'demo-player',
    xapi: 'demo-player',
    catalogue: 'catalogue-tool',
    people: 'hr-feed',
    audit: 'reporting',
    permissions: 'grants-import',
    organisation: 'grants-import',
  };
  const post = async (events: Array<{ type?: unknown }>) => {
    const client = CLIENT_OF[eventFamily(String(events[0].type)) ?? 'activity'];
    const headers = { 'content-type': 'application/json', ...bearer(await testClientToken(client)) };
    return fetch(`${url}/v1/events`, { method: 'POST', headers, body: JSON.stringify({ events }) });
  };

  it.each(types)('accepts the example of %s with 202 and its position', async (_type, payload) => {
    const event = submittedEnvelope(payload, payload.example, new Date());
    const response = await post([event]);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: [{ eventId: event.eventId, partition: expect.any(Number), offset: expect.any(String) }] });
  });

  it.each(types)('rejects an invalid %s with 400 naming the bad field', async (type, payload) => {
    const bad = invalidPayloadCase(type);
    if (!bad) throw new Error(`no invalid case for ${type}`);
    const response = await post([submittedEnvelope(payload, invalidPayloadOf(payload, bad), new Date())]);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; details: Array<{ index: number; errors: Array<{ field: string }> }> };
    expect(body.code).toBe('REQUEST.INVALID');
    expect(body.details.map((d) => [d.index, d.errors.map((e) => e.field)])).toEqual([[0, [`data.${bad.field}`]]]);
  });

  it('accepts a version 1 LearnerRegistered and appends it upcast to version 2', async () => {
    const learnerId = uniqueName('learner');
    const event = {
      eventId: randomUUID(),
      type: 'LearnerRegistered',
      version: 1,
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      subject: learnerId,
      actor: learnerId,
      data: { fullName: 'Aisha Khan', email: 'aisha.khan@nhs.net', emailIsWorkEmail: true },
    };
    expect((await post([event])).status).toBe(202);

    const kafka = createKafka({ brokers: env.KAFKA_BROKERS.split(','), clientId: 'catalogue-test-reader', ledgerTopic: env.LEDGER_TOPIC }, createLogger('test', 'warn'));
    const onLedger = (await readLedgerToEnd(kafka, env.LEDGER_TOPIC))
      .map((message) => decodeLedgerEvent(message.value))
      .flatMap((decoded) => (decoded.ok && decoded.value.subject === learnerId ? [decoded.value] : []));
    expect(onLedger).toEqual([
      expect.objectContaining({
        eventId: event.eventId,
        version: 2,
        data: { givenName: 'Aisha', familyName: 'Khan', email: 'aisha.khan@nhs.net', emailIsWorkEmail: true },
      }),
    ]);
  });
});
