import type { KnownLedgerEvent, PositionedEvent } from '@ledger/events';
import { alreadyApplied, AnonymisedCellDocument, AnonymisedScope, countsInPeriods, PeriodKind, rollUpMonthShards, UNKNOWN_ORGANISATION } from '@ledger/read-store';
import { atOffset, FirstCopies, ledgerEvent } from '../testing/projection-test-kit';
import type { AggregatedEvent, AggregationLearnerStateDocument } from './aggregation-learner-state';
import { AnonymisedCatalogueNode, catalogueNodeIdOf, evolveCatalogueNode, isPlacingEvent, PlacingEvent } from './anonymised-catalogue';
import type { AnonymisedLearnerYearDocument, CellContribution } from './anonymised-learner-year';
import { evolveAnonymisedCell, shardIdOf } from './evolve-anonymised-cell';
import { mergeAtPosition } from './merge-contributions';
import { planCatalogueRecount } from './plan-catalogue-recount';
import { learnerYearIdsOf, planLearnerBatch } from './plan-learner-batch';

const ZONE = 'Europe/London';
type Crash = 'none' | 'after-memories' | 'after-shards';

/**
 * The projection's four collections in memory, written in the projection's order (copy or memories,
 * then shards, then states), with the same pure plans: so redelivery, crashes and the order partitions
 * are applied in can be tried exhaustively.
 */
class AnonymisedInMemory {
  readonly states = new Map<string, AggregationLearnerStateDocument>();
  readonly years = new Map<string, AnonymisedLearnerYearDocument>();
  readonly catalogue = new Map<string, AnonymisedCatalogueNode>();
  readonly cells = new Map<string, AnonymisedCellDocument>();
  private readonly firstCopies = new FirstCopies();

  apply(batch: PositionedEvent<KnownLedgerEvent>[], crash: Crash = 'none'): this {
    const events = this.firstCopies.of(batch);
    const placing = events.filter(isPlacingEvent);
    const activity = events.filter((e): e is PositionedEvent<AggregatedEvent> => ['SessionAccessed', 'SessionCompleted', 'AssessmentScored', 'EmploymentLocationSet'].includes(e.event.type));
    if (placing.length > 0) this.applyCatalogue(placing, crash);
    if (activity.length > 0) this.applyActivity(activity, crash);
    return this;
  }

  /** One cell, its month shards rolled up into the period as a report does; undefined when nothing was counted there. */
  cell(scope: AnonymisedScope, id: string, odsCode: string, kind: PeriodKind, period: string) {
    const shards = [...this.cells.values()].filter((doc) => doc.scope === scope && doc.scopeId === id && doc.odsCode === odsCode);
    return countsInPeriods(shards, kind).get(`${odsCode}|${period}`);
  }

  private applyActivity(events: PositionedEvent<AggregatedEvent>[], crash: Crash): void {
    const ids = learnerYearIdsOf(events, ZONE);
    const years = new Map(ids.flatMap((id) => (this.years.has(id) ? [[id, this.years.get(id)!] as const] : [])));
    const plan = planLearnerBatch({ states: this.states, years, parents: this.parents(), timeZone: ZONE }, events);
    for (const [id, { next }] of plan.learnerYears) this.years.set(id, next);
    if (crash === 'after-memories') return;
    this.writeShards(plan.contributions);
    if (crash === 'after-shards') return;
    for (const [id, { next }] of plan.learnerStates) this.states.set(id, next);
  }

  private applyCatalogue(placing: PositionedEvent<PlacingEvent>[], crash: Crash): void {
    for (const positioned of placing) {
      const id = catalogueNodeIdOf(positioned);
      const current = this.catalogue.get(id) ?? null;
      if (!current || !alreadyApplied(current.projection, positioned.position)) this.catalogue.set(id, evolveCatalogueNode(current, positioned));
    }
    const sessions = new Set<string>();
    for (const positioned of placing) {
      if (positioned.event.type === 'SessionDefined') sessions.add(positioned.event.data.sessionId);
      else for (const node of this.catalogue.values()) if (node.parent === catalogueNodeIdOf(positioned)) sessions.add(node._id.slice('session:'.length));
    }
    const affected = [...this.years.values()].filter((y) => y.sessionIds.some((s) => sessions.has(s)));
    if (affected.length === 0) return;
    const plan = planCatalogueRecount(placing, affected, this.parents());
    for (const [id, { next }] of plan.learnerYears) this.years.set(id, next);
    if (crash === 'after-memories') return;
    this.writeShards(plan.contributions);
  }

