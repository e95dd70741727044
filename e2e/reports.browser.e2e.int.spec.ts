import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchBrowser, screenshotTo, signInAs, TestBrowser, withScreenshot } from '@ledger/test-harness';
import { AccessScenario, startAccessScenario } from './support/access-scenario';
import { flattenText, parseCsvReport, pdfText } from './support/report-client';

/** Where to keep a screenshot of every report page, for looking at them (unset: none kept). */
const SHOTS = process.env.REPORT_SCREENSHOTS_DIR;

/**
 * Every report in Debian's Chromium, as people use them: signed in through the provider's page, to
 * the report through the menu, its form filled in and run (bad input shown in the NHS error summary),
 * then its CSV and PDF downloaded with the page's own session. Charts are drawn under the nonce CSP.
 */
describe('reports, in a real browser', () => {
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

  const signedIn = async (username: string): Promise<{ page: Page; violations: string[] }> => {
    const page = await chromium.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const violations: string[] = [];
    // What the page's CSP refused (the NHS web fonts fail to load here for want of a network; that is not a refusal).
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await signInAs(page, url, username);
    return { page, violations };
  };
  const shoot = async (page: Page, name: string) => (SHOTS ? screenshotTo(page, join(SHOTS, `${name}.png`)) : undefined);
  const submit = (page: Page) => Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#run-report')]);
  /** Downloads a link of the page with the page's own cookies; the bytes and the content type. */
  const download = async (page: Page, selector: string) => {
    const href = await page.$eval(selector, (a) => (a as unknown as { href: string }).href);
    // Runs in the page: fetch with the page's cookies, bytes back as base64.
    const { type, base64 } = await page.evaluate(async (link: string) => {
      const response = await fetch(link);
      const bytes = new Uint8Array(await response.arrayBuffer());
      let binary = '';
      bytes.forEach((b) => (binary += String.fromCharCode(b)));
      return { type: response.headers.get('content-type') ?? '', base64: btoa(binary) };
    }, href);
    const bytes = Buffer.from(base64, 'base64');
    if (SHOTS) writeFileSync(join(SHOTS, `${new URL(href).pathname.split('/').slice(-2).join('-')}.${type.includes('pdf') ? 'pdf' : 'csv'}`), bytes);
    return { type, bytes };
  };
  const rowsOf = (page: Page) => page.$$eval('#rows tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())));

  it('a learner runs My activity from the menu, meets the error summary, filters, and downloads the CSV and PDF', async () => {
    const { page, violations } = await signedIn('learner-asha');
    await withScreenshot(page, 'my-activity', async () => {
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('.nhsuk-header__navigation a[href="/reports"], a[href="/reports"]')]);
      const reports = await page.$$eval('#report-list a', (as) => as.map((a) => a.textContent?.trim()));
      expect(reports).toEqual(['My activity', 'Programme/course summary', 'Activity records (summarised)']);
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#report-list a[href="/reports/my-activity"]')]);
      expect(await rowsOf(page)).toHaveLength(4);
      await shoot(page, 'my-activity');
      await page.type('#from', '2026-05-01');
      await page.type('#to', '2026-01-01');
      await page.type('#programme', 'prog-nope');
      await submit(page);
      const errors = await page.$$eval('.nhsuk-error-summary a', (as) => as.map((a) => a.getAttribute('href')));
      expect(errors.sort()).toEqual(['#from', '#programme', '#to']);
      expect(await page.$('#rows')).toBeNull();
      await shoot(page, 'my-activity-errors');
      await page.goto(`${url}/reports/my-activity?programme=prog-safeguarding&order=title&direction=asc`, { waitUntil: 'networkidle0' });
      const rows = await rowsOf(page);
      expect(rows.map((r) => r[0])).toEqual(['Safeguarding', 'Safeguarding', 'Safeguarding']);
      const csv = await download(page, '#download-csv');
      expect(csv.type).toBe('text/csv; charset=utf-8');
      const parsed = parseCsvReport(csv.bytes, 'Programme');
      expect(parsed.rows.map((r) => r[2])).toEqual(rows.map((r) => r[2]));
      const pdf = await download(page, '#download-pdf');
      expect(pdf.type).toBe('application/pdf');
      const text = flattenText(pdfText(pdf.bytes).join(' '));
      for (const r of rows) expect(text).toContain(r[2]);
      expect(text).toContain('Programmes: prog-safeguarding');
    });
    expect(violations).toEqual([]);
  });

  it('a learner shows a tutor a course summary and reads the summarised record with its retired course', async () => {
    const { page } = await signedIn('learner-asha');
    await withScreenshot(page, 'summary', async () => {
      await page.goto(`${url}/reports/programme-summary`, { waitUntil: 'networkidle0' });
      await page.select('#kind', 'course');
      await page.type('#id', 'safeguarding-adults-l1');
      await submit(page);
      expect(await page.$eval('#summary-certificate', (dd) => dd.getAttribute('data-certificate'))).toBe('available');
      const statuses = await page.$$eval('.summary-sessions tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-status')));
      expect(statuses).toEqual(['completed', 'passed']);
      await shoot(page, 'programme-summary');
      const pdf = await download(page, '#download-pdf');
      expect(flattenText(pdfText(pdf.bytes).join(' '))).toContain('Safeguarding Adults: Assessment');
      await page.goto(`${url}/reports/activity-summarised`, { waitUntil: 'networkidle0' });
      expect(await page.$$eval('table.summarised tr[data-container="safeguarding-adults-2019"]', (trs) => trs.map((tr) => tr.textContent ?? ''))).toEqual([expect.stringContaining('(retired)')]);
      await shoot(page, 'activity-summarised');
    });
  });

  it("a runner runs Organisation staff activity for RJ1: counts at the top, filtered by job role, CSV and PDF; another organisation is refused on the page", async () => {
    const { page } = await signedIn('runner-raj');
    await withScreenshot(page, 'organisation', async () => {
      await page.goto(`${url}/reports`, { waitUntil: 'networkidle0' });
      const reports = await page.$$eval('#report-list a', (as) => as.map((a) => a.textContent?.trim()));
      expect(reports).toEqual(expect.arrayContaining(['Organisation staff activity', 'Anonymised usage and outcomes']));
      await page.goto(`${url}/reports/organisation-staff-activity`, { waitUntil: 'networkidle0' });
      expect(await page.$eval('#count-learners', (el) => el.textContent)).toBe('3');
      await shoot(page, 'organisation-staff-activity');
      await page.type('#jobRole', 'Healthcare Assistant');
      await submit(page);
      expect([...new Set((await rowsOf(page)).map((r) => r[0]))]).toEqual(['Ben Okafor learner-ben']);
      const csv = parseCsvReport((await download(page, '#download-csv')).bytes, 'Learner');
      expect(new Set(csv.rows.map((r) => r[0]))).toEqual(new Set(['learner-ben']));
      const pdf = flattenText(pdfText((await download(page, '#download-pdf')).bytes).join(' '));
      expect(pdf).toContain('Ben Okafor');
      expect(pdf).not.toContain('Asha Patel');
      const refused = await page.goto(`${url}/reports/organisation-staff-activity?odsCode=RX9`, { waitUntil: 'networkidle0' });
      expect(refused?.status()).toBe(403);
      expect(await page.$$eval('.nhsuk-error-summary a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(['#odsCode']);
      await shoot(page, 'organisation-refused');
    });
  });

  it('an admin runs the anonymised report: charts drawn under the CSP, small counts hidden, CSV and PDF', async () => {
    const { page, violations } = await signedIn('admin-hana');
    await withScreenshot(page, 'anonymised', async () => {
      await page.goto(`${url}/reports/anonymised-usage?programme=prog-safeguarding`, { waitUntil: 'networkidle0' });
      const drawn = await page.$$eval('canvas[data-chart]', (canvases) => canvases.map((c) => (c as unknown as { toDataURL(): string }).toDataURL().length));
      expect(drawn).toHaveLength(2);
      for (const size of drawn) expect(size).toBeGreaterThan(5_000);
      // A chart with no bar (every count hidden or 0) carries a sentence saying so; one with a bar does not.
      for (const [id, dataId] of await page.$$eval('canvas[data-chart]', (canvases) => canvases.map((c) => [c.id, c.getAttribute('data-chart') ?? '']))) {
        const spec = JSON.parse(await page.$eval(`#${dataId}`, (script) => script.textContent ?? '')) as { datasets: Array<{ data: Array<number | null> }> };
        const hasBar = spec.datasets.some((d) => d.data.some((v) => (v ?? 0) > 0));
        expect((await page.$(`[data-chart-note="${id}"]`)) !== null).toBe(!hasBar);
      }
      const cells = await page.$$eval('#rows td[data-measure="accessed"]', (tds) => tds.map((td) => td.textContent?.trim() ?? ''));
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expect(cell).toMatch(/^(\*|0|\d*[05])$/);
      await shoot(page, 'anonymised-usage');
      const csv = parseCsvReport((await download(page, '#download-csv')).bytes, 'Programme, course or session');
      expect(csv.rows.length).toBe(cells.length);
      const pdf = await download(page, '#download-pdf');
      expect(pdf.type).toBe('application/pdf');
    });
    expect(violations).toEqual([]);
  });
});
