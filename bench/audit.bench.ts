import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { NestFactory } from '@nestjs/core';
import { createKafka, groupCaughtUp, readTopicRecords } from '@ledger/kafka';
import { LEARNER_PROFILES_COLLECTION, LEARNER_SESSIONS_COLLECTION, LearnerProfileDocument, ReadStore } from '@ledger/read-store';
import { createLogger } from '@ledger/runtime';
import { clientAccessToken, LOCAL_CLIENTS_FILE, localClientSecret, RunningStack, startTestIdentity, stopTestIdentity } from '@ledger/test-harness';
import { loadProjectorConfig } from '../apps/projector/src/config';
import { ProjectorModule } from '../apps/projector/src/projector.module';
import { asOfGeneration } from '../apps/projector/src/rebuild/as-of-generations';
import { findLedgerCut } from '../apps/projector/src/rebuild/find-ledger-cut';
import { benchAppEnv, startBenchApp } from './bench-apps';
import { printTable, rate, runConcurrently } from './bench-kit';

const ROOT = resolve(__dirname, '..');

export interface AuditBenchOptions {
  learners: number;
  /** Activity events before T (a further tenth is appended after T, so the cut is not the ledger's end). */
  activity: number;
  organisations: number;
}

/**
 * As of a moment, on a bounded data set appended through the real ingest app (catalogue, people and
 * activity, each by its own client with a real token): the cut at T, one learner's record by a targeted
 * replay (their events and the catalogue) and by the whole-ledger replay an organisation report as of T
 * reads, with events read and applied, against raw consume and live projection of the same ledger.
 */
export async function benchAudit(stack: RunningStack, options: AuditBenchOptions): Promise<void> {
  const logger = createLogger('bench', 'warn');
  const issuer = await startTestIdentity(ROOT);
  const env: Record<string, string> = { ...benchAppEnv(stack, 'audit'), SEALER_ENABLED: 'false', OIDC_ISSUER: issuer, INGEST_CLIENTS_FILE: LOCAL_CLIENTS_FILE };
  const ingest = await startBenchApp('audit', 'ingest', env);
  const config = loadProjectorConfig(env);
  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'bench', ledgerTopic: config.ledgerTopic }, logger);
  const store = await ReadStore.connect({ mongoUrl: config.mongoUrl, database: config.database, ferretDbPostgresUrl: config.ferretDbPostgresUrl });
  const step = (what: string) => console.log(`  [audit] ${new Date().toISOString()} ${what}`);
  step('ingest up; starting the projector');
  const projector = await NestFactory.createApplicationContext(ProjectorModule.register(config, logger), { logger: false });
  await projector.init();
  step('projector up; appending the data set through ingest');
  try {
    const post = postAs(ingest.url, issuer);
    const data = dataSet(options);
    await post('catalogue-tool', data.catalogue);
    await post('hr-feed', data.people);
    const projectStarted = performance.now();
    await runConcurrently(4, data.before.length, (b) => post('demo-player', data.before[b]));
    step('appended; waiting for the projector');
    await untilProjected(kafka, config.consumerGroup, config.ledgerTopic);
    step('projected');
    const live = rate(data.total, performance.now() - projectStarted);
    await sleep(1_000);
    const asOf = new Date();
    await sleep(1_000);
    await runConcurrently(4, data.after.length, (b) => post('demo-player', data.after[b]));

    let read = 0;
    const rawStarted = performance.now();
    await readTopicRecords(kafka, config.ledgerTopic, (records) => void (read += records.length));
    const raw = rate(read, performance.now() - rawStarted);

    step('raw consume done; as of T');
    const cutStarted = performance.now();
    const cut = await findLedgerCut(kafka, config.ledgerTopic, asOf, config.asOf.clockMarginMs);
    const cutMs = performance.now() - cutStarted;
    const learner = 'bench-learner-7';
    const timed = async (scope: Parameters<typeof asOfGeneration>[4]) => {
      const started = performance.now();
      const { document } = await asOfGeneration(config, logger, store, cut, scope);
      return { ms: performance.now() - started, document };
    };
    const targeted = await timed({ kind: 'learner', learnerId: learner });
    const again = await timed({ kind: 'learner', learnerId: learner });
    const whole = await timed({ kind: 'ledger' });
    const reportStarted = performance.now();
    const staff = await (await store.readModel<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION, whole.document.generation)).find({ 'workplace.odsCode': 'ORG0' }).toArray();
    const sessions = await store.readModel(LEARNER_SESSIONS_COLLECTION, whole.document.generation);
    let rows = 0;
    for (const person of staff) rows += (await sessions.find({ learnerId: person._id }).toArray()).length;
    const reportMs = performance.now() - reportStarted;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    printTable(`as of a moment: ${read} events on the ledger (${data.total} before T), ${options.learners} learners, ${options.organisations} organisations`, [
      ['raw consume (same reader, no-op handler)', `${raw} events/s`],
      ['append through ingest + live projection, events before T', `${live} events/s`],
      ['finding the cut at T (broker timestamps, then events)', seconds(cutMs)],
      [`one learner's record, targeted replay`, `${seconds(targeted.ms)}: ${targeted.document.eventsRead} events read, ${targeted.document.eventsApplied} applied`],
      [`the same, asked again (kept generation)`, seconds(again.ms)],
      ['whole ledger as of T (what an organisation report reads)', `${seconds(whole.ms)}: ${whole.document.eventsRead} read, ${whole.document.eventsApplied} applied (${rate(whole.document.eventsApplied, whole.ms)} events/s)`],
      [`organisation ORG0's staff and their sessions from it`, `${seconds(reportMs)}: ${staff.length} learners, ${rows} session rows`],
      ['targeted / whole', (targeted.ms / whole.ms).toFixed(2)],
    ]);
  } finally {
    await projector.close();
    await store.close();
    await ingest.process.stop();
    await stopTestIdentity();
  }
}

