import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { canonicalJson } from '@ledger/events';
import { eventually, isolatedAppEnv, localBasicCredentials, uniqueName } from '@ledger/test-harness';
import { startIngestForTest } from '../apps/ingest/src/testing/start-ingest-for-test';
import { startProjectorForTest } from '../apps/projector/src/testing/start-projector-for-test';

type Json = Record<string, unknown>;

/** The properties the LRS sets on a statement it serves; everything else must come back as it was sent. */
const LRS_SET = ['id', 'authority', 'stored', 'version', 'timestamp'] as const;

/**
 * Every statement ingest accepts is stored and served back exactly: extension keys are IRIs (full of
 * dots), values may be null or any JSON, language maps, a SubStatement, attachment metadata.
 */
describe('xAPI statements, stored and returned exactly', () => {
  const apps: INestApplication[] = [];
  let ingestUrl = '';
  let projectorUrl = '';

  beforeAll(async () => {
    const env = isolatedAppEnv();
    const ingest = await startIngestForTest(env);
    const projector = await startProjectorForTest(env);
    apps.push(ingest.app, projector.app);
    [ingestUrl, projectorUrl] = [ingest.url, projector.url];
  });
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  // xAPI content authenticates with HTTP Basic key:secret, mapped to the registered player client.
  const { key, secret } = localBasicCredentials('demo-player');
  const authorization = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
  const headers = { 'content-type': 'application/json', authorization, 'X-Experience-API-Version': '2.0.0' };
  const post = (body: unknown) => fetch(`${ingestUrl}/xapi/statements`, { method: 'POST', headers, body: JSON.stringify(body) });
  const served = (param: string, id: string) =>
    eventually(async () => {
      const response = await fetch(`${ingestUrl}/xapi/statements?${param}=${id}`, { headers: { authorization, 'X-Experience-API-Version': '2.0.0' } });
      return response.status === 200 ? ((await response.json()) as Json) : undefined;
    });
  const withoutLrsSet = (statement: Json) => Object.fromEntries(Object.entries(statement).filter(([key]) => !(LRS_SET as readonly string[]).includes(key)));

  const actor = (learner: string) => ({ objectType: 'Agent', name: 'Aisha Khan', account: { homePage: 'https://learninghub.example.org', name: learner } });
  const activity = {
    objectType: 'Activity',
    id: 'https://learninghub.example.org/sessions/elfh-session-1042',
    definition: {
      name: { 'en-GB': 'Hand Hygiene: Assessment', cy: 'Hylendid Dwylo: Asesiad' },
      description: { 'en-GB': 'Five questions', 'en-US': 'Five questions' },
      type: 'http://adlnet.gov/expapi/activities/assessment',
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'abc.def', 'http://example.com/ext/v1.2': null, 'http://example.com/$weird': { 'a.b': [1, null, { 'c.d': false }] } },
    },
  };
  const richStatements = (learner: string): Json[] => [
    {
      id: randomUUID(),
      actor: actor(learner),
      verb: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-GB': 'passed', 'fr-FR': 'réussi' } },
      object: activity,
      result: {
        score: { raw: 9, min: 0, max: 10, scaled: 0.9 },
        success: true,
        completion: true,
        duration: 'PT12M30.5S',
        response: 'b[,]c',
        extensions: { 'https://w3id.org/xapi/cmi5/result/extensions/progress': 100, 'http://example.com/result.detail': { 'nested.key': null, list: [0.5, 'x'] } },
      },
      context: {
        registration: randomUUID(),
        platform: 'Example LMS',
        language: 'en-GB',
        contextActivities: { parent: [{ id: 'https://learninghub.example.org/courses/hand-hygiene', objectType: 'Activity' }], category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' }] },
        extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': 0.8, 'http://example.com/ctx.null': null },
      },
      timestamp: new Date(Date.now() - 120_000).toISOString(),
      attachments: [
        {
          usageType: 'http://adlnet.gov/expapi/attachments/signature',
          display: { 'en-GB': 'Signature', 'de-DE': 'Unterschrift' },
          description: { 'en-GB': 'Signed by the learner' },
          contentType: 'application/octet-stream',
          length: 4235,
          sha2: '672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634',
          fileUrl: 'https://learninghub.example.org/attachments/sig-1',
        },
      ],
    },
    {
      actor: { objectType: 'Agent', mbox: 'mailto:aisha.khan@nhs.net' },
      verb: { id: 'https://w3id.org/xapi/adl/verbs/satisfied', display: { und: 'satisfied' } },
      object: {
        objectType: 'SubStatement',
        actor: actor(learner),
        verb: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { 'en-GB': 'attempted' } },
        object: activity,
        result: { extensions: { 'http://example.com/sub.result': [null] } },
        context: { extensions: { 'http://example.com/sub.context': { '': '', 'x.y': 'z' } } },
        timestamp: '2026-11-24T09:30:00.000+01:00',
      },
      context: { extensions: { 'http://example.com/text': 'NUL \u0000 and a half surrogate \ud800 are kept too' } },
    },
  ];

  it('serves each accepted statement back equal to what was sent, apart from what the LRS sets', async () => {
    const learner = uniqueName('learner');
    const sent = richStatements(learner);
    const response = await post(sent);
    expect(response.status).toBe(200);
    const ids = (await response.json()) as string[];
    expect(ids).toHaveLength(sent.length);

    for (const [i, statement] of sent.entries()) {
      const body = await served('statementId', ids[i]);
      expect(canonicalJson(withoutLrsSet(body))).toBe(canonicalJson(withoutLrsSet(statement)));
      for (const [key, value] of Object.entries(withoutLrsSet(statement))) expect([key, body[key]]).toEqual([key, value]);
      expect(body).toMatchObject({ id: ids[i], version: '2.0.0', authority: { account: { name: 'demo-player' } }, stored: expect.any(String) });
      expect(body.timestamp).toBe(statement.timestamp ?? body.stored);
    }

    // The same statements again change nothing: ingest compares them with the stored ones.
    expect((await post(sent.map((statement, i) => ({ ...statement, id: ids[i] })))).status).toBe(200);
    const watermark = (await (await fetch(`${projectorUrl}/v1/watermark`)).json()) as { deadLettered: number };
    expect(watermark.deadLettered).toBe(0);
  });

  it('serves a voided statement with IRI-keyed extensions by voidedStatementId, exactly', async () => {
    const learner = uniqueName('learner');
    const [statement] = richStatements(learner);
    expect((await post(statement)).status).toBe(200);
    await served('statementId', statement.id as string);
    const voiding = { actor: actor(learner), verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: statement.id } };
    expect((await post(voiding)).status).toBe(200);
    const body = await served('voidedStatementId', statement.id as string);
    expect(canonicalJson(withoutLrsSet(body))).toBe(canonicalJson(withoutLrsSet(statement)));
  });

  it('refuses with 400, naming the field, a statement whose learner or activity id a read model could not hold, recording nothing', async () => {
    const learner = uniqueName('learner');
    const [statement] = richStatements(learner);
    const badLearner = { ...statement, id: randomUUID(), actor: actor(`${learner}\u0000`) };
    const badActivity = { ...statement, id: randomUUID(), object: { ...activity, id: 'https://learninghub.example.org/sessions/\udfff' } };
    const response = await post([badLearner, badActivity]);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; details: Array<{ index: number; errors: Array<{ field: string }> }> };
    expect(body.details.map((d) => [d.index, d.errors.map((e) => e.field)])).toEqual([
      [0, ['actor.account.name']],
      [1, ['object.id']],
    ]);
    const unknown = await fetch(`${ingestUrl}/xapi/statements?statementId=${badLearner.id}`, { headers: { authorization, 'X-Experience-API-Version': '2.0.0' } });
    expect(unknown.status).toBe(404);
  });
});
