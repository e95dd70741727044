import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import {
  clientAccessToken,
  LOCAL_CLIENTS_FILE,
  LOCAL_HUB_ADMINS,
  localClientSecret,
  localPassword,
  personAccessToken,
  REPORTING_AUDIENCE,
  RunningStack,
  startTestIdentity,
  stopTestIdentity,
} from '@ledger/test-harness';
import { benchAppEnv, startBenchApp } from './bench-apps';
import { percentiles, printTable, runConcurrently } from './bench-kit';

const ROOT = resolve(__dirname, '..');

export interface CertificatesBenchOptions {
  /** Downloads one after another, after the warm-up: their latencies give p50 and p99. */
  sequential: number;
  /** Downloads by `clients` concurrent clients: certificates per second through the page pool. */
  concurrent: number;
  clients: number;
  /** Browser pages in the PDF pool (REPORT_PDF_PAGES). */
  pdfPages: number;
}

/**
 * Certificate downloads through the real apps, each its own process started from the build like
 * production (identity, ingest, projector, reporting): a learner with a complete course (two
 * sessions, so the PDF has the summary page) downloads it over and over with a real token. Every
 * download is the whole path: read the record, compose and hash the facts, render page 1 and the
 * summary with the page pool, append CertificateIssued through ingest (acknowledged by Kafka), return
 * the PDF. Reported: p50/p99 of warm sequential downloads (target p50 ≤ 300 ms) and certificates/s.
 */
export async function benchCertificates(stack: RunningStack, options: CertificatesBenchOptions): Promise<{ p50: number; p99: number; perSecond: number }> {
  const issuer = await startTestIdentity(ROOT);
  const env: Record<string, string> = {
    ...benchAppEnv(stack, 'certificates'),
    OIDC_ISSUER: issuer,
    INGEST_CLIENTS_FILE: LOCAL_CLIENTS_FILE,
    HUB_ADMINS: LOCAL_HUB_ADMINS.join(','),
    REPORTING_CLIENT_SECRET: localClientSecret('reporting'),
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    REPORTING_RATE_LIMIT_PER_MINUTE: '1000000',
    REPORT_PDF_PAGES: String(options.pdfPages),
  };
  const ingest = await startBenchApp('certificates', 'ingest', env);
  const apps = [ingest.process, (await startBenchApp('certificates', 'projector', env)).process];
  const reporting = await startBenchApp('certificates', 'reporting', { ...env, INGEST_URL: ingest.url });
  apps.push(reporting.process);
  const [ingestUrl, reportingUrl] = [ingest.url, reporting.url];
  try {
    await loadCourse(ingestUrl, issuer);
    const token = await personAccessToken(issuer, 'learner-asha', localPassword('learner-asha'), REPORTING_AUDIENCE);
    const steps = new Map<string, number[]>();
    const download = async () => {
      const started = performance.now();
      const response = await fetch(`${reportingUrl}/v1/learners/learner-asha/certificates/course/bench-course`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      const pdf = await response.arrayBuffer();
      if (response.status !== 200 || pdf.byteLength < 1000) throw new Error(`download answered ${response.status}`);
      // Where the time went, as reporting measured it (Server-Timing: compose, page, pdf, record).
      for (const [, step, ms] of (response.headers.get('server-timing') ?? '').matchAll(/(\w+);dur=([\d.]+)/g)) steps.set(step, [...(steps.get(step) ?? []), Number(ms)]);
      return performance.now() - started;
    };
    await waitUntilAvailable(reportingUrl, token);
    for (let i = 0; i < 5; i += 1) await download(); // warm-up: the browser, the pool's pages, the token, the store's caches
    steps.clear();
    const latencies: number[] = [];
    for (let i = 0; i < options.sequential; i += 1) latencies.push(await download());
    const { p50, p99 } = percentiles(latencies);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const breakdown = [...steps].map(([step, values]) => `${step} ${median(values).toFixed(0)}`).join(', ');
    const ms = await runConcurrently(options.clients, options.concurrent, async () => void (await download()));
    const perSecond = (options.concurrent / ms) * 1000;
    printTable(`certificates: course of 2 sessions (PDF of 2 pages), ${options.pdfPages} pooled pages, everything on this machine`, [
      [`warm, one at a time (${options.sequential})`, `p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms (target p50 ≤ 300 ms)`],
      ['  of which, median ms per step', breakdown],
      [`${options.clients} concurrent clients (${options.concurrent})`, `${perSecond.toFixed(1)} certificates/s`],
    ]);
    return { p50, p99, perSecond };
  } finally {
    for (const app of apps.reverse()) await app.stop();
    await stopTestIdentity();
  }
}

/** A course of two sessions (one needing a pass), its learner registered, both sessions done: through ingest with real client tokens. */
async function loadCourse(ingestUrl: string, issuer: string): Promise<void> {
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const event = (type: string, subject: string, data: object, minutesAgo: number) => ({ eventId: randomUUID(), type, version: type === 'LearnerRegistered' ? 2 : 1, occurredAt: at(minutesAgo), subject, actor: subject, data });
  const post = async (client: string, events: object[]) => {
    const token = await clientAccessToken(issuer, client, localClientSecret(client));
    const response = await fetch(`${ingestUrl}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ events }) });
    if (response.status !== 202) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
  };
  const session = (sessionId: string, title: string, requiresPass: boolean) => event('SessionDefined', sessionId, { sessionId, title, parentType: 'course', parentId: 'bench-course', requiresPass }, 600);
  await post('catalogue-tool', [
    event('ProgrammeDefined', 'bench-programme', { programmeId: 'bench-programme', title: 'Bench Programme', issuesCertificate: true, omitsSummaryFromCertificate: false }, 600),
    event('CourseDefined', 'bench-course', { courseId: 'bench-course', programmeId: 'bench-programme', title: 'Hand Hygiene', sessionIds: ['bench-s1', 'bench-s2'], issuesCertificate: true, omitsSummaryFromCertificate: false, statusPolicy: 'latest' }, 600),
    session('bench-s1', 'Hand Hygiene: Reading', false),
    session('bench-s2', 'Hand Hygiene: Assessment', true),
  ]);
  await post('hr-feed', [event('LearnerRegistered', 'learner-asha', { givenName: 'Asha', familyName: 'Patel', email: 'asha.patel@nhs.net', emailIsWorkEmail: true }, 700)]);
  await post('demo-player', [
    event('SessionCompleted', 'learner-asha', { sessionId: 'bench-s1', attemptId: 'a1' }, 300),
    event('AssessmentScored', 'learner-asha', { sessionId: 'bench-s2', attemptId: 'a2', score: 9, maxScore: 10, passMark: 8, passed: true }, 290),
  ]);
}

async function waitUntilAvailable(reportingUrl: string, token: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const listing = (await (await fetch(`${reportingUrl}/v1/learners/learner-asha/certificates`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      programmes: Array<{ parts: Array<{ containerId: string; certificate: string }> }>;
    };
    if (listing.programmes.some((p) => p.parts.some((c) => c.containerId === 'bench-course' && c.certificate === 'available'))) return;
    if (Date.now() > deadline) throw new Error('the course certificate never became available');
    await new Promise((r) => setTimeout(r, 200));
  }
}
