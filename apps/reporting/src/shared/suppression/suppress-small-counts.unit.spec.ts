import fc from 'fast-check';
import { CountTable, roundToFive, ShownCount, suppressSmallCounts } from './suppress-small-counts';

/** A grid of counts with row totals, column totals and a grand total, and the lines joining them. */
function gridTable(grid: number[][]): CountTable {
  const cells = new Map<string, number>();
  const lines: string[][] = [];
  const rows = grid.length;
  const cols = grid[0].length;
  grid.forEach((row, r) => row.forEach((count, c) => cells.set(`${r},${c}`, count)));
  for (let r = 0; r < rows; r += 1) cells.set(`${r},T`, grid[r].reduce((a, b) => a + b, 0));
  for (let c = 0; c < cols; c += 1) cells.set(`T,${c}`, grid.reduce((a, row) => a + row[c], 0));
  cells.set('T,T', grid.flat().reduce((a, b) => a + b, 0));
  for (let r = 0; r < rows; r += 1) lines.push([...Array.from({ length: cols }, (_, c) => `${r},${c}`), `${r},T`]);
  for (let c = 0; c < cols; c += 1) lines.push([...Array.from({ length: rows }, (_, r) => `${r},${c}`), `T,${c}`]);
  lines.push([...Array.from({ length: cols }, (_, c) => `T,${c}`), 'T,T']);
  lines.push([...Array.from({ length: rows }, (_, r) => `${r},T`), 'T,T']);
  return { cells, lines };
}

/** What an attacker who knows the published table and the rule can say about each cell: an interval. */
function attack(table: CountTable, shown: Map<string, ShownCount>, threshold: number): Map<string, [number, number]> {
  const bounds = new Map<string, [number, number]>();
  for (const [id, value] of shown) bounds.set(id, value === '*' ? [0, Number.MAX_SAFE_INTEGER] : value === 0 ? [0, 0] : [Math.max(threshold + 1, value - 2), value + 2]);
  // Each line says: the total is the sum of the others. Propagate until nothing narrows (differencing).
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of table.lines) {
      const total = line[line.length - 1];
      const parts = line.slice(0, -1);
      const sum = (ids: string[], end: 0 | 1) => ids.reduce((acc, id) => acc + bounds.get(id)![end], 0);
      const narrow = (id: string, lo: number, hi: number) => {
        const [oldLo, oldHi] = bounds.get(id)!;
        const next: [number, number] = [Math.max(oldLo, lo), Math.min(oldHi, hi)];
        if (next[0] !== oldLo || next[1] !== oldHi) {
          bounds.set(id, next);
          changed = true;
        }
      };
      narrow(total, sum(parts, 0), sum(parts, 1));
      for (const part of parts) {
        const others = parts.filter((id) => id !== part);
        narrow(part, bounds.get(total)![0] - sum(others, 1), bounds.get(total)![1] - sum(others, 0));
      }
    }
  }
  return bounds;
}

const smallCounts = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: 2, arbitrary: fc.integer({ min: 10, max: 60 }) });
const grids = fc.integer({ min: 1, max: 5 }).chain((cols) => fc.array(fc.array(smallCounts, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 5 }));

describe('suppressing small counts (NHS England HES rule)', () => {
  it('shows 0, suppresses 1 to 7, and rounds the rest to the nearest 5', () => {
    const cells = new Map([['zero', 0], ['one', 1], ['seven', 7], ['eight', 8], ['twelve', 12], ['thirteen', 13], ['big', 1234]]);
    expect(Object.fromEntries(suppressSmallCounts({ cells, lines: [] }))).toEqual({ zero: 0, one: '*', seven: '*', eight: 10, twelve: 10, thirteen: 15, big: 1235 });
    expect(roundToFive(17)).toBe(15);
  });

  it('uses the configured threshold', () => {
    const cells = new Map([['a', 9], ['b', 10]]);
    expect(Object.fromEntries(suppressSmallCounts({ cells, lines: [] }, 9))).toEqual({ a: '*', b: 10 });
  });

  it('suppresses a second cell where one suppressed cell could be found from a total', () => {
    // Row: 3 + 20 + 30 = 53. Without secondary suppression, 53 − 20 − 30 gives the 3 back.
    const table = gridTable([[3, 20, 30]]);
    const shown = suppressSmallCounts(table);
    expect(shown.get('0,0')).toBe('*');
    expect([...shown.values()].filter((v) => v === '*').length).toBeGreaterThanOrEqual(2);
    const row = ['0,0', '0,1', '0,2', '0,T'].map((id) => shown.get(id));
    expect(row.filter((v) => v === '*').length).toBeGreaterThanOrEqual(2);
  });

  it('is deterministic', () => {
    fc.assert(fc.property(grids, (grid) => {
      const table = gridTable(grid);
      expect(suppressSmallCounts(table)).toEqual(suppressSmallCounts(table));
    }));
  });

  it('never shows a count from 1 to 7, and every shown count is 0 or a multiple of 5', () => {
    fc.assert(fc.property(grids, (grid) => {
      const table = gridTable(grid);
      for (const [id, value] of suppressSmallCounts(table)) {
        const count = table.cells.get(id)!;
        if (count >= 1 && count <= 7) expect(value).toBe('*');
        if (value !== '*') expect(value % 5).toBe(0);
      }
    }), { numRuns: 500 });
  });

  it('leaves no line (row, column or totals) with exactly one suppressed cell', () => {
    fc.assert(fc.property(grids, (grid) => {
      const table = gridTable(grid);
      const shown = suppressSmallCounts(table);
      for (const line of table.lines) expect(line.filter((id) => shown.get(id) === '*').length).not.toBe(1);
    }), { numRuns: 500 });
  });

  /** The attack as a property of a publishing rule. */
  const attackFails = (publish: (table: CountTable) => Map<string, ShownCount>) =>
    fc.property(grids, (grid) => {
      const table = gridTable(grid);
      const shown = publish(table);
      const bounds = attack(table, shown, 7);
      for (const [id, count] of table.cells) {
        if (count < 1 || count > 7) continue;
        const [lo, hi] = bounds.get(id)!;
        expect(lo).toBeLessThanOrEqual(count);
        expect(hi).toBeGreaterThanOrEqual(count);
        // At least two values stay possible: the attacker cannot say which.
        expect(hi - lo).toBeGreaterThanOrEqual(1);
      }
    });

  it('a differencing attack over rows, columns and totals never pins a small count to one value', () => {
    fc.assert(attackFails((table) => suppressSmallCounts(table)), { numRuns: 1000 });
  });

  it('the same attack does pin small counts when only primary suppression and rounding are applied (so it can find a leak)', () => {
    const primaryOnly = (table: CountTable) =>
      new Map([...table.cells].map(([id, count]): [string, ShownCount] => [id, count >= 1 && count <= 7 ? '*' : roundToFive(count)]));
    expect(fc.check(attackFails(primaryOnly), { numRuns: 1000, seed: 42 }).failed).toBe(true);
  });
});
