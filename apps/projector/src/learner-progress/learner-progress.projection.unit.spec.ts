import type { KnownLedgerEvent, PositionedEvent } from '@ledger/events';
import { LEARNER_PROGRESS_COLLECTION, LearnerProgressDocument, learnerProgressId, ProgrammeProgressDocument, SessionContainerProgressDocument } from '@ledger/read-store';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { isRetriable } from '../project-ledger/retriable';
import { atOffset, FirstCopies, ledgerEvent } from '../testing/projection-test-kit';
import { LearnerProgressProjection } from './learner-progress.projection';
import { InMemoryReadStore } from './testing/in-memory-read-store';

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T10:00:00.000Z`;

/** Positions as Kafka would give them: each subject on its own partition, offsets counting up per partition. */
function onLedger(events: Array<[number, KnownLedgerEvent]>): PositionedEvent<KnownLedgerEvent>[] {
  const next = new Map<number, number>();
  return events.map(([partition, event]) => {
    const offset = next.get(partition) ?? 0;
    next.set(partition, offset + 1);
    return atOffset(event, offset, partition);
  });
}

const container = { issuesCertificate: true, omitsSummaryFromCertificate: false } as const;
const courseDefined = (sessionIds: string[], statusPolicy: 'latest' | 'best' = 'latest') =>
  ledgerEvent('CourseDefined', 'course-hh', { ...container, courseId: 'course-hh', programmeId: 'prog-ipc', title: 'Hand Hygiene', sessionIds, statusPolicy });
const sessionDefined = (sessionId: string, requiresPass: boolean) =>
  ledgerEvent('SessionDefined', sessionId, { sessionId, title: `Session ${sessionId}`, parentType: 'course', parentId: 'course-hh', requiresPass });
const activity = {
  accessed: (learner: string, sessionId: string, d: number) => ledgerEvent('SessionAccessed', learner, { sessionId, attemptId: `a-${d}`, timeSpentSeconds: 60 }, { occurredAt: day(d) }),
  completed: (learner: string, sessionId: string, d: number) => ledgerEvent('SessionCompleted', learner, { sessionId, attemptId: `a-${d}`}, { occurredAt: day(d) }),
  scored: (learner: string, sessionId: string, passed: boolean, d: number) =>
    ledgerEvent('AssessmentScored', learner, { sessionId, attemptId: `a-${d}`, score: passed ? 9 : 2, maxScore: 10, passMark: 8, passed }, { occurredAt: day(d) }),
};

/** The catalogue: programme (p2) → course (p1) and learning path (p5); sessions (p3). */
const catalogue = () => [
  [2, ledgerEvent('ProgrammeDefined', 'prog-ipc', { ...container, programmeId: 'prog-ipc', title: 'IPC' })],
  [1, courseDefined(['s-intro', 's-assess'])],
  [5, ledgerEvent('LearningPathDefined', 'path-ess', { ...container, learningPathId: 'path-ess', programmeId: 'prog-ipc', title: 'Essentials', sessionIds: ['s-path'], statusPolicy: 'latest' })],
  [3, sessionDefined('s-intro', false)],
  [3, sessionDefined('s-assess', true)],
  [3, sessionDefined('s-path', false)],
] as Array<[number, KnownLedgerEvent]>;

/** Aisha (p0) does everything; Ben (p4) only completes the assessment, which requires a pass. */
const learners = () => [
  [0, activity.accessed('aisha', 's-intro', 1)],
  [0, activity.completed('aisha', 's-intro', 2)],
  [0, activity.scored('aisha', 's-assess', true, 3)],
  [0, activity.completed('aisha', 's-path', 4)],
  [4, activity.completed('ben', 's-intro', 2)],
  [4, activity.completed('ben', 's-assess', 3)],
] as Array<[number, KnownLedgerEvent]>;

function harness(seed?: number) {
  const store = new InMemoryReadStore(seed);
  const projection = new LearnerProgressProjection(store.asReadStore());
  const firstCopies = new FirstCopies();
  const apply = async (...batches: PositionedEvent<KnownLedgerEvent>[][]) => {
    for (const batch of batches) await projection.handle(new LedgerBatchReceived(firstCopies.of(batch), ''));
  };
  const progress = <D extends LearnerProgressDocument>(learner: string, kind: D['kind'], id: string) =>
    store.collection(LEARNER_PROGRESS_COLLECTION).documents.get(learnerProgressId(learner, kind, id)) as unknown as D | undefined;
  return { store, apply, progress };
}

describe('learner-progress projection', () => {
  it('gives the same read models whichever arrives first, catalogue or activity, in any batching', async () => {
    const ledger = onLedger([...catalogue(), ...learners()]);
    const catalogueEvents = ledger.slice(0, catalogue().length);
    const activityEvents = ledger.slice(catalogue().length);
    const catalogueFirst = harness();
    await catalogueFirst.apply(catalogueEvents, activityEvents);
    const activityFirst = harness();
    await activityFirst.apply(activityEvents, catalogueEvents);
    const oneByOne = harness();
    const interleaved = activityEvents.flatMap((e, i) => [e, ...(catalogueEvents[i] ? [catalogueEvents[i]] : [])]);
    await oneByOne.apply(...interleaved.map((e) => [e]));

    expect(activityFirst.store.snapshot()).toEqual(catalogueFirst.store.snapshot());
    expect(oneByOne.store.snapshot()).toEqual(catalogueFirst.store.snapshot());
    const { progress } = activityFirst;
    expect(progress<SessionContainerProgressDocument>('aisha', 'course', 'course-hh')).toMatchObject({ sessionsDone: 2, eligibleForCertificate: true, completedAt: day(3) });
    expect(progress<ProgrammeProgressDocument>('aisha', 'programme', 'prog-ipc')).toMatchObject({ title: 'IPC', sessionsTotal: 3, sessionsDone: 3, eligibleForCertificate: true });
    expect(progress<SessionContainerProgressDocument>('ben', 'course', 'course-hh')?.sessions.map((s) => [s.status, s.done])).toEqual([
      ['completed', true],
      ['completed', false],
    ]);
    expect(progress('ben', 'course', 'course-hh')?.eligibleForCertificate).toBe(false);
    expect(progress('ben', 'learning-path', 'path-ess')).toBeUndefined();
  });

  it('converges to the serial result when every partition is consumed concurrently, writers of one document taking turns', async () => {
    const ledger = onLedger([...catalogue(), ...learners(), [4, activity.completed('ben', 's-path', 6)], [0, activity.scored('aisha', 's-assess', false, 7)]]);
    const serial = harness();
    await serial.apply(ledger);
    let conflicts = 0;
    for (let seed = 1; seed <= 40; seed += 1) {
      const concurrent = harness(seed);
      const consumePartition = async (partition: number) => {
        for (const positioned of ledger.filter((p) => p.position.partition === partition)) {
          for (;;) {
            try {
              await concurrent.apply([positioned]);
              break;
            } catch (error) {
              if (!isRetriable(error)) throw error;
              conflicts += 1;
            }
          }
        }
      };
      await Promise.all([...new Set(ledger.map((p) => p.position.partition))].map(consumePartition));
      expect({ seed, models: concurrent.store.snapshot() }).toEqual({ seed, models: serial.store.snapshot() });
      conflicts += concurrent.store.totalGuardMisses();
    }
    // The document locks make writers of one document in one process take turns: no guard ever misses
    // (on FerretDB a miss could not be relied on: it checks an update's filter before writing).
    expect(conflicts).toBe(0);
  });

  it('changes and writes nothing when batches are redelivered or an event is appended again', async () => {
    const ledger = onLedger([...catalogue(), ...learners()]);
    const { store, apply } = harness();
    await apply(ledger);
    const before = store.snapshot();
    const writes = store.totalWrites();
    const [again] = onLedger([[0, ledger[catalogue().length + 2].event]]).map((p) => ({ ...p, position: { partition: 0, offset: '99' } }));
    await apply(ledger, ledger.slice(3), [again]);
    expect(store.snapshot()).toEqual(before);
    expect(store.totalWrites()).toBe(writes);
  });

  it('latest: a failed re-attempt withdraws eligibility; redefined as best, the pass stands again', async () => {
    const { apply, progress } = harness();
    await apply(onLedger([...catalogue(), ...learners()]));
    await apply([atOffset(activity.scored('aisha', 's-assess', false, 9), 50, 0)]);
    expect(progress<SessionContainerProgressDocument>('aisha', 'course', 'course-hh')).toMatchObject({ eligibleForCertificate: false, sessions: [{ status: 'completed' }, { status: 'failed' }] });
    expect(progress('aisha', 'programme', 'prog-ipc')?.eligibleForCertificate).toBe(false);
    await apply([atOffset(courseDefined(['s-intro', 's-assess'], 'best'), 50, 1)]);
    expect(progress<SessionContainerProgressDocument>('aisha', 'course', 'course-hh')).toMatchObject({ eligibleForCertificate: true, sessions: [{ status: 'completed' }, { status: 'passed' }] });
    expect(progress('aisha', 'programme', 'prog-ipc')?.eligibleForCertificate).toBe(true);
  });

  it('a retired course keeps its progress, flagged, and the programme no longer requires it', async () => {
    const { apply, progress } = harness();
    await apply(onLedger([...catalogue(), [4, activity.completed('ben', 's-path', 5)], ...learners()]));
    expect(progress('ben', 'programme', 'prog-ipc')?.eligibleForCertificate).toBe(false);
    await apply([atOffset(ledgerEvent('CourseRetired', 'course-hh', { courseId: 'course-hh' }, { occurredAt: day(20) }), 50, 1)]);
    expect(progress('ben', 'course', 'course-hh')).toMatchObject({ retired: true, sessionsDone: 1, eligibleForCertificate: false });
    expect(progress<ProgrammeProgressDocument>('ben', 'programme', 'prog-ipc')).toMatchObject({
      eligibleForCertificate: true,
      parts: [{ containerId: 'course-hh', retired: true, required: false }, { containerId: 'path-ess', required: true, complete: true }],
    });
  });

  it('follows a redefinition: a session dropped from the course no longer counts', async () => {
    const { apply, progress } = harness();
    await apply(onLedger([...catalogue(), ...learners()]));
    await apply([atOffset(courseDefined(['s-intro']), 50, 1)]);
    expect(progress('ben', 'course', 'course-hh')).toMatchObject({ sessionsTotal: 1, sessionsDone: 1, eligibleForCertificate: true });
  });

  it('makes a programme eligible only through all of its courses and learning paths', async () => {
    const { apply, progress } = harness();
    const ledger = onLedger([...catalogue(), ...learners()]);
    await apply(ledger.filter(({ event }) => !(event.type === 'SessionCompleted' && event.data.sessionId === 's-path')));
    expect(progress('aisha', 'course', 'course-hh')?.eligibleForCertificate).toBe(true);
    expect(progress<ProgrammeProgressDocument>('aisha', 'programme', 'prog-ipc')).toMatchObject({ eligibleForCertificate: false, sessionsDone: 2, sessionsTotal: 3 });
    await apply([atOffset(activity.completed('aisha', 's-path', 6), 60, 0)]);
    expect(progress('aisha', 'programme', 'prog-ipc')).toMatchObject({ eligibleForCertificate: true, completedAt: day(6) });
  });

  it('leaves a container that issues no certificate ineligible but shows progress', async () => {
    const { apply, progress } = harness();
    const noCertificate = ledgerEvent('LearningPathDefined', 'path-ess', { learningPathId: 'path-ess', programmeId: 'prog-ipc', title: 'Essentials', sessionIds: ['s-path'], statusPolicy: 'latest', issuesCertificate: false, omitsSummaryFromCertificate: false });
    await apply(onLedger([...learners(), ...catalogue(), [5, noCertificate]]));
    expect(progress('aisha', 'learning-path', 'path-ess')).toMatchObject({ complete: true, eligibleForCertificate: false, sessionsDone: 1 });
  });
});
