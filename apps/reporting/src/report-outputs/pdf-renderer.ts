import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createPool, Pool } from 'generic-pool';
import type { Logger } from 'pino';
import puppeteer, { Browser, HTTPRequest, Page } from 'puppeteer-core';
import type { ReportingConfig } from '../config';
import { APP_LOGGER, REPORTING_CONFIG } from '../tokens';
import { assetFileFor } from './asset-files';
import { pdfFooter, pdfHeader, PdfMargins, PdfRunDetails } from './pdf-templates';

/** The origin report pages are loaded from inside the renderer; nothing there is on the network. */
const PAGE_ORIGIN = 'http://report.invalid';
/** Same flags as the test harness's browser kit: nothing in the background, no GPU. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CONTENT_TYPES: Record<string, string> = { '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };
/** How long a page may take to load its assets and draw its charts before the PDF is given up. */
const RENDER_TIMEOUT_MS = 60_000;

/**
 * Renders report pages to PDF with puppeteer-core on Debian's Chromium: one browser, started at the
 * first PDF, and a bounded pool of its pages (REPORT_PDF_PAGES), reused from one PDF to the next. A
 * page loads the same HTML the screen shows from an origin that exists only inside the renderer: the
 * page's own assets are served from disk and every other request is refused, so a PDF never reaches
 * the network. The print stylesheet hides what only the screen needs (menu, filters form, links).
 */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private browser?: Promise<{ browser: Browser; profile: string }>;
  private pool?: Pool<Page>;
  private readonly pending = new WeakMap<Page, string>();

  constructor(
    @Inject(REPORTING_CONFIG) private readonly config: ReportingConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  /** A4 PDF of `html`, with the report's name, who ran it and when in the header, and "data complete to" and "page x of y" in the footer. */
  async render(html: string, run: PdfRunDetails): Promise<Buffer> {
    const pool = this.pagePool();
    const page = await pool.acquire();
    let healthy = true;
    try {
      this.pending.set(page, html);
      await page.goto(`${PAGE_ORIGIN}/report`, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
      // Charts draw after load; the chart script sets this when it is done (pages without charts never clear it).
      await page.waitForFunction('document.documentElement.dataset.chartsPending !== "true"', { timeout: RENDER_TIMEOUT_MS });
      const margin = PdfMargins;
      const pdf = await page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate: pdfHeader(run), footerTemplate: pdfFooter(run), margin, timeout: RENDER_TIMEOUT_MS });
      return Buffer.from(pdf);
    } catch (error) {
      healthy = false;
      throw error;
    } finally {
      this.pending.delete(page);
      await (healthy ? pool.release(page) : pool.destroy(page)).catch(() => undefined);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const pool = this.pool;
    const browser = this.browser;
    this.pool = undefined;
    this.browser = undefined;
    if (pool) await pool.drain().then(() => pool.clear());
    if (browser) {
      await browser.then(
        async ({ browser: b, profile }) => {
          b.removeAllListeners('disconnected');
          await b.close();
          rmSync(profile, { recursive: true, force: true });
        },
        () => undefined,
      );
    }
  }

  private pagePool(): Pool<Page> {
    this.pool ??= createPool<Page>(
      {
        create: async () => this.newPage(),
        destroy: async (page) => page.close().catch(() => undefined),
        validate: async (page) => !page.isClosed() && page.browser().connected,
      },
      { max: this.config.reports.pdfPages, min: 0, testOnBorrow: true, acquireTimeoutMillis: RENDER_TIMEOUT_MS },
    );
    return this.pool;
  }

  private async newPage(): Promise<Page> {
    const { browser } = await this.launched();
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(true);
    await page.setRequestInterception(true);
    page.on('request', (request) => void this.answer(page, request));
    return page;
  }

  /** The page's HTML and assets from memory and disk; anything else is refused. */
  private async answer(page: Page, request: HTTPRequest): Promise<void> {
    const url = new URL(request.url());
    if (url.origin !== PAGE_ORIGIN) return request.abort('blockedbyclient');
    if (url.pathname === '/report') {
      return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: this.pending.get(page) ?? '' });
    }
    const file = assetFileFor(url.pathname);
    if (!file) return request.respond({ status: 404, body: '' });
    return request.respond({ status: 200, contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  }

  private launched(): Promise<{ browser: Browser; profile: string }> {
    this.browser ??= (async () => {
      const profile = mkdtempSync(join(tmpdir(), 'ledger-pdf-'));
      const browser = await puppeteer.launch({ executablePath: this.config.reports.chromiumPath, headless: true, userDataDir: profile, args: CHROMIUM_ARGS });
      browser.on('disconnected', () => {
        // A crashed browser is started again at the next PDF; its pages fail validation and are replaced.
        this.logger.warn('PDF browser disconnected');
        this.browser = undefined;
        rmSync(profile, { recursive: true, force: true });
      });
      this.logger.info({ chromium: this.config.reports.chromiumPath, pages: this.config.reports.pdfPages }, 'PDF browser started');
      return { browser, profile };
    })().catch((error: Error) => {
      this.browser = undefined;
      throw error;
    });
    return this.browser;
  }
}
