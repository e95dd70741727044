/** One record of a partition as the cut search sees it: its offset and, if it decodes, when the ledger accepted it. */
export interface TimedRecord {
  offset: bigint;
  /** `recordedAt` of the event; null for bytes that are not an event (they have a position, not a time). */
  recordedAt: string | null;
}

/**
 * Where a partition is cut at instant `asOf`, from the records of a window `[from, until)` of it: the
 * last offset whose event was recorded at or before `asOf`, or `from - 1` when none in the window was.
 * `settled` says whether the window's edges prove it: the record just before the window (if the window
 * starts after the partition's first offset) was recorded at or before `asOf`, and the record at `until`
 * (if the window ends before the partition's end) after it. When not settled, search a wider window.
 */
export function cutOffsetIn(
  window: { from: bigint; until: bigint; low: bigint; high: bigint },
  records: readonly TimedRecord[],
  asOf: string,
): { offset: bigint; settled: boolean } {
  const inside = records.filter((r) => r.offset >= window.from && r.offset < window.until);
  const atOrBefore = inside.filter((r) => r.recordedAt !== null && r.recordedAt <= asOf);
  const offset = atOrBefore.length > 0 ? atOrBefore[atOrBefore.length - 1].offset : window.from - 1n;
  const before = records.find((r) => r.offset === window.from - 1n);
  const after = records.find((r) => r.offset === window.until);
  const startProven = window.from <= window.low || (before !== undefined && (before.recordedAt === null || before.recordedAt <= asOf));
  const endProven = window.until >= window.high || (after !== undefined && (after.recordedAt === null || after.recordedAt > asOf));
  return { offset, settled: startProven && endProven };
}
