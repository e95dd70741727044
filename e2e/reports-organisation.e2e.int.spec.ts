import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { COVERED_REPORT_RUNS_COLLECTION, CoveredReportRunDocument, GRANTS_COLLECTION, GrantsDocument, RECORD_VIEWS_COLLECTION, RecordViewDocument } from '@ledger/read-store';
import { bearer, eventually, testPersonToken } from '@ledger/test-harness';
import { startReportingForTest } from '../apps/reporting/src/testing/start-reporting-for-test';
import { AccessScenario, startAccessScenario } from './support/access-scenario';
import { flattenText, getReport, parseCsvReport, pdfText, reportJson } from './support/report-client';

interface StaffRow {
  learnerId: string;
  name: string;
  jobRole: string;
  sessionId: string;
  sessionTitle: string;
  programmeTitle: string | null;
  containerTitle: string | null;
  statusText: string;
  lastAccessed: string;
  firstAccessed: string;
  minutes: number;
  latestScore: number | null;
  bestScore: number | null;
}
interface StaffReport {
  rows: StaffRow[];
  counts: { learners: number; sessions: number; completedOrPassed: number; inProgress: number; failed: number };
  paging: { pages: number; rows: number };
}

/**
 * Organisation staff activity and the project, admin and tutor views over HTTP, with the demo people:
 * who is in (current staff who accepted the terms; a learner who moved appears for the new
 * organisation only), which programmes, the counts, every output, bad input and the audit, including
 * a run too large to list its learners, recorded by what it covered.
 */
