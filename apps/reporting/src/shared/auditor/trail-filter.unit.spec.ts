import { readJobRequest } from './auditor-jobs';
import { inertCell } from './trail-csv';
import { periodBuckets, readTrailFilter } from './trail-filter';

describe('the trail filter and job requests', () => {
  it('reads a period day by day when short and month by month when long', () => {
    const today = new Date('2026-12-02T10:00:00Z');
    expect(periodBuckets({ from: '2026-11-29', to: '2026-12-01' }, today)).toEqual({ field: 'day', values: ['2026-11-29', '2026-11-30', '2026-12-01'], from: '2026-11-29', to: '2026-12-01' });
    expect(periodBuckets({ from: '2026-01-15', to: '2026-06-01' }, today).values).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(periodBuckets({ from: null, to: null }, today)).toMatchObject({ field: 'day', from: '2026-11-02', to: '2026-12-02' });
  });

  it('names every bad field', () => {
    expect(readTrailFilter({ from: 'last week', to: '2026-13-45', viewer: 'x'.repeat(201) }).errors.map((e) => e.field)).toEqual(['viewer', 'from', 'to']);
    expect(readTrailFilter({ from: '2026-12-02', to: '2026-12-01' }).errors).toEqual([{ field: 'to', reason: 'to must not be before from' }]);
    const now = new Date('2026-12-02T10:00:00Z');
    expect(readJobRequest({ kind: 'as-of', asOf: '2026-12-03T00:00:00Z' }, now).errors).toEqual([{ field: 'asOf', reason: 'asOf must not be in the future' }]);
    expect(readJobRequest({ kind: 'as-of', asOf: '2026-12-01T10:00' }, now).errors.map((e) => e.field)).toEqual(['asOf']);
    expect(readJobRequest({ kind: 'shred' }, now).errors.map((e) => e.field)).toEqual(['kind']);
    expect(readJobRequest({ kind: 'as-of', asOf: '2026-12-01T10:00:00+01:00', learnerId: ' learner-asha ' }, now)).toEqual({
      request: { kind: 'as-of', asOf: '2026-12-01T09:00:00.000Z', learnerId: 'learner-asha' },
      errors: [],
    });
  });

  it('keeps CSV cells from being run as formulas', () => {
    expect(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', 'learner-asha'].map(inertCell)).toEqual(["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)", 'learner-asha']);
  });
});
