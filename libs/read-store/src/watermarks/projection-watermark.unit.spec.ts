import { completeThrough, ProjectionWatermarkDocument } from './projection-watermark.document';

const mark = (partition: number, appliedOffset: string, highWatermark: string, lastRecordedAt: string, updatedAt: string, partitionCount = 2): ProjectionWatermarkDocument => ({
  _id: `g|${partition}`,
  consumerGroup: 'g',
  topic: 't',
  partition,
  partitionCount,
  appliedOffset,
  highWatermark,
  lastRecordedAt,
  generation: '',
  updatedAt,
});

describe('completeThrough', () => {
  it('is null before anything was applied', () => {
    expect(completeThrough([])).toBeNull();
  });

  it('is the last check when every partition is caught up', () => {
    expect(completeThrough([mark(0, '9', '10', '2026-11-24T10:00:00Z', '2026-11-24T10:05:00Z'), mark(1, '4', '5', '2026-11-24T09:00:00Z', '2026-11-24T10:04:00Z')])).toBe(
      '2026-11-24T10:04:00Z',
    );
  });

  it('is held back by a partition that is behind, to the newest event it applied', () => {
    expect(completeThrough([mark(0, '9', '10', '2026-11-24T10:00:00Z', '2026-11-24T10:05:00Z'), mark(1, '4', '900', '2026-11-24T08:30:00Z', '2026-11-24T10:05:00Z')])).toBe(
      '2026-11-24T08:30:00Z',
    );
  });

  it('is null while a partition of the topic has no watermark, however current the others are', () => {
    expect(completeThrough([mark(0, '9', '10', '2026-11-24T10:00:00Z', '2026-11-24T10:05:00Z', 3), mark(2, '4', '5', '2026-11-24T09:00:00Z', '2026-11-24T10:04:00Z', 3)])).toBeNull();
  });

  it('counts an empty partition as caught up at its last check', () => {
    expect(completeThrough([mark(0, '-1', '0', '', '2026-11-24T10:05:00Z'), mark(1, '4', '5', '2026-11-24T09:00:00Z', '2026-11-24T10:04:00Z')])).toBe('2026-11-24T10:04:00Z');
  });

  it('is null while a partition is behind and has applied nothing yet', () => {
    expect(completeThrough([mark(0, '-1', '7', '', '2026-11-24T10:05:00Z'), mark(1, '4', '5', '2026-11-24T09:00:00Z', '2026-11-24T10:04:00Z')])).toBeNull();
  });
});
