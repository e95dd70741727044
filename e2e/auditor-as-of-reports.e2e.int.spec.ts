import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'puppeteer-core';
import {
  CERTIFICATE_ISSUE_TRAIL_COLLECTION,
  LEARNER_PROFILES_COLLECTION,
  LearnerProfileDocument,
  RECORD_VIEWS_COLLECTION,
  RecordViewDocument,
} from '@ledger/read-store';
import {
  bearer,
  eventually,
  launchBrowser,
  REPORTING_AUDIENCE,
  signInAs,
  TestBrowser,
  testClientToken,
  testPersonToken,
  withScreenshot,
} from '@ledger/test-harness';
import { AccessScenario, startAccessScenario } from './support/access-scenario';
import { pdfTextPages } from './support/pdf-pages';
import { flattenText, parseCsvReport, reportJson } from './support/report-client';

const ASSESSMENT = 'safeguarding-adults-l1-assessment';
const COURSE = 'safeguarding-adults-l1';

type Row = { learnerId: string; sessionId: string; status?: string; statusText: string };
type Report = { dataCompleteThrough: string | null; cut?: { asOf: string; topic: string; through: Record<string, string> }; rows: Row[] };

/**
 * Every report and certificate as of a moment, through reporting's API and pages with real tokens, on
 * the demo data appended through the real ingest and projected by the real projector. After T, Asha
 * fails a re-attempt of the assessment she had passed and moves from RJ1 to RX9. The whole ledger as
 * of T, asked for as a job: My activity shows her pass and RJ1's staff report lists her, on screen and
 * in the CSV, while the live reports show the failure and RJ1 without her; her certificate as of T is
 * available (its PDF shows the pass, marked not issued, nothing issued), while live it is greyed.
 * Only auditors get in; bad report names and filters are named; each view is on her "who viewed".
 */
