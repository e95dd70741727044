import type { ShownCount } from '../shared/suppression/suppress-small-counts';
import { usageCharts } from './usage-charts';
import type { UsageRow } from './usage-table';

const row = (period: string, accessed: ShownCount, completed: ShownCount): UsageRow => ({
  scope: 'programme',
  scopeId: 'p-1',
  scopeTitle: 'Programme',
  depth: 0,
  odsCode: 'ALL',
  organisation: 'All organisations',
  period,
  learners: { accessed, completed, assessed: 0, passed: 0, scored: 0 },
  timeSpentHours: '*',
  scores: null,
  passRate: null,
});

describe('charts of the anonymised report', () => {
  it('says a chart has nothing to draw when every count in it is hidden or 0', () => {
    const charts = usageCharts([row('2026-10', '*', 0), row('2026-11', '*', '*')], null);
    expect(charts.map((c) => [c.id, c.nothingToDraw])).toEqual([
      ['chart-accessed', true],
      ['chart-completed', true],
    ]);
  });

  it('draws a chart with one published count above 0, and keeps a hidden count as a gap', () => {
    const [accessed, completed] = usageCharts([row('2026-10', 10, 0), row('2026-11', '*', 0)], null);
    expect(accessed.nothingToDraw).toBe(false);
    expect(accessed.datasets[0].data).toEqual([10, null]);
    expect(completed.nothingToDraw).toBe(true);
  });
});
