import { AnonymisedActivityCounts, NO_ACTIVITY } from './anonymised-activity.document';

/**
 * Combines counts of several cells (sessions of a course or programme, organisations, months) into
 * one: counts and sums add, the minimum of minimums and maximum of maximums stand. Only the counts of
 * cells are needed, so a course or programme total is computed when reading rather than stored.
 */
export function rollUpActivityCounts(cells: readonly AnonymisedActivityCounts[]): AnonymisedActivityCounts {
  return cells.reduce<AnonymisedActivityCounts>(
    (total, cell) => ({
      accessedCount: total.accessedCount + cell.accessedCount,
      completedCount: total.completedCount + cell.completedCount,
      timeSpentSeconds: total.timeSpentSeconds + cell.timeSpentSeconds,
      assessedCount: total.assessedCount + cell.assessedCount,
      passedCount: total.passedCount + cell.passedCount,
      scoreCount: total.scoreCount + cell.scoreCount,
      scoreSumThousandths: total.scoreSumThousandths + cell.scoreSumThousandths,
      minScore: lesser(total.minScore, cell.minScore),
      maxScore: greater(total.maxScore, cell.maxScore),
    }),
    NO_ACTIVITY,
  );
}

/** The mean score of the counted assessments, or null when there were none. */
export function meanScore(counts: AnonymisedActivityCounts): number | null {
  return counts.scoreCount === 0 ? null : counts.scoreSumThousandths / 1000 / counts.scoreCount;
}

/** A score as the integer thousandths of a point `scoreSumThousandths` adds up. */
export function scoreInThousandths(score: number): number {
  return Math.round(score * 1000);
}

const lesser = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const greater = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
