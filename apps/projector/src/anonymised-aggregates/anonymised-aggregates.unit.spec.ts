import type { PositionedEvent } from '@ledger/events';
import { anonymisedCellId, AnonymisedActivityDocument, rollUpActivityCounts, UNKNOWN_ORGANISATION } from '@ledger/read-store';
import { atOffset, FirstCopies, foldDocument, ledgerEvent } from '../testing/projection-test-kit';
import type { AggregatedEvent, AggregationLearnerStateDocument } from './aggregation-learner-state';
import { evolveAnonymisedActivity } from './evolve-anonymised-activity';
import { planAggregation } from './plan-aggregation';

/** The projection's two collections in memory, written in the projection's order: aggregates, then learner states. */
class AggregationInMemory {
  readonly states = new Map<string, AggregationLearnerStateDocument>();
  readonly aggregates = new Map<string, AnonymisedActivityDocument>();
  /** The projector drops second copies of an event before any projection sees them. */
  private readonly firstCopies = new FirstCopies();

  apply(batch: PositionedEvent<AggregatedEvent>[], crash: 'before-learner-states' | 'none' = 'none'): this {
    const plan = planAggregation(this.states, this.firstCopies.of(batch));
    for (const [id, contributions] of plan.contributions) {
      const folded = foldDocument(evolveAnonymisedActivity, contributions, this.aggregates.get(id) ?? null);
      if (folded) this.aggregates.set(id, folded);
    }
    if (crash === 'none') for (const [id, { next }] of plan.learnerStates) this.states.set(id, next);
    return this;
  }

  /** One cell, its shards rolled up as a report would. */
  counts(sessionId: string, odsCode: string, month: string) {
    const shards = [...this.aggregates.values()].filter((doc) => doc.cell === anonymisedCellId(sessionId, odsCode, month));
    return shards.length === 0 ? {} : rollUpActivityCounts(shards);
  }
}

