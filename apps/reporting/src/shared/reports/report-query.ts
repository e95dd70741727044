import { AppError } from '@ledger/runtime';
import { isCalendarDay } from '../../report-outputs/report-dates';

/** One bad filter, named: the page links its error summary to `field`; the API lists it in `details`. */
export interface FilterProblem {
  field: string;
  text: string;
  /** The value is well formed but the viewer may not ask for it (an organisation they do not run reports for). */
  forbidden?: boolean;
}

/** Most rows one page of a report shows; CSV downloads are not paged. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;
/** Most ids one list filter names, and the longest id: a query string stays well under HTTP's header limit. */
export const MAX_LIST_ITEMS = 20;
export const MAX_LIST_ITEM_LENGTH = 100;

/**
 * Reads a report's filters from a query string (the form posts by GET, the API takes the same
 * names), collecting every problem instead of stopping at the first. Lists may be repeated
 * (`programme=a&programme=b`) or comma-separated.
 */
export class ReportQuery {
  readonly problems: FilterProblem[] = [];

  /**
   * `strict` (the API): a parameter given empty, or a single-valued one given twice, is a problem.
   * Not strict (the page's GET form): a field left empty simply filters nothing.
   */
  constructor(
    private readonly query: Record<string, unknown>,
    private readonly strict = false,
  ) {}

  text(name: string, maxLength = 200): string | null {
    const raw = this.query[name];
    if (this.strict && Array.isArray(raw)) {
      this.problem(name, 'must be given once');
      return null;
    }
    const value = (Array.isArray(raw) ? raw[0] : raw) as unknown;
    if (this.strict && value === '') {
      this.problem(name, 'must not be empty (leave it out instead)');
      return null;
    }
    if (typeof value !== 'string' || value.trim() === '') return null;
    if (value.length > maxLength) {
      this.problem(name, `must be ${maxLength} characters or fewer`);
      return null;
    }
    return value.trim();
  }

  list(name: string): string[] {
    const raw = this.query[name];
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    if (this.strict && values.some((v) => v.trim() === '')) this.problem(name, 'must not hold an empty value');
    const items = [...new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))];
    if (items.length > MAX_LIST_ITEMS) this.problem(name, `name ${MAX_LIST_ITEMS} or fewer`);
    if (items.some((item) => item.length > MAX_LIST_ITEM_LENGTH)) this.problem(name, `each must be ${MAX_LIST_ITEM_LENGTH} characters or fewer`);
    return items.slice(0, MAX_LIST_ITEMS);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T, label = name): T {
    const value = this.text(name);
    if (value === null) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problem(name, `${label} must be one of: ${allowed.join(', ')}`);
      return fallback;
    }
    return value as T;
  }

  int(name: string, fallback: number, min: number, max: number, label: string): number {
    const value = this.text(name);
    if (value === null) return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      this.problem(name, `${label} must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return number;
  }

  /** A `YYYY-MM-DD` day, as a date input sends it. */
  day(name: string, label: string): string | null {
    const value = this.text(name, 10);
    if (value === null) return null;
    if (!isCalendarDay(value)) {
      this.problem(name, `${label} must be a real date, for example 2026-03-31`);
      return null;
    }
    return value;
  }

  /** Both ends of a date range; an inverted range names both fields. */
  dayRange(fromName = 'from', toName = 'to'): { from: string | null; to: string | null } {
    const from = this.day(fromName, 'The start date');
    const to = this.day(toName, 'The end date');
    if (from && to && from > to) {
      this.problem(fromName, 'The start date must be on or before the end date');
      this.problem(toName, 'The end date must be on or after the start date');
    }
    return { from, to };
  }

  page(): { page: number; pageSize: number } {
    return {
      page: this.int('page', 1, 1, 1_000_000, 'The page'),
      pageSize: this.int('pageSize', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, 'The page size'),
    };
  }

  problem(field: string, text: string, forbidden = false): void {
    this.problems.push({ field, text, ...(forbidden ? { forbidden } : {}) });
  }
}

/**
 * Problems as the API answers them: 403 when every problem is something the viewer may not ask for,
 * else 400; either way `details` names every field.
 */
export function filterError(problems: readonly FilterProblem[]): AppError {
  const details = problems.map((p) => ({ field: p.field, reason: p.text }));
  if (problems.every((p) => p.forbidden)) return new AppError('AUTH.FORBIDDEN', 'you may not run this report for what you asked', details);
  return new AppError('REQUEST.INVALID', `the report's filters are not valid: ${problems.map((p) => p.field).join(', ')}`, details);
}

/** The HTTP status of a page that shows these problems. */
export function filterStatus(problems: readonly FilterProblem[]): number {
  return problems.every((p) => p.forbidden) ? 403 : 400;
}
