import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadReportingConfig } from '../config';
import { PdfRenderer } from './pdf-renderer';

/** Text of a PDF, page by page, with poppler's pdftotext (installed by infra/provision.sh). */
function pdfPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-test-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the PDF renderer (puppeteer-core on Debian Chromium)', () => {
  const config = loadReportingConfig({ SESSION_SECRET: 'x'.repeat(32), REPORTING_CLIENT_SECRET: 's', REPORT_PDF_PAGES: '1' });
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  const renderer = new PdfRenderer(config, logger);
  afterAll(() => renderer.onApplicationShutdown());

  const run = { reportName: 'My activity', ranBy: 'Asha Patel (learner-asha)', ranAt: '01/04/2026 00:30', dataCompleteTo: '01/04/2026 00:29' };
  const rows = Array.from({ length: 150 }, (_, i) => `<tr><td>Session ${i + 1}</td><td>completed</td></tr>`).join('');
  const html = `<!doctype html><html><head><link rel="stylesheet" href="/nhsuk/nhsuk-frontend.min.css"><link rel="stylesheet" href="/report-assets/report.css"></head>
    <body><h1 class="nhsuk-heading-l">My activity</h1><img src="https://example.com/tracker.png" alt=""><table class="nhsuk-table"><tbody>${rows}</tbody></table></body></html>`;

  it('renders A4 pages with the report name, who ran it and when in the header, and data complete to and page x of y in the footer', async () => {
    const pdf = await renderer.render(html, run);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page).toContain('My activity');
      expect(page).toContain('Run by Asha Patel (learner-asha) on 01/04/2026 00:30');
      expect(page).toContain('Data complete to 01/04/2026 00:29');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    expect(pages.join('\n')).toContain('Session 150');
    const size = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' }).match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
    // A4 is 595.3 × 841.9 pt; Chromium rounds the page to whole pixels.
    expect(Math.abs(Number(size?.[1]) - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(Number(size?.[2]) - 841.9)).toBeLessThan(1.5);
  });

  it('shares one browser and a bounded pool of pages between concurrent PDFs', async () => {
    const pdfs = await Promise.all([1, 2, 3].map((n) => renderer.render(html.replace('My activity</h1>', `Report ${n}</h1>`), { ...run, reportName: `Report ${n}` })));
    pdfs.forEach((pdf, i) => expect(pdfPages(pdf)[0]).toContain(`Report ${i + 1}`));
    expect(lines.filter((line) => line.includes('PDF browser started'))).toHaveLength(1);
  });
});
