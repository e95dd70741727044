import { bearer, eventually, REPORTING_AUDIENCE, testClientToken, testPersonToken } from '@ledger/test-harness';
import { RECORD_VIEWS_COLLECTION, RecordViewDocument } from '@ledger/read-store';
import { AccessScenario, startAccessScenario } from './support/access-scenario';
import { startReportingForTest } from '../apps/reporting/src/testing/start-reporting-for-test';

/**
 * The leak matrix (issue 9, item 4): every reporting endpoint × every kind of viewer × subjects they
 * may and may not see, with real tokens from the real provider. Expected sight is written out by hand
 * from DESIGN.md's table, not computed by the policy under test.
 */
const ENDPOINTS = ['sessions', 'progress'] as const;
const SUBJECTS = ['learner-asha', 'learner-ben', 'learner-chloe', 'learner-dev', 'learner-erin', 'trainee-finn'] as const;
/** What each subject's name and ids look like in a response, to prove a denial carries none of them. */
const IDENTIFYING: Record<string, string[]> = {
  'learner-asha': ['learner-asha', 'Patel'],
  'learner-ben': ['learner-ben', 'Okafor'],
  'learner-chloe': ['learner-chloe', 'Evans'],
  'learner-dev': ['learner-dev', 'Sharma'],
  'learner-erin': ['learner-erin', 'Walsh'],
  'trainee-finn': ['trainee-finn', 'Murphy'],
};
type Expected = 'all' | 'safeguarding-only';
/** viewer → the subjects they may see and how much; everyone else must be refused. */
const MAY_SEE: Record<string, Partial<Record<(typeof SUBJECTS)[number], Expected>>> = {
  'learner-asha': { 'learner-asha': 'all' },
  'trainee-finn': { 'trainee-finn': 'all' },
  'admin-hana': Object.fromEntries(SUBJECTS.map((s) => [s, 'all'])),
  'tutor-tom': { 'learner-asha': 'all' },
  // Ben revoked Rita's authorisation.
  'tutor-rita': {},
  'staff-priya': { 'learner-asha': 'safeguarding-only' },
  // RJ1's runner: current RJ1 staff who accepted the terms (not Dev: no terms; not Erin: moved to RX9), RJ1's programmes only.
  'runner-raj': { 'learner-asha': 'safeguarding-only', 'learner-ben': 'safeguarding-only', 'trainee-finn': 'safeguarding-only' },
  // RX9's runner, whose approving lead was revoked: nobody (Erin works at RX9 now).
  'runner-sam': {},
  'lead-lucy': {},
  'officer-olga': { 'learner-asha': 'safeguarding-only' },
  'auditor-ali': {},
};

describe('reporting: who may see whose record (leak matrix)', () => {
  let scenario: AccessScenario;
  beforeAll(async () => {
    scenario = await startAccessScenario();
  });
  afterAll(async () => scenario?.close());

  const get = async (viewer: string | null, subject: string, endpoint: string, token?: string) =>
    fetch(`${scenario.reportingUrl}/v1/learners/${encodeURIComponent(subject)}/${endpoint}`, {
      headers: token ? bearer(token) : viewer ? bearer(await testPersonToken(viewer, REPORTING_AUDIENCE)) : {},
    });

  const cases = Object.entries(MAY_SEE).flatMap(([viewer, allowed]) => SUBJECTS.flatMap((subject) => ENDPOINTS.map((endpoint) => [viewer, subject, endpoint, allowed[subject] ?? 'denied'] as const)));

  it.each(cases)('%s → %s /%s: %s', async (viewer, subject, endpoint, expected) => {
    const response = await get(viewer, subject, endpoint);
    const text = await response.text();
    if (expected === 'denied') {
      expect(response.status).toBe(404);
      for (const identifying of IDENTIFYING[subject]) expect(text).not.toContain(identifying);
      // Indistinguishable from a learner who does not exist.
      const nobody = await get(viewer, 'learner-who-never-was', endpoint);
      expect([nobody.status, await nobody.text()]).toEqual([404, text]);
      return;
    }
    expect(response.status).toBe(200);
    const body = JSON.parse(text) as { sessions?: Array<{ sessionId: string }>; progress?: Array<{ containerId: string; programmeId?: string }> };
    const ids = JSON.stringify(body.sessions ?? body.progress);
    if (expected === 'safeguarding-only') {
      expect(ids).not.toContain('ipc');
    } else if (subject === 'learner-asha') {
      expect(ids).toContain('ipc');
    }
    if (subject === 'learner-asha') expect(ids).toContain('safeguarding');
  });

  it('answers 401 without a token or with one for another API, and 403 to a client token (no person)', async () => {
    expect((await get(null, 'learner-asha', 'sessions')).status).toBe(401);
    expect((await get(null, 'learner-asha', 'sessions', await testPersonToken('admin-hana'))).status).toBe(401);
    expect((await get(null, 'learner-asha', 'sessions', await testClientToken('demo-player', REPORTING_AUDIENCE))).status).toBe(403);
  });

  it("records each view by someone else before answering, so the learner can see who viewed their record; a learner's own views are not recorded", async () => {
    const views = () => scenario.store.db.collection<RecordViewDocument>(RECORD_VIEWS_COLLECTION).find({ learnerId: 'learner-asha' }).toArray();
    const seen = await eventually(async () => {
      const all = await views();
      return ['tutor-tom', 'runner-raj', 'staff-priya', 'officer-olga', 'admin-hana'].every((v) => all.some((view) => view.viewerId === v)) ? all : undefined;
    });
    expect(seen.find((view) => view.viewerId === 'runner-raj')).toMatchObject({ viewerRole: 'report-runner', reportName: expect.stringMatching(/^learner-(sessions|progress)$/) });
    expect(seen.some((view) => view.viewerId === 'learner-asha')).toBe(false);
  });

  it('shows nothing (503) when the view cannot be recorded, while a learner still sees their own record', async () => {
    const cutOff = await startReportingForTest({ ...scenario.env, INGEST_URL: 'http://127.0.0.1:9' });
    try {
      const token = await testPersonToken('tutor-tom', REPORTING_AUDIENCE);
      const response = await fetch(`${cutOff.url}/v1/learners/learner-asha/sessions`, { headers: bearer(token) });
      expect(response.status).toBe(503);
      const text = await response.text();
      for (const identifying of IDENTIFYING['learner-asha']) expect(text).not.toContain(identifying);
      const own = await fetch(`${cutOff.url}/v1/learners/learner-asha/sessions`, { headers: bearer(await testPersonToken('learner-asha', REPORTING_AUDIENCE)) });
      expect(own.status).toBe(200);
    } finally {
      await cutOff.app.close();
    }
  });
});
