import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type { FastifyReply } from 'fastify';
import { CsvCell, CsvHeader, neutraliseCell, sendCsv } from './csv-output';

/** A reply that collects what is sent, as Fastify would stream it. */
function collectingReply(): { reply: FastifyReply; body: Promise<Buffer>; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  let resolveBody: (body: Buffer) => void = () => undefined;
  const body = new Promise<Buffer>((resolve) => (resolveBody = resolve));
  const reply = {
    type: (value: string) => ((headers['content-type'] = value), reply),
    header: (name: string, value: string) => ((headers[name] = value), reply),
    send: (stream: NodeJS.ReadableStream) => {
      const chunks: Buffer[] = [];
      stream.pipe(new PassThrough()).on('data', (c: Buffer) => chunks.push(Buffer.from(c))).on('end', () => resolveBody(Buffer.concat(chunks)));
      return reply;
    },
  } as unknown as FastifyReply;
  return { reply, body, headers };
}

async function* rowsOf(rows: CsvCell[][]): AsyncGenerator<CsvCell[]> {
  for (const row of rows) yield row;
}

const header: CsvHeader = {
  reportName: 'My activity',
  filters: [['Programmes', 'Safeguarding, "IPC"'], ['From', '01/04/2026']],
  dataCompleteTo: '01/04/2026 09:30',
  ledgerCut: null,
  ranBy: 'Asha Patel (learner-asha)',
  ranAt: '01/04/2026 09:31',
  columns: ['Session', 'Note', 'Minutes'],
};

describe('CSV reports', () => {
  it('neutralises cells a spreadsheet would run as formulas, and leaves numbers and plain text alone', () => {
    expect(['=SUM(A1)', '+1', '-2', '@cmd', '\tx', 'plain', 'a=b'].map(neutraliseCell)).toEqual(["'=SUM(A1)", "'+1", "'-2", "'@cmd", "'\tx", 'plain', 'a=b']);
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(null)).toBeNull();
  });

  it('writes UTF-8 with a BOM, CRLF lines, a header block naming the report and its filters, and reads back the same rows', async () => {
    const { reply, body, headers } = collectingReply();
    const rows: CsvCell[][] = [
      ['Hand hygiene, part 1', '=HYPERLINK("http://x")', 12],
      ['Ünïcødé “quotes”', 'line\nbreak', 0],
      ['Nothing', null, -3],
    ];
    sendCsv(reply, 'my activity.csv', header, rowsOf(rows), (error) => { throw error; });
    const bytes = await body;
    expect(headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(headers['content-disposition']).toBe('attachment; filename="my-activity.csv"');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\r(?!\n)|(?<!\r)\n(?!break)/);
    const records = parse(bytes, { bom: true, relax_column_count: true }) as string[][];
    expect(records.slice(0, 5)).toEqual([
      ['Report', 'My activity'],
      ['Filter: Programmes', 'Safeguarding, "IPC"'],
      ['Filter: From', '01/04/2026'],
      ['Data complete to', '01/04/2026 09:30'],
      ['Run by', 'Asha Patel (learner-asha)'],
    ]);
    const headingAt = records.findIndex((r) => r[0] === 'Session');
    expect(records.slice(headingAt + 1, headingAt + 4)).toEqual([
      ['Hand hygiene, part 1', `'=HYPERLINK("http://x")`, '12'],
      ['Ünïcødé “quotes”', 'line\nbreak', '0'],
      ['Nothing', '', '-3'],
    ]);
    expect(records.at(-1)).toEqual(['End of report', '3']);
  });

  it('states the ledger cut of a report as of a past moment under "Data complete to"', async () => {
    const { reply, body } = collectingReply();
    sendCsv(reply, 'x.csv', { ...header, ledgerCut: '2026-04-01T08:30:00.000Z; ledger p0≤41 p1≤-1' }, rowsOf([]), (error) => { throw error; });
    const records = parse(await body, { bom: true, relax_column_count: true }) as string[][];
    expect(records.slice(3, 6)).toEqual([
      ['Data complete to', '01/04/2026 09:30'],
      ['Ledger cut', '2026-04-01T08:30:00.000Z; ledger p0≤41 p1≤-1'],
      ['Run by', 'Asha Patel (learner-asha)'],
    ]);
  });

  it('reads rows only as fast as they are written (a cursor is never drained into memory)', async () => {
    let produced = 0;
    async function* many(): AsyncGenerator<CsvCell[]> {
      for (let i = 0; i < 100_000; i += 1) {
        produced += 1;
        yield [`row ${i}`, 'x'.repeat(100), i];
      }
    }
    const headers: Record<string, string> = {};
    let stream: NodeJS.ReadableStream | undefined;
    const reply = { type: () => reply, header: (n: string, v: string) => ((headers[n] = v), reply), send: (s: NodeJS.ReadableStream) => ((stream = s), reply) } as unknown as FastifyReply;
    sendCsv(reply, 'x.csv', header, many(), () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Nobody reads the stream: production stops once its buffers are full, far short of the end.
    expect(produced).toBeLessThan(5_000);
    let bytes = 0;
    await new Promise<void>((resolve) => stream!.on('data', (c: Buffer) => (bytes += c.length)).on('end', () => resolve()));
    expect(produced).toBe(100_000);
    expect(bytes).toBeGreaterThan(100_000 * 100);
  });
});
