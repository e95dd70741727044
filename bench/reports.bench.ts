import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { ReadStore } from '@ledger/read-store';
import {
  clientAccessToken,
  LOCAL_CLIENTS_FILE,
  localClientSecret,
  localPassword,
  personAccessToken,
  RunningStack,
  startTestIdentity,
  stopTestIdentity,
  SupervisedProcess,
} from '@ledger/test-harness';
import { BenchApp, benchAppEnv, peakRssMiB, resetPeakRss, startBenchApp } from './bench-apps';
import { percentiles, printTable, runConcurrently } from './bench-kit';

const ROOT = resolve(__dirname, '..');

export interface ReportsBenchOptions {
  /** Learners with activity; each has `sessions` sessions, so the admin CSV has learners × sessions rows. */
  learners: number;
  sessions: number;
  /** Of them, the staff of the organisation whose report is measured. */
  organisationStaff: number;
  /** Requests per latency measurement. */
  samples: number;
}

const ODS = 'RBENCH';
const PROGRAMME = 'bench-programme';
const COURSE = 'bench-course';
const SESSION = (i: number) => `bench-session-${i}`;

/**
 * Reports at scale, through the real apps as separate processes (built like production): the data is
 * appended through ingest by the clients that would send it (catalogue tool, HR feed, player) and by
 * people (grants), projected by the projector, and read over HTTP with real tokens:
 *  - My activity and the programme summary, p50/p99 (a learner's own, and an admin's view, which is recorded first);
 *  - the organisation staff report for an organisation of `organisationStaff` staff;
 *  - an admin's CSV of every learner (learners × sessions rows): throughput, and the reporting
 *    process's peak RSS (VmHWM; target under 256 MB whatever the row count);
 *  - a PDF of about 10 pages, p50 warm.
 */
export async function benchReports(stack: RunningStack, options: ReportsBenchOptions): Promise<void> {
  const issuer = await startTestIdentity(ROOT);
  const env: Record<string, string> = {
    ...benchAppEnv(stack, 'reports'),
    OIDC_ISSUER: issuer,
    INGEST_CLIENTS_FILE: LOCAL_CLIENTS_FILE,
    HUB_ADMINS: 'admin-hana',
    REPORTING_CLIENT_ID: 'reporting',
    REPORTING_CLIENT_SECRET: localClientSecret('reporting'),
    SESSION_SECRET: randomUUID() + randomUUID(),
    SEALER_ENABLED: 'false',
    REPORTING_RATE_LIMIT_PER_MINUTE: '1000000',
  };
  const apps: SupervisedProcess[] = [];
  const start = async (name: BenchApp, extra: Record<string, string> = {}) => {
    const app = await startBenchApp('reports', name, { ...env, ...extra });
    apps.push(app.process);
    return { app: app.process, url: app.url };
  };
  const store = await ReadStore.connect({ mongoUrl: env.MONGO_URL, database: env.MONGO_DATABASE });
  try {
    const ingest = await start('ingest');
    await start('projector');
    const reporting = await start('reporting', { INGEST_URL: ingest.url });
    const loaded = await loadBenchData(ingest.url, issuer, options);
    await waitForSessions(store, options.learners * options.sessions + options.sessions);
    const seconds = (Date.now() - loaded.started) / 1000;
    printTable(`reports bench data: ${loaded.events} events through ingest and projected`, [
      ['learners × sessions', `${options.learners} × ${options.sessions}`],
      ['organisation staff', String(options.organisationStaff)],
      ['appended and projected in', `${seconds.toFixed(0)} s`],
    ]);
    await measure(reporting.url, reporting.app, issuer, options);
  } finally {
    await store.close();
    for (const app of apps.reverse()) await app.stop();
    await stopTestIdentity();
  }
}

