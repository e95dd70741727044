import { calendarPeriodsOf, isKnownTimeZone, nextDay, periodOfMonth, startOfLocalDay } from './calendar-periods';

const LONDON = 'Europe/London';

describe('calendar periods in a deployment time zone', () => {
  it('puts a session at 00:30 BST on 1 April (23:30 UTC on 31 March) in April, Q2', () => {
    expect(calendarPeriodsOf('2026-03-31T23:30:00.000Z', LONDON)).toEqual({ day: '2026-04-01', month: '2026-04', quarter: '2026-Q2', year: '2026' });
    expect(calendarPeriodsOf('2026-03-31T23:30:00.000Z', 'UTC').month).toBe('2026-03');
  });

  it('puts 00:30 GMT on 1 January in the new year, and 23:59 BST on 30 June in Q2', () => {
    expect(calendarPeriodsOf('2027-01-01T00:30:00.000Z', LONDON)).toMatchObject({ month: '2027-01', quarter: '2027-Q1', year: '2027' });
    expect(calendarPeriodsOf('2026-06-30T22:59:00.000Z', LONDON)).toMatchObject({ day: '2026-06-30', quarter: '2026-Q2' });
    expect(calendarPeriodsOf('2026-06-30T23:00:00.000Z', LONDON)).toMatchObject({ day: '2026-07-01', quarter: '2026-Q3' });
  });

  it('finds local midnight on both sides of the spring clock change (29 March 2026, GMT → BST)', () => {
    expect(startOfLocalDay('2026-03-28', LONDON).toISOString()).toBe('2026-03-28T00:00:00.000Z');
    expect(startOfLocalDay('2026-03-29', LONDON).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', LONDON).toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(startOfLocalDay('2026-04-01', LONDON).toISOString()).toBe('2026-03-31T23:00:00.000Z');
  });

  it('finds local midnight on both sides of the autumn clock change (25 October 2026, BST → GMT)', () => {
    expect(startOfLocalDay('2026-10-25', LONDON).toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(startOfLocalDay('2026-10-26', LONDON).toISOString()).toBe('2026-10-26T00:00:00.000Z');
    // 01:30 local happens twice on 25 October; both belong to that day.
    expect(calendarPeriodsOf('2026-10-25T00:30:00.000Z', LONDON).day).toBe('2026-10-25');
    expect(calendarPeriodsOf('2026-10-25T01:30:00.000Z', LONDON).day).toBe('2026-10-25');
  });

  it('works for other zones, and knows which zones exist', () => {
    expect(startOfLocalDay('2026-07-01', 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(isKnownTimeZone('Europe/London')).toBe(true);
    expect(isKnownTimeZone('Europe/Nowhere')).toBe(false);
  });

  it('names the quarter and year of a month, and the next day across a month end', () => {
    expect(periodOfMonth('2026-12', 'quarter')).toBe('2026-Q4');
    expect(periodOfMonth('2026-12', 'year')).toBe('2026');
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
  });
});
