import { cutOffsetIn, TimedRecord } from './cut-offset';

const at = (offset: number, recordedAt: string | null): TimedRecord => ({ offset: BigInt(offset), recordedAt });
const T = '2026-12-01T10:00:00.000Z';

describe('where a partition is cut at an instant', () => {
  it('is the last offset in the window recorded at or before T, proven by the records either side', () => {
    const records = [at(9, '2026-12-01T09:58:00.000Z'), at(10, '2026-12-01T09:59:00.000Z'), at(11, T), at(12, '2026-12-01T10:00:00.001Z'), at(13, '2026-12-01T10:01:00.000Z')];
    expect(cutOffsetIn({ from: 10n, until: 13n, low: 0n, high: 20n }, records, T)).toEqual({ offset: 11n, settled: true });
  });

  it('keeps an event recorded a little out of order inside the prefix (a cut is a prefix of the partition)', () => {
    const records = [at(0, '2026-12-01T09:00:00.000Z'), at(1, '2026-12-01T10:00:05.000Z'), at(2, '2026-12-01T09:59:59.000Z'), at(3, '2026-12-01T10:02:00.000Z')];
    expect(cutOffsetIn({ from: 0n, until: 4n, low: 0n, high: 4n }, records, T)).toEqual({ offset: 2n, settled: true });
  });

  it('is one before the window when nothing in it was recorded by T, and nothing (-1) for an empty partition', () => {
    expect(cutOffsetIn({ from: 5n, until: 6n, low: 0n, high: 9n }, [at(4, '2026-12-01T09:00:00.000Z'), at(5, '2026-12-01T11:00:00.000Z'), at(6, '2026-12-01T11:00:01.000Z')], T)).toEqual({
      offset: 4n,
      settled: true,
    });
    expect(cutOffsetIn({ from: 0n, until: 0n, low: 0n, high: 0n }, [], T)).toEqual({ offset: -1n, settled: true });
  });

  it('is not settled when the broker clock was further off than the margin: an edge record contradicts the window', () => {
    const before = [at(4, '2026-12-01T10:30:00.000Z'), at(5, '2026-12-01T10:31:00.000Z')];
    expect(cutOffsetIn({ from: 5n, until: 6n, low: 0n, high: 9n }, before, T).settled).toBe(false);
    const after = [at(5, '2026-12-01T09:00:00.000Z'), at(6, '2026-12-01T09:30:00.000Z')];
    expect(cutOffsetIn({ from: 5n, until: 6n, low: 0n, high: 9n }, after, T).settled).toBe(false);
  });

  it('gives bytes that are not an event a place but no time: they never decide the cut', () => {
    expect(cutOffsetIn({ from: 0n, until: 3n, low: 0n, high: 3n }, [at(0, '2026-12-01T09:00:00.000Z'), at(1, null), at(2, '2026-12-01T11:00:00.000Z')], T)).toEqual({ offset: 0n, settled: true });
  });
});
