import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'puppeteer-core';
import {
  AUDIT_FACTS_COLLECTION,
  AuditFactDocument,
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
  screenshotTo,
  signInAs,
  TestBrowser,
  testClientToken,
  testPersonToken,
  withScreenshot,
} from '@ledger/test-harness';
import { AccessScenario, startAccessScenario } from './support/access-scenario';
import { pdfTextPages } from './support/pdf-pages';

const ASSESSMENT = 'safeguarding-adults-l1-assessment';
const COURSE = 'safeguarding-adults-l1';
/** Where a screenshot and the downloaded PDF are left for a person to look at (set AUDITOR_SHOTS_DIR); unset, nothing is kept. */
const SHOTS = process.env.AUDITOR_SHOTS_DIR;

/**
 * Auditors, through reporting's API and pages with real tokens, on the demo data appended through the
 * real ingest and projected by the real projector: after T, Asha fails a re-attempt, revokes her tutor
 * and moves from RJ1 to RX9. Her record as of T still shows the pass, and who could see her then
 * includes the tutor and RJ1's runner; live, it shows the failure and they no longer see her. Every
 * as-of view is recorded; only auditors get in; bad input is named. In Chromium: the trail with its CSV,
 * a verification started from the page, and a record as of T asked for on the page, with her
 * certificates as they stood then and one downloaded as of T.
 */