async function measure(url: string, reporting: SupervisedProcess, issuer: string, options: ReportsBenchOptions): Promise<void> {
  const asha = await personAccessToken(issuer, 'learner-asha', localPassword('learner-asha'), 'urn:activity-ledger:reporting');
  const admin = await personAccessToken(issuer, 'admin-hana', localPassword('admin-hana'), 'urn:activity-ledger:reporting');
  const runner = await personAccessToken(issuer, 'runner-raj', localPassword('runner-raj'), 'urn:activity-ledger:reporting');
  const get = async (token: string, path: string) => {
    const started = performance.now();
    const response = await fetch(`${url}/v1/reports/${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body.toString('utf8').slice(0, 300)}`);
    return { ms: performance.now() - started, body };
  };
  const latencies = async (token: string, path: (i: number) => string, samples: number) => {
    await get(token, path(0));
    const times: number[] = [];
    for (let i = 0; i < samples; i += 1) times.push((await get(token, path(i))).ms);
    return percentiles(times);
  };
  const own = await latencies(asha, () => 'my-activity', options.samples);
  const viewed = await latencies(admin, (i) => `my-activity?learner=bench-learner-${(i * 7919) % options.learners}`, options.samples);
  const summary = await latencies(asha, () => `programme-summary?kind=course&id=${COURSE}`, options.samples);
  const organisation = await latencies(runner, () => `organisation-staff-activity?odsCode=${ODS}&pageSize=50`, Math.max(3, Math.floor(options.samples / 20)));
  printTable('reports: latency over HTTP (ms)', [
    ['My activity, own (p50 / p99)', `${own.p50.toFixed(1)} / ${own.p99.toFixed(1)}`],
    ['My activity, admin viewing a learner, recorded first (p50 / p99)', `${viewed.p50.toFixed(1)} / ${viewed.p99.toFixed(1)}`],
    ['Programme/course summary, own (p50 / p99)', `${summary.p50.toFixed(1)} / ${summary.p99.toFixed(1)}`],
    [`Organisation staff activity, ${options.organisationStaff} staff (p50 / max)`, `${organisation.p50.toFixed(0)} / ${organisation.max.toFixed(0)}`],
  ]);

  const pdfPath = `organisation-staff-activity/pdf?odsCode=${ODS}&pageSize=220`;
  const first = await get(runner, pdfPath);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: first.body, encoding: 'utf8' }))?.[1]);
  const pdf = await latencies(runner, () => pdfPath, 5);
  printTable('reports: PDF (warm)', [[`organisation report, ${pages} pages (p50 / max)`, `${pdf.p50.toFixed(0)} / ${pdf.max.toFixed(0)} ms`]]);

  const before = peakRssMiB(reporting);
  // Reset the peak (Linux: 5 > clear_refs) so what follows is the CSV's own peak, not the organisation report's.
  resetPeakRss(reporting);
  const started = performance.now();
  const response = await fetch(`${url}/v1/reports/learners-activity/csv?scope=all`, { headers: { authorization: `Bearer ${admin}` } });
  if (response.status !== 200 || !response.body) throw new Error(`admin CSV: ${response.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = lines - 10;
  printTable(`reports: admin CSV of every learner`, [
    ['rows (data lines)', String(rows)],
    ['bytes', String(bytes)],
    ['time', `${seconds.toFixed(1)} s`],
    ['throughput', `${Math.round(rows / seconds)} rows/s, ${(bytes / seconds / 1048576).toFixed(1)} MiB/s`],
    ['reporting peak RSS: whole run before the CSV / during the CSV (VmHWM)', `${before} / ${peakRssMiB(reporting)} MB (target < 256 MB)`],
  ]);
}

/** Everything the bench reads, appended through ingest by the clients and people that would send it. */
async function loadBenchData(ingestUrl: string, issuer: string, options: ReportsBenchOptions): Promise<{ events: number; started: number }> {
  const started = Date.now();
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const event = (type: string, subject: string, data: object, minutesAgo = 60) => ({ eventId: randomUUID(), type, version: type === 'LearnerRegistered' ? 2 : 1, occurredAt: at(minutesAgo), subject, actor: subject, data });
  const token = async (client: string) => clientAccessToken(issuer, client, localClientSecret(client));
  const post = async (bearerToken: string, path: string, body: object) => {
    const response = await fetch(`${ingestUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearerToken}` }, body: JSON.stringify(body) });
    if (response.status !== 202) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  };
  const sessions = Array.from({ length: options.sessions }, (_, i) => SESSION(i));
  const catalogue = [
    event('ProgrammeDefined', PROGRAMME, { programmeId: PROGRAMME, title: 'Bench Programme', issuesCertificate: true, omitsSummaryFromCertificate: false }, 600),
    event('CourseDefined', COURSE, { courseId: COURSE, programmeId: PROGRAMME, title: 'Bench Course', sessionIds: sessions, issuesCertificate: true, omitsSummaryFromCertificate: false, statusPolicy: 'latest' }, 600),
    ...sessions.map((s, i) => event('SessionDefined', s, { sessionId: s, title: `Bench session ${i + 1}`, parentType: 'course', parentId: COURSE, requiresPass: false }, 600)),
  ];
  await post(await token('catalogue-tool'), '/v1/events', { events: catalogue });
  const learners = ['learner-asha', ...Array.from({ length: options.learners }, (_, i) => `bench-learner-${i}`)];
  const people = learners.flatMap((id, i) => [
    event('LearnerRegistered', id, { givenName: 'Bench', familyName: `Learner ${i}`, email: `bench.${i}@nhs.net`, emailIsWorkEmail: true }, 500),
    event('TermsAccepted', id, { termsVersion: '2026-04' }, 500),
    event('EmploymentLocationSet', id, { odsCode: i <= options.organisationStaff ? ODS : `RB${i % 97}`, jobRole: i % 3 ? 'Staff Nurse' : 'Healthcare Assistant' }, 500),
  ]);
  const activity = learners.flatMap((id, i) =>
    sessions.flatMap((s, j) => [event('SessionAccessed', id, { sessionId: s, attemptId: `${id}-${j}`, timeSpentSeconds: 60 + ((i + j) % 600) }, 400 - j)]),
  );
  const hr = await token('hr-feed');
  const player = await token('demo-player');
  const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
  const peopleChunks = chunks(people, 1000);
  await runConcurrently(4, peopleChunks.length, (i) => post(hr, '/v1/events', { events: peopleChunks[i] }));
  const activityChunks = chunks(activity, 1000);
  await runConcurrently(4, activityChunks.length, (i) => post(player, '/v1/events', { events: activityChunks[i] }));
  // The organisation's reporting chain, recorded by the people who would: the admin authorises a lead
  // and grants the programme, the lead approves the runner.
  const person = async (username: string) => personAccessToken(issuer, username, localPassword(username));
  const act = async (as: string, type: string, subject: string, data: object, version = 1) => {
    const bearerToken = await person(as);
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(`${ingestUrl}/v1/acts`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearerToken}` }, body: JSON.stringify({ eventId: randomUUID(), type, version, subject, data }) });
      if (response.status === 202) return;
      // A lead's approval waits until the lead's authorisation is projected.
      if (response.status !== 403 || attempt > 600) throw new Error(`${type}: ${response.status} ${await response.text()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  await act('admin-hana', 'ReportingLeadAuthorised', ODS, { odsCode: ODS, leadId: 'lead-lucy', authorisedByRole: 'hr-director', authorisedByName: 'Bench Director', authorisedByOrganisationName: 'Bench Trust', authorisedByOdsCode: ODS }, 2);
  await act('admin-hana', 'OrganisationProgrammeAccessGranted', ODS, { odsCode: ODS, programmeIds: [PROGRAMME] });
  await act('lead-lucy', 'ReportRunnerApproved', ODS, { odsCode: ODS, runnerId: 'runner-raj', leadId: 'lead-lucy' });
  return { events: catalogue.length + people.length + activity.length + 3, started };
}

/** Waits until the projector has written every learner-session document the data implies. */
async function waitForSessions(store: ReadStore, expected: number): Promise<void> {
  for (;;) {
    const count = await store.db.collection('learner_sessions').estimatedDocumentCount();
    if (count >= expected) return;
    await new Promise((r) => setTimeout(r, 2000));
  }
}
