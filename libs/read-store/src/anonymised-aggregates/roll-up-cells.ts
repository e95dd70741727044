import { AnonymisedCellCounts, LEARNER_MEASURES, NO_CELL_COUNTS } from './anonymised-cell.document';

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