  private writeShards(contributions: CellContribution[]): void {
    const ordered = mergeAtPosition(contributions).sort((a, b) => Number(BigInt(a.position.offset) - BigInt(b.position.offset)));
    for (const c of ordered) {
      const current = this.cells.get(shardIdOf(c)) ?? null;
      if (current && alreadyApplied(current.projection, c.position)) continue;
      this.cells.set(shardIdOf(c), evolveAnonymisedCell(current, c));
    }
  }

  private parents(): Map<string, string> {
    return new Map([...this.catalogue.values()].map((n) => [n._id, n.parent]));
  }
}

const on = (date: string) => ({ occurredAt: `2026-${date}T10:00:00.000Z` });
const worksAt = (learner: string, odsCode: string | null, date: string) => ledgerEvent('EmploymentLocationSet', learner, { odsCode, jobRole: null }, on(date));
const accessed = (learner: string, sessionId: string, seconds: number, date: string) =>
  ledgerEvent('SessionAccessed', learner, { sessionId, attemptId: `${learner}-a`, timeSpentSeconds: seconds }, on(date));
const completed = (learner: string, sessionId: string, date: string) => ledgerEvent('SessionCompleted', learner, { sessionId, attemptId: `${learner}-a` }, on(date));
const scored = (learner: string, sessionId: string, score: number, date: string) =>
  ledgerEvent('AssessmentScored', learner, { sessionId, attemptId: `${learner}-a`, score, maxScore: 10, passMark: 8, passed: score >= 8 }, on(date));
const courseDefined = (courseId: string, programmeId: string, sessionIds: string[]) =>
  ledgerEvent('CourseDefined', courseId, { courseId, programmeId, title: courseId, sessionIds, issuesCertificate: true, omitsSummaryFromCertificate: false, statusPolicy: 'latest' }, on('01-01'));
const sessionDefined = (sessionId: string, courseId: string) => ledgerEvent('SessionDefined', sessionId, { sessionId, title: sessionId, parentType: 'course', parentId: courseId, requiresPass: false }, on('01-01'));
const inOrder = (events: KnownLedgerEvent[], partition = 0, from = 0) => events.map((event, i) => atOffset(event, from + i, partition));

const catalogue = [courseDefined('c-1', 'p-1', ['s-1', 's-2']), sessionDefined('s-1', 'c-1'), sessionDefined('s-2', 'c-1'), courseDefined('c-2', 'p-1', ['s-3']), sessionDefined('s-3', 'c-2')];