describe('auditors: every report and certificate as of a moment', () => {
  let scenario: AccessScenario;
  let asOf = '';
  let asOfKey = '';
  let jobId = '';
  const token = async (who: string) => bearer(await testPersonToken(who, REPORTING_AUDIENCE));
  const get = async (who: string, path: string) => fetch(`${scenario.reportingUrl}${path}`, { headers: await token(who) });
  const json = async (who: string, path: string) => {
    const response = await get(who, path);
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const asOfPath = (rest: string) => `/v1/auditor/as-of/${asOfKey}/${rest}`;
  const ashaRow = (report: Report) => report.rows.find((r) => r.learnerId === 'learner-asha' && r.sessionId === ASSESSMENT);

  beforeAll(async () => {
    scenario = await startAccessScenario();
    await sleep(1_100);
    asOf = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
    await sleep(1_100);
    const now = new Date().toISOString();
    const envelope = (type: string, data: object, version = 1) =>
      ({ eventId: randomUUID(), type, version, occurredAt: now, subject: 'learner-asha', actor: 'learner-asha', data });
    const append = async (client: string, events: object[]) => {
      const headers = { ...bearer(await testClientToken(client)), 'content-type': 'application/json' };
      const response = await fetch(`${scenario.ingestUrl}/v1/events`, { method: 'POST', headers, body: JSON.stringify({ events }) });
      expect(response.status).toBe(202);
    };
    const failedAgain = { sessionId: ASSESSMENT, attemptId: 'asha-a9', score: 3, maxScore: 10, passMark: 8, passed: false };
    await append('demo-player', [envelope('AssessmentScored', failedAgain, 2)]);
    await append('hr-feed', [envelope('EmploymentLocationSet', { odsCode: 'RX9', jobRole: 'Staff Nurse' })]);
    await eventually(async () => {
      const asha = await scenario.store.db.collection<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION).findOne({ _id: 'learner-asha' });
      const live = await reportJson<Report>(scenario.reportingUrl, 'admin-hana', 'my-activity?learner=learner-asha');
      return asha?.workplace?.odsCode === 'RX9' && ashaRow(live)?.status === 'failed' ? true : undefined;
    });
    const asked = await fetch(`${scenario.reportingUrl}/v1/auditor/jobs`, {
      method: 'POST',
      headers: { ...(await token('auditor-ali')), 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'as-of', asOf }),
    });
    expect(asked.status).toBe(202);
    jobId = ((await asked.json()) as { jobId: string }).jobId;
    const job = await eventually(async () => {
      const answer = await json('auditor-ali', `/v1/auditor/jobs/${jobId}`);
      return answer.status === 200 && !['queued', 'running'].includes(answer.body.status) ? answer.body : undefined;
    }, 120_000);
    expect(job).toMatchObject({ status: 'done', result: { kind: 'as-of' } });
    asOfKey = job.result.asOfKey;
  });
  afterAll(async () => scenario?.close());

  it("shows Asha's My activity as of T with the pass, stating the cut, while the live report shows the failed re-attempt", async () => {
    const then = await json('auditor-ali', asOfPath('reports/my-activity?learner=learner-asha'));
    expect(then.status).toBe(200);
    expect(then.body).toMatchObject({ report: 'my-activity', dataCompleteThrough: asOf, cut: { asOf } });
    expect(Object.keys(then.body.cut.through).length).toBeGreaterThan(0);
    expect(ashaRow(then.body as Report)).toMatchObject({ status: 'passed', statusText: 'Passed' });
    const live = await reportJson<Report>(scenario.reportingUrl, 'admin-hana', 'my-activity?learner=learner-asha');
    expect(ashaRow(live)).toMatchObject({ status: 'failed' });
    expect(live.cut).toBeUndefined();

    const csvBytes = Buffer.from(await (await get('auditor-ali', asOfPath('reports/my-activity/csv?learner=learner-asha'))).arrayBuffer());
    const csv = parseCsvReport(csvBytes, 'Programme');
    expect(csv.header.get('Ledger cut')).toContain(asOf);
    expect(csv.header.get('Ledger cut')).toContain(then.body.cut.topic);
    expect(csv.rows.find((r) => r[2] === 'Safeguarding Adults: Assessment')?.[6]).toBe('Passed');
  });

  it("lists Asha among RJ1's staff as of T (screen, CSV and PDF), while live she is RX9's", async () => {
    const then = await json('auditor-ali', asOfPath('reports/organisation-staff-activity?odsCode=RJ1'));
    expect(then.status).toBe(200);
    expect(ashaRow(then.body as Report)).toMatchObject({ statusText: 'Passed' });
    const live = await reportJson<Report>(scenario.reportingUrl, 'runner-raj', 'organisation-staff-activity?odsCode=RJ1');
    expect(live.rows.some((r) => r.learnerId === 'learner-asha')).toBe(false);
    const liveRx9 = await reportJson<Report>(scenario.reportingUrl, 'admin-hana', 'organisation-staff-activity?odsCode=RX9');
    expect(ashaRow(liveRx9)).toMatchObject({ statusText: 'Failed' });

    const csvBytes = Buffer.from(await (await get('auditor-ali', asOfPath('reports/organisation-staff-activity/csv?odsCode=RJ1'))).arrayBuffer());
    const csv = parseCsvReport(csvBytes, 'Learner');
    expect(csv.header.get('Filter: Organisation (ODS code)')).toBe('RJ1');
    expect(csv.rows.find((r) => r[0] === 'learner-asha' && r[5] === 'Safeguarding Adults: Assessment')?.[9]).toBe('Passed');
    const pdf = await get('auditor-ali', asOfPath('reports/organisation-staff-activity/pdf?odsCode=RJ1'));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = flattenText(pdfTextPages(Buffer.from(await pdf.arrayBuffer())).join(' '));
    expect(text).toContain('As of a past moment');
    expect(text).toContain('Asha Patel');
  });

  it("gives Asha's certificate as of T (the pass, marked not issued, nothing issued), while live it is greyed", async () => {
    const response = await get('auditor-ali', asOfPath(`learners/learner-asha/certificates/course/${COURSE}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-certificate-available')).toBe('true');
    expect(response.headers.get('x-ledger-cut')).toContain(asOf);
    expect(response.headers.get('x-verification-code')).toBeNull();
    const pages = pdfTextPages(Buffer.from(await response.arrayBuffer())).map(flattenText);
    expect(pages[0]).toContain('Asha Patel');
    expect(pages[0]).toContain('Safeguarding Adults Level 1');
    expect(pages[0]).toContain('Not an issued certificate');
    expect(pages[0]).not.toContain('Verification code');
    expect(pages.slice(1).join(' ')).toMatch(/Safeguarding Adults: Assessment.*Passed/);

    type Listing = { programmes: Array<{ parts: Array<{ containerId: string; certificate: string }> }> };
    const live = (await json('learner-asha', '/v1/learners/learner-asha/certificates')).body as Listing;
    expect(live.programmes.flatMap((p) => p.parts).find((c) => c.containerId === COURSE)?.certificate).not.toBe('available');
    // The view is on Asha's record of who viewed it (below); an issue would be on the trail of certificates issued.
    await eventually(async () => ((await recordViews()).some((v) => v.reportName === 'as-of-certificate') ? true : undefined));
    expect(await scenario.store.db.collection(CERTIFICATE_ISSUE_TRAIL_COLLECTION).countDocuments({ learnerId: 'learner-asha' })).toBe(0);
  });

  it('lets only auditors in: a learner, a hub admin and a runner get 403', async () => {
    for (const who of ['learner-asha', 'admin-hana', 'runner-raj']) {
      expect((await get(who, asOfPath('reports/my-activity?learner=learner-asha'))).status).toBe(403);
      expect((await get(who, asOfPath('reports/organisation-staff-activity/csv?odsCode=RJ1'))).status).toBe(403);
      expect((await get(who, asOfPath(`learners/learner-asha/certificates/course/${COURSE}`))).status).toBe(403);
    }
  });

  it('names a bad report, bad filters and a bad certificate path (400), and an unknown cut (404)', async () => {
    const badReport = await json('auditor-ali', asOfPath('reports/everything'));
    expect(badReport.status).toBe(400);
    expect(badReport.body.details.map((d: { field: string }) => d.field)).toEqual(['report']);
    const badFilters = await json('auditor-ali', asOfPath('reports/organisation-staff-activity?odsCode=R!&from=yesterday&pageSize=9999&programme=none'));
    expect(badFilters.status).toBe(400);
    expect(badFilters.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['from', 'odsCode', 'pageSize', 'programme']);
    const badCertificate = await json('auditor-ali', asOfPath('learners/learner-asha/certificates/diploma/x'));
    expect(badCertificate.status).toBe(400);
    expect(badCertificate.body.details.map((d: { field: string }) => d.field)).toEqual(['kind']);
    expect((await get('auditor-ali', '/v1/auditor/as-of/nothing-kept/reports/my-activity?learner=learner-asha')).status).toBe(404);
  });

  const recordViews = () => scenario.store.db.collection<RecordViewDocument>(RECORD_VIEWS_COLLECTION).find({ learnerId: 'learner-asha' }).toArray();

  it("puts every view as of T on Asha's \"who viewed my record\", as the auditor, with T as watermark", async () => {
    const views = await eventually(async () => {
      const found = (await recordViews()).filter((v) => v.viewerId === 'auditor-ali');
      const names = new Set(found.map((v) => v.reportName));
      return ['as-of:my-activity', 'as-of:organisation-staff-activity', 'as-of-certificate'].every((n) => names.has(n)) ? found : undefined;
    });
    for (const view of views) expect(view).toMatchObject({ viewerRole: 'auditor', watermark: asOf });
  });

  describe('in a real browser', () => {
    let chromium: TestBrowser;
    let page: Page;
    beforeAll(async () => {
      chromium = await launchBrowser();
      page = await chromium.newPage();
      await page.setViewport({ width: 1200, height: 900 });
      await signInAs(page, scenario.reportingUrl, 'auditor-ali');
    });
    afterAll(async () => chromium?.close());

    it("opens RJ1's staff report as of T from the job's page: the form names the missing organisation, then the report states the cut", async () => {
      await withScreenshot(page, 'auditor-as-of-report', async () => {
        await page.goto(`${scenario.reportingUrl}/auditor/jobs/${jobId}`, { waitUntil: 'networkidle0' });
        const links = await page.$$eval('#as-of-reports a', (as) => as.map((a) => a.id));
        expect(links).toEqual(expect.arrayContaining(['as-of-report-my-activity', 'as-of-report-organisation-staff-activity', 'as-of-report-anonymised-usage']));
        const [opened] = await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#as-of-report-organisation-staff-activity')]);
        expect(opened?.status()).toBe(400);
        expect(await page.$$eval('.nhsuk-error-summary a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(['#odsCode']);
        await page.type('#odsCode', 'RJ1');
        await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#run-report')]);
        expect(page.url()).toContain(`/auditor/as-of/${asOfKey}/reports/organisation-staff-activity?`);
        expect(await page.$eval('#ledger-cut', (el) => el.textContent ?? '')).toContain(asOf);
        const rows = await page.$$eval('#rows tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
        expect(rows.find((row) => row.includes('Asha Patel') && row.includes('Safeguarding Adults: Assessment'))).toContain('Passed');
        expect(await page.$eval('#download-csv', (a) => a.getAttribute('href'))).toMatch(new RegExp(`^/auditor/as-of/${asOfKey}/reports/organisation-staff-activity/csv\\?`));
      });
    });
  });
});
