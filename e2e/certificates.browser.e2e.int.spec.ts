import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { eventually, launchBrowser, screenshotTo, signInAs, TestBrowser, withScreenshot } from '@ledger/test-harness';
import { AccessScenario, startAccessScenario } from './support/access-scenario';
import { pdfTextPages } from './support/pdf-pages';

/** Where screenshots and the downloaded PDF are left for a person to look at (set CERTIFICATE_SHOTS_DIR); unset, nothing is kept. */
const SHOTS = process.env.CERTIFICATE_SHOTS_DIR;

/**
 * Certificates in Debian's Chromium, as a learner uses them: sign in through the provider's page,
 * open Certificates, select the enabled certificate icon and save the PDF the browser downloads;
 * then anyone (not signed in) checks its code on the public page, and an auditor sees the issue.
 */
describe('certificates, in a real browser', () => {
  let scenario: AccessScenario;
  let chromium: TestBrowser;
  let url = '';

  beforeAll(async () => {
    scenario = await startAccessScenario();
    url = scenario.reportingUrl;
    chromium = await launchBrowser();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await chromium?.close();
    await scenario?.close();
  });

  const visit = async (page: Page, path: string) => (await page.goto(`${url}${path}`, { waitUntil: 'networkidle0' }))?.status();
  const shot = async (page: Page, name: string) => (SHOTS ? screenshotTo(page, join(SHOTS, `${name}.png`)) : undefined);
  let code = '';

  it('a learner downloads a certificate from the Certificates page: the enabled icon saves the PDF, greyed ones say what is missing', async () => {
    // A context of its own that saves downloads where the test can read them, as a person's browser saves them to disk.
    const downloads = mkdtempSync(join(tmpdir(), 'certificate-download-'));
    const page = await (await chromium.browser.createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: downloads } })).newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await signInAs(page, url, 'learner-asha', '/my/certificates');
    await withScreenshot(page, 'asha-certificates', async () => {
      expect(page.url()).toBe(`${url}/my/certificates`);
      const greyed = await page.$eval('tr[data-container="ipc-l1"]', (row) => [row.getAttribute('data-certificate'), row.textContent?.replace(/\s+/g, ' ')]);
      expect(greyed[0]).toBe('unavailable');
      expect(greyed[1]).toContain('0 of 1 sessions done; Hand hygiene not yet completed');
      await shot(page, 'certificates-page');
      await page.click('button[data-download="course:safeguarding-adults-l1"]');
      const saved = await eventually(async () => readdirSync(downloads).find((f) => f.endsWith('.pdf') && !f.endsWith('.crdownload')));
      const pdf = readFileSync(join(downloads, saved));
      const [page1, ...summary] = pdfTextPages(pdf);
      expect(page1).toContain('Asha Patel');
      expect(page1).toContain('Safeguarding Adults Level 1');
      expect(summary.join('\n')).toContain('Safeguarding Adults: Assessment');
      code = page1.match(/Verification code ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/)?.[1] ?? '';
      expect(saved).toBe(`certificate-safeguarding-adults-l1-${code}.pdf`);
      if (SHOTS) copyFileSync(join(downloads, saved), join(SHOTS, 'certificate.pdf'));
    });
    await withScreenshot(page, 'asha-issued', async () => {
      const issued = await eventually(async () => {
        await visit(page, '/my/certificates');
        return (await page.$(`tr[data-code="${code}"]`)) ? true : undefined;
      });
      expect(issued).toBe(true);
      expect(await page.$eval(`tr[data-code="${code}"] a.credential-link`, (a) => a.getAttribute('href'))).toBe(`/my/certificates/issued/${code}/credential`);
      await shot(page, 'certificates-issued');
    });
    await withScreenshot(page, 'asha-activity', async () => {
      expect(await visit(page, '/my/activity')).toBe(200);
      expect(await page.$('#progress button[data-download="course:safeguarding-adults-l1"]')).not.toBeNull();
      expect(await page.$eval('#progress td[data-certificate="unavailable"]', (td) => td.textContent?.replace(/\s+/g, ' '))).toContain('Not yet available 0 of 1 sessions done; Hand hygiene not yet completed');
      // Sessions by title, and every instant as UK time, as the reports show them.
      const sessions = await page.$$eval('#sessions tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
      expect(sessions).toContainEqual(['Safeguarding Adults: Assessment', 'passed', expect.stringMatching(/^\d+ min$/), '9', expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)]);
      const complete = await page.$$eval('p', (ps) => ps.map((p) => p.textContent?.trim() ?? '').find((text) => text.startsWith('Data complete to')));
      expect(complete).toMatch(/^Data complete to \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\. Dates and times are UK time\.$/);
      await shot(page, 'my-activity');
    });
  });

  it('anyone checks the code on the public page without signing in, typed by hand', async () => {
    const page = await chromium.newPage();
    await withScreenshot(page, 'check-certificate', async () => {
      expect(await visit(page, '/verify-certificate')).toBe(200);
      await page.type('#code', code.toLowerCase().replace(/-/g, ' '));
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#check')]);
      expect(page.url()).toBe(`${url}/verify-certificate/${code}`);
      const status = await eventually(async () => {
        await visit(page, `/verify-certificate/${code}`);
        const found = await page.$eval('#verification', (el) => el.getAttribute('data-status')).catch(() => null);
        return found === 'valid' ? found : undefined;
      });
      expect(status).toBe('valid');
      const details = await page.$eval('#certificate-details', (el) => el.textContent?.replace(/\s+/g, ' ') ?? '');
      expect(details).toContain('Asha Patel');
      expect(details).toContain('Safeguarding Adults Level 1');
      expect(await page.$eval('main', (m) => m.textContent ?? '')).not.toContain('learner-asha');
      await shot(page, 'verify-page');
    });
  });

  it('an auditor sees the issue record; the certificate itself stays the learner\'s', async () => {
    const page = await chromium.newPage();
    await signInAs(page, url, 'auditor-ali', '/auditor/certificates');
    await withScreenshot(page, 'auditor-certificates', async () => {
      expect(page.url()).toBe(`${url}/auditor/certificates`);
      const row = await page.$$eval('#certificates tbody tr', (rows) => rows.map((r) => r.textContent ?? '').join('\n'));
      expect(row).toContain(code);
      expect(row).toContain('learner-asha');
    });
    const learner = await chromium.newPage();
    await signInAs(learner, url, 'learner-ben', '/auditor/certificates');
    expect(await visit(learner, '/auditor/certificates')).toBe(403);
  });
});
