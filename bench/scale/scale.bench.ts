import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { bearer, clientAccessToken, freePort, LOCAL_PEOPLE_FILE, localClientSecret, localPassword, personAccessToken, REPORTING_AUDIENCE, RunningStack, SupervisedProcess } from '@ledger/test-harness';
import { startLocalIdentity } from '../../infra/stack/local-identity';
import { commandProgressBar } from '@ledger/runtime';
import { percentiles, printTable, rate, runConcurrently } from '../bench-kit';
import { benchAppEnv, peakRssMiB, startBenchApp } from '../bench-apps';
import { activityEvents, catalogueEvents, learnerId, NationalShape, peopleEvents, SubmittedEvent } from './national-ledger';

const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

export interface ScaleBenchOptions extends NationalShape {
  /** Learners whose own record is read back through the HTTP API (each signs in as themselves). */
  readSamples: number;
  /** The run gives up (and says so) if it has not finished by then. */
  deadlineMinutes: number;
  /** False to stop after the reads: a full rebuild takes as long again as the projection. */
  rebuild: boolean;
  /**
   * False to time only the full rebuild, straight after the append: no live projector runs, so the
   * projection ratio and the reads are not measured. A full-size run with both takes hours.
   */
  liveProjection: boolean;
}

/**
 * `npm run bench -- scale`: a national-shaped ledger appended through the real ingest path (HTTP,
 * authenticated clients), then, measured in the same run:
 *  - projection rate over the first and the last 10 % of the events, and their ratio (target ≥ 0.8:
 *    the cost of an event does not grow with the store);
 *  - a learner's sessions and progress read over HTTP at full size, by the learner, p50 and p99
 *    (targets p50 ≤ 20 ms, p99 ≤ 100 ms), and the same read by a hub admin (which records the view);
 *  - a full rebuild's time and rate; the peak RSS of projector and reporting.
 */
export async function benchScale(stack: RunningStack, options: ScaleBenchOptions): Promise<void> {
  const deadline = Date.now() + options.deadlineMinutes * 60_000;
  const runDir = join(ROOT, '.infra', 'run', 'bench-scale');
  mkdirSync(runDir, { recursive: true });
  const samples = Array.from({ length: options.readSamples }, (_, i) => learnerId(Math.floor(((i + 0.5) * options.learners) / options.readSamples)));
  const peopleFile = join(runDir, 'people.json');
  const demo = JSON.parse(readFileSync(LOCAL_PEOPLE_FILE, 'utf8')) as { people: unknown[] };
  writeFileSync(peopleFile, JSON.stringify({ people: [...demo.people, ...samples.map((username) => ({ username, password: 'bench-password', name: username, role: 'scale bench learner' }))] }));
  const identity = await startLocalIdentity(ROOT, runDir, await freePort(), (m) => console.error(m), peopleFile);
  const env: Record<string, string> = { ...benchAppEnv(stack, 'scale'), ...identity.appEnv };
  const apps: SupervisedProcess[] = [];
  try {
    const ingest = await startBenchApp('scale', 'ingest', env);
    apps.push(ingest.process);
    const appended = await appendNationalLedger(ingest.url, identity.issuer, options);

    const live = options.liveProjection ? await projectAndRead(env, ingest.url, identity.issuer, samples, appended, deadline, apps) : null;

    const rebuild = options.rebuild ? await timeRebuild(env, deadline) : null;
    const notRun = 'not run (SCALE_PROJECTION=skip)';
    const liveRows: Array<[string, string]> = live
      ? [
          ['projection, first 10 %', `${live.projection.first} events/s`],
          ['projection, last 10 %', `${live.projection.last} events/s`],
          ['last / first (target ≥ 0.8)', (live.projection.last / live.projection.first).toFixed(2)],
          ['projection, whole ledger', `${live.projection.overall} events/s (${(live.projection.ms / 1000).toFixed(0)} s)`],
          ['learner reads own sessions, p50 / p99', `${live.reads.ownSessions.p50} / ${live.reads.ownSessions.p99} ms (targets 20 / 100)`],
          ['learner reads own progress, p50 / p99', `${live.reads.ownProgress.p50} / ${live.reads.ownProgress.p99} ms (targets 20 / 100)`],
          ['hub admin reads sessions (view recorded), p50 / p99', `${live.reads.adminSessions.p50} / ${live.reads.adminSessions.p99} ms`],
        ]
      : [['live projection and reads', notRun]];
    printTable(`scale: ${options.learners} learners × ${options.sessionsPerLearner} sessions, ${options.organisations} organisations — ${appended} events`, [
      ['ingest (HTTP, 4 clients)', `${rate(appended, ingestMs)} events/s`],
      ...liveRows,
      ['full rebuild', rebuild ? `${(rebuild.ms / 1000).toFixed(0)} s, ${rate(appended, rebuild.ms)} events/s` : 'not run (SCALE_REBUILD=skip)'],
      ['peak RSS projector / reporting', live ? live.peakRss() : notRun],
    ]);
    if (rebuild) console.log(`\nrebuild output:\n${rebuild.summary}`);
  } finally {
    for (const app of apps.reverse()) await app.stop();
    await identity.process.stop();
  }
}

