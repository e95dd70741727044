import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { ANONYMISED_CELLS_COLLECTION } from '@ledger/read-store';
import { bearer, eventually, testClientToken } from '@ledger/test-harness';
import { AccessScenario, startAccessScenario } from './support/access-scenario';
import { flattenText, getReport, parseCsvReport, pdfText, reportJson } from './support/report-client';

type Shown = number | '*';
interface UsageRow {
  scope: string;
  scopeId: string;
  odsCode: string;
  period: string;
  learners: Record<'accessed' | 'completed' | 'assessed' | 'passed' | 'scored', Shown>;
  timeSpentHours: number | '*';
}

const NEWCOMERS = Array.from({ length: 12 }, (_, i) => `anon-learner-${i + 1}`);
const INTRO = 'safeguarding-adults-l1-s1';

/**
 * The anonymised report over HTTP with the demo data plus twelve more RJ1 staff (appended through
 * ingest as an HR feed and a player would): distinct learners by session, course and programme ×
 * organisation × month, suppression of a small organisation, no person anywhere in any output, the
 * charts in the PDF, and bad input.
 */
describe('anonymised usage and outcomes, over HTTP', () => {
  let scenario: AccessScenario;
  beforeAll(async () => {
    scenario = await startAccessScenario();
    const now = Date.now();
    const event = (type: string, subject: string, data: object, minutesAgo: number) => ({ eventId: randomUUID(), type, version: 1, occurredAt: new Date(now - minutesAgo * 60_000).toISOString(), subject, actor: subject, data });
    const people = NEWCOMERS.map((id) => event('EmploymentLocationSet', id, { odsCode: 'RJ1', jobRole: 'Staff Nurse' }, 30));
    // Each accesses the introduction twice (one learner, however many accesses) and half complete it.
    const activity = NEWCOMERS.flatMap((id, i) => [
      event('SessionAccessed', id, { sessionId: INTRO, attemptId: `${id}-1`, timeSpentSeconds: 600 }, 20),
      event('SessionAccessed', id, { sessionId: INTRO, attemptId: `${id}-1`, timeSpentSeconds: 300 }, 15),
      ...(i % 2 === 0 ? [event('SessionCompleted', id, { sessionId: INTRO, attemptId: `${id}-1` }, 10)] : []),
    ]);
    const post = async (clientId: string, events: object[]) =>
      fetch(`${scenario.ingestUrl}/v1/events`, { method: 'POST', headers: { ...bearer(await testClientToken(clientId)), 'content-type': 'application/json' }, body: JSON.stringify({ events }) });
    expect((await post('hr-feed', people)).status).toBe(202);
    expect((await post('demo-player', activity)).status).toBe(202);
    await eventually(async () => {
      const shards = await scenario.store.db.collection(ANONYMISED_CELLS_COLLECTION).find({ scopeOrganisationMonths: `session:${INTRO}|RJ1` }).toArray();
      const accessed = shards.filter((s) => s.month === month()).reduce((sum, s) => sum + (s.learners?.month?.accessed ?? 0), 0);
      return accessed >= 16 ? true : undefined;
    });
  });
  afterAll(async () => scenario?.close());
  const url = () => scenario.reportingUrl;
  const month = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

  it('counts distinct learners, rounds to 5, and suppresses a small organisation (and what would give it away)', async () => {
    const report = await reportJson<{ rows: UsageRow[] }>(url(), 'admin-hana', 'anonymised-usage?programme=prog-safeguarding&pageSize=500');
    const intro = (ods: string) => report.rows.find((r) => r.scope === 'session' && r.scopeId === INTRO && r.odsCode === ods && r.period === month());
    // The projected distinct counts: RJ1 at the time of access is Asha, Ben, Dev, Finn and the twelve
    // newcomers, each once however many accesses (16); Erin had moved to RX9 (1); 17 in all.
    const stored = async (ods: string) => {
      const shards = await scenario.store.db.collection(ANONYMISED_CELLS_COLLECTION).find({ scopeOrganisationMonths: `session:${INTRO}|${ods}` }).toArray();
      return shards.filter((s) => s.month === month()).reduce((sum, s) => sum + s.learners.month.accessed, 0);
    };
    expect([await stored('RJ1'), await stored('RX9'), await stored('ALL')]).toEqual([16, 1, 17]);
    // Published: Erin alone at RX9 is suppressed, with her time; one of RJ1 (16 → 15) and all (17 → 15)
    // is suppressed too, or RX9 would be all minus RJ1.
    expect(intro('RX9')).toMatchObject({ learners: { accessed: '*' }, timeSpentHours: '*' });
    const line = [intro('RJ1')!.learners.accessed, intro('RX9')!.learners.accessed, intro('ALL')!.learners.accessed];
    expect(line.filter((v) => v === '*')).toHaveLength(2);
    expect(line.filter((v) => v !== '*')).toEqual([15]);
    for (const row of report.rows) for (const v of Object.values(row.learners)) if (v !== '*') expect(v % 5).toBe(0);
    // The course counts each learner once across its two sessions.
    const course = await scenario.store.db.collection(ANONYMISED_CELLS_COLLECTION).find({ scopeOrganisationMonths: 'course:safeguarding-adults-l1|RJ1' }).toArray();
    expect(course.filter((s) => s.month === month()).reduce((sum, s) => sum + s.learners.month.accessed, 0)).toBe(16);
  });

  it('names no person in any output; the CSV carries the same published numbers; the PDF carries the table and its charts', async () => {
    const json = await (await getReport(url(), 'admin-hana', 'anonymised-usage?programme=prog-safeguarding&pageSize=500')).text();
    const csvBytes = Buffer.from(await (await getReport(url(), 'admin-hana', 'anonymised-usage/csv?programme=prog-safeguarding')).arrayBuffer());
    const pdf = Buffer.from(await (await getReport(url(), 'admin-hana', 'anonymised-usage/pdf?programme=prog-safeguarding')).arrayBuffer());
    const pdfWords = flattenText(pdfText(pdf).join(' '));
    for (const output of [json, csvBytes.toString('utf8'), pdfWords]) {
      for (const person of ['learner-', 'anon-learner', 'Patel', 'Okafor', 'Walsh', 'trainee-finn']) expect(output).not.toContain(person);
    }
    const rows = (JSON.parse(json) as { rows: UsageRow[] }).rows;
    const csv = parseCsvReport(csvBytes, 'Programme, course or session');
    expect(csv.rows.map((r) => [r[2], r[3], r[4], r[5]])).toEqual(
      rows.map((r) => [r.odsCode === 'ALL' ? 'All organisations' : r.odsCode === 'unknown' ? 'No workplace stated' : r.odsCode, r.period, String(r.learners.accessed), String(r.learners.completed)]),
    );
    expect(csv.header.get('Filter: Suppression')).toContain('counts 1–7 shown as *');
    expect(pdfWords).toContain('Anonymised usage and outcomes');
    expect(pdfWords).toContain('Safeguarding Adults: Introduction');
    // The charts are drawn on canvases in the page, and printed as images into the PDF.
    const images = execFileSync('pdfimages', ['-list', '-'], { input: pdf, encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.length).toBeGreaterThanOrEqual(2);
  });

  it('names every bad filter, and is not available to a learner', async () => {
    const bad = await getReport(url(), 'admin-hana', 'anonymised-usage?periodKind=week&from=2026-05-01&to=2026-01-01&programme=prog-nope&pageSize=0');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { details: Array<{ field: string }> }).details.map((d) => d.field).sort()).toEqual(['from', 'pageSize', 'periodKind', 'programme', 'to']);
    expect((await getReport(url(), 'learner-asha', 'anonymised-usage')).status).toBe(403);
    expect((await getReport(url(), 'runner-raj', 'anonymised-usage?periodKind=quarter')).status).toBe(200);
  });
});
