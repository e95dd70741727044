import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { bearer, REPORTING_AUDIENCE, testPersonToken } from '@ledger/test-harness';

/** Calls a report's API as a demo person, with a real token for reporting. */
export async function getReport(reportingUrl: string, viewer: string, path: string): Promise<Response> {
  return fetch(`${reportingUrl}/v1/reports/${path}`, { headers: bearer(await testPersonToken(viewer, REPORTING_AUDIENCE)) });
}

export async function reportJson<T = Record<string, unknown>>(reportingUrl: string, viewer: string, path: string): Promise<T> {
  const response = await getReport(reportingUrl, viewer, path);
  if (response.status !== 200) throw new Error(`${path} as ${viewer}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A CSV report parsed back with csv-parse: the header block (label → value) and the data rows below the column headings. */
export function parseCsvReport(bytes: Buffer, firstColumn: string): { header: Map<string, string>; columns: string[]; rows: string[][]; end: string[] } {
  const records = parse(bytes, { bom: true, relax_column_count: true }) as string[][];
  const headingAt = records.findIndex((r) => r[0] === firstColumn);
  if (headingAt < 0) throw new Error(`no column heading ${firstColumn} in the CSV`);
  const header = new Map(records.slice(0, headingAt).filter((r) => r.length >= 2).map((r) => [r[0], r[1]] as [string, string]));
  const body = records.slice(headingAt + 1);
  const endAt = body.findIndex((r) => r[0] === 'End of report');
  const rows = body.slice(0, endAt).filter((r) => !(r.length === 1 && r[0] === ''));
  return { header, columns: records[headingAt], rows, end: body[endAt] ?? [] };
}

/** The text of a PDF, one string per page, with poppler's pdftotext (in reading order; table cells may wrap, so compare with flattenText). */
export function pdfText(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text with every run of white space made one space: a cell wrapped over two lines reads as one. */
export function flattenText(text: string): string {
  return text.replace(/\s+/g, ' ');
}
