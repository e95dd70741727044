import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { bearer, eventually, isolatedAppEnv, REPORTING_AUDIENCE, testClientToken, testPersonToken, uniqueName } from '@ledger/test-harness';
import { startIngestForTest } from '../apps/ingest/src/testing/start-ingest-for-test';
import { startProjectorForTest } from '../apps/projector/src/testing/start-projector-for-test';
import { startReportingForTest } from '../apps/reporting/src/testing/start-reporting-for-test';

type Progress = { kind: string; containerId: string; sessionsDone: number; sessionsTotal: number; eligibleForCertificate: boolean; certificate: string };

/** Catalogue and activity through ingest, progress and certificate state through reporting. */
describe('a learner\'s progress, end to end', () => {
  const apps: INestApplication[] = [];
  let ingestUrl = '';
  let reportingUrl = '';
  const course = uniqueName('course');
  const [reading, assessment] = [uniqueName('reading'), uniqueName('assessment')];

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

  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const event = (type: string, subject: string, data: object, occurredAt = minutesAgo(30)) => ({ eventId: randomUUID(), type, version: 1, occurredAt, subject, actor: 'author-1', data });
  const post = async (events: Array<{ type: string }>) => {
    const client = events[0].type.endsWith('Defined') ? 'catalogue-tool' : 'demo-player';
    const headers = { 'content-type': 'application/json', ...bearer(await testClientToken(client)) };
    const response = await fetch(`${ingestUrl}/v1/events`, { method: 'POST', headers, body: JSON.stringify({ events }) });
    expect(response.status).toBe(202);
  };
  // Catalogue events land on other partitions than the activity and than each other, so progress
  // passes through intermediate states (e.g. a session whose requiresPass is not known yet); wait
  // for the expected one, and show the last one seen if it never comes.
  const progressOf = async (learner: string, expected: Partial<Progress>) => {
    let last: unknown;
    try {
      return await eventually(async () => {
        const body = (await (await fetch(`${reportingUrl}/v1/learners/${learner}/progress`, { headers: bearer(await testPersonToken('admin-hana', REPORTING_AUDIENCE)) })).json()) as { progress: Progress[]; dataCompleteThrough: string | null };
        const found = body.progress.find((p) => p.kind === 'course' && p.containerId === course);
        last = found;
        const matches = found && body.dataCompleteThrough && Object.entries(expected).every(([k, v]) => found[k as keyof Progress] === v);
        return matches ? found : undefined;
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}; last progress seen: ${JSON.stringify(last)}`);
    }
  };

  it('shows the certificate available once every session is done, and greyed while a required pass is missing', async () => {
    const [passer, failer] = [uniqueName('learner'), uniqueName('learner')];
    // Activity first for one learner; the catalogue arrives afterwards on other partitions.
    for (const learner of [passer, failer]) {
      await post([
        event('SessionCompleted', learner, { sessionId: reading, attemptId: 'a1' }),
        event('AssessmentScored', learner, { sessionId: assessment, attemptId: 'a2', score: learner === passer ? 9 : 5, maxScore: 10, passMark: 8, passed: learner === passer }),
      ]);
    }
    await post([
      event('CourseDefined', course, { courseId: course, programmeId: 'prog-e2e', title: 'Hand Hygiene', sessionIds: [reading, assessment], issuesCertificate: true, omitsSummaryFromCertificate: false, statusPolicy: 'latest' }),
      event('SessionDefined', reading, { sessionId: reading, title: 'Reading', parentType: 'course', parentId: course, requiresPass: false }),
      event('SessionDefined', assessment, { sessionId: assessment, title: 'Assessment', parentType: 'course', parentId: course, requiresPass: true }),
    ]);

    const passerExpected = { sessionsTotal: 2, sessionsDone: 2, eligibleForCertificate: true, certificate: 'available' };
    const failerExpected = { sessionsTotal: 2, sessionsDone: 1, eligibleForCertificate: false, certificate: 'unavailable' };
    expect(await progressOf(passer, passerExpected)).toMatchObject(passerExpected);
    expect(await progressOf(failer, failerExpected)).toMatchObject(failerExpected);
  });

  it('counts a pass reported without a score (SCORM "passed", no score) as the pass a session requires', async () => {
    const learner = uniqueName('learner');
    await post([event('SessionCompleted', learner, { sessionId: reading, attemptId: 'a1' })]);
    const commit = { learnerId: learner, sessionId: assessment, attemptId: 'a2', commitId: 1, occurredAt: minutesAgo(20), scormVersion: '1.2', cmi: { 'cmi.core.lesson_status': 'passed' } };
    const asPlayer = bearer(await testClientToken('demo-player'));
    const response = await fetch(`${ingestUrl}/v1/scorm/commits`, { method: 'POST', headers: { 'content-type': 'application/json', ...asPlayer }, body: JSON.stringify(commit) });
    expect(response.status).toBe(202);
    const expected = { sessionsDone: 2, eligibleForCertificate: true, certificate: 'available' };
    expect(await progressOf(learner, expected)).toMatchObject(expected);
    const assessed = await eventually(async () => {
      const asAdmin = bearer(await testPersonToken('admin-hana', REPORTING_AUDIENCE));
      const body = (await (await fetch(`${reportingUrl}/v1/learners/${learner}/sessions`, { headers: asAdmin })).json()) as { sessions: Array<{ sessionId: string; status: string }> };
      return body.sessions.find((s) => s.sessionId === assessment && s.status === 'passed');
    });
    expect(assessed).toMatchObject({ status: 'passed', statusByPolicy: { latest: 'passed', best: 'passed' }, latestScore: null, bestScore: null });
  });
});
