import { isCalendarDay, ReportDates } from './report-dates';

describe('UK dates in reports', () => {
  const london = new ReportDates('Europe/London');

  it('shows local times in UK order, in BST and in GMT', () => {
    expect(london.formatDateTime('2026-03-31T23:30:00.000Z')).toBe('01/04/2026 00:30');
    expect(london.formatDateTime('2026-11-24T09:30:00.000Z')).toBe('24/11/2026 09:30');
    expect(london.formatDate('2026-03-31T23:30:00.000Z')).toBe('01/04/2026');
    expect(london.formatDateTime(null)).toBe('');
    expect(london.formatDay('2026-04-01')).toBe('01/04/2026');
  });

  it('turns a range of local days into instants that include the whole of the last day, across both clock changes', () => {
    expect(london.dayRange('2026-04-01', '2026-04-30')).toEqual({ start: '2026-03-31T23:00:00.000Z', end: '2026-04-30T23:00:00.000Z' });
    expect(london.dayRange('2026-03-29', '2026-03-29')).toEqual({ start: '2026-03-29T00:00:00.000Z', end: '2026-03-29T23:00:00.000Z' });
    expect(london.dayRange('2026-10-25', '2026-10-25')).toEqual({ start: '2026-10-24T23:00:00.000Z', end: '2026-10-26T00:00:00.000Z' });
    expect(london.dayRange(null, '2026-01-31')).toEqual({ start: null, end: '2026-02-01T00:00:00.000Z' });
  });

  it('is configurable per deployment', () => {
    expect(new ReportDates('UTC').formatDateTime('2026-03-31T23:30:00.000Z')).toBe('31/03/2026 23:30');
  });

  it('accepts only real calendar days', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('28/02/2026')).toBe(false);
  });
});
