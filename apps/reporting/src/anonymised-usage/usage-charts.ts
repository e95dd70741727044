import type { UsageRow } from './usage-table';

/** What the page's chart script draws (Chart.js), from published numbers only: a suppressed count is a gap. */
export interface ChartSpec {
  id: string;
  type: 'bar' | 'line';
  title: string;
  yTitle: string;
  labels: string[];
  datasets: Array<{ label: string; data: Array<number | null>; backgroundColor: string; borderColor: string }>;
  /**
   * No bar to draw: every value is hidden (suppressed) or 0. The page says so under the chart rather
   * than show empty axes without a word.
   */
  nothingToDraw: boolean;
}

const COLOURS = ['#005eb8', '#009639', '#ffb81c', '#7c2855', '#00a499', '#330072'];

/**
 * Learners who accessed and who completed, by period, for each top-level scope (the programme or
 * course asked for, or every programme), in the organisation asked for or all organisations.
 */
export function usageCharts(rows: readonly UsageRow[], odsCode: string | null): ChartSpec[] {
  const org = odsCode ?? 'ALL';
  const top = rows.filter((r) => r.depth === 0 && r.odsCode === org);
  const labels = [...new Set(top.map((r) => r.period))].sort();
  const scopes = [...new Map(top.map((r) => [`${r.scope}:${r.scopeId}`, r.scopeTitle])).entries()].slice(0, COLOURS.length);
  const value = (v: number | '*') => (v === '*' ? null : v);
  const series = (measure: 'accessed' | 'completed') =>
    scopes.map(([key, title], i) => ({
      label: title,
      data: labels.map((period) => {
        const row = top.find((r) => `${r.scope}:${r.scopeId}` === key && r.period === period);
        return row ? value(row.learners[measure]) : 0;
      }),
      backgroundColor: COLOURS[i],
      borderColor: COLOURS[i],
    }));
  if (labels.length === 0) return [];
  const where = org === 'ALL' ? 'all organisations' : org;
  const chart = (id: string, title: string, datasets: ChartSpec['datasets']): ChartSpec => ({
    id,
    type: 'bar',
    title,
    yTitle: 'Learners',
    labels,
    datasets,
    nothingToDraw: datasets.every((d) => d.data.every((v) => v === null || v === 0)),
  });
  return [chart('chart-accessed', `Learners who accessed, ${where}`, series('accessed')), chart('chart-completed', `Learners who completed, ${where}`, series('completed'))];
}
