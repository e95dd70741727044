/**
 * Calendar periods in a deployment's time zone (Europe/London by default): reports group and filter
 * by the day, month, quarter and year a person in that zone would name, so a session at 00:30 BST on
 * 1 April (23:30 UTC on 31 March) belongs to April. Pure, with `Intl` (time-zone data ships with Node).
 */
export interface CalendarPeriods {
  /** `YYYY-MM-DD` */
  day: string;
  /** `YYYY-MM` */
  month: string;
  /** `YYYY-Qn` */
  quarter: string;
  /** `YYYY` */
  year: string;
}

/** The period kinds anonymised reports group by. */
export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Whether `timeZone` is an IANA zone this runtime knows (e.g. `Europe/London`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The local calendar day, month, quarter and year of `instant` (ISO-8601) in `timeZone`. */
export function calendarPeriodsOf(instant: string | Date, timeZone: string): CalendarPeriods {
  const day = localDayOf(instant, timeZone);
  return periodsOfDay(day);
}

/** The periods of a local day `YYYY-MM-DD`. */
export function periodsOfDay(day: string): CalendarPeriods {
  const year = day.slice(0, 4);
  const month = day.slice(0, 7);
  return { day, month, quarter: quarterOfMonth(month), year };
}

/** `YYYY-Qn` of a month `YYYY-MM`. */
export function quarterOfMonth(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The period of `kind` that a month `YYYY-MM` lies in. */
export function periodOfMonth(month: string, kind: PeriodKind): string {
  if (kind === 'month') return month;
  return kind === 'quarter' ? quarterOfMonth(month) : month.slice(0, 4);
}

/** `YYYY-MM-DD` of `instant` in `timeZone`. */
export function localDayOf(instant: string | Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats a date as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/**
 * The instant local midnight starts `day` (`YYYY-MM-DD`) in `timeZone`. The zone's offset is read at
 * a first guess and read again at the result, which settles it on both sides of a clock change.
 */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const asUtc = Date.parse(`${day}T00:00:00.000Z`);
  let instant = asUtc - offsetMs(new Date(asUtc), timeZone);
  instant = asUtc - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** The local day after `day`. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return local - Math.floor(instant.getTime() / 1000) * 1000;
}
