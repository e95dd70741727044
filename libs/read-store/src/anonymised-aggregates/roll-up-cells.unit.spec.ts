import { AnonymisedCellCounts, NO_CELL_COUNTS } from './anonymised-cell.document';
import { meanScore, rollUpCells, scoreInThousandths } from './roll-up-cells';

const shard = (accessed: number, time: number, scores: number[]): AnonymisedCellCounts => ({
  learners: { accessed, completed: 0, assessed: scores.length, passed: 0, scored: scores.length },
  timeSpentSeconds: time,
  scoreCount: scores.length,
  scoreSumThousandths: scores.reduce((s, x) => s + scoreInThousandths(x), 0),
  minScore: scores.length ? Math.min(...scores) : null,
  maxScore: scores.length ? Math.max(...scores) : null,
});

describe('rolling up anonymised cells', () => {
  it('adds counts and sums, keeps the lowest minimum and highest maximum, in any order', () => {
    const shards = [shard(2, 600, [5.5, 8]), shard(1, 60, []), shard(-1, 0, [9])];
    expect(rollUpCells(shards)).toEqual({ learners: { accessed: 2, completed: 0, assessed: 3, passed: 0, scored: 3 }, timeSpentSeconds: 660, scoreCount: 3, scoreSumThousandths: 22_500, minScore: 5.5, maxScore: 9 });
    expect(rollUpCells([...shards].reverse())).toEqual(rollUpCells(shards));
    expect(rollUpCells([])).toEqual(NO_CELL_COUNTS);
  });

  it('reads the mean back in points, exactly for fractional scores', () => {
    expect(meanScore(rollUpCells([shard(1, 0, [5.5, 8]), shard(1, 0, [9])]))).toBeCloseTo(7.5);
    expect(meanScore(NO_CELL_COUNTS)).toBeNull();
    expect(scoreInThousandths(0.1) + scoreInThousandths(0.2)).toBe(scoreInThousandths(0.3));
  });
});
