import type { Page } from 'puppeteer-core';
import { eventually, launchBrowser, signInAs, TestBrowser, withScreenshot } from '@ledger/test-harness';
import { AccessScenario, startAccessScenario } from './support/access-scenario';

/**
 * The web shell in Debian's Chromium, signing in through the local provider's real login page as
 * several demo people: what each may and may not reach, the forms (NHS error summary, nothing stored
 * on bad input, CSRF), the session cookie's flags, and signing out. Screenshots are taken in the run;
 * a failing check's screenshot is kept under .infra/browser-artefacts/.
 */
describe('the web shell, in a real browser', () => {
  let scenario: AccessScenario;
  let chromium: TestBrowser;
  let url = '';

  beforeAll(async () => {
    scenario = await startAccessScenario();
    url = scenario.reportingUrl;
    chromium = await launchBrowser();
  });
  afterAll(async () => {
    await chromium?.close();
    await scenario?.close();
  });

  const signedIn = async (username: string): Promise<Page> => {
    const page = await chromium.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await signInAs(page, url, username);
    return page;
  };
  const menu = (page: Page) => page.$$eval('.nhsuk-header__navigation-list a, .nhsuk-header__navigation a', (links) => links.map((a) => a.textContent?.trim() ?? ''));
  const visit = async (page: Page, path: string) => (await page.goto(`${url}${path}`, { waitUntil: 'networkidle0' }))?.status();
  const text = (page: Page) => page.$eval('main', (main) => main.textContent ?? '');

  it('a learner sees only her own pages, with her certificates available or greyed, in a Secure, HttpOnly, SameSite session', async () => {
    const page = await signedIn('learner-asha');
    await withScreenshot(page, 'learner-asha-home', async () => {
      expect(await menu(page)).toEqual(['My activity', 'Certificates', 'My permissions']);
      const session = (await page.cookies()).find((cookie) => cookie.name === 'ledger_session');
      expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    });
    await withScreenshot(page, 'learner-asha-certificates', async () => {
      expect(await visit(page, '/my/certificates')).toBe(200);
      const states = await page.$$eval('tr[data-certificate]', (rows) => rows.map((row) => `${row.querySelector('td')?.textContent?.trim()}: ${row.getAttribute('data-certificate')}`));
      expect(states).toEqual(expect.arrayContaining([expect.stringMatching(/^Safeguarding Adults Level 1.*: available$/), expect.stringMatching(/^Infection Prevention and Control Level 1.*: unavailable$/)]));
    });
    for (const path of ['/admin/reports', '/organisation', '/auditor']) {
      await withScreenshot(page, `learner-asha-refused${path.replace(/\//g, '-')}`, async () => {
        expect(await visit(page, path)).toBe(403);
      });
    }
  });

  it('bad input on My permissions shows the NHS error summary linking each bad field, and stores nothing; a good one is recorded', async () => {
    const page = await signedIn('learner-asha');
    await visit(page, '/my/permissions');
    await withScreenshot(page, 'my-permissions-errors', async () => {
      await page.click('#scope-2');
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#authorise')]);
      const links = await page.$$eval('.nhsuk-error-summary a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent?.trim()]));
      expect(links).toEqual([
        ['#viewerId', "Enter the tutor's username"],
        ['#programmes', 'Enter at least one programme id, or choose every programme'],
      ]);
      expect(await page.$$eval('#tutors tbody tr', (rows) => rows.length)).toBe(1);
    });
    await withScreenshot(page, 'my-permissions-refused-by-ingest', async () => {
      await page.type('#viewerId', 'tutor-rita');
      await page.click('#scope-2');
      await page.type('#programmes', 'prog-safeguarding');
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#authorise')]);
      expect(page.url()).toBe(`${url}/my/permissions?done=authorised`);
      const tutors = await eventually(async () => {
        await visit(page, '/my/permissions');
        const rows = await page.$$eval('#tutors tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
        return rows.length === 2 ? rows : undefined;
      });
      expect(tutors.join(' ')).toContain('prog-safeguarding');
    });
    await withScreenshot(page, 'csrf-refused', async () => {
      const status = await page.evaluate(async () => {
        const response = await fetch('/my/permissions/tutors', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'viewerId=trainee-finn&scope=all' });
        return response.status;
      });
      expect(status).toBe(403);
    });
  });

  it("an approved runner reaches Admin → Reports: his organisation's staff who accepted the terms, and their records in the organisation's programmes only", async () => {
    const page = await signedIn('runner-raj');
    await withScreenshot(page, 'runner-raj-reports', async () => {
      expect(await menu(page)).toContain('Admin → Reports');
      expect(await visit(page, '/admin/reports')).toBe(200);
      const listed = await page.$$eval('#learners tbody tr', (rows) => rows.map((row) => row.querySelector('.nhsuk-caption-m')?.textContent?.trim()));
      expect(listed).toEqual(['learner-asha', 'learner-ben', 'trainee-finn']);
    });
    await withScreenshot(page, 'runner-raj-asha', async () => {
      expect(await visit(page, '/admin/learners/learner-asha')).toBe(200);
      expect(await page.$eval('h1', (h) => h.textContent?.replace(/\s+/g, ' ').trim())).toBe('Record of Asha Patel learner-asha');
      const shown = await text(page);
      expect(shown).toContain('Safeguarding Adults: Assessment');
      expect(shown).not.toContain('Hand hygiene');
      expect(shown).not.toContain('ipc-l1-hand-hygiene');
    });
    await withScreenshot(page, 'runner-raj-refused', async () => {
      expect(await visit(page, '/admin/learners/learner-chloe')).toBe(404);
      const refused = await text(page);
      expect(refused).not.toContain('Evans');
      expect(await visit(page, '/admin/learners/learner-who-never-was')).toBe(404);
      expect(await text(page)).toBe(refused.replace('learner-chloe', 'learner-who-never-was'));
    });
  });

  it('the learner then sees that the runner viewed her record', async () => {
    const page = await signedIn('learner-asha');
    await withScreenshot(page, 'who-viewed-asha', async () => {
      const rows = await eventually(async () => {
        await visit(page, '/my/permissions');
        const found = await page.$$eval('#record-views tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
        return found.some((row) => row.includes('runner-raj')) ? found : undefined;
      });
      expect(rows.find((row) => row.includes('runner-raj'))).toContain('report-runner');
    });
  });

  it('a reporting lead approves runners (bad input named), an auditor sees the trail, and nobody else reaches either page', async () => {
    const lead = await signedIn('lead-lucy');
    await withScreenshot(lead, 'lead-lucy-organisation', async () => {
      expect(await menu(lead)).toContain('Organisation');
      expect(await visit(lead, '/organisation')).toBe(200);
      await Promise.all([lead.waitForNavigation({ waitUntil: 'networkidle0' }), lead.click('#approve')]);
      expect(await lead.$$eval('.nhsuk-error-summary a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(['#runnerId']);
      await lead.type('#runnerId', 'tutor-tom');
      await Promise.all([lead.waitForNavigation({ waitUntil: 'networkidle0' }), lead.click('#approve')]);
      expect(lead.url()).toBe(`${url}/organisation?done=approved`);
    });
    const auditor = await signedIn('auditor-ali');
    await withScreenshot(auditor, 'auditor-ali-trail', async () => {
      expect(await menu(auditor)).toEqual(['My activity', 'Certificates', 'My permissions', 'Auditor']);
      expect(await visit(auditor, '/auditor')).toBe(200);
      expect(await text(auditor)).toContain('runner-raj');
    });
    const trainee = await signedIn('trainee-finn');
    await withScreenshot(trainee, 'trainee-finn-refused', async () => {
      expect(await menu(trainee)).toEqual(['My activity', 'Certificates', 'My permissions']);
      expect(await visit(trainee, '/admin/learners/learner-asha')).toBe(404);
      expect(await visit(trainee, '/organisation')).toBe(403);
    });
  });

  it('signing out ends the session: pages send the browser back to the provider to sign in', async () => {
    const page = await signedIn('tutor-tom');
    await withScreenshot(page, 'signed-out', async () => {
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#sign-out')]);
      await visit(page, '/my/activity');
      expect(page.url()).toContain('/interaction/');
      expect(await page.$('#username')).not.toBeNull();
    });
  });
});
