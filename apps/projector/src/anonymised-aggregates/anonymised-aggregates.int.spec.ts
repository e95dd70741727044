import { ANONYMISED_ACTIVITY_COLLECTION, AnonymisedActivityDocument, anonymisedCellId, rollUpActivityCounts, UNKNOWN_ORGANISATION } from '@ledger/read-store';
import { eventually } from '@ledger/test-harness';
import { useProjectorTestContext } from '../testing/projector-test-context';
import { ledgerEvent } from '../testing/projection-test-kit';
import { documentsById, restartProjectorFromOffsetZero } from '../testing/replay-from-offset-zero';
import { startProjectorForTest } from '../testing/start-projector-for-test';
import { waitUntilProjected } from '../testing/wait-until-projected';
import { AGGREGATION_LEARNER_STATE_READ_MODEL, AggregationLearnerStateDocument } from './aggregation-learner-state';

/** The anonymised-aggregates projection on a real broker and store: a mixed stream with a duplicate, then a full redelivery. */
describe('anonymised aggregates projection', () => {
  const ctx = useProjectorTestContext();

  const aggregates = () => ctx.store.db.collection<AnonymisedActivityDocument>(ANONYMISED_ACTIVITY_COLLECTION);
  const learnerStates = () => ctx.store.db.collection<AggregationLearnerStateDocument>(AGGREGATION_LEARNER_STATE_READ_MODEL.name);
  /** One cell, its shards (one per ledger partition) rolled up as a report would. */
  const cell = async (sessionId: string, odsCode: string, month: string) => {
    const shards = await aggregates().find({ cell: anonymisedCellId(sessionId, odsCode, month) }).toArray();
    return shards.length === 0 ? null : rollUpActivityCounts(shards);
  };
  const on = (date: string) => ({ occurredAt: `2026-${date}T10:00:00.000Z` });
  const accessed = (learner: string, sessionId: string, seconds: number, date: string) =>
    ledgerEvent('SessionAccessed', learner, { sessionId, attemptId: `${learner}-a`, timeSpentSeconds: seconds }, on(date));
  const scored = (learner: string, score: number, date: string) =>
    ledgerEvent('AssessmentScored', learner, { sessionId: 's-1', attemptId: `${learner}-a`, score, maxScore: 10, passMark: 8, passed: score >= 8 }, on(date));
  const worksAt = (learner: string, odsCode: string | null, date: string) => ledgerEvent('EmploymentLocationSet', learner, { odsCode, jobRole: null }, on(date));

  const firstAccess = accessed('learner-1', 's-1', 300, '11-03');
  const stream = [
    ledgerEvent('LearnerRegistered', 'learner-1', { givenName: 'Aisha', familyName: 'Khan', email: 'aisha.khan@nhs.net', emailIsWorkEmail: true }, on('11-01')),
    worksAt('learner-1', 'RJ1', '11-01'),
    worksAt('learner-2', 'RJ1', '11-01'),
    firstAccess,
    ledgerEvent('SessionCompleted', 'learner-1', { sessionId: 's-1', attemptId: 'learner-1-a' }, on('11-03')),
    scored('learner-1', 8, '11-03'),
    accessed('learner-2', 's-1', 120, '11-04'),
    ledgerEvent('ViewerAuthorised', 'learner-2', { viewerId: 'tutor-1', scope: 'all' }, on('11-04')),
    scored('learner-2', 5, '11-04'),
    worksAt('learner-1', 'RR8', '11-10'),
    accessed('learner-1', 's-1', 60, '11-20'),
    accessed('learner-3', 's-2', 30, '11-21'),
    accessed('learner-2', 's-1', 45, '12-01'),
  ];

  it('counts by session, organisation at the time, and month; an access appended twice counts once', async () => {
    ctx.projector = await startProjectorForTest(ctx.env);
    await ctx.ledger.writer.append(stream);
    await ctx.ledger.writer.append([firstAccess, accessed('learner-1', 's-marker', 1, '11-25')]);
    await waitUntilProjected(ctx.env, ctx.ledger.kafka);
    const states = await learnerStates().find({}).toArray();
    expect(Object.fromEntries(states.map((s) => [s._id, s.odsCode]))).toEqual({ 'learner-1': 'RR8', 'learner-2': 'RJ1', 'learner-3': null });

    expect(await cell('s-1', 'RJ1', '2026-11')).toMatchObject({
      accessedCount: 2,
      completedCount: 1,
      timeSpentSeconds: 420,
      assessedCount: 2,
      passedCount: 1,
      scoreCount: 2,
      scoreSumThousandths: 13_000,
      minScore: 5,
      maxScore: 8,
    });
    expect(await cell('s-1', 'RR8', '2026-11')).toMatchObject({ accessedCount: 1, timeSpentSeconds: 60, completedCount: 0, scoreCount: 0 });
    expect(await cell('s-2', UNKNOWN_ORGANISATION, '2026-11')).toMatchObject({ accessedCount: 1, timeSpentSeconds: 30 });
    expect(await cell('s-1', 'RJ1', '2026-12')).toMatchObject({ accessedCount: 1, timeSpentSeconds: 45 });
    const all = await aggregates().find({}).toArray();
    expect(new Set(all.map((shard) => shard.cell)).size).toBe(5);
    const serialised = JSON.stringify(all);
    for (const identifier of ['learner-', 'tutor-', firstAccess.eventId]) expect(serialised).not.toContain(identifier);
  });

  it('changes nothing when the whole ledger is redelivered from offset 0', async () => {
    const before = [await documentsById(ctx.store.db, ANONYMISED_ACTIVITY_COLLECTION), await documentsById(ctx.store.db, AGGREGATION_LEARNER_STATE_READ_MODEL.name)];
    ctx.projector = await restartProjectorFromOffsetZero(ctx.env, ctx.ledger.kafka, ctx.projector!.app);
    const after = [await documentsById(ctx.store.db, ANONYMISED_ACTIVITY_COLLECTION), await documentsById(ctx.store.db, AGGREGATION_LEARNER_STATE_READ_MODEL.name)];
    expect(after).toEqual(before);
  });
});
