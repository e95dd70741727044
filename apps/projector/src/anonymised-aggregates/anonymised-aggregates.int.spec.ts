import { ANONYMISED_ACTIVITY_COLLECTION, AnonymisedActivityDocument, anonymisedActivityId, UNKNOWN_ORGANISATION } from '@ledger/read-store';
import { eventually } from '@ledger/test-harness';
import { useProjectorTestContext } from '../testing/projector-test-context';
import { ledgerEvent } from '../testing/projection-test-kit';
import { documentsById, restartProjectorFromOffsetZero } from '../testing/replay-from-offset-zero';
import { startProjectorForTest } from '../testing/start-projector-for-test';
import { AGGREGATION_LEARNER_STATE_COLLECTION, AggregationLearnerStateDocument } from './aggregation-learner-state';

/** The anonymised-aggregates projection on a real broker and store: a mixed stream with a duplicate, then a full redelivery. */
describe('anonymised aggregates projection', () => {
  const ctx = useProjectorTestContext();

  const aggregates = () => ctx.store.db.collection<AnonymisedActivityDocument>(ANONYMISED_ACTIVITY_COLLECTION);
  const learnerStates = () => ctx.store.db.collection<AggregationLearnerStateDocument>(AGGREGATION_LEARNER_STATE_COLLECTION);
  const cell = (sessionId: string, odsCode: string, month: string) => aggregates().findOne({ _id: anonymisedActivityId(sessionId, odsCode, month) });
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
    const applied = { 'learner-1': 7, 'learner-2': 4, 'learner-3': 1 };
    await eventually(async () => {
      const states = await learnerStates().find({}).toArray();
      return states.length === 3 && states.every((s) => s.projection.eventIds.length >= applied[s._id as keyof typeof applied]) ? true : undefined;
    });
    const states = await learnerStates().find({}).toArray();
    expect(Object.fromEntries(states.map((s) => [s._id, [s.odsCode, s.projection.eventIds.length]]))).toEqual({
      'learner-1': ['RR8', 7],
      'learner-2': ['RJ1', 4],
      'learner-3': [null, 1],
    });

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
    expect(all).toHaveLength(5);
    const serialised = JSON.stringify(all);
    for (const identifier of ['learner-', 'tutor-', firstAccess.eventId]) expect(serialised).not.toContain(identifier);
  });

  it('changes nothing when the whole ledger is redelivered from offset 0', async () => {
    const before = [await documentsById(ctx.store.db, ANONYMISED_ACTIVITY_COLLECTION), await documentsById(ctx.store.db, AGGREGATION_LEARNER_STATE_COLLECTION)];
    ctx.projector = await restartProjectorFromOffsetZero(ctx.env, ctx.ledger.kafka, ctx.projector!.app);
    await ctx.ledger.writer.append([accessed('learner-marker', 's-replay-marker', 1, '11-30')]);
    await eventually(async () => ((await cell('s-replay-marker', UNKNOWN_ORGANISATION, '2026-11')) ? true : undefined));
    const after = [await documentsById(ctx.store.db, ANONYMISED_ACTIVITY_COLLECTION), await documentsById(ctx.store.db, AGGREGATION_LEARNER_STATE_COLLECTION)];
    after[0].delete(anonymisedActivityId('s-replay-marker', UNKNOWN_ORGANISATION, '2026-11'));
    after[1].delete('learner-marker');
    expect(after).toEqual(before);
  });
});
