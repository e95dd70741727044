import { ALL_ORGANISATIONS, LEARNER_MEASURES, LearnerMeasure, meanScore } from '@ledger/read-store';
import { CountTable, roundToFive, ShownCount, suppressSmallCounts } from '../shared/suppression/suppress-small-counts';
import { scopeKey, UsageCell } from './usage-cells';

/** One published row: every number in it has been through the suppression rule. */
export interface UsageRow {
  scope: string;
  scopeId: string;
  scopeTitle: string;
  depth: number;
  odsCode: string;
  organisation: string;
  period: string;
  learners: Record<LearnerMeasure, ShownCount>;
  /** Hours, one decimal; `*` with the learners who accessed. */
  timeSpentHours: number | '*';
  /** Score distribution, `*` with the learners who had a score, null when there were none. */
  scores: { count: number; mean: number; min: number; max: number } | '*' | null;
  /** Per cent of assessed learners who passed, from the published (rounded) counts; `*` when either is suppressed. */
  passRate: number | '*' | null;
}

const cellId = (measure: LearnerMeasure, cell: UsageCell) => `${measure}|${scopeKey(cell.scope, cell.scopeId)}|${cell.odsCode}|${cell.period}`;

/**
 * Applies the suppression rule to every count of the report at once, with the lines an attacker
 * could difference: the organisations of a scope and period with the all-organisations cell, and the
 * sessions of a course (or courses of a programme) with the course (programme) in one organisation
 * and period. It is always applied to every organisation (a report for one organisation picks its rows
 * afterwards), so the same cell is published the same way whoever asks. Means, minimums, maximums and
 * time spent are shown only with their count; pass rates are computed from the published counts.
 */
export function publishUsage(cells: readonly UsageCell[], threshold: number): UsageRow[] {
  const counts = new Map<string, number>();
  for (const cell of cells) for (const m of LEARNER_MEASURES) counts.set(cellId(m, cell), cell.counts.learners[m]);
  const shown = suppressSmallCounts({ cells: counts, lines: linesOf(cells) }, threshold);
  return cells.map((cell) => {
    const learners = Object.fromEntries(LEARNER_MEASURES.map((m) => [m, shown.get(cellId(m, cell))!])) as Record<LearnerMeasure, ShownCount>;
    const mean = meanScore(cell.counts);
    const { minScore, maxScore, scoreCount } = cell.counts;
    return {
      scope: cell.scope,
      scopeId: cell.scopeId,
      scopeTitle: cell.scopeTitle,
      depth: cell.depth,
      odsCode: cell.odsCode,
      organisation: cell.odsCode === ALL_ORGANISATIONS ? 'All organisations' : cell.odsCode === 'unknown' ? 'No workplace stated' : cell.odsCode,
      period: cell.period,
      learners,
      timeSpentHours: learners.accessed === '*' ? '*' : Math.round(cell.counts.timeSpentSeconds / 360) / 10,
      scores: learners.scored === '*' ? '*' : scoreCount === 0 || mean === null ? null : { count: roundToFive(scoreCount), mean: Math.round(mean * 10) / 10, min: minScore!, max: maxScore! },
      passRate: passRate(learners.passed, learners.assessed),
    };
  });
}

function passRate(passed: ShownCount, assessed: ShownCount): number | '*' | null {
  if (passed === '*' || assessed === '*') return '*';
  return assessed === 0 ? null : Math.round((Math.min(passed, assessed) / assessed) * 100);
}

/** The differencing lines of the report, per measure. */
export function linesOf(cells: readonly UsageCell[]): string[][] {
  const lines: string[][] = [];
  const group = <K>(key: (c: UsageCell) => K) => {
    const groups = new Map<K, UsageCell[]>();
    for (const c of cells) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
    return groups;
  };
  for (const m of LEARNER_MEASURES) {
    // Organisations of one scope and period, with all organisations as their total.
    for (const same of group((c) => `${scopeKey(c.scope, c.scopeId)}|${c.period}`).values()) {
      const total = same.find((c) => c.odsCode === ALL_ORGANISATIONS);
      const parts = same.filter((c) => c.odsCode !== ALL_ORGANISATIONS);
      if (total && parts.length > 0) lines.push([...parts.map((c) => cellId(m, c)), cellId(m, total)]);
    }
    // Children of one scope in one organisation and period, with the scope as their total.
    const byPlace = group((c) => `${c.odsCode}|${c.period}`);
    for (const same of byPlace.values()) {
      for (const parent of same) {
        const children = same.filter((c) => c.parentKey === scopeKey(parent.scope, parent.scopeId));
        if (children.length > 0) lines.push([...children.map((c) => cellId(m, c)), cellId(m, parent)]);
      }
    }
  }
  return lines;
}

export type { CountTable };
