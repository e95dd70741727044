import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { Browser, Page } from 'puppeteer-core';
import { localPassword } from '../oidc/local-credentials';

/** Debian's Chromium; puppeteer never downloads one (.puppeteerrc.cjs). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Failing tests' screenshots are kept here (git-ignored) for whoever looks at the failure. */
export const BROWSER_ARTEFACTS_DIR = resolve(__dirname, '../../../../.infra/browser-artefacts');

export interface TestBrowser {
  browser: Browser;
  /** A new page in its own incognito context: no cookies shared with other pages. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, nothing in the background, for tests and for looking at pages. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'ledger-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    newPage: async () => (await browser.createBrowserContext()).newPage(),
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Signs in as a demo person the way a person does: the shell's "Sign in" sends the browser to the
 * provider's own login page, where the username and password are typed and submitted; the browser
 * comes back signed in. Resolves on the page the shell shows after sign-in.
 */
export async function signInAs(page: Page, reportingUrl: string, username: string, returnTo = '/'): Promise<void> {
  await page.goto(`${reportingUrl}/sign-in?returnTo=${encodeURIComponent(returnTo)}`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#username');
  await page.type('#username', username);
  await page.type('#password', localPassword(username));
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#sign-in')]);
  if (!page.url().startsWith(reportingUrl)) throw new Error(`signing in as ${username} ended at ${page.url()}`);
}

/**
 * Runs `check` on `page` and takes a screenshot at its end (in a scratch folder); a failing check's
 * screenshot is kept under .infra/browser-artefacts/ and its path added to the error.
 */
export async function withScreenshot<T>(page: Page, name: string, check: () => Promise<T>): Promise<T> {
  const scratch = mkdtempSync(join(tmpdir(), 'ledger-shot-'));
  const shot = join(scratch, `${name.replace(/[^\w-]+/g, '_')}.png`);
  try {
    const result = await check();
    await page.screenshot({ path: shot, fullPage: true });
    return result;
  } catch (error) {
    mkdirSync(BROWSER_ARTEFACTS_DIR, { recursive: true });
    const kept = join(BROWSER_ARTEFACTS_DIR, `${new Date().toISOString().replace(/[:.]/g, '-')}-${name.replace(/[^\w-]+/g, '_')}.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    try {
      copyFileSync(shot, kept);
      (error as Error).message += `\n(screenshot: ${kept})`;
    } catch {
      // no screenshot could be taken; the error stands on its own
    }
    throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Saves a screenshot where asked (for looking at pages by hand). */
export async function screenshotTo(page: Page, path: string): Promise<void> {
  await page.screenshot({ path, fullPage: true });
}
