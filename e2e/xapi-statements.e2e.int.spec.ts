import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { decodeLedgerEvent, LedgerEvent } from '@ledger/events';
import { createKafka, readLedgerToEnd } from '@ledger/kafka';
import { createLogger } from '@ledger/runtime';
import { eventually, isolatedAppEnv, localBasicCredentials, uniqueName } from '@ledger/test-harness';
import { startProjectorForTest } from '../apps/projector/src/testing/start-projector-for-test';
import { startIngestForTest } from '../apps/ingest/src/testing/start-ingest-for-test';

/** xAPI content authenticates with HTTP Basic key:secret, mapped to the registered client demo-player. */
const basicAuth = (secret = localBasicCredentials('demo-player').secret) =>
  `Basic ${Buffer.from(`${localBasicCredentials('demo-player').key}:${secret}`).toString('base64')}`;

type Json = Record<string, unknown>;

/** The xAPI Statements resource through the real parts: ingest → Kafka → projector → store → ingest GET. */
describe('/xapi/statements', () => {
  const apps: INestApplication[] = [];
  let env: Record<string, string>;
  let url = '';

  beforeAll(async () => {
    env = isolatedAppEnv();
    const ingest = await startIngestForTest(env);
    const projector = await startProjectorForTest(env);
    apps.push(ingest.app, projector.app);
    url = ingest.url;
  });
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  const send = (method: string, body: unknown, { version = '2.0.0' as string | null, query = '' } = {}) =>
    fetch(`${url}/xapi/statements${query}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: basicAuth(), ...(version === null ? {} : { 'X-Experience-API-Version': version }) },
      body: JSON.stringify(body),
    });
  const get = (query: string, version = '2.0.0') => fetch(`${url}/xapi/statements?${query}`, { headers: { 'X-Experience-API-Version': version, authorization: basicAuth() } });
  const storedStatement = (id: string, param = 'statementId') =>
    eventually(async () => {
      const response = await get(`${param}=${id}`);
      return response.status === 200 ? { response, body: (await response.json()) as Json } : undefined;
    });
  const statement = (learner: string, verb: string, extra: Json = {}): Json => ({
    id: randomUUID(),
    actor: { objectType: 'Agent', account: { homePage: 'https://learninghub.example.org', name: learner } },
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-GB': verb } },
    object: { objectType: 'Activity', id: 'https://learninghub.example.org/sessions/elfh-session-1042' },
    timestamp: new Date(Date.now() - 60_000).toISOString(),
    ...extra,
  });
  const ledgerEventsFor = async (learnerId: string): Promise<LedgerEvent[]> => {
    const kafka = createKafka({ brokers: env.KAFKA_BROKERS.split(','), clientId: 'test-reader', ledgerTopic: env.LEDGER_TOPIC }, createLogger('test', 'warn'));
    return (await readLedgerToEnd(kafka, env.LEDGER_TOPIC)).map((m) => decodeLedgerEvent(m.value)).flatMap((d) => (d.ok && d.value.subject === learnerId ? [d.value] : []));
  };

  it('records a 1.0.3 and a 2.0 statement, with their activity events, and serves each back', async () => {
    const learner = uniqueName('learner');
    const launched = statement(learner, 'launched', { result: { duration: 'PT1H30M' } });
    const { id: _omitted, ...passed } = statement(learner, 'passed', { result: { score: { raw: 9, max: 10 }, success: true } });

    const old = await send('POST', launched, { version: '1.0.3' });
    expect(old.status).toBe(200);
    expect(old.headers.get('X-Experience-API-Version')).toBe('1.0.3');
    expect(await old.json()).toEqual([launched.id]);
    const modern = await send('POST', [passed]);
    expect(modern.status).toBe(200);
    expect(modern.headers.get('X-Experience-API-Version')).toBe('2.0.0');
    const [passedId] = (await modern.json()) as string[];
    expect(passedId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const first = await storedStatement(launched.id as string);
    expect(first.response.headers.get('X-Experience-API-Version')).toBe('2.0.0');
    // The watermark vouches for the statement just read: consistent through at least when it was stored.
    const consistentThrough = await eventually(async () => {
      const header = (await get(`statementId=${launched.id}`)).headers.get('X-Experience-API-Consistent-Through') ?? '';
      return Date.parse(header) >= Date.parse(first.body.stored as string) ? header : undefined;
    });
    expect(Date.parse(consistentThrough)).toBeGreaterThan(0);
    expect(first.body).toEqual({
      ...launched,
      version: '1.0.0',
      stored: expect.any(String),
      authority: { objectType: 'Agent', account: { homePage: 'https://activity-ledger.invalid/declared-clients', name: 'demo-player' } },
    });
    expect((await storedStatement(passedId)).body).toMatchObject({ ...passed, id: passedId, version: '2.0.0' });

    const onLedger = await ledgerEventsFor(learner);
    // The derived events' ids are UUID v5 of the statement id (unit-tested with the mapping).
    expect(onLedger.map((e) => [e.type === 'XapiStatementRecorded' ? e.eventId : 'derived', e.type, e.source])).toEqual([
      [launched.id, 'XapiStatementRecorded', 'demo-player'],
      ['derived', 'SessionAccessed', 'demo-player'],
      [passedId, 'XapiStatementRecorded', 'demo-player'],
      ['derived', 'AssessmentScored', 'demo-player'],
    ]);
    expect(onLedger[1].data).toEqual({ sessionId: 'https://learninghub.example.org/sessions/elfh-session-1042', attemptId: launched.id, timeSpentSeconds: 5400 });
  });

  it('requires the version header (400 naming it) and sets it on every response', async () => {
    const learner = uniqueName('learner');
    for (const version of [null, '0.9.5']) {
      const response = await send('POST', statement(learner, 'launched'), { version });
      expect(response.status).toBe(400);
      expect(response.headers.get('X-Experience-API-Version')).toBe('2.0.0');
      expect(await response.json()).toMatchObject({ code: 'REQUEST.INVALID', details: [{ errors: [{ field: 'X-Experience-API-Version' }] }] });
    }
    const unknown = await get(`statementId=${randomUUID()}`, '1.0');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('X-Experience-API-Version')).toBe('1.0.3');
    expect(await ledgerEventsFor(learner)).toEqual([]);
  });

  it('refuses a wrong Basic secret or no credentials with 401, and records nothing', async () => {
    const learner = uniqueName('learner');
    for (const authorization of [basicAuth('not-the-secret'), '']) {
      const response = await fetch(`${url}/xapi/statements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Experience-API-Version': '2.0.0', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(statement(learner, 'launched')),
      });
      expect(response.status).toBe(401);
    }
    expect(await ledgerEventsFor(learner)).toEqual([]);
  });

  it('refuses a bad statement with 400 naming every bad field, and records nothing of the request', async () => {
    const learner = uniqueName('learner');
    const good = statement(learner, 'completed');
    const bad = { ...statement(learner, 'launched'), actor: { name: 'no identifier' }, verb: { id: 'launched' }, result: { duration: '90 minutes' } };
    const response = await send('POST', [good, bad]);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; details: Array<{ index: number; errors: Array<{ field: string }> }> };
    expect(body.code).toBe('REQUEST.INVALID');
    expect(body.details.map((d) => [d.index, d.errors.map((e) => e.field)])).toEqual([[1, ['actor', 'verb.id', 'result.duration']]]);
    expect(await ledgerEventsFor(learner)).toEqual([]);
  });

  it('changes nothing for the same statement again (POST and PUT), and refuses its id with other content with 409', async () => {
    const learner = uniqueName('learner');
    const launched = statement(learner, 'launched', { result: { duration: 'PT10M' } });
    const put = await send('PUT', launched, { query: `?statementId=${launched.id}` });
    expect(put.status).toBe(204);
    expect(put.headers.get('X-Experience-API-Version')).toBe('2.0.0');
    expect((await send('PUT', launched, { query: `?statementId=${launched.id}` })).status).toBe(204);
    expect(await (await send('POST', launched)).json()).toEqual([launched.id]);

    const changed = await send('POST', { ...launched, result: { duration: 'PT10H' } });
    expect(changed.status).toBe(409);
    expect(await changed.json()).toMatchObject({ code: 'EVENT.CONFLICT', details: [{ index: 0, errors: [{ field: 'id' }] }] });
    const onLedger = await ledgerEventsFor(learner);
    expect(onLedger.map((e) => e.type)).toEqual(['XapiStatementRecorded', 'SessionAccessed']);
    expect(onLedger[1].data).toMatchObject({ timeSpentSeconds: 600 });
  });

  it('accepts a resend that differs only where xAPI says to ignore (no timestamp, verb display), once stored', async () => {
    const learner = uniqueName('learner');
    const { timestamp: _none, ...untimed } = statement(learner, 'completed');
    expect((await send('POST', untimed)).status).toBe(200);
    const stored = await storedStatement(untimed.id as string);
    expect(stored.body.timestamp).toBe(stored.body.stored);
    const resent = await send('POST', [{ ...untimed, verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'finished' } } }, statement(learner, 'launched')], { version: '1.0.3' });
    expect(resent.status).toBe(200);
    expect((await ledgerEventsFor(learner)).map((e) => e.type)).toEqual(['XapiStatementRecorded', 'SessionCompleted', 'XapiStatementRecorded', 'SessionAccessed']);
  });

  it('voids a statement: served only by voidedStatementId afterwards, with StatementVoided on the ledger', async () => {
    const learner = uniqueName('learner');
    const completed = statement(learner, 'completed');
    expect((await send('POST', completed)).status).toBe(200);
    await storedStatement(completed.id as string);
    const voiding = statement(learner, 'voided', { object: { objectType: 'StatementRef', id: completed.id } });
    expect((await send('POST', voiding)).status).toBe(200);

    const asVoided = await storedStatement(completed.id as string, 'voidedStatementId');
    expect(asVoided.body.id).toBe(completed.id);
    expect((await get(`statementId=${completed.id}`)).status).toBe(404);
    expect((await storedStatement(voiding.id as string)).body.verb).toEqual(voiding.verb);
    const voidedEvent = (await ledgerEventsFor(learner)).find((e) => e.type === 'StatementVoided');
    expect(voidedEvent?.data).toEqual({ statementId: completed.id, voidingStatementId: voiding.id });
  });

  it('records a request larger than one Kafka record batch may be, and refuses one statement too large for the ledger with 413', async () => {
    // 400 statements of about 3 KB for one learner: one partition, 1.3 MB, over the broker's 1 MB batch limit.
    const learner = uniqueName('learner');
    const padded = Array.from({ length: 400 }, () => statement(learner, 'experienced', { context: { extensions: { 'https://example.org/notes': 'x'.repeat(3_000) } } }));
    const many = await send('POST', padded);
    expect(many.status).toBe(200);
    expect(((await many.json()) as string[]).length).toBe(400);
    expect((await ledgerEventsFor(learner)).filter((e) => e.type === 'XapiStatementRecorded')).toHaveLength(400);

    const huge = statement(uniqueName('learner'), 'experienced', { context: { extensions: { 'https://example.org/notes': 'x'.repeat(1_200_000) } } });
    const refused = await send('POST', huge);
    expect(refused.status).toBe(413);
    expect((await refused.json()) as { code: string }).toMatchObject({ code: 'REQUEST.TOO_LARGE' });
  });

  it('is documented in the OpenAPI description', async () => {
    const document = (await (await fetch(`${url}/docs-json`)).json()) as { paths: Record<string, Record<string, { responses: Json }>> };
    const path = document.paths['/xapi/statements'];
    expect(Object.keys(path).sort()).toEqual(['get', 'post', 'put']);
    expect(Object.keys(path.post.responses).sort()).toEqual(['200', '400', '401', '409']);
    expect(Object.keys(path.put.responses).sort()).toEqual(['204', '400', '401', '409']);
  });
});
