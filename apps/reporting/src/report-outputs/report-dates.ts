import { localDayOf, nextDay, startOfLocalDay } from '@ledger/read-store';

/**
 * UK dates for reports, in the deployment's zone (REPORT_TIME_ZONE, Europe/London by default): what a
 * person reads and types. The calendar arithmetic itself lives with the read models that group by it.
 */
export class ReportDates {
  private readonly dateTime: Intl.DateTimeFormat;
  private readonly date: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.dateTime = new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    this.date = new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' });
  }

  /** `24/11/2026 09:30` (local time), or an empty string for none. */
  formatDateTime(instant: string | null | undefined): string {
    return instant ? this.dateTime.format(new Date(instant)).replace(',', '') : '';
  }

  /** `24/11/2026`, or an empty string for none. */
  formatDate(instant: string | null | undefined): string {
    return instant ? this.date.format(new Date(instant)) : '';
  }

  /** A day typed as `YYYY-MM-DD` shown as `DD/MM/YYYY`. */
  formatDay(day: string): string {
    return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
  }

  /** The local day of an instant, `YYYY-MM-DD`. */
  dayOf(instant: string): string {
    return localDayOf(instant, this.timeZone);
  }

  /**
   * A range of whole local days as instants: from the start of `from` to the start of the day after
   * `to` (exclusive), so "to 31/03/2026" includes everything on 31 March, local time. Either end may be open.
   */
  dayRange(from: string | null, to: string | null): { start: string | null; end: string | null } {
    return {
      start: from ? startOfLocalDay(from, this.timeZone).toISOString() : null,
      end: to ? startOfLocalDay(nextDay(to), this.timeZone).toISOString() : null,
    };
  }
}

/** Whether `value` is a real calendar day written `YYYY-MM-DD`. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
