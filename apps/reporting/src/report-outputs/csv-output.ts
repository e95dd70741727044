import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';

/** One cell of a CSV report: text, a number, or nothing. */
export type CsvCell = string | number | null;

/** What the header block of every CSV report names, above its column headings. */
export interface CsvHeader {
  reportName: string;
  /** Each filter as label and value, in the order the form shows them. */
  filters: ReadonlyArray<readonly [string, string]>;
  dataCompleteTo: string;
  /** The ledger cut an as-of run was computed at (instant and offsets); null for the live read models. */
  ledgerCut: string | null;
  ranBy: string;
  ranAt: string;
  columns: readonly string[];
}

/**
 * A spreadsheet treats a cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return, which
 * some read past) as a formula; a leading apostrophe makes it text (OWASP's advice for CSV injection).
 * Numbers stay numbers: a negative number is data, not a formula.
 */
export function neutraliseCell(cell: CsvCell): CsvCell {
  if (typeof cell !== 'string') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** The rows of the header block, the column headings, then the data rows: everything the file holds, in order. */
export async function* csvRecords(header: CsvHeader, rows: AsyncIterable<readonly CsvCell[]>): AsyncGenerator<CsvCell[]> {
  yield ['Report', header.reportName];
  for (const [label, value] of header.filters) yield [`Filter: ${label}`, value];
  yield ['Data complete to', header.dataCompleteTo];
  if (header.ledgerCut !== null) yield ['Ledger cut', header.ledgerCut];
  yield ['Run by', header.ranBy];
  yield ['Run at', header.ranAt];
  yield [];
  yield [...header.columns];
  let count = 0;
  for await (const row of rows) {
    count += 1;
    yield row.map(neutraliseCell);
  }
  // A file cut short (the connection or the store failed mid-way) lacks this line, so it can be told apart.
  yield [];
  yield ['End of report', count];
}

/**
 * Streams a CSV report to the reply as it is read: RFC 4180 (CRLF line ends, fields quoted when they
 * hold a comma, quote or line break), UTF-8 with a byte-order mark so Excel reads it as UTF-8. Rows
 * come from an async iterable (a cursor), and the stream's back-pressure paces the reading, so the
 * whole report is never in memory.
 */
export function sendCsv(reply: FastifyReply, fileName: string, header: CsvHeader, rows: AsyncIterable<readonly CsvCell[]>, onError: (error: Error) => void): FastifyReply {
  const csv = stringify({ bom: true, record_delimiter: '\r\n', cast: { number: (value) => String(value) } });
  pipeline(Readable.from(csvRecords(header, rows)), csv, (error) => {
    if (error) onError(error);
  });
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName.replace(/[^\w.-]+/g, '-')}"`)
    .header('cache-control', 'no-store')
    .send(csv);
}
