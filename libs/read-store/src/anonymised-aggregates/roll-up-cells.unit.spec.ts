import { noEventsApplied } from '../projection-metadata';
import { AnonymisedCellCounts, AnonymisedCellDocument, NO_CELL_COUNTS, noLearners } from './anonymised-cell.document';
import { countsInPeriods, meanScore, rollUpCells, scoreInThousandths } from './roll-up-cells';

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

describe('rolling month shards up into periods', () => {
  const month = (odsCode: string, ym: string, learners: [number, number, number], time: number): AnonymisedCellDocument => ({
    _id: `session:s|${odsCode}|${ym}|0`,
    cell: `session:s|${odsCode}|${ym}`,
    scope: 'session',
    scopeId: 's',
    odsCode,
    month: ym,
    scopeMonths: 'session:s',
    scopeOrganisationMonths: `session:s|${odsCode}`,
    writer: 0,
    learners: { month: { ...noLearners(), accessed: learners[0] }, quarter: { ...noLearners(), accessed: learners[1] }, year: { ...noLearners(), accessed: learners[2] } },
    timeSpentSeconds: time,
    scoreCount: 0,
    scoreSumThousandths: 0,
    minScore: null,
    maxScore: null,
    projection: noEventsApplied(2),
  });
  const shards = [month('RJ1', '2026-01', [3, 3, 3], 60), month('RJ1', '2026-02', [2, 1, 0], 30), month('RJ1', '2026-04', [4, 4, 2], 10), month('RR8', '2026-02', [1, 1, 1], 5)];

  it('adds each month’s first-in-period learners: a quarter’s and a year’s distinct counts, by organisation, with sums', () => {
    expect(countsInPeriods(shards, 'month').get('RJ1|2026-02')).toMatchObject({ learners: { accessed: 2 }, timeSpentSeconds: 30 });
    expect(countsInPeriods(shards, 'quarter').get('RJ1|2026-Q1')).toMatchObject({ learners: { accessed: 4 }, timeSpentSeconds: 90 });
    expect(countsInPeriods(shards, 'quarter').get('RJ1|2026-Q2')).toMatchObject({ learners: { accessed: 4 }, timeSpentSeconds: 10 });
    expect(countsInPeriods(shards, 'year').get('RJ1|2026')).toMatchObject({ learners: { accessed: 5 }, timeSpentSeconds: 100 });
    expect([...countsInPeriods(shards, 'year').keys()].sort()).toEqual(['RJ1|2026', 'RR8|2026']);
  });
});
