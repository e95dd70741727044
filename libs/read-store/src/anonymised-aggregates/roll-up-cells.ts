import { PERIOD_KINDS, PeriodKind, periodOfMonth } from '../calendar/calendar-periods';
import { AnonymisedCellCounts, AnonymisedCellDocument, LEARNER_MEASURES, LearnersByPeriod, NO_CELL_COUNTS } from './anonymised-cell.document';

/**
 * Adds shards of one cell, or sessions' sums for a course: counts and sums add, the lowest minimum and
 * highest maximum stand. (Learner counts of different cells must not be added: they are distinct
 * counts; callers add shards of one cell only, and sessions' sums only.)
 */
export function rollUpCells(cells: readonly AnonymisedCellCounts[]): AnonymisedCellCounts {
  return cells.reduce<AnonymisedCellCounts>(
    (total, cell) => ({
      learners: Object.fromEntries(LEARNER_MEASURES.map((m) => [m, total.learners[m] + cell.learners[m]])) as AnonymisedCellCounts['learners'],
      timeSpentSeconds: total.timeSpentSeconds + cell.timeSpentSeconds,
      scoreCount: total.scoreCount + cell.scoreCount,
      scoreSumThousandths: total.scoreSumThousandths + cell.scoreSumThousandths,
      minScore: lesser(total.minScore, cell.minScore),
      maxScore: greater(total.maxScore, cell.maxScore),
    }),
    NO_CELL_COUNTS,
  );
}

/** What a month shard counts: its learners by period kind, and its sums. */
export type MonthCounts = Omit<AnonymisedCellCounts, 'learners'> & { learners: LearnersByPeriod };

/** Adds shards of one month cell (for a rebuild's comparison): every count and sum adds. */
export function rollUpMonthShards(shards: readonly MonthCounts[]): MonthCounts {
  const sums = rollUpCells(shards.map((s) => ({ ...s, learners: s.learners.month })));
  const learners = Object.fromEntries(PERIOD_KINDS.map((kind) => [kind, rollUpCells(shards.map((s) => ({ ...NO_CELL_COUNTS, learners: s.learners[kind] }))).learners])) as LearnersByPeriod;
  return { ...sums, learners };
}

/**
 * Month shards of one scope rolled up into periods of `kind`, by organisation: `odsCode|period` → the
 * period's counts. A quarter's distinct learners are its months' `learners.quarter` added (each learner
 * sits in exactly one of them, their first month there), a year's the same with `learners.year`.
 */
export function countsInPeriods(shards: readonly AnonymisedCellDocument[], kind: PeriodKind): Map<string, AnonymisedCellCounts> {
  const groups = new Map<string, AnonymisedCellCounts[]>();
  for (const shard of shards) {
    const key = `${shard.odsCode}|${periodOfMonth(shard.month, kind)}`;
    const group = groups.get(key) ?? [];
    group.push({ ...shard, learners: shard.learners[kind] });
    groups.set(key, group);
  }
  return new Map([...groups].map(([key, group]) => [key, rollUpCells(group)]));
}

/** The mean of the counted scores, or null when there were none. */
export function meanScore(counts: Pick<AnonymisedCellCounts, 'scoreCount' | 'scoreSumThousandths'>): number | null {
  return counts.scoreCount === 0 ? null : counts.scoreSumThousandths / 1000 / counts.scoreCount;
}

/** A score as the integer thousandths of a point `scoreSumThousandths` adds up. */
export function scoreInThousandths(score: number): number {
  return Math.round(score * 1000);
}

const lesser = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const greater = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