describe('anonymised cells', () => {
  it('counts distinct learners, not events: two accesses by one learner are one learner, and their time adds', () => {
    const model = new AnonymisedInMemory().apply(inOrder([worksAt('aisha', 'RJ1', '01-01'), worksAt('ben', 'RJ1', '01-01'), accessed('aisha', 's-1', 300, '01-03'), accessed('aisha', 's-1', 60, '01-04'), accessed('ben', 's-1', 120, '01-05'), completed('aisha', 's-1', '01-04')]));
    expect(model.cell('session', 's-1', 'RJ1', 'month', '2026-01')).toMatchObject({ learners: { accessed: 2, completed: 1, assessed: 0, passed: 0, scored: 0 }, timeSpentSeconds: 480 });
  });

  it('counts a learner once in a quarter and a year they were active in over several months, and once across organisations in ALL', () => {
    const model = new AnonymisedInMemory().apply(inOrder([worksAt('aisha', 'RJ1', '01-01'), accessed('aisha', 's-1', 10, '01-03'), worksAt('aisha', 'RR8', '02-01'), accessed('aisha', 's-1', 10, '02-03')]));
    expect(model.cell('session', 's-1', 'RJ1', 'month', '2026-01')?.learners.accessed).toBe(1);
    expect(model.cell('session', 's-1', 'RR8', 'month', '2026-02')?.learners.accessed).toBe(1);
    expect(model.cell('session', 's-1', 'ALL', 'quarter', '2026-Q1')).toMatchObject({ learners: { accessed: 1 }, timeSpentSeconds: 20 });
    expect(model.cell('session', 's-1', 'ALL', 'year', '2026')?.learners.accessed).toBe(1);
    expect(model.cell('session', 's-1', 'RJ1', 'year', '2026')?.learners.accessed).toBe(1);
  });

  it('keeps one document per month: a quarter and a year count each learner in their first month there, even when an earlier month arrives later', () => {
    const model = new AnonymisedInMemory().apply(inOrder([worksAt('aisha', 'RJ1', '01-01'), worksAt('ben', 'RJ1', '01-01'), accessed('aisha', 's-1', 10, '02-03'), accessed('ben', 's-1', 10, '03-03'), accessed('aisha', 's-1', 10, '03-04'), accessed('aisha', 's-1', 10, '01-05'), accessed('ben', 's-1', 10, '07-01')]));
    const months = [...model.cells.values()].filter((c) => c.scope === 'session' && c.odsCode === 'RJ1');
    expect(months.map((c) => c.month).sort()).toEqual(['2026-01', '2026-02', '2026-03', '2026-07']);
    // Aisha's quarter count moved from February to January when January arrived; Ben's first month of Q1 is March, of Q3 July.
    expect(Object.fromEntries(months.map((c) => [c.month, [c.learners.month.accessed, c.learners.quarter.accessed, c.learners.year.accessed]]))).toEqual({
      '2026-01': [1, 1, 1],
      '2026-02': [1, 0, 0],
      '2026-03': [2, 1, 1],
      '2026-07': [1, 1, 0],
    });
    expect(model.cell('session', 's-1', 'RJ1', 'quarter', '2026-Q1')).toMatchObject({ learners: { accessed: 2 }, timeSpentSeconds: 40 });
    expect(model.cell('session', 's-1', 'RJ1', 'quarter', '2026-Q3')?.learners.accessed).toBe(1);
    expect(model.cell('session', 's-1', 'ALL', 'year', '2026')).toMatchObject({ learners: { accessed: 2 }, timeSpentSeconds: 50 });
  });

  it('groups by UK month: 00:30 BST on 1 April is April', () => {
    const late = ledgerEvent('SessionAccessed', 'aisha', { sessionId: 's-1', attemptId: 'a', timeSpentSeconds: 5 }, { occurredAt: '2026-03-31T23:30:00.000Z' });
    const model = new AnonymisedInMemory().apply(inOrder([late]));
    expect(model.cell('session', 's-1', UNKNOWN_ORGANISATION, 'month', '2026-04')?.learners.accessed).toBe(1);
    expect(model.cell('session', 's-1', UNKNOWN_ORGANISATION, 'month', '2026-03')).toBeUndefined();
  });

  it('counts a learner once in a course and a programme however many of their sessions they did, with scores and passes', () => {
    const model = new AnonymisedInMemory().apply(inOrder(catalogue, 1));
    model.apply(inOrder([worksAt('aisha', 'RJ1', '01-01'), accessed('aisha', 's-1', 10, '01-03'), accessed('aisha', 's-2', 10, '01-04'), accessed('aisha', 's-3', 10, '01-05'), scored('aisha', 's-2', 9, '01-05'), scored('aisha', 's-2', 4, '01-06')]));
    expect(model.cell('course', 'c-1', 'RJ1', 'month', '2026-01')?.learners).toEqual({ accessed: 1, completed: 0, assessed: 1, passed: 1, scored: 1 });
    expect(model.cell('programme', 'p-1', 'ALL', 'year', '2026')?.learners.accessed).toBe(1);
    expect(model.cell('session', 's-2', 'RJ1', 'month', '2026-01')).toMatchObject({ scoreCount: 2, scoreSumThousandths: 13_000, minScore: 4, maxScore: 9 });
  });

  const stream = [worksAt('aisha', 'RJ1', '01-01'), worksAt('ben', 'RJ1', '01-01'), accessed('aisha', 's-1', 300, '01-03'), accessed('aisha', 's-2', 60, '02-04'), accessed('ben', 's-3', 120, '02-05'), completed('ben', 's-3', '02-05'), scored('ben', 's-3', 7, '03-05')];
  const snapshot = (model: AnonymisedInMemory) => [...model.cells.values()].map((c) => [c.cell, c.learners, c.timeSpentSeconds, c.scoreCount]).sort((a, b) => String(a[0]).localeCompare(String(b[0])) || 0);
  const totals = (model: AnonymisedInMemory) => {
    const byCell = new Map<string, string>();
    for (const cell of new Set([...model.cells.values()].map((c) => c.cell))) {
      const [scope, rest] = [cell.slice(0, cell.indexOf(':')), cell];
      byCell.set(rest, JSON.stringify(rollUpMonthShards([...model.cells.values()].filter((c) => c.cell === cell))) + scope);
    }
    return [...byCell].sort();
  };

  it('gives the same cells whether the catalogue is applied before or after the activity (a late definition recounts)', () => {
    const first = new AnonymisedInMemory().apply(inOrder(catalogue, 1)).apply(inOrder(stream, 0));
    const last = new AnonymisedInMemory().apply(inOrder(stream, 0)).apply(inOrder(catalogue, 1));
    expect(totals(last)).toEqual(totals(first));
    expect(last.cell('course', 'c-2', 'RJ1', 'quarter', '2026-Q1')?.learners).toMatchObject({ accessed: 1, completed: 1, scored: 1 });
  });

  it('moves a learner from one course to another when the catalogue moves a session', () => {
    const model = new AnonymisedInMemory().apply(inOrder(catalogue, 1)).apply(inOrder(stream, 0));
    expect(model.cell('course', 'c-2', 'RJ1', 'month', '2026-02')?.learners.accessed).toBe(1);
    model.apply(inOrder([sessionDefined('s-3', 'c-1')], 1, catalogue.length));
    expect(model.cell('course', 'c-2', 'RJ1', 'month', '2026-02')?.learners.accessed).toBe(0);
    expect(model.cell('course', 'c-1', 'RJ1', 'month', '2026-02')?.learners.accessed).toBe(2);
    expect(model.cell('programme', 'p-1', 'RJ1', 'month', '2026-02')?.learners.accessed).toBe(2);
  });

  it('a redelivered batch changes nothing, and an event appended twice counts once', () => {
    const batch = inOrder(stream);
    const once = new AnonymisedInMemory().apply(inOrder(catalogue, 1)).apply(batch);
    const before = JSON.stringify(snapshot(once));
    once.apply(batch).apply(inOrder([stream[2], stream[4]], 0, stream.length));
    expect(JSON.stringify(snapshot(once))).toBe(before);
  });

  it.each(['after-memories', 'after-shards'] as const)('a crash %s neither loses nor double counts on redelivery', (crash) => {
    const batch = inOrder(stream);
    const later = inOrder([accessed('aisha', 's-1', 15, '03-07')], 0, stream.length);
    const uninterrupted = new AnonymisedInMemory().apply(inOrder(catalogue, 1)).apply(batch).apply(later);
    const crashed = new AnonymisedInMemory().apply(inOrder(catalogue, 1)).apply(batch, crash);
    crashed.apply(batch).apply(later);
    expect(totals(crashed)).toEqual(totals(uninterrupted));
  });

  it('a catalogue batch that crashes after the memories still writes its recount on redelivery', () => {
    const late = inOrder(catalogue, 1);
    const clean = new AnonymisedInMemory().apply(inOrder(stream)).apply(late);
    const crashed = new AnonymisedInMemory().apply(inOrder(stream)).apply(late, 'after-memories');
    crashed.apply(late);
    expect(totals(crashed)).toEqual(totals(clean));
  });

  it('keeps one outbox change per cell however many events a learner has in a batch, and counts as one event per batch would', () => {
    const many = [worksAt('aisha', 'RJ1', '01-01'), ...Array.from({ length: 40 }, (_, i) => accessed('aisha', i % 2 === 0 ? 's-1' : 's-3', 10 + i, '01-03')), scored('aisha', 's-1', 9, '01-04'), scored('aisha', 's-1', 5, '01-05')];
    const together = new AnonymisedInMemory().apply(inOrder(catalogue, 1)).apply(inOrder(many));
    const oneByOne = new AnonymisedInMemory().apply(inOrder(catalogue, 1));
    for (const event of inOrder(many)) oneByOne.apply([event]);
    expect(totals(together)).toEqual(totals(oneByOne));
    expect(together.cell('session', 's-1', 'RJ1', 'month', '2026-01')).toMatchObject({ learners: { accessed: 1, scored: 1 }, scoreCount: 2, minScore: 5, maxScore: 9 });
    const outbox = together.years.get('aisha|2026')!.outbox[0].contributions;
    // Two sessions' and two courses' and a programme's cells, each for RJ1 and ALL, plus the two scores' own.
    expect(outbox.filter((c) => c.score === null)).toHaveLength(10);
    expect(outbox.filter((c) => c.score !== null)).toHaveLength(4);
  });

  it('holds no learner id or event id in any cell', () => {
    const events = inOrder(stream);
    const model = new AnonymisedInMemory().apply(inOrder(catalogue, 1)).apply(events);
    const serialised = JSON.stringify([...model.cells.values()]);
    for (const forbidden of ['aisha', 'ben', ...events.map(({ event }) => event.eventId)]) expect(serialised).not.toContain(forbidden);
    expect(JSON.stringify([...model.years.values()])).toContain('aisha');
  });
});