describe('auditors: as of a moment, the trail, rebuild and verify', () => {
  let scenario: AccessScenario;
  let asOf = '';
  const api = async (method: string, path: string, as: string, body?: unknown) => {
    const response = await fetch(`${scenario.reportingUrl}${path}`, {
      method,
      headers: { ...bearer(await testPersonToken(as, REPORTING_AUDIENCE)), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const ingest = async (token: string, path: string, body: unknown) => {
    const response = await fetch(`${scenario.ingestUrl}${path}`, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(202);
  };
  const finished = (jobId: string) =>
    eventually(async () => {
      const job = await api('GET', `/v1/auditor/jobs/${jobId}`, 'auditor-ali');
      return job.status === 200 && !['queued', 'running'].includes(job.body.status) ? job.body : undefined;
    }, 120_000);
  const liveStatus = async (as: string) => {
    const answer = await api('GET', '/v1/learners/learner-asha/sessions', as);
    return answer.status === 200 ? answer.body.sessions.find((s: { sessionId: string }) => s.sessionId === ASSESSMENT)?.status : answer.status;
  };

  beforeAll(async () => {
    scenario = await startAccessScenario();
    // A whole second, after every demo event and before every change: the page's moment field has seconds only.
    await sleep(1_100);
    asOf = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
    await sleep(1_100);
    const now = new Date().toISOString();
    const envelope = (type: string, data: object, version = 1) => ({ eventId: randomUUID(), type, version, occurredAt: now, subject: 'learner-asha', actor: 'learner-asha', data });
    await ingest(await testClientToken('demo-player'), '/v1/events', { events: [envelope('AssessmentScored', { sessionId: ASSESSMENT, attemptId: 'asha-a9', score: 3, maxScore: 10, passMark: 8, passed: false }, 2)] });
    await ingest(await testClientToken('hr-feed'), '/v1/events', { events: [envelope('EmploymentLocationSet', { odsCode: 'RX9', jobRole: 'Staff Nurse' })] });
    await ingest(await testPersonToken('learner-asha'), '/v1/acts', { eventId: randomUUID(), type: 'ViewerAuthorisationRevoked', version: 1, subject: 'learner-asha', data: { viewerId: 'tutor-tom' } });
    await eventually(async () => {
      const asha = await scenario.store.db.collection<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION).findOne({ _id: 'learner-asha' });
      return asha?.workplace?.odsCode === 'RX9' && (await liveStatus('admin-hana')) === 'failed' && (await liveStatus('tutor-tom')) === 404 ? true : undefined;
    });
  });
  afterAll(async () => scenario?.close());

  it("shows Asha's record as of T with the pass, while live it shows the failed re-attempt; the output states the cut", async () => {
    const asked = await api('POST', '/v1/auditor/jobs', 'auditor-ali', { kind: 'as-of', asOf, learnerId: 'learner-asha' });
    expect(asked.status).toBe(202);
    const job = await finished(asked.body.jobId);
    expect(job).toMatchObject({ status: 'done', kind: 'as-of', requestedBy: 'auditor-ali', result: { kind: 'as-of', reused: false } });
    const then = await api('GET', `/v1/auditor/as-of/${job.result.asOfKey}/learners/learner-asha`, 'auditor-ali');
    expect(then.status).toBe(200);
    expect(then.body.cut).toMatchObject({ asOf, scope: 'learner', asOfKey: job.result.asOfKey });
    expect(Object.keys(then.body.cut.through).length).toBeGreaterThan(0);
    expect(then.body.sessions.find((s: { sessionId: string }) => s.sessionId === ASSESSMENT).status).toBe('passed');
    expect(then.body.progress.find((p: { containerId: string }) => p.containerId === COURSE).certificate).toBe('available');
    const certificates = then.body.certificates.flatMap((p: { parts: Array<{ containerId: string; certificate: string }> }) => p.parts);
    expect(certificates.find((c: { containerId: string }) => c.containerId === COURSE)?.certificate).toBe('available');
    expect(await liveStatus('admin-hana')).toBe('failed');
    // A targeted view holds Asha only.
    expect((await api('GET', `/v1/auditor/as-of/${job.result.asOfKey}/learners/learner-ben`, 'auditor-ali')).status).toBe(404);
    // The as-of view was recorded as an identifiable view, which Asha sees among who viewed her record.
    const views = await eventually(async () => {
      const found = await scenario.store.db.collection<RecordViewDocument>(RECORD_VIEWS_COLLECTION).find({ learnerId: 'learner-asha' }).toArray();
      return found.some((v) => v.viewerId === 'auditor-ali') ? found : undefined;
    });
    expect(views.find((v) => v.viewerId === 'auditor-ali')).toMatchObject({ viewerRole: 'auditor', reportName: 'as-of-learner-record', watermark: asOf });
  });

  it('says who could see Asha at T (her tutor, RJ1\'s runner) from the whole ledger as of T, though neither sees her now', async () => {
    const asked = await api('POST', '/v1/auditor/jobs', 'auditor-ali', { kind: 'as-of', asOf });
    const job = await finished(asked.body.jobId);
    expect(job.status).toBe('done');
    const then = await api('GET', `/v1/auditor/as-of/${job.result.asOfKey}/learners/learner-asha/viewers`, 'auditor-ali');
    expect(then.status).toBe(200);
    const viewers = Object.fromEntries(then.body.viewers.map((v: { viewerId: string; roles: string[] }) => [v.viewerId, v.roles]));
    expect(viewers).toMatchObject({ 'tutor-tom': ['tutor'], 'runner-raj': ['report-runner'], 'staff-priya': ['project-staff'], 'officer-olga': ['professional-body-officer'], 'admin-hana': ['hub-admin'] });
    expect(viewers['runner-sam']).toBeUndefined();
    expect(await liveStatus('tutor-tom')).toBe(404);
    expect(await liveStatus('runner-raj')).toBe(404);
    // The whole-ledger view shows the same record as the targeted one.
    const record = await api('GET', `/v1/auditor/as-of/${job.result.asOfKey}/learners/learner-asha`, 'auditor-ali');
    expect(record.body.sessions.find((s: { sessionId: string }) => s.sessionId === ASSESSMENT).status).toBe('passed');
  });

  it('lets only auditors in, and names every bad field of a job request (nothing appended)', async () => {
    for (const who of ['admin-hana', 'runner-raj', 'learner-asha']) expect((await api('POST', '/v1/auditor/jobs', who, { kind: 'verify' })).status).toBe(403);
    expect((await api('GET', '/v1/auditor/jobs/any', 'admin-hana')).status).toBe(403);
    const bad = await api('POST', '/v1/auditor/jobs', 'auditor-ali', { kind: 'as-of', asOf: 'yesterday', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].errors.map((e: { field: string }) => e.field).sort()).toEqual(['asOf', 'colour']);
    expect((await api('POST', '/v1/auditor/jobs', 'auditor-ali', { kind: 'verify', asOf })).body.details[0].errors).toEqual([{ field: 'asOf', reason: 'asOf is only for an as-of job' }]);
    expect((await api('GET', '/v1/auditor/as-of/nothing-kept/learners/learner-asha', 'auditor-ali')).status).toBe(404);
  });

  describe('in a real browser', () => {
    let chromium: TestBrowser;
    let page: Page;
    const visit = async (path: string) => (await page.goto(`${scenario.reportingUrl}${path}`, { waitUntil: 'networkidle0' }))?.status();
    const text = () => page.$eval('main', (main) => main.textContent ?? '');
    // Downloads are saved here, as a person's browser saves them to disk.
    const downloads = mkdtempSync(join(tmpdir(), 'auditor-download-'));
    beforeAll(async () => {
      chromium = await launchBrowser();
      const context = await chromium.browser.createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: downloads } });
      page = await context.newPage();
      if (SHOTS) mkdirSync(SHOTS, { recursive: true });
      await page.setViewport({ width: 1200, height: 900 });
      await signInAs(page, scenario.reportingUrl, 'auditor-ali');
    });
    afterAll(async () => chromium?.close());

    it('filters the trail by learner and exports it as CSV; refuses a bad date by name', async () => {
      await withScreenshot(page, 'auditor-trail-filtered', async () => {
        expect(await visit('/auditor?learner=learner-asha')).toBe(200);
        const rows = await page.$$eval('#runs tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
        expect(rows.some((row) => row.includes('auditor-ali') && row.includes('as-of-learner-record'))).toBe(true);
        const href = await page.$eval('#csv', (a) => a.getAttribute('href') ?? '');
        const csv = await page.evaluate(async (url: string) => (await fetch(url)).text(), href);
        expect(csv.split('\n')[0]).toBe('occurredAt,recordedAt,viewer,role,report,parameters,organisation,subjects,part,runId,watermark,eventId,position');
        expect(csv).toContain('as-of-learner-record');
      });
      await withScreenshot(page, 'auditor-trail-bad-date', async () => {
        expect(await visit('/auditor?from=last-week')).toBe(400);
        expect(await page.$$eval('.nhsuk-error-summary a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(['#from']);
      });
      await withScreenshot(page, 'auditor-access-changes', async () => {
        expect(await visit('/auditor/access?learner=learner-asha')).toBe(200);
        const rows = await page.$$eval('#access-changes tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
        expect(rows.some((row) => row.includes('revoked') && row.includes('tutor-tom'))).toBe(true);
        expect(rows.some((row) => row.includes('workplace') && row.includes('RX9'))).toBe(true);
      });
    });

    it("asks for Asha's record as of T on the page, follows the job, and sees the pass with the cut", async () => {
      await visit('/auditor/jobs');
      await withScreenshot(page, 'auditor-as-of-record', async () => {
        await page.$eval('#asOf', (input, value) => input.setAttribute('value', value), asOf.slice(0, 19));
        await page.type('#learnerId', 'learner-asha');
        await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#start-as-of')]);
        await page.waitForSelector('#as-of-record', { timeout: 120_000 });
        await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#as-of-record')]);
        expect(await page.$eval('#cut', (el) => el.textContent ?? '')).toContain(`As of ${asOf.slice(0, 19)}`);
        const rows = await page.$$eval('#sessions tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
        expect(rows.find((row) => row.includes('Safeguarding Adults: Assessment'))).toContain('passed');
      });
    });

    it("on that page, lists Asha's certificates as they stood at T and downloads one as of T, marked not issued", async () => {
      const recordPath = new URL(page.url()).pathname;
      expect(recordPath).toMatch(/^\/auditor\/as-of\/[^/]+\/learners\/learner-asha$/);
      await withScreenshot(page, 'auditor-as-of-certificates', async () => {
        const state = (container: string) =>
          page.$eval(`#certificates tr[data-container="${container}"]`, (tr) => [
            tr.getAttribute('data-certificate'),
            tr.textContent?.replace(/\s+/g, ' ') ?? '',
          ]);
        // At T her assessment was passed (live, a later re-attempt failed it), and her IPC course not yet done.
        expect((await state(COURSE))[0]).toBe('available');
        const [ipc, ipcText] = await state('ipc-l1');
        expect(ipc).toBe('unavailable');
        expect(ipcText).toContain('Missing: 0 of 1 sessions done; Hand hygiene not yet completed');
        if (SHOTS) await screenshotTo(page, join(SHOTS, 'auditor-as-of-certificates.png'));
        await page.click(`a[data-as-of-certificate="course:${COURSE}"]`);
        const saved = await eventually(async () => readdirSync(downloads).find((f) => f.endsWith('.pdf') && !f.endsWith('.crdownload')));
        expect(saved).toBe(`certificate-${COURSE}-as-of.pdf`);
        const pdf = readFileSync(join(downloads, saved));
        if (SHOTS) copyFileSync(join(downloads, saved), join(SHOTS, saved));
        const [page1, ...summary] = pdfTextPages(pdf).map((text) => text.replace(/\s+/g, ' '));
        expect(page1).toContain('Not an issued certificate');
        expect(page1).toContain('Asha Patel');
        expect(page1).toContain('Safeguarding Adults Level 1');
        expect(page1).toContain(asOf);
        expect(page1).not.toContain('Verification code');
        expect(summary.join(' ')).toMatch(/Safeguarding Adults: Assessment.*Passed/);
      });
      // Recorded as the auditor's view of Asha's certificate as of T; never issued.
      const views = await eventually(async () => {
        const found = await scenario.store.db.collection<RecordViewDocument>(RECORD_VIEWS_COLLECTION).find({ learnerId: 'learner-asha' }).toArray();
        return found.some((v) => v.reportName === 'as-of-certificate') ? found : undefined;
      });
      expect(views.find((v) => v.reportName === 'as-of-certificate')).toMatchObject({ viewerId: 'auditor-ali', viewerRole: 'auditor', watermark: asOf });
      const facts = await scenario.store.db.collection<AuditFactDocument>(AUDIT_FACTS_COLLECTION).find({ learnerId: 'learner-asha' }).toArray();
      expect(facts.filter((f) => f.kind === 'certificate-issued')).toEqual([]);
      // One that was not available at T: a page that names what was missing.
      await withScreenshot(page, 'auditor-as-of-certificate-missing', async () => {
        expect(await visit(`${recordPath}/certificates/course/ipc-l1`)).toBe(404);
        expect(await text()).toContain('There was no certificate for this at the cut: 0 of 1 sessions done; Hand hygiene not yet completed.');
      });
    });

    it('asks for the whole ledger as of T on the page and opens who could see Asha then', async () => {
      await visit('/auditor/jobs');
      await withScreenshot(page, 'auditor-who-could-see', async () => {
        await page.$eval('#asOf', (input, value) => input.setAttribute('value', value), asOf.slice(0, 19));
        await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#start-as-of')]);
        await page.waitForSelector('#as-of-learner-form', { timeout: 120_000 });
        await page.type('#learnerId', 'learner-asha');
        await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#open-viewers')]);
        const rows = await page.$$eval('#viewers tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
        expect(rows.find((row) => row.includes('tutor-tom'))).toContain('tutor');
        expect(rows.find((row) => row.includes('runner-raj'))).toContain('report-runner');
        expect(await page.$eval('#cut', (el) => el.textContent ?? '')).toContain('every read model');
      });
    });

    it('starts a verification from the page and sees its progress end in "verified"', async () => {
      await visit('/auditor/jobs');
      await withScreenshot(page, 'auditor-verify', async () => {
        await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#start-verify')]);
        expect(page.url()).toMatch(/\/auditor\/jobs\/[0-9a-f-]+$/);
        await page.waitForSelector('#status[data-status="done"]', { timeout: 180_000 });
        expect(await text()).toContain('Verified: the read models rebuilt from');
      });
    });

    it('is refused to everyone but auditors', async () => {
      const admin = await chromium.newPage();
      await signInAs(admin, scenario.reportingUrl, 'admin-hana');
      const certificate = `/auditor/as-of/any/learners/learner-asha/certificates/course/${COURSE}`;
      for (const path of ['/auditor', '/auditor/jobs', '/auditor/access', certificate]) {
        expect((await admin.goto(`${scenario.reportingUrl}${path}`))?.status()).toBe(403);
      }
    });
  });

  it('rebuilds the read models as a job and switches readers, the live record unchanged', async () => {
    const asked = await api('POST', '/v1/auditor/jobs', 'auditor-ali', { kind: 'rebuild' });
    expect(asked.status).toBe(202);
    const job = await finished(asked.body.jobId);
    expect(job).toMatchObject({ status: 'done', result: { kind: 'rebuild', previousGeneration: '' } });
    expect(job.result.generation).toMatch(/^r/);
    expect(await liveStatus('admin-hana')).toBe('failed');
  });
});
