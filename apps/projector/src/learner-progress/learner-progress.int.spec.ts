import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LedgerEvent, LedgerPosition } from '@ledger/events';
import {
  CATALOGUE_COLLECTION,
  CatalogueEntryDocument,
  LEARNER_PROGRESS_COLLECTION,
  LearnerProgressDocument,
  learnerProgressId,
  ProgrammeProgressDocument,
  PROJECTION_WATERMARKS_COLLECTION,
  ProjectionWatermarkDocument,
  ProgressContainerKind,
  ReadStore,
  SessionContainerProgressDocument,
} from '@ledger/read-store';
import { createLogger } from '@ledger/runtime';
import { eventually, isolatedAppEnv, uniqueName } from '@ledger/test-harness';
import { loadProjectorConfig } from '../config';
import { rebuildReadModels } from '../rebuild/rebuild-read-models';
import { ledgerForTest } from '../testing/ledger-fixtures';
import { ledgerEvent } from '../testing/projection-test-kit';
import { startProjectorForTest } from '../testing/start-projector-for-test';
import { LEARNER_ACTIVITY_READ_MODEL } from './learner-activity';
import { LEARNER_PROGRESS_CATALOGUE_READ_MODEL } from './learner-progress.projection';
import { LEARNER_PROGRESS_LINKS_READ_MODEL } from './progress-links';
import { SESSION_LEARNERS_READ_MODEL } from './session-learners';

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T10:00:00.000Z`;
const certificate = { issuesCertificate: true, omitsSummaryFromCertificate: false };

const catalogue = (): LedgerEvent[] => [
  ledgerEvent('CourseDefined', 'course-hh', { ...certificate, courseId: 'course-hh', programmeId: 'prog-ipc', title: 'Hand Hygiene', sessionIds: ['s-intro', 's-assess'], statusPolicy: 'latest' }),
  ledgerEvent('SessionDefined', 's-intro', { sessionId: 's-intro', title: 'Introduction', parentType: 'course', parentId: 'course-hh', requiresPass: false }),
  ledgerEvent('SessionDefined', 's-assess', { sessionId: 's-assess', title: 'Assessment', parentType: 'course', parentId: 'course-hh', requiresPass: true }),
  ledgerEvent('ProgrammeDefined', 'prog-ipc', { ...certificate, programmeId: 'prog-ipc', title: 'Infection Prevention and Control' }),
];

/** Completes the introduction and the assessment: passing it, or (`passes` false) only completing it. */
const courseActivity = (learner: string, passes: boolean): LedgerEvent[] => [
  ledgerEvent('SessionAccessed', learner, { sessionId: 's-intro', attemptId: 'a-1', timeSpentSeconds: 300 }, { occurredAt: day(1) }),
  ledgerEvent('SessionCompleted', learner, { sessionId: 's-intro', attemptId: 'a-1' }, { occurredAt: day(2) }),
  passes
    ? ledgerEvent('AssessmentScored', learner, { sessionId: 's-assess', attemptId: 'a-2', score: 9, maxScore: 10, passMark: 8, passed: true }, { occurredAt: day(3) })
    : ledgerEvent('SessionCompleted', learner, { sessionId: 's-assess', attemptId: 'a-2' }, { occurredAt: day(3) }),
];

/** The projector on a real broker and store: catalogue and activity in either order, then redelivery. */
describe('learner-progress projection', () => {
  let env: Record<string, string>;
  let store: ReadStore;
  let ledger: Awaited<ReturnType<typeof ledgerForTest>>;
  let projector: { app: NestFastifyApplication; url: string } | undefined;
  const early = uniqueName('learner');
  const late = uniqueName('learner');
  const appended: LedgerEvent[] = [];
  const positions: LedgerPosition[] = [];
  const append = async (events: LedgerEvent[]) => {
    appended.push(...events);
    const at = await ledger.writer.append(events);
    positions.push(...at);
    return at;
  };
  /** Waits until the projector has applied every partition up to these positions (its watermark is written after all projections stored a batch). */
  const appliedThrough = (positions: LedgerPosition[]) =>
    eventually(async () => {
      const marks = await store.db.collection<ProjectionWatermarkDocument>(PROJECTION_WATERMARKS_COLLECTION).find({ consumerGroup: env.PROJECTOR_GROUP }).toArray();
      const applied = new Map(marks.map((m) => [m.partition, BigInt(m.appliedOffset)]));
      return positions.every((p) => (applied.get(p.partition) ?? -1n) >= BigInt(p.offset)) ? true : undefined;
    });

  beforeAll(async () => {
    env = isolatedAppEnv();
    ledger = await ledgerForTest(env);
    store = await ReadStore.connect({ mongoUrl: env.MONGO_URL, database: env.MONGO_DATABASE });
    projector = await startProjectorForTest(env);
  });
  afterAll(async () => {
    await projector?.app.close();
    await ledger.close();
    await store.close();
  });

  const progress = <D extends LearnerProgressDocument>(learner: string, kind: ProgressContainerKind, id: string) =>
    store.db.collection<LearnerProgressDocument>(LEARNER_PROGRESS_COLLECTION).findOne({ _id: learnerProgressId(learner, kind, id) }) as Promise<D | null>;
  const ownedCollections = [
    CATALOGUE_COLLECTION,
    LEARNER_PROGRESS_COLLECTION,
    ...[LEARNER_PROGRESS_CATALOGUE_READ_MODEL, LEARNER_ACTIVITY_READ_MODEL, LEARNER_PROGRESS_LINKS_READ_MODEL, SESSION_LEARNERS_READ_MODEL].map((m) => m.name),
  ];
  const everything = async () =>
    Object.fromEntries(await Promise.all(ownedCollections.map(async (name) => [name, await store.db.collection(name).find({}).sort({ _id: 1 }).toArray()] as const)));

  it('computes the same progress whether activity or the catalogue reached the ledger first', async () => {
    await appliedThrough(await append(courseActivity(early, true)));
    expect(await progress(early, 'course', 'course-hh')).toBeNull();
    await append(catalogue());
    await append(courseActivity(late, false));
    await appliedThrough(positions);

    const earlyCourse = await progress<SessionContainerProgressDocument>(early, 'course', 'course-hh');
    expect(earlyCourse).toMatchObject({ sessionsTotal: 2, sessionsDone: 2, complete: true, eligibleForCertificate: true, startedAt: day(1), completedAt: day(3) });
    expect(earlyCourse?.sessions.map((s) => [s.sessionId, s.title, s.status, s.done])).toEqual([
      ['s-intro', 'Introduction', 'completed', true],
      ['s-assess', 'Assessment', 'passed', true],
    ]);
    expect(await progress(late, 'course', 'course-hh')).toMatchObject({ sessionsDone: 1, complete: false, eligibleForCertificate: false });
    expect(await progress(early, 'programme', 'prog-ipc')).toMatchObject({
      title: 'Infection Prevention and Control',
      eligibleForCertificate: true,
      parts: [{ containerId: 'course-hh', complete: true }],
    });
  });

  it('keeps the catalogue, retirement included', async () => {
    await appliedThrough(await append([ledgerEvent('CourseRetired', 'course-hh', { courseId: 'course-hh' }, { occurredAt: day(20) })]));
    const course = await eventually(async () => {
      const found = await store.db.collection<CatalogueEntryDocument>(CATALOGUE_COLLECTION).findOne({ _id: 'course:course-hh' });
      return found?.retired ? found : undefined;
    });
    expect(course).toMatchObject({ kind: 'course', definition: { title: 'Hand Hygiene', sessionIds: ['s-intro', 's-assess'] }, retiredAt: day(20) });
    await eventually(async () => ((await progress(early, 'course', 'course-hh'))?.retired ? true : undefined));
    expect(await progress(early, 'programme', 'prog-ipc')).toMatchObject({ complete: false, parts: [{ containerId: 'course-hh', retired: true, required: false }] });
  });

  it('changes nothing when the whole ledger is redelivered and every event appended again', async () => {
    await appliedThrough(positions);
    const before = await everything();

    await projector!.app.close();
    const admin = ledger.kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: env.PROJECTOR_GROUP, topic: env.LEDGER_TOPIC, earliest: true });
    await admin.disconnect();
    projector = await startProjectorForTest(env);
    // Appended after the reset, so applying them means every partition they sit on was replayed first.
    await appliedThrough(await ledger.writer.append([...appended]));

    expect(await everything()).toEqual(before);
  });

  it('rebuilds from offset 0 into a new generation equal to the live read models', async () => {
    const result = await rebuildReadModels(loadProjectorConfig(env), createLogger('test', 'warn'), 'verify');
    expect(result.differences).toEqual([]);
  });
});
