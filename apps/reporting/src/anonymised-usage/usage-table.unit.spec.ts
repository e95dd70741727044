import { NO_CELL_COUNTS } from '@ledger/read-store';
import type { UsageCell } from './usage-cells';
import { publishUsage } from './usage-table';

const cell = (odsCode: string, accessed: number, extra: Partial<UsageCell['counts']> = {}, learners: Partial<UsageCell['counts']['learners']> = {}): UsageCell => ({
  scope: 'course',
  scopeId: 'c-1',
  scopeTitle: 'Course',
  depth: 0,
  parentKey: null,
  odsCode,
  period: '2026-11',
  counts: { ...NO_CELL_COUNTS, ...extra, learners: { ...NO_CELL_COUNTS.learners, accessed, ...learners } },
});

describe('publishing anonymised usage', () => {
  it('suppresses a small organisation and a second one so the total cannot give it away, with its time spent', () => {
    const rows = publishUsage([cell('SMALL', 3, { timeSpentSeconds: 3600 }), cell('RJ1', 40, { timeSpentSeconds: 36_000 }), cell('RR8', 12), cell('ALL', 55, { timeSpentSeconds: 50_000 })], 7);
    const byOrg = Object.fromEntries(rows.map((r) => [r.odsCode, r]));
    expect(byOrg.SMALL.learners.accessed).toBe('*');
    expect(byOrg.SMALL.timeSpentHours).toBe('*');
    expect(byOrg.RR8.learners.accessed).toBe('*');
    expect(byOrg.RJ1.learners.accessed).toBe(40);
    expect(byOrg.ALL.learners.accessed).toBe(55);
    expect(byOrg.RJ1.timeSpentHours).toBe(10);
  });

  it('shows a score distribution only with its count, and a pass rate from the published counts', () => {
    const scored = { scoreCount: 30, scoreSumThousandths: 210_000, minScore: 2, maxScore: 10 };
    const [big] = publishUsage([cell('RJ1', 40, scored, { scored: 22, assessed: 22, passed: 13 })], 7);
    expect(big.scores).toEqual({ count: 30, mean: 7, min: 2, max: 10 });
    expect(big.passRate).toBe(Math.round((15 / 20) * 100));
    const [small] = publishUsage([cell('RJ1', 40, scored, { scored: 5, assessed: 5, passed: 4 })], 7);
    expect(small.scores).toBe('*');
    expect(small.passRate).toBe('*');
  });
});
