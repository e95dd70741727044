import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { decodeLedgerEvent } from '@ledger/events';
import { createKafka, readLedgerToEnd } from '@ledger/kafka';
import { createLogger } from '@ledger/runtime';
import { bearer, eventually, isolatedAppEnv, testClientToken, testPersonToken } from '@ledger/test-harness';
import { startProjectorForTest } from '../apps/projector/src/testing/start-projector-for-test';
import { startIngestForTest } from '../apps/ingest/src/testing/start-ingest-for-test';

/** POST /v1/acts with real people's tokens: the person is the actor, and the access policy decides what they may record. */
describe('POST /v1/acts', () => {
  let env: Record<string, string>;
  const apps: INestApplication[] = [];
  let url = '';

  beforeAll(async () => {
    env = isolatedAppEnv();
    const ingest = await startIngestForTest(env);
    apps.push(ingest.app, (await startProjectorForTest(env)).app);
    url = ingest.url;
  });
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  const act = (type: string, subject: string, data: object, extra: object = {}) => ({ eventId: randomUUID(), type, version: 1, subject, data, ...extra });
  const postAs = async (token: string, body: object) =>
    fetch(`${url}/v1/acts`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(token) }, body: JSON.stringify(body) });
  const as = (username: string) => testPersonToken(username);
  const onLedger = async () => {
    const kafka = createKafka({ brokers: env.KAFKA_BROKERS.split(','), clientId: 'acts-reader', ledgerTopic: env.LEDGER_TOPIC }, createLogger('test', 'warn'));
    return (await readLedgerToEnd(kafka, env.LEDGER_TOPIC)).flatMap((m) => {
      const decoded = decodeLedgerEvent(m.value);
      return decoded.ok ? [decoded.value] : [];
    });
  };

  it("records a learner's own consent with the learner as actor and the sign-in client as source", async () => {
    const consent = act('ViewerAuthorised', 'learner-asha', { viewerId: 'tutor-tom', scope: 'all' });
    const response = await postAs(await as('learner-asha'), consent);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ eventId: consent.eventId, partition: expect.any(Number), offset: expect.any(String) });
    const recorded = (await onLedger()).find((e) => e.eventId === consent.eventId);
    expect(recorded).toMatchObject({ type: 'ViewerAuthorised', actor: 'learner-asha', subject: 'learner-asha', source: 'ledger-cli' });
  });

  it('refuses an actor (or source, or occurredAt) in the body with 400, and a consent given for someone else with 403', async () => {
    const forged = act('ViewerAuthorised', 'learner-asha', { viewerId: 'tutor-tom', scope: 'all' }, { actor: 'learner-ben', source: 'x' });
    const bad = await postAs(await as('learner-asha'), forged);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'REQUEST.INVALID', details: [{ errors: [{ field: 'actor' }, { field: 'source' }] }] });
    const forBen = act('ViewerAuthorised', 'learner-ben', { viewerId: 'learner-asha', scope: 'all' });
    const refused = await postAs(await as('learner-asha'), forBen);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'AUTH.FORBIDDEN', details: [{ index: 0, errors: [{ field: 'type', reason: expect.stringContaining('only the learner themselves') }] }] });
    const ids = new Set((await onLedger()).map((e) => e.eventId));
    expect(ids.has(forged.eventId) || ids.has(forBen.eventId)).toBe(false);
  });

  it("refuses a client's token: acts are people's", async () => {
    const response = await postAs(await testClientToken('hr-feed'), act('TermsAccepted', 'learner-asha', { termsVersion: '2026-04' }));
    expect(response.status).toBe(403);
  });

  it('lets a hub admin authorise a lead, that lead (once projected) approve runners of their own organisation only, and no trainee grant himself anything', async () => {
    const lead = act('ReportingLeadAuthorised', 'RJ1', { odsCode: 'RJ1', leadId: 'lead-lucy', authorisedByRole: 'hr-director' }, { version: 1 });
    expect((await postAs(await as('admin-hana'), lead)).status).toBe(202);
    const approve = (odsCode: string) => act('ReportRunnerApproved', odsCode, { odsCode, runnerId: 'runner-raj', leadId: 'lead-lucy' });
    // The lead's authorisation reaches the grants read model through the projector; until then she is refused.
    const approved = await eventually(async () => {
      const response = await postAs(await as('lead-lucy'), approve('RJ1'));
      return response.status === 202 ? response : undefined;
    });
    expect(approved.status).toBe(202);
    expect((await postAs(await as('lead-lucy'), approve('RX9'))).status).toBe(403);
    expect((await postAs(await as('trainee-finn'), act('HubAdminGranted', 'trainee-finn', { userId: 'trainee-finn' }))).status).toBe(403);
    expect((await postAs(await as('trainee-finn'), approve('RJ1'))).status).toBe(403);
    const ledger = await onLedger();
    expect(ledger.filter((e) => e.type === 'ReportRunnerApproved').map((e) => [e.subject, e.actor])).toEqual([['RJ1', 'lead-lucy']]);
    expect(ledger.find((e) => e.eventId === lead.eventId)).toMatchObject({ version: 2, actor: 'admin-hana', data: { authorisedByName: null } });
    expect(ledger.some((e) => e.type === 'HubAdminGranted')).toBe(false);
  });
});