/** A bounded, realistic data set: a catalogue, registered learners at organisations, and their activity. */
function dataSet(options: AuditBenchOptions) {
  const now = () => new Date(Date.now() - 60_000).toISOString();
  const e = (type: string, subject: string, data: object, version = 1) => ({ eventId: randomUUID(), type, version, occurredAt: now(), subject, actor: subject, data });
  const courses = Array.from({ length: 4 }, (_, c) => ({ id: `bench-course-${c}`, sessions: Array.from({ length: 5 }, (_, s) => `bench-session-${c}-${s}`) }));
  const catalogue = [
    e('ProgrammeDefined', 'bench-prog', { programmeId: 'bench-prog', title: 'Bench programme', issuesCertificate: true, omitsSummaryFromCertificate: false }),
    ...courses.map((c) => e('CourseDefined', c.id, { courseId: c.id, programmeId: 'bench-prog', title: c.id, sessionIds: c.sessions, issuesCertificate: true, omitsSummaryFromCertificate: false, statusPolicy: 'latest' })),
    ...courses.flatMap((c) => c.sessions.map((s, i) => e('SessionDefined', s, { sessionId: s, title: s, parentType: 'course', parentId: c.id, requiresPass: i === 4 }))),
  ];
  const learner = (i: number) => `bench-learner-${i}`;
  const people = Array.from({ length: options.learners }, (_, i) => [
    e('LearnerRegistered', learner(i), { givenName: 'Bench', familyName: `Learner ${i}`, email: `bench.${i}@nhs.net`, emailIsWorkEmail: true }, 2),
    e('EmploymentLocationSet', learner(i), { odsCode: `ORG${i % options.organisations}`, jobRole: 'Nurse' }),
  ]).flat();
  // Each learner keeps to one session of one course. A denser shape (every learner moving through all 20
  // sessions) stalls the live projector on FerretDB 1.24 / PostgreSQL at 4 000 events, with or without the
  // auditors' projections: FerretDB stops answering with its 200 PostgreSQL connections all checked out
  // (see bench/RESULTS.md, 2026-12-02, as of a moment), so a run would never end.
  const activity = (i: number) => {
    const session = courses[i % courses.length].sessions[(i >> 2) % 5];
    return i % 5 === 4
      ? e('AssessmentScored', learner(i % options.learners), { sessionId: session, attemptId: `a${i}`, score: i % 10, maxScore: 10, passMark: 8, passed: i % 10 >= 8 }, 2)
      : e('SessionAccessed', learner(i % options.learners), { sessionId: session, attemptId: `a${i}`, timeSpentSeconds: 30 + (i % 600) });
  };
  const batches = (from: number, count: number) => Array.from({ length: Math.ceil(count / 500) }, (_, b) => Array.from({ length: Math.min(500, count - b * 500) }, (_, j) => activity(from + b * 500 + j)));
  return {
    catalogue: [catalogue],
    people: Array.from({ length: Math.ceil(people.length / 500) }, (_, b) => people.slice(b * 500, b * 500 + 500)),
    before: batches(0, options.activity),
    after: batches(options.activity, Math.round(options.activity / 10)),
    total: catalogue.length + people.length + options.activity,
  };
}

function postAs(ingestUrl: string, issuer: string) {
  const tokens = new Map<string, Promise<string>>();
  return async (clientId: string, batchesOrBatch: object[][] | object[]) => {
    if (!tokens.has(clientId)) tokens.set(clientId, clientAccessToken(issuer, clientId, localClientSecret(clientId)));
    const batches = Array.isArray(batchesOrBatch[0]) ? (batchesOrBatch as object[][]) : [batchesOrBatch as object[]];
    for (const events of batches) {
      const response = await fetch(`${ingestUrl}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokens.get(clientId)}` },
        body: JSON.stringify({ events }),
      });
      if (response.status !== 202) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    }
  };
}

async function untilProjected(kafka: ReturnType<typeof createKafka>, group: string, topic: string): Promise<void> {
  const deadline = Date.now() + 1_800_000;
  while (!(await groupCaughtUp(kafka, group, topic))) {
    if (Date.now() > deadline) throw new Error(`${group} did not project ${topic} within 30 minutes`);
    await sleep(200);
  }
}