const novemberDay = (day: number) => ({ occurredAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z` });
const worksAt = (learner: string, odsCode: string | null, day: number) => ledgerEvent('EmploymentLocationSet', learner, { odsCode, jobRole: odsCode ? 'Staff Nurse' : null }, novemberDay(day));
const accessed = (learner: string, seconds: number, day: number, sessionId = 's-1') =>
  ledgerEvent('SessionAccessed', learner, { sessionId, attemptId: 'a-1', timeSpentSeconds: seconds }, novemberDay(day));
const completed = (learner: string, day: number) => ledgerEvent('SessionCompleted', learner, { sessionId: 's-1', attemptId: 'a-1' }, novemberDay(day));
const scored = (learner: string, score: number, day: number) =>
  ledgerEvent('AssessmentScored', learner, { sessionId: 's-1', attemptId: 'a-1', score, maxScore: 10, passMark: 8, passed: score >= 8 }, novemberDay(day));
const inOrder = (events: AggregatedEvent[], partition = 0, from = 0) => events.map((event, i) => atOffset(event, from + i, partition));

const aisha = 'learner-aisha-42';
const ben = 'learner-ben-77';

describe('anonymised aggregates', () => {
  it('adds two learners of one organisation in one month into one cell', () => {
    const model = new AggregationInMemory().apply(
      inOrder([worksAt(aisha, 'RJ1', 1), worksAt(ben, 'RJ1', 1), accessed(aisha, 300, 3), completed(aisha, 3), scored(aisha, 8, 3), accessed(ben, 120, 4), scored(ben, 5.5, 4)]),
    );
    expect(model.counts('s-1', 'RJ1', '2026-11')).toEqual({
      accessedCount: 2,
      completedCount: 1,
      timeSpentSeconds: 420,
      assessedCount: 2,
      passedCount: 1,
      scoreCount: 2,
      scoreSumThousandths: 13_500,
      minScore: 5.5,
      maxScore: 8,
    });
    expect(model.aggregates.size).toBe(1);
  });

  it('counts a pass or fail reported without a score as a result, and never as a score', () => {
    const passedWithoutScore = ledgerEvent('AssessmentScored', ben, { sessionId: 's-1', attemptId: 'a-2', score: null, maxScore: null, passMark: null, passed: true }, novemberDay(5));
    const model = new AggregationInMemory().apply(inOrder([worksAt(aisha, 'RJ1', 1), worksAt(ben, 'RJ1', 1), scored(aisha, 6, 3), passedWithoutScore]));
    expect(model.counts('s-1', 'RJ1', '2026-11')).toMatchObject({ assessedCount: 2, passedCount: 1, scoreCount: 1, scoreSumThousandths: 6_000, minScore: 6, maxScore: 6 });
  });

  it('counts a learner who moves organisation mid-month in each organisation for the events made there', () => {
    const model = new AggregationInMemory().apply(inOrder([worksAt(aisha, 'RJ1', 1), accessed(aisha, 60, 3), worksAt(aisha, 'RR8', 10), accessed(aisha, 90, 20), completed(aisha, 20)]));
    expect(model.counts('s-1', 'RJ1', '2026-11')).toMatchObject({ accessedCount: 1, timeSpentSeconds: 60, completedCount: 0 });
    expect(model.counts('s-1', 'RR8', '2026-11')).toMatchObject({ accessedCount: 1, timeSpentSeconds: 90, completedCount: 1 });
  });

  it('counts activity with no stated or a cleared workplace under unknown, and splits by month', () => {
    const model = new AggregationInMemory().apply(
      inOrder([accessed(aisha, 10, 1), worksAt(aisha, 'RJ1', 2), worksAt(aisha, null, 3), accessed(aisha, 20, 4), ledgerEvent('SessionAccessed', aisha, { sessionId: 's-1', attemptId: 'a-2', timeSpentSeconds: 5 }, { occurredAt: '2026-12-01T00:00:00.000Z' })]),
    );
    expect(model.counts('s-1', UNKNOWN_ORGANISATION, '2026-11')).toMatchObject({ accessedCount: 2, timeSpentSeconds: 30 });
    expect(model.counts('s-1', UNKNOWN_ORGANISATION, '2026-12')).toMatchObject({ accessedCount: 1, timeSpentSeconds: 5 });
  });

  it('does not count an event appended twice, in the same batch or a later one', () => {
    const access = accessed(aisha, 300, 3);
    const model = new AggregationInMemory().apply(inOrder([worksAt(aisha, 'RJ1', 1), access, accessed(aisha, 120, 4), access]));
    model.apply(inOrder([access, accessed(ben, 30, 5), access], 0, 4));
    expect(model.counts('s-1', 'RJ1', '2026-11')).toMatchObject({ accessedCount: 2, timeSpentSeconds: 420 });
    expect(model.counts('s-1', UNKNOWN_ORGANISATION, '2026-11')).toMatchObject({ accessedCount: 1, timeSpentSeconds: 30 });
  });

  it('a redelivered batch changes nothing', () => {
    const batch = inOrder([worksAt(aisha, 'RJ1', 1), accessed(aisha, 300, 3), accessed(ben, 60, 3)]);
    const once = new AggregationInMemory().apply(batch);
    const snapshot = (model: AggregationInMemory) => JSON.stringify([...model.aggregates, ...model.states]);
    const before = snapshot(once);
    expect(snapshot(once.apply(batch))).toBe(before);
  });

  it('a crash between the aggregate and learner-state writes neither loses nor double counts on redelivery', () => {
    const batch = inOrder([worksAt(aisha, 'RJ1', 1), accessed(aisha, 300, 3), worksAt(aisha, 'RR8', 5), accessed(aisha, 60, 6), accessed(ben, 45, 6)]);
    const duplicateLater = inOrder([batch[1].event, accessed(aisha, 15, 7)], 0, batch.length);
    const uninterrupted = new AggregationInMemory().apply(batch).apply(duplicateLater);
    const crashed = new AggregationInMemory().apply(batch, 'before-learner-states');
    expect(crashed.states.size).toBe(0);
    crashed.apply(batch).apply(duplicateLater);
    expect(crashed.aggregates).toEqual(uninterrupted.aggregates);
    expect(crashed.states).toEqual(uninterrupted.states);
  });

  it('gives the same aggregates whichever partition is applied first', () => {
    const fromAisha = inOrder([worksAt(aisha, 'RJ1', 1), accessed(aisha, 300, 3), scored(aisha, 7.1, 3)], 0);
    const fromBen = inOrder([worksAt(ben, 'RJ1', 1), accessed(ben, 60, 4), scored(ben, 9.3, 4)], 1);
    const oneWay = new AggregationInMemory().apply(fromAisha).apply(fromBen);
    const otherWay = new AggregationInMemory().apply(fromBen).apply(fromAisha);
    expect(otherWay.aggregates).toEqual(oneWay.aggregates);
  });

  it('holds no learner id or event id anywhere in an aggregate document', () => {
    const events = inOrder([worksAt(aisha, 'RJ1', 1), accessed(aisha, 300, 3), completed(aisha, 3), scored(aisha, 9, 3), accessed(ben, 60, 4)]);
    const model = new AggregationInMemory().apply(events);
    const serialised = JSON.stringify([...model.aggregates.values()]);
    for (const forbidden of [aisha, ben, 'learner', ...events.map(({ event }) => event.eventId)]) expect(serialised).not.toContain(forbidden);
    expect(JSON.stringify([...model.states.values()])).toContain(aisha);
  });
});