describe('reports over many learners, over HTTP', () => {
  let scenario: AccessScenario;
  beforeAll(async () => {
    scenario = await startAccessScenario();
  });
  afterAll(async () => scenario?.close());
  const url = () => scenario.reportingUrl;

  it("RJ1's runner sees RJ1's current staff who accepted the terms, in RJ1's programmes only, with completion counts", async () => {
    const report = await reportJson<StaffReport>(url(), 'runner-raj', 'organisation-staff-activity');
    expect([...new Set(report.rows.map((r) => r.learnerId))]).toEqual(['learner-asha', 'learner-ben', 'trainee-finn']);
    expect(new Set(report.rows.map((r) => r.programmeTitle))).toEqual(new Set(['Safeguarding']));
    expect(report.rows.find((r) => r.learnerId === 'learner-asha' && r.sessionId === 'safeguarding-adults-l1-assessment')).toMatchObject({ statusText: 'Passed', jobRole: 'Staff Nurse', name: 'Asha Patel' });
    expect(report.counts).toEqual({ learners: 3, sessions: 5, completedOrPassed: 3, inProgress: 2, failed: 0 });
    const nurses = await reportJson<StaffReport>(url(), 'runner-raj', 'organisation-staff-activity?jobRole=staff%20nurse&status=passed');
    expect(nurses.rows.map((r) => [r.learnerId, r.sessionId])).toEqual([['learner-asha', 'safeguarding-adults-l1-assessment']]);
  });

  it('CSV parsed back equals the screen rows; the PDF carries the rows with its header and footer; each learner shown sees the view', async () => {
    const screen = await reportJson<StaffReport>(url(), 'runner-raj', 'organisation-staff-activity');
    const csv = parseCsvReport(Buffer.from(await (await getReport(url(), 'runner-raj', 'organisation-staff-activity/csv')).arrayBuffer()), 'Learner');
    expect(csv.header.get('Filter: Organisation (ODS code)')).toBe('RJ1');
    const key = (cells: string[]) => cells.join('|');
    expect(csv.rows.map((r) => key([r[0], r[1], r[2], r[5], r[7], r[8], r[9], r[11]])).sort()).toEqual(
      screen.rows.map((r) => key([r.learnerId, r.name, r.jobRole, r.sessionTitle, r.lastAccessed, String(r.minutes), r.statusText, r.bestScore === null ? '' : String(r.bestScore)])).sort(),
    );
    const pdf = await getReport(url(), 'runner-raj', 'organisation-staff-activity/pdf');
    const text = flattenText(pdfText(Buffer.from(await pdf.arrayBuffer())).join(' '));
    expect(text).toContain('Organisation staff activity');
    expect(text).toContain('Run by runner-raj');
    for (const name of ['Asha Patel', 'Ben Okafor', 'Finn Murphy']) expect(text).toContain(name);
    const views = await eventually(async () => {
      const found = await scenario.store.db.collection<RecordViewDocument>(RECORD_VIEWS_COLLECTION).find({ learnerId: 'learner-ben' }).toArray();
      return found.some((v) => v.reportName === 'organisation-staff-activity' && v.viewerId === 'runner-raj') ? found : undefined;
    });
    expect(views.length).toBeGreaterThan(0);
  });

  it('refuses an organisation the runner is not approved for (403) and names every bad filter (400)', async () => {
    const other = await getReport(url(), 'runner-raj', 'organisation-staff-activity?odsCode=RX9');
    expect(other.status).toBe(403);
    expect(((await other.json()) as { details: Array<{ field: string }> }).details.map((d) => d.field)).toEqual(['odsCode']);
    const bad = await getReport(url(), 'runner-raj', 'organisation-staff-activity?programme=prog-nope&from=2026-06-01&to=2026-01-01&pageSize=501&status=sleeping&odsCode=RX9');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { details: Array<{ field: string }> };
    expect(body.details.map((d) => d.field).sort()).toEqual(['from', 'odsCode', 'pageSize', 'programme', 'status', 'to']);
    expect(JSON.stringify(body)).not.toContain('Patel');
    expect((await getReport(url(), 'learner-asha', 'organisation-staff-activity')).status).toBe(403);
  });

  it('a learner who moved organisation appears for the new organisation only', async () => {
    // RX9's lead was revoked in the demo, so its runner sees nobody; the admin authorises the lead again.
    const admin = await testPersonToken('admin-hana');
    const act = {
      eventId: randomUUID(),
      type: 'ReportingLeadAuthorised',
      version: 2,
      subject: 'RX9',
      data: { odsCode: 'RX9', leadId: 'lead-owen', authorisedByRole: 'siro', authorisedByName: 'Ravi Menon', authorisedByOrganisationName: 'Riverside Community Health', authorisedByOdsCode: 'RX9' },
    };
    const recorded = await fetch(`${scenario.ingestUrl}/v1/acts`, { method: 'POST', headers: { ...bearer(admin), 'content-type': 'application/json' }, body: JSON.stringify(act) });
    expect(recorded.status).toBe(202);
    await eventually(async () => {
      const rx9 = await scenario.store.db.collection<GrantsDocument>(GRANTS_COLLECTION).findOne({ _id: 'org:RX9' });
      return rx9?.kind === 'organisation' && rx9.reportingLeads.some((l) => l.revokedAt === null) ? true : undefined;
    });
    const rx9 = await reportJson<StaffReport>(url(), 'runner-sam', 'organisation-staff-activity');
    expect([...new Set(rx9.rows.map((r) => r.learnerId))]).toEqual(['learner-erin']);
    const rj1 = await reportJson<StaffReport>(url(), 'runner-raj', 'organisation-staff-activity');
    expect(rj1.rows.map((r) => r.learnerId)).not.toContain('learner-erin');
  });

  it('project, tutor and body views show the learners each may see, in their programmes', async () => {
    const project = await reportJson<StaffReport>(url(), 'staff-priya', 'learners-activity?scope=project');
    expect([...new Set(project.rows.map((r) => r.learnerId))]).toEqual(['learner-asha']);
    expect(new Set(project.rows.map((r) => r.programmeTitle))).toEqual(new Set(['Safeguarding']));
    const tutor = await reportJson<StaffReport>(url(), 'tutor-tom', 'learners-activity?scope=tutor');
    expect(tutor.rows.map((r) => r.sessionId).sort()).toEqual(['ipc-l1-hand-hygiene', 'safeguarding-adults-2019-s1', 'safeguarding-adults-l1-assessment', 'safeguarding-adults-l1-s1']);
    const body = await reportJson<StaffReport>(url(), 'officer-olga', 'learners-activity?scope=professional-body');
    expect([...new Set(body.rows.map((r) => r.learnerId))]).toEqual(['learner-asha']);
    expect((await getReport(url(), 'staff-priya', 'learners-activity?scope=all')).status).toBe(403);
    expect((await getReport(url(), 'staff-priya', 'learners-activity?scope=project&id=proj-other')).status).toBe(403);
  });

  describe('a run over more learners than may be listed first', () => {
    let reporting: { app: INestApplication; url: string };
    beforeAll(async () => {
      reporting = await startReportingForTest({ ...scenario.env, INGEST_URL: scenario.ingestUrl, AUDIT_MAX_LISTED_SUBJECTS: '2' });
    });
    afterAll(async () => reporting?.app.close());

    it("an admin's CSV of every learner is recorded by its coverage before it streams, and the learners can find it", async () => {
      const response = await getReport(reporting.url, 'admin-hana', 'learners-activity/csv?scope=all');
      expect(response.status).toBe(200);
      const csv = parseCsvReport(Buffer.from(await response.arrayBuffer()), 'Learner');
      expect(new Set(csv.rows.map((r) => r[0]))).toEqual(new Set(['learner-asha', 'learner-ben', 'learner-chloe', 'learner-dev', 'learner-erin', 'trainee-finn']));
      const covered = await eventually(async () => {
        const runs = await scenario.store.db.collection<CoveredReportRunDocument>(COVERED_REPORT_RUNS_COLLECTION).find({ coverage: 'all-learners' }).toArray();
        return runs.length > 0 ? runs : undefined;
      });
      expect(covered[0]).toMatchObject({ viewerId: 'admin-hana', viewerRole: 'hub-admin', reportName: 'learners-activity' });
      expect(covered[0].subjectCount).toBeGreaterThanOrEqual(6);
      // The run listed nobody: no learner got a listed view from it.
      const listed = await scenario.store.db.collection<RecordViewDocument>(RECORD_VIEWS_COLLECTION).find({ learnerId: 'learner-chloe' }).toArray();
      expect(listed.filter((v) => v.runId === covered[0].runId)).toEqual([]);
    });
  });
});
