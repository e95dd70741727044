import { randomUUID } from 'node:crypto';
import { RECORD_VIEWS_COLLECTION, RecordViewDocument } from '@ledger/read-store';
import { bearer, eventually, testClientToken } from '@ledger/test-harness';
import { AccessScenario, startAccessScenario } from './support/access-scenario';
import { flattenText, getReport, parseCsvReport, pdfText, reportJson } from './support/report-client';

interface ActivityRow {
  sessionId: string;
  sessionTitle: string;
  programmeTitle: string | null;
  containerTitle: string | null;
  statusText: string;
  minutes: number;
  latestScore: number | null;
  bestScore: number | null;
  lastAccessed: string;
  firstAccessed: string;
  retired: boolean;
}

/**
 * The single-learner reports (My activity, programme/course summary, activity records summarised)
 * over HTTP against the real stack with the demo people: each output (JSON, CSV, PDF), the access
 * policy's scoping for tutors, project staff and runners, the audit record, and bad input.
 */
describe('reports of one learner, over HTTP', () => {
  let scenario: AccessScenario;
  beforeAll(async () => {
    scenario = await startAccessScenario();
  });
  afterAll(async () => scenario?.close());

  const url = () => scenario.reportingUrl;

  it('My activity: every session Asha touched, with the re-attempt that turned a fail into a pass, and a retired course', async () => {
    const report = await reportJson<{ rows: ActivityRow[]; totals: { sessions: number } }>(url(), 'learner-asha', 'my-activity?order=title&direction=asc');
    expect(report.rows.map((r) => r.sessionId)).toEqual(['ipc-l1-hand-hygiene', 'safeguarding-adults-2019-s1', 'safeguarding-adults-l1-assessment', 'safeguarding-adults-l1-s1']);
    const assessment = report.rows.find((r) => r.sessionId === 'safeguarding-adults-l1-assessment')!;
    expect(assessment).toMatchObject({ statusText: 'Passed', latestScore: 9, bestScore: 9, minutes: 17, programmeTitle: 'Safeguarding', containerTitle: 'Safeguarding Adults Level 1' });
    expect(report.rows.find((r) => r.sessionId === 'safeguarding-adults-2019-s1')).toMatchObject({ retired: true, statusText: 'Completed', minutes: 30 });
  });

  it('My activity: CSV parsed back equals the screen rows; the PDF carries them with its header and footer', async () => {
    const screen = await reportJson<{ rows: ActivityRow[] }>(url(), 'learner-asha', 'my-activity');
    const csv = await getReport(url(), 'learner-asha', 'my-activity/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const parsed = parseCsvReport(Buffer.from(await csv.arrayBuffer()), 'Programme');
    expect(parsed.header.get('Report')).toBe('My activity');
    expect(parsed.header.get('Filter: Programmes')).toBe('All');
    expect(parsed.header.get('Data complete to')).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(parsed.rows).toEqual(
      screen.rows.map((r) => [r.programmeTitle ?? '', r.containerTitle ?? '', r.sessionTitle, r.firstAccessed, r.lastAccessed, String(r.minutes), r.statusText, r.latestScore === null ? '' : String(r.latestScore), r.bestScore === null ? '' : String(r.bestScore)]),
    );
    expect(parsed.end).toEqual(['End of report', String(screen.rows.length)]);
    const pdf = await getReport(url(), 'learner-asha', 'my-activity/pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const pages = pdfText(Buffer.from(await pdf.arrayBuffer()));
    const text = flattenText(pages.join('\n'));
    for (const row of screen.rows) expect(text).toContain(row.sessionTitle);
    expect(pages[0]).toContain('Run by learner-asha');
    expect(pages[0]).toMatch(/Data complete to \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
  });

  it("My activity for others: a tutor sees all of Asha's record, project staff only their programmes, another trainee nothing; each view is recorded first", async () => {
    const tutor = await reportJson<{ rows: ActivityRow[] }>(url(), 'tutor-tom', 'my-activity?learner=learner-asha');
    expect(tutor.rows).toHaveLength(4);
    const staff = await reportJson<{ rows: ActivityRow[] }>(url(), 'staff-priya', 'my-activity?learner=learner-asha');
    expect(new Set(staff.rows.map((r) => r.programmeTitle))).toEqual(new Set(['Safeguarding']));
    const refused = await getReport(url(), 'trainee-finn', 'my-activity?learner=learner-asha');
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain('Patel');
    const views = scenario.store.db.collection<RecordViewDocument>(RECORD_VIEWS_COLLECTION);
    const recorded = await eventually(async () => {
      const found = await views.find({ learnerId: 'learner-asha' }).toArray();
      const byReport = found.filter((v) => v.reportName === 'my-activity');
      return byReport.length >= 2 ? byReport : undefined;
    });
    expect(new Set(recorded.map((v) => v.viewerId))).toEqual(new Set(['tutor-tom', 'staff-priya']));
  });

  it('My activity: bad filters are refused with every bad field named, and nothing is shown', async () => {
    const response = await getReport(url(), 'learner-asha', 'my-activity?programme=prog-nope&from=2026-05-01&to=2026-04-01&pageSize=1000&order=sideways');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; details: Array<{ field: string; reason: string }> };
    expect(body.code).toBe('REQUEST.INVALID');
    expect(body.details.map((d) => d.field).sort()).toEqual(['from', 'order', 'pageSize', 'programme', 'to']);
    expect(JSON.stringify(body)).not.toContain('safeguarding-adults');
  });

  it('Programme/course summary: every session of the course, not attempted ones included, with the certificate; a programme shows its retired course as not required', async () => {
    const ben = await reportJson<{ summary: { certificate: string; sessionsDone: number; sessionsTotal: number; parts: Array<{ sessions: Array<{ sessionId: string; status: string }> }> } }>(
      url(), 'learner-ben', 'programme-summary?kind=course&id=safeguarding-adults-l1');
    expect(ben.summary.certificate).toBe('unavailable');
    expect(ben.summary.parts[0].sessions.map((s) => [s.sessionId, s.status])).toEqual([
      ['safeguarding-adults-l1-s1', 'in-progress'],
      ['safeguarding-adults-l1-assessment', 'not-attempted'],
    ]);
    const programme = await reportJson<{ summary: { parts: Array<{ containerId: string; retired: boolean; required: boolean }> } }>(url(), 'learner-asha', 'programme-summary?kind=programme&id=prog-safeguarding');
    expect(programme.summary.parts.map((p) => [p.containerId, p.retired, p.required])).toEqual(
      expect.arrayContaining([['safeguarding-adults-l1', false, true], ['safeguarding-adults-2019', true, false]]),
    );
    const pdf = await getReport(url(), 'tutor-tom', 'programme-summary/pdf?learner=learner-asha&kind=course&id=safeguarding-adults-l1');
    expect(pdf.status).toBe(200);
    const text = flattenText(pdfText(Buffer.from(await pdf.arrayBuffer())).join(' '));
    expect(text).toContain('Programme/course summary');
    expect(text).toContain('Asha Patel (learner-asha)');
    expect(text).toContain('Safeguarding Adults: Assessment');
    const unknown = await getReport(url(), 'learner-asha', 'programme-summary?kind=course&id=no-such-course');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { details: Array<{ field: string }> }).details.map((d) => d.field)).toEqual(['id']);
    // Runner Raj may not see IPC: the summary of Asha's IPC course is refused like an unknown learner.
    expect((await getReport(url(), 'runner-raj', 'programme-summary?learner=learner-asha&kind=course&id=ipc-l1')).status).toBe(404);
  });

  it('Activity records (summarised): grouped by programme, the retired course included; CSV rows match', async () => {
    const report = await reportJson<{ programmes: Array<{ title: string; courses: Array<{ title: string; retired: boolean; statusText: string }> }> }>(url(), 'learner-asha', 'activity-summarised');
    const safeguarding = report.programmes.find((p) => p.title === 'Safeguarding')!;
    expect(safeguarding.courses.map((c) => [c.title, c.retired, c.statusText])).toEqual([
      ['Safeguarding Adults (2019 edition)', true, 'Complete'],
      ['Safeguarding Adults Level 1', false, 'Complete'],
    ]);
    expect(report.programmes.map((p) => p.title)).toEqual(['Infection Prevention and Control', 'Safeguarding']);
    const csv = parseCsvReport(Buffer.from(await (await getReport(url(), 'learner-asha', 'activity-summarised/csv')).arrayBuffer()), 'Programme');
    expect(csv.rows.map((r) => [r[0], r[1], r[2]])).toEqual(report.programmes.flatMap((p) => p.courses.map((c) => [p.title, c.title, c.retired ? 'yes' : 'no'])));
  });

  it('a re-attempt that fails after a pass changes the status the report shows', async () => {
    const token = await testClientToken('demo-player');
    const failed = {
      eventId: randomUUID(),
      type: 'AssessmentScored',
      version: 1,
      occurredAt: new Date().toISOString(),
      subject: 'learner-asha',
      actor: 'learner-asha',
      data: { sessionId: 'safeguarding-adults-l1-assessment', attemptId: 'asha-a4', score: 5, maxScore: 10, passMark: 8, passed: false },
    };
    const appended = await fetch(`${scenario.ingestUrl}/v1/events`, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify({ events: [failed] }) });
    expect(appended.status).toBe(202);
    const row = await eventually(async () => {
      const report = await reportJson<{ rows: ActivityRow[] }>(url(), 'learner-asha', 'my-activity');
      const found = report.rows.find((r) => r.sessionId === 'safeguarding-adults-l1-assessment');
      return found?.statusText === 'Failed' ? found : undefined;
    });
    expect(row).toMatchObject({ latestScore: 5, bestScore: 9 });
  });
});
