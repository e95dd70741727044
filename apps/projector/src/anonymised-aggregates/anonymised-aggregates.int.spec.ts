import { ANONYMISED_CELLS_COLLECTION, AnonymisedCellDocument, AnonymisedScope, countsInPeriods, PeriodKind, scopeOrganisationMonthsKey, UNKNOWN_ORGANISATION } from '@ledger/read-store';
import { useProjectorTestContext } from '../testing/projector-test-context';
import { ledgerEvent } from '../testing/projection-test-kit';
import { documentsById, restartProjectorFromOffsetZero } from '../testing/replay-from-offset-zero';
import { startProjectorForTest } from '../testing/start-projector-for-test';
import { waitUntilProjected } from '../testing/wait-until-projected';
import { AGGREGATION_LEARNER_STATE_READ_MODEL, AggregationLearnerStateDocument } from './aggregation-learner-state';
import { ANONYMISED_LEARNER_YEARS_READ_MODEL } from './anonymised-learner-year';

/**
 * The anonymised cells on a real broker and store: distinct learners by session, course and programme
 * × organisation × month, quarter and year, a catalogue that arrives after the activity it places, an
 * access appended twice, then a full redelivery.
 */
describe('anonymised cells projection', () => {
  const ctx = useProjectorTestContext();

  const cells = () => ctx.store.db.collection<AnonymisedCellDocument>(ANONYMISED_CELLS_COLLECTION);
  const learnerStates = () => ctx.store.db.collection<AggregationLearnerStateDocument>(AGGREGATION_LEARNER_STATE_READ_MODEL.name);
  /** One cell, its month shards rolled up into the period as a report would (read by their declared key). */
  const cell = async (scope: AnonymisedScope, id: string, odsCode: string, kind: PeriodKind, period: string) => {
    const shards = await cells().find({ scopeOrganisationMonths: scopeOrganisationMonthsKey(scope, id, odsCode) }).toArray();
    return countsInPeriods(shards, kind).get(`${odsCode}|${period}`) ?? null;
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
    accessed('learner-1', 's-2', 60, '11-21'),
    accessed('learner-3', 's-2', 30, '11-21'),
    accessed('learner-2', 's-1', 45, '12-01'),
  ];
  // Defined after the activity it places: the course and programme cells are recounted when it arrives.
  const catalogue = [
    ledgerEvent('CourseDefined', 'c-1', { courseId: 'c-1', programmeId: 'p-1', title: 'Course', sessionIds: ['s-1', 's-2'], issuesCertificate: true, omitsSummaryFromCertificate: false, statusPolicy: 'latest' }, on('10-01')),
    ledgerEvent('SessionDefined', 's-1', { sessionId: 's-1', title: 'One', parentType: 'course', parentId: 'c-1', requiresPass: true }, on('10-01')),
    ledgerEvent('SessionDefined', 's-2', { sessionId: 's-2', title: 'Two', parentType: 'course', parentId: 'c-1', requiresPass: false }, on('10-01')),
  ];

  it('counts distinct learners by session, course and programme, organisation at the time, and period; an access appended twice counts once', async () => {
    ctx.projector = await startProjectorForTest(ctx.env);
    await ctx.ledger.writer.append(stream);
    await ctx.ledger.writer.append([firstAccess, accessed('learner-1', 's-marker', 1, '11-25')]);
    await waitUntilProjected(ctx.env, ctx.ledger.kafka);
    await ctx.ledger.writer.append(catalogue);
    await waitUntilProjected(ctx.env, ctx.ledger.kafka);
    const states = await learnerStates().find({}).toArray();
    expect(Object.fromEntries(states.map((s) => [s._id, s.odsCode]))).toEqual({ 'learner-1': 'RR8', 'learner-2': 'RJ1', 'learner-3': null });

    expect(await cell('session', 's-1', 'RJ1', 'month', '2026-11')).toMatchObject({
      learners: { accessed: 2, completed: 1, assessed: 2, passed: 1, scored: 2 },
      timeSpentSeconds: 420,
      scoreCount: 2,
      scoreSumThousandths: 13_000,
      minScore: 5,
      maxScore: 8,
    });
    expect(await cell('session', 's-1', 'RR8', 'month', '2026-11')).toMatchObject({ learners: { accessed: 1, completed: 0 }, timeSpentSeconds: 60 });
    // Learner 1 worked at RJ1 then RR8 in November: once in each, once in all organisations.
    expect((await cell('session', 's-1', 'ALL', 'month', '2026-11'))?.learners.accessed).toBe(2);
    expect((await cell('session', 's-1', 'ALL', 'quarter', '2026-Q4'))?.learners.accessed).toBe(2);
    expect((await cell('session', 's-2', UNKNOWN_ORGANISATION, 'month', '2026-11'))?.learners.accessed).toBe(1);
    // Course c-1 (s-1 and s-2): learner 1 counts once at RR8 though they did both sessions there.
    expect((await cell('course', 'c-1', 'RR8', 'month', '2026-11'))?.learners.accessed).toBe(1);
    expect((await cell('course', 'c-1', 'ALL', 'year', '2026'))?.learners.accessed).toBe(3);
    expect((await cell('programme', 'p-1', 'ALL', 'quarter', '2026-Q4'))?.learners).toMatchObject({ accessed: 3, completed: 1, passed: 1 });
    const serialised = JSON.stringify(await cells().find({}).toArray());
    for (const identifier of ['learner-', 'tutor-', firstAccess.eventId]) expect(serialised).not.toContain(identifier);
  });

  it('changes nothing when the whole ledger is redelivered from offset 0', async () => {
    const names = [ANONYMISED_CELLS_COLLECTION, AGGREGATION_LEARNER_STATE_READ_MODEL.name, ANONYMISED_LEARNER_YEARS_READ_MODEL.name];
    const before = await Promise.all(names.map((name) => documentsById(ctx.store.db, name)));
    ctx.projector = await restartProjectorFromOffsetZero(ctx.env, ctx.ledger.kafka, ctx.projector!.app);
    const after = await Promise.all(names.map((name) => documentsById(ctx.store.db, name)));
    expect(after).toEqual(before);
  });
});
