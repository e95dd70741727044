import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { decodeLedgerEvent, LedgerEvent } from '@ledger/events';
import { createKafka, readLedgerToEnd } from '@ledger/kafka';
import { createLogger } from '@ledger/runtime';
import { bearer, isolatedAppEnv, testClientToken, uniqueName } from '@ledger/test-harness';
import { startIngestForTest } from '../testing/start-ingest-for-test';
import { derivedEventId } from './map-scorm-commit';

interface Accepted {
  accepted: Array<{ eventId: string; type: string; partition: number; offset: string }>;
  notRecorded: Array<{ field: string; reason: string }>;
}

/** SCORM commits over HTTP, checked against what reached the Kafka topic. */
describe('POST /v1/scorm/commits', () => {
  let env: Record<string, string>;
  let app: NestFastifyApplication;
  let url = '';

  beforeAll(async () => {
    env = isolatedAppEnv();
    ({ app, url } = await startIngestForTest(env));
  });
  afterAll(async () => app.close());

  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const post = async (body: unknown) =>
    fetch(`${url}/v1/scorm/commits`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(await testClientToken('demo-player')) }, body: JSON.stringify(body) });
  const accept = async (body: unknown): Promise<Accepted> => {
    const response = await post(body);
    expect(response.status).toBe(202);
    return (await response.json()) as Accepted;
  };
  const ledgerEventsFor = async (learnerId: string): Promise<LedgerEvent[]> => {
    const kafka = createKafka({ brokers: env.KAFKA_BROKERS.split(','), clientId: 'test-reader', ledgerTopic: env.LEDGER_TOPIC }, createLogger('test', 'warn'));
    const messages = await readLedgerToEnd(kafka, env.LEDGER_TOPIC);
    return messages.map((m) => decodeLedgerEvent(m.value)).flatMap((decoded) => (decoded.ok && decoded.value.subject === learnerId ? [decoded.value] : []));
  };
  const timeSpent = (events: LedgerEvent[]) => events.reduce((sum, e) => sum + (e.type === 'SessionAccessed' ? (e.data as { timeSpentSeconds: number }).timeSpentSeconds : 0), 0);

  it('records a failed SCORM 1.2 attempt and a passed re-attempt as ledger events with deterministic ids', async () => {
    const learnerId = uniqueName('learner');
    const base = { learnerId, sessionId: 'elfh-session-1042', scormVersion: '1.2' };
    const failed = { ...base, attemptId: 'att-1', commitId: 1, occurredAt: minutesAgo(30), cmi: { 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '55', 'cmi.student_data.mastery_score': '80', 'cmi.core.session_time': '0000:18:42.6' } };
    const passed = { ...base, attemptId: 'att-2', commitId: 1, occurredAt: minutesAgo(5), cmi: { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '90', 'cmi.student_data.mastery_score': '80', 'cmi.core.session_time': '0000:09:15' } };

    const first = await accept(failed);
    const second = await accept(passed);
    const expectedIds = (attemptId: string) =>
      (['SessionAccessed', 'AssessmentScored'] as const).map((type) => derivedEventId({ ...base, attemptId, commitId: '1', occurredAt: '' }, type));
    expect(first.accepted.map((a) => [a.type, a.eventId])).toEqual([['SessionAccessed', expectedIds('att-1')[0]], ['AssessmentScored', expectedIds('att-1')[1]]]);
    expect(second.accepted.map((a) => a.eventId)).toEqual(expectedIds('att-2'));

    const onLedger = await ledgerEventsFor(learnerId);
    expect(onLedger.map((e) => [e.type, e.data, e.source])).toEqual([
      ['SessionAccessed', { sessionId: 'elfh-session-1042', attemptId: 'att-1', timeSpentSeconds: 1123 }, 'demo-player'],
      ['AssessmentScored', { sessionId: 'elfh-session-1042', attemptId: 'att-1', score: 55, maxScore: 100, passMark: 80, passed: false }, 'demo-player'],
      ['SessionAccessed', { sessionId: 'elfh-session-1042', attemptId: 'att-2', timeSpentSeconds: 555 }, 'demo-player'],
      ['AssessmentScored', { sessionId: 'elfh-session-1042', attemptId: 'att-2', score: 90, maxScore: 100, passMark: 80, passed: true }, 'demo-player'],
    ]);
  });

  it('records `passed` without a score as AssessmentScored version 2 with null numbers, not as a completion', async () => {
    const learnerId = uniqueName('learner');
    const commit = { learnerId, sessionId: 'elfh-session-1042', attemptId: 'att-1', commitId: 1, occurredAt: minutesAgo(2), scormVersion: '1.2', cmi: { 'cmi.core.lesson_status': 'passed' } };
    expect(await accept(commit)).toEqual({ accepted: [expect.objectContaining({ type: 'AssessmentScored' })], notRecorded: [] });
    const onLedger = await ledgerEventsFor(learnerId);
    expect(onLedger.map((e) => [e.type, e.version, e.data])).toEqual([
      ['AssessmentScored', 2, { sessionId: 'elfh-session-1042', attemptId: 'att-1', score: null, maxScore: null, passMark: null, passed: true }],
    ]);
  });

  it('records a SCORM 2004 commit, and a redelivery returns the same events without appending time again', async () => {
    const learnerId = uniqueName('learner');
    const commit = {
      learnerId, sessionId: 'elfh-session-2004', attemptId: 'att-1', commitId: 'c-0007', occurredAt: minutesAgo(10), scormVersion: '2004',
      cmi: { 'cmi.completion_status': 'completed', 'cmi.success_status': 'unknown', 'cmi.session_time': 'PT1H2M3.5S', 'cmi.location': 'slide-12' },
    };
    const first = await accept(commit);
    expect(first).toEqual({ accepted: [expect.objectContaining({ type: 'SessionAccessed' }), expect.objectContaining({ type: 'SessionCompleted' })], notRecorded: [] });
    const again = await accept(commit);
    expect(again).toEqual(first);

    const onLedger = await ledgerEventsFor(learnerId);
    expect(onLedger.map((e) => e.eventId)).toEqual(first.accepted.map((a) => a.eventId));
    expect(timeSpent(onLedger)).toBe(3724);
  });

  it('answers 409 naming commitId when a commit id is reused with different values, appending nothing', async () => {
    const learnerId = uniqueName('learner');
    const commit = { learnerId, sessionId: 's-1', attemptId: 'att-1', commitId: 3, occurredAt: minutesAgo(3), scormVersion: '2004', cmi: { 'cmi.session_time': 'PT5M' } };
    await accept(commit);
    const changed = await post({ ...commit, cmi: { 'cmi.session_time': 'PT50M' } });
    expect(changed.status).toBe(409);
    expect(await changed.json()).toMatchObject({ code: 'EVENT.CONFLICT', details: [{ index: 0, errors: [{ field: 'commitId' }] }] });
    expect(timeSpent(await ledgerEventsFor(learnerId))).toBe(300);
  });

  it('is documented in the OpenAPI description', async () => {
    const document = (await (await fetch(`${url}/docs-json`)).json()) as { paths: Record<string, { post?: { responses: Record<string, unknown> } }> };
    expect(Object.keys(document.paths['/v1/scorm/commits']?.post?.responses ?? {}).sort()).toEqual(['202', '400', '401', '409']);
  });

  it('answers 400 naming every bad field, appends nothing, and accepts a commit that records nothing', async () => {
    const learnerId = uniqueName('learner');
    const bad = await post({
      learnerId, sessionId: 's-1', attemptId: 'att-1', occurredAt: minutesAgo(1), scormVersion: '1.2',
      cmi: { 'cmi.core.lesson_status': 'finished', 'cmi.core.session_time': '1 hour', 'cmi.core.score.raw': '101' },
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { code: string; details: Array<{ index: number; errors: Array<{ field: string }> }> };
    expect(body.code).toBe('REQUEST.INVALID');
    expect(body.details.map((d) => [d.index, d.errors.map((e) => e.field).sort()])).toEqual([
      [0, ['cmi.core.lesson_status', 'cmi.core.score.raw', 'cmi.core.session_time', 'commitId']],
    ]);

    const bookmarkOnly = { learnerId, sessionId: 's-1', attemptId: 'att-1', commitId: 'c-1', occurredAt: minutesAgo(1), scormVersion: '1.2', cmi: { 'cmi.core.lesson_status': 'incomplete' } };
    expect(await accept(bookmarkOnly)).toEqual({ accepted: [], notRecorded: [] });
    expect(await ledgerEventsFor(learnerId)).toEqual([]);
  });
});
