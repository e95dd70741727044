import { declareReadModel, ReadModel } from '../indexes/read-model';
import type { PeriodKind } from '../calendar/calendar-periods';
import type { ProjectionMetadata } from '../projection-metadata';
import { MonthCounts, rollUpMonthShards } from './roll-up-cells';

/** What an anonymised cell counts: a session, or a course, learning path or programme (all their sessions). */
export type AnonymisedScope = 'session' | 'course' | 'learning-path' | 'programme';

/** Stands for the organisation of a learner who had stated no workplace (or cleared it) when they acted. */
export const UNKNOWN_ORGANISATION = 'unknown';
/** The cell of every organisation together (each learner counted once, wherever they worked). */
export const ALL_ORGANISATIONS = 'ALL';

/** The distinct-learner measures: a learner counts once per cell, however many events they made in it. */
export const LEARNER_MEASURES = ['accessed', 'completed', 'assessed', 'passed', 'scored'] as const;
export type LearnerMeasure = (typeof LEARNER_MEASURES)[number];

/**
 * Counts of one cell with no person in them. Learner counts are of distinct learners; the rest are
 * sums over events (time spent, scores), kept for sessions only: a course's or programme's sums are
 * its sessions' added when reading. Every field adds across shards (a learner's events all sit on one
 * partition, and every change of a learner count is written, +1 or -1, to exactly one shard).
 */
export interface AnonymisedCellCounts {
  /** Distinct learners who accessed, completed, had an assessment result, passed one, had a score. */
  learners: Record<LearnerMeasure, number>;
  /** Sum of `timeSpentSeconds` over accesses (sessions only). */
  timeSpentSeconds: number;
  /** Scored results, the sum of their scores in integer thousandths (exact in any order), lowest and highest (sessions only). */
  scoreCount: number;
  scoreSumThousandths: number;
  minScore: number | null;
  maxScore: number | null;
}

/** Distinct learners by the period they are counted in (see AnonymisedCellDocument.learners). */
export type LearnersByPeriod = Record<PeriodKind, Record<LearnerMeasure, number>>;

/**
 * One shard of one anonymised month cell: scope (session, course, learning path, programme) ×
 * organisation (ODS code, `unknown`, or `ALL`) × month (in the deployment's time zone), as written by
 * one ledger partition's worker. Written only by the anonymised-aggregates projection; it holds no
 * learner id and no event id.
 *
 * Distinct counts do not add up across months, so a month cell carries three: `learners.month`, the
 * distinct learners of the month; `learners.quarter` and `learners.year`, the distinct learners of its
 * quarter and year whose first month there (for that scope, organisation and measure) this month is.
 * Every learner of a quarter has exactly one first month in it, so a quarter's distinct count is the
 * sum of its months' `learners.quarter`, and a year's of its months' `learners.year`: one document
 * per month serves all three period kinds (three times fewer writes than a cell per period kind).
 * Time and scores are plain sums and add across months. A cell is sharded by the partition whose
 * worker writes it (a sharded counter), so each shard has one writer: a learner's own partition counts
 * their activity, and a catalogue partition's worker re-counts a course or programme when the
 * catalogue moves a session.
 *
 * Read by the anonymised report: a scope's months over every organisation with `find({ scopeMonths })`,
 * or for one organisation with `find({ scopeOrganisationMonths })`, then rolled up into periods
 * (countsInPeriods). Small counts must be suppressed before anything is shown.
 */
export interface AnonymisedCellDocument extends Omit<AnonymisedCellCounts, 'learners'> {
  /** `cell|writer partition` */
  _id: string;
  /** `scope:id|odsCode|YYYY-MM` (see anonymisedCellKey). */
  cell: string;
  scope: AnonymisedScope;
  scopeId: string;
  odsCode: string;
  /** `YYYY-MM` */
  month: string;
  learners: LearnersByPeriod;
  /** `scope:id`: read key for every organisation. */
  scopeMonths: string;
  /** `scope:id|odsCode`: read key for one organisation. */
  scopeOrganisationMonths: string;
  /** The ledger partition whose worker writes this shard. */
  writer: number;
  projection: ProjectionMetadata;
}

export const ANONYMISED_CELLS_COLLECTION = 'anonymised_cells';

/**
 * A rebuild must reproduce every cell's totals; which shard holds a learner's +1 (their own partition's,
 * or the catalogue partition's that placed the session later) depends on the order partitions were
 * applied in, so shards are compared rolled up by cell.
 */
export const ANONYMISED_CELLS_READ_MODEL: ReadModel = declareReadModel(ANONYMISED_CELLS_COLLECTION, ['scopeMonths', 'scopeOrganisationMonths'], {
  key: (doc) => String(doc.cell),
  content: (doc) => {
    const { learners, timeSpentSeconds, scoreCount, scoreSumThousandths, minScore, maxScore } = doc as AnonymisedCellDocument;
    return { learners, timeSpentSeconds, scoreCount, scoreSumThousandths, minScore, maxScore };
  },
  combine: (a, b) => rollUpMonthShards([a as MonthCounts, b as MonthCounts]),
});

export function anonymisedCellKey(scope: AnonymisedScope, scopeId: string, odsCode: string, month: string): string {
  return `${scope}:${scopeId}|${odsCode}|${month}`;
}

export function scopeMonthsKey(scope: AnonymisedScope, scopeId: string): string {
  return `${scope}:${scopeId}`;
}

export function scopeOrganisationMonthsKey(scope: AnonymisedScope, scopeId: string, odsCode: string): string {
  return `${scope}:${scopeId}|${odsCode}`;
}

export function noLearners(): Record<LearnerMeasure, number> {
  return { accessed: 0, completed: 0, assessed: 0, passed: 0, scored: 0 };
}

export function noLearnersByPeriod(): LearnersByPeriod {
  return { month: noLearners(), quarter: noLearners(), year: noLearners() };
}

export const NO_CELL_COUNTS: AnonymisedCellCounts = { learners: noLearners(), timeSpentSeconds: 0, scoreCount: 0, scoreSumThousandths: 0, minScore: null, maxScore: null };
