/** What the Auditor page's trail can be filtered by; a period is whole days, `from` and `to` included. */
export interface TrailFilter {
  viewer: string | null;
  learner: string | null;
  organisation: string | null;
  report: string | null;
  from: string | null;
  to: string | null;
}

export interface TrailFilterError {
  field: keyof TrailFilter;
  reason: string;
}

/** A period longer than this is read month by month (then cut to its days), shorter ones day by day. */
const DAYS_READ_ONE_BY_ONE = 62;
/** The longest period one request may read. */
const MAX_MONTHS = 36;
const DAY = 86_400_000;

/** Reads the filter from a query string, naming every bad field. */
export function readTrailFilter(query: Record<string, unknown>): { filter: TrailFilter; errors: TrailFilterError[] } {
  const text = (name: keyof TrailFilter) => {
    const value = query[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  const filter: TrailFilter = { viewer: text('viewer'), learner: text('learner'), organisation: text('organisation'), report: text('report'), from: text('from'), to: text('to') };
  const errors: TrailFilterError[] = [];
  for (const field of ['viewer', 'learner', 'organisation', 'report'] as const) {
    if ((filter[field]?.length ?? 0) > 200) errors.push({ field, reason: `${field} must be 200 characters or fewer` });
  }
  for (const field of ['from', 'to'] as const) {
    const value = filter[field];
    if (value !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) errors.push({ field, reason: `${field} must be a date, YYYY-MM-DD` });
  }
  if (errors.length === 0 && filter.from && filter.to) {
    if (filter.from > filter.to) errors.push({ field: 'to', reason: 'to must not be before from' });
    else if (Date.parse(filter.to) - Date.parse(filter.from) > MAX_MONTHS * 31 * DAY) errors.push({ field: 'to', reason: `a period may span at most ${MAX_MONTHS} months` });
  }
  return { filter, errors };
}

/**
 * The buckets a period is read by, one equality read each: its days (`day`) when short, else its months
 * (`month`, the caller then keeps only the period's days). A missing end is today; a missing start,
 * 30 days before the end.
 */
export function periodBuckets(filter: Pick<TrailFilter, 'from' | 'to'>, today: Date): { field: 'day' | 'month'; values: string[]; from: string; to: string } {
  const to = filter.to ?? today.toISOString().slice(0, 10);
  const from = filter.from ?? new Date(Date.parse(to) - 30 * DAY).toISOString().slice(0, 10);
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;
  if (days <= DAYS_READ_ONE_BY_ONE) {
    return { field: 'day', values: Array.from({ length: days }, (_, i) => new Date(Date.parse(from) + i * DAY).toISOString().slice(0, 10)), from, to };
  }
  const months: string[] = [];
  for (let m = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); m.toISOString().slice(0, 7) <= to.slice(0, 7); m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    months.push(m.toISOString().slice(0, 7));
  }
  return { field: 'month', values: months, from, to };
}
