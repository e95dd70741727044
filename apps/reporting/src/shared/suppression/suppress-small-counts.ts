/** What an anonymised count shows: a number (rounded), or `*` for a suppressed one. */
export type ShownCount = number | '*';

/**
 * A table of counts to publish: each cell by id, and the lines an attacker could difference: sets of
 * cells one of which is the total of the others (a row with its row total, a column with its column
 * total, the totals with the grand total; a course with its sessions). Distinct-learner totals are
 * not exact sums of their parts, but treating them as if they were is the cautious reading.
 */
export interface CountTable {
  cells: ReadonlyMap<string, number>;
  lines: ReadonlyArray<readonly string[]>;
}

/** NHS England's HES rule: counts from 1 to 7 are suppressed. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 7;

/**
 * The one rule for publishing anonymised counts (NHS England's HES rule, made exact):
 * 1. primary: a count from 1 to `threshold` is suppressed (`*`); 0 is shown as 0;
 * 2. secondary: while any line holds exactly one suppressed cell, the smallest other cell of that line
 *    (a non-zero one if there is one; then by id) is suppressed too, so no suppressed cell is the
 *    difference between a total and cells that are shown;
 * 3. every count that is shown, other than 0, is rounded to the nearest 5.
 * Pure and deterministic: the same table always gives the same output.
 */
export function suppressSmallCounts(table: CountTable, threshold = DEFAULT_SUPPRESSION_THRESHOLD): Map<string, ShownCount> {
  const value = (id: string) => table.cells.get(id) ?? 0;
  const suppressed = new Set([...table.cells].filter(([, count]) => count >= 1 && count <= threshold).map(([id]) => id));
  const lines = table.lines.map((line) => [...new Set(line)].filter((id) => table.cells.has(id))).filter((line) => line.length > 1);
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.filter((id) => suppressed.has(id)).length !== 1) continue;
      const candidates = line.filter((id) => !suppressed.has(id));
      candidates.sort((a, b) => Number(value(a) === 0) - Number(value(b) === 0) || value(a) - value(b) || a.localeCompare(b));
      suppressed.add(candidates[0]);
      changed = true;
    }
  }
  return new Map([...table.cells.keys()].map((id) => [id, suppressed.has(id) ? '*' : roundToFive(value(id))]));
}

/** Nearest multiple of 5 (halves cannot occur: counts are whole). */
export function roundToFive(count: number): number {
  return Math.round(count / 5) * 5;
}