let ingestMs = 0;

/** The live projector from offset 0 to the end of the ledger, then the reads through reporting; each app started is added to `apps`, which the caller stops. */
async function projectAndRead(env: Record<string, string>, ingestUrl: string, issuer: string, samples: string[], appended: number, deadline: number, apps: SupervisedProcess[]) {
  const projector = await startBenchApp('scale', 'projector', env);
  apps.push(projector.process);
  const projection = await followProjection(projector.url, appended, deadline);
  // The bench is one client address making hundreds of requests a minute: above the shell's default rate limit.
  const reporting = await startBenchApp('scale', 'reporting', { ...env, INGEST_URL: ingestUrl, REPORTING_RATE_LIMIT_PER_MINUTE: '1000000' });
  apps.push(reporting.process);
  const reads = await readRecords(reporting.url, issuer, samples);
  return { projection, reads, peakRss: () => `${peakRssMiB(projector.process)} / ${peakRssMiB(reporting.process)} MiB` };
}

/** Catalogue first, then learners in blocks (their people events, then their activity), 4 HTTP clients, batches of up to 1000. */
async function appendNationalLedger(ingestUrl: string, issuer: string, shape: ScaleBenchOptions): Promise<number> {
  const token = (client: string) => clientAccessToken(issuer, client, localClientSecret(client));
  const [catalogueTool, hrFeed, player] = await Promise.all([token('catalogue-tool'), token('hr-feed'), token('demo-player')]);
  const post = async (accessToken: string, events: SubmittedEvent[]) => {
    const response = await fetch(`${ingestUrl}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(accessToken) }, body: JSON.stringify({ events }) });
    if (response.status !== 202) throw new Error(`ingest answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  };
  const at = new Date(Date.now() - 30 * 86_400_000).toISOString();
  await post(catalogueTool, catalogueEvents(shape, at));
  const blockSize = 60;
  const blocks = Math.ceil(shape.learners / blockSize);
  const bar = commandProgressBar('appending [{bar}] {value}/{total} learners | {rate} events/s');
  bar.start(shape.learners, 0, { rate: 0 });
  let events = 0;
  const started = performance.now();
  ingestMs = await runConcurrently(4, blocks, async (b) => {
    const learners = Array.from({ length: Math.min(blockSize, shape.learners - b * blockSize) }, (_, i) => b * blockSize + i);
    const people = learners.flatMap((l) => peopleEvents(shape, l, at));
    const activity = learners.flatMap((l) => activityEvents(shape, l, Date.parse(at) + l * 1000));
    await post(hrFeed, people);
    for (let i = 0; i < activity.length; i += 1000) await post(player, activity.slice(i, i + 1000));
    events += people.length + activity.length;
    bar.increment(learners.length, { rate: rate(events, performance.now() - started) });
  });
  bar.stop();
  return events + catalogueEvents(shape, at).length;
}

/** Waits for the projector to apply everything, noting when it passed 10 % and 90 %. */
async function followProjection(projectorUrl: string, total: number, deadline: number) {
  const started = performance.now();
  const bar = commandProgressBar('projecting [{bar}] {value}/{total} events | {rate} events/s');
  bar.start(total, 0, { rate: 0 });
  let [t10, t90, done] = [0, 0, 0];
  for (;;) {
    const mark = (await (await fetch(`${projectorUrl}/v1/watermark`)).json()) as { partitions: Array<{ appliedOffset: string }> };
    const applied = mark.partitions.reduce((sum, p) => sum + Number(BigInt(p.appliedOffset) + 1n), 0);
    const now = performance.now() - started;
    bar.update(Math.min(applied, total), { rate: rate(applied, now) });
    if (!t10 && applied >= total * 0.1) t10 = now;
    if (!t90 && applied >= total * 0.9) t90 = now;
    if (applied >= total) {
      done = now;
      break;
    }
    if (Date.now() > deadline) throw new Error(`projection had applied ${applied} of ${total} events when the deadline passed`);
    await sleep(1000);
  }
  bar.stop();
  // The watermark is polled each second: a tenth of a small ledger can pass within one poll, and then has no measurable rate.
  if (t10 === 0 || done - t90 === 0) throw new Error(`a tenth of ${total} events was projected within one poll of the watermark: run a larger SCALE_LEARNERS to measure its rate`);
  return { first: rate(total * 0.1, t10), last: rate(total * 0.1, done - t90), overall: rate(total, done), ms: done };
}

/** Each sampled learner signs in and reads their own sessions and progress; a hub admin reads the same sessions. */
async function readRecords(reportingUrl: string, issuer: string, learners: string[]) {
  const timings = { ownSessions: [] as number[], ownProgress: [] as number[], adminSessions: [] as number[] };
  const admin = bearer(await personAccessToken(issuer, 'admin-hana', localPassword('admin-hana'), REPORTING_AUDIENCE));
  const timed = async (into: number[], path: string, headers: Record<string, string>) => {
    const started = performance.now();
    const response = await fetch(`${reportingUrl}${path}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    into.push(performance.now() - started);
  };
  for (const learner of learners) {
    const own = bearer(await personAccessToken(issuer, learner, 'bench-password', REPORTING_AUDIENCE));
    await timed(timings.ownSessions, `/v1/learners/${learner}/sessions`, own);
    await timed(timings.ownProgress, `/v1/learners/${learner}/progress`, own);
    await timed(timings.adminSessions, `/v1/learners/${learner}/sessions`, admin);
  }
  const ms = (values: number[]) => {
    const { p50, p99 } = percentiles(values);
    return { p50: p50.toFixed(1), p99: p99.toFixed(1) };
  };
  return { ownSessions: ms(timings.ownSessions), ownProgress: ms(timings.ownProgress), adminSessions: ms(timings.adminSessions) };
}

/** The rebuild command, as an operator runs it, on the same ledger and store. */
async function timeRebuild(env: Record<string, string>, deadline: number): Promise<{ ms: number; summary: string }> {
  const started = performance.now();
  const rebuilding = run(process.execPath, [join(ROOT, 'dist', 'apps', 'projector', 'src', 'rebuild', 'rebuild.main.js'), '--log-file', join(ROOT, '.infra', 'bench-scale-rebuild.log')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    timeout: Math.max(deadline - Date.now(), 60_000),
    maxBuffer: 64 * 1024 * 1024,
  });
  // The command's progress line (on its stderr) shows in the bench's output as the rebuild goes.
  rebuilding.child.stderr?.pipe(process.stderr);
  const { stdout } = await rebuilding;
  return { ms: performance.now() - started, summary: stdout.split('\n').filter((line) => !line.includes('[')).join('\n') };
}
