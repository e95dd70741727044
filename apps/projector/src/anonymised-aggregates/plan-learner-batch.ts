import type { ActivityEvent, PositionedEvent } from '@ledger/events';
import { advanceMetadata, alreadyApplied, calendarPeriodsOf, LearnerMeasure, noEventsApplied, UNKNOWN_ORGANISATION } from '@ledger/read-store';
import { AggregatedEvent, AggregationLearnerStateDocument, evolveAggregationLearnerState } from './aggregation-learner-state';
import { AnonymisedLearnerYearDocument, ANONYMISED_LEARNER_YEAR_SCHEMA_VERSION, CellContribution, learnerYearId } from './anonymised-learner-year';
import { cellsOf, entryOf, learnerChangesBetween, parseEntry, sessionKeysOf } from './anonymised-keys';
import { mergeRunByCell } from './merge-contributions';
import { recountContainers } from './recount-containers';

/** A document the batch changed: as stored (null if new) and after the batch. */
export interface Change<D> {
  stored: D | null;
  next: D;
}

/** What one batch of one partition does to learners' anonymised memory and to the cells. */
export interface LearnerBatchPlan {
  learnerStates: Map<string, Change<AggregationLearnerStateDocument>>;
  learnerYears: Map<string, Change<AnonymisedLearnerYearDocument>>;
  /** Every shard change to write: this batch's, and any a crashed run of this writer left in an outbox. */
  contributions: CellContribution[];
}

export interface LearnerBatchInputs {
  states: ReadonlyMap<string, AggregationLearnerStateDocument>;
  years: ReadonlyMap<string, AnonymisedLearnerYearDocument>;
  /** Where the catalogue places each node now (read after `years`). */
  parents: ReadonlyMap<string, string>;
  timeZone: string;
}

/** The learner-year documents a batch's activity touches, to read before planning. */
export function learnerYearIdsOf(events: readonly PositionedEvent<AggregatedEvent>[], timeZone: string): string[] {
  return [...new Set(events.filter((e) => e.event.type !== 'EmploymentLocationSet').map(({ event }) => learnerYearId(event.subject, calendarPeriodsOf(event.occurredAt, timeZone).year)))];
}

/**
 * The pure plan of one batch from one partition (a learner's events all sit on one): walk the events
 * in ledger order through each learner's state (organisation now; an event the state already applied
 * is skipped) and their memory for the event's year (an event the memory already holds left its
 * shard changes in the outbox). Each new fact a learner had not done yet in a cell counts them once
 * there (+1); every access adds its time and every score its score, to the session's cells. Then each
 * changed year's course and programme cells are recounted against the catalogue as it stands.
 */
export function planLearnerBatch(inputs: LearnerBatchInputs, events: readonly PositionedEvent<AggregatedEvent>[]): LearnerBatchPlan {
  const learnerStates = new Map<string, Change<AggregationLearnerStateDocument>>();
  const years = new Map<string, { stored: AnonymisedLearnerYearDocument | null; next: AnonymisedLearnerYearDocument; made: CellContribution[]; last: PositionedEvent | null }>();
  const yearOf = (id: string, learnerId: string, year: string) => {
    let working = years.get(id);
    if (!working) {
      const stored = inputs.years.get(id) ?? null;
      const next = stored ?? { _id: id, learnerId, year, sessionIds: [], entries: [], containerKeys: [], outbox: [], revision: 0, projection: noEventsApplied(ANONYMISED_LEARNER_YEAR_SCHEMA_VERSION) };
      working = { stored, next: { ...next }, made: [], last: null };
      years.set(id, working);
    }
    return working;
  };
  for (const positioned of events) {
    const learnerId = positioned.event.subject;
    const state = learnerStates.get(learnerId)?.next ?? inputs.states.get(learnerId) ?? null;
    if (state && alreadyApplied(state.projection, positioned.position)) continue;
    const { next } = evolveAggregationLearnerState(state, positioned);
    learnerStates.set(learnerId, { stored: inputs.states.get(learnerId) ?? null, next });
    if (positioned.event.type === 'EmploymentLocationSet') continue;
    const activity = positioned as PositionedEvent<ActivityEvent>;
    const { year, month } = calendarPeriodsOf(activity.event.occurredAt, inputs.timeZone);
    const working = yearOf(learnerYearId(learnerId, year), learnerId, year);
    if (working.stored && alreadyApplied(working.stored.projection, positioned.position)) continue;
    const odsCode = state?.odsCode ?? UNKNOWN_ORGANISATION;
    working.made.push(...countActivity(working.next, activity, odsCode, month));
    working.last = positioned;
  }
  const contributions: CellContribution[] = [];
  const learnerYears = new Map<string, Change<AnonymisedLearnerYearDocument>>();
  for (const [id, working] of years) {
    const writer = events[0].position.partition;
    contributions.push(...(working.stored?.outbox.find((o) => o.writer === writer)?.contributions ?? []));
    if (!working.last) continue;
    const recount = recountContainers(working.next, inputs.parents, working.last.position, working.last.event.recordedAt);
    const made = mergeRunByCell([...working.made, ...recount.contributions]);
    const next = {
      ...recount.next,
      outbox: [...working.next.outbox.filter((o) => o.writer !== writer), { writer, contributions: made }],
    };
    learnerYears.set(id, { stored: working.stored, next });
    contributions.push(...made);
  }
  return { learnerStates, learnerYears, contributions };
}

/** Records one activity event in a learner-year memory (mutating `doc`, a working copy) and returns its session cell changes. */
function countActivity(doc: AnonymisedLearnerYearDocument, positioned: PositionedEvent<ActivityEvent>, odsCode: string, month: string): CellContribution[] {
  const { event, position } = positioned;
  const { sessionId } = event.data;
  const measures: LearnerMeasure[] =
    event.type === 'SessionAccessed' ? ['accessed'] : event.type === 'SessionCompleted' ? ['completed'] : ['assessed', ...(event.data.passed ? ['passed' as const] : []), ...(event.data.score !== null ? ['scored' as const] : [])];
  // A session's cells count only that session's entries, so the rest of the year is left out of both sides.
  const sessionEntries = doc.entries.filter((entry) => parseEntry(entry).sessionId === sessionId);
  const before = sessionKeysOf(sessionEntries);
  const added = measures.map((m) => entryOf(m, sessionId, odsCode, month)).filter((e) => !sessionEntries.includes(e));
  doc.entries = [...doc.entries, ...added];
  if (!doc.sessionIds.includes(sessionId)) doc.sessionIds = [...doc.sessionIds, sessionId];
  doc.projection = advanceMetadata(doc.projection, ANONYMISED_LEARNER_YEAR_SCHEMA_VERSION, position, event.recordedAt);
  const after = sessionKeysOf([...sessionEntries, ...added]);
  // The event's own month cells always get its sums; an earlier month arriving late may also move a
  // quarter's or year's count between month cells.
  const changes = learnerChangesBetween(before, after);
  const own = cellsOf('session', sessionId, odsCode, month);
  for (const cell of own) if (!changes.has(cell)) changes.set(cell, {});
  return [...changes].map(([cell, learners]) => ({
    cell,
    position,
    recordedAt: event.recordedAt,
    learners,
    timeSpentSeconds: own.includes(cell) && event.type === 'SessionAccessed' ? event.data.timeSpentSeconds : 0,
    score: own.includes(cell) && event.type === 'AssessmentScored' ? event.data.score : null,
  }));
}
