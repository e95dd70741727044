import type { LearnerSessionDocument, SessionStatus } from '@ledger/read-store';
import type { SessionPlace } from './catalogue-lookup';

/** One row of an activity report: a learner's record in one session, with where it sits in the catalogue. */
export interface SessionRow {
  learnerId: string;
  programmeId: string | null;
  programmeTitle: string | null;
  containerKind: 'course' | 'learning-path' | null;
  containerId: string | null;
  containerTitle: string | null;
  sessionId: string;
  sessionTitle: string;
  retired: boolean;
  firstAccessedAt: string | null;
  lastAccessedAt: string | null;
  timeSpentSeconds: number;
  /** Under the status policy of the session's course (latest where none is known). */
  status: SessionStatus;
  latestScore: number | null;
  bestScore: number | null;
  /** The most the assessment could score, for showing "9 / 10"; null without a score. */
  maxScore: number | null;
}

export function sessionRow(doc: LearnerSessionDocument, place: SessionPlace): SessionRow {
  return {
    learnerId: doc.learnerId,
    programmeId: place.programmeId,
    programmeTitle: place.programmeTitle,
    containerKind: place.containerKind,
    containerId: place.containerId,
    containerTitle: place.containerTitle,
    sessionId: doc.sessionId,
    sessionTitle: place.sessionTitle,
    retired: place.retired,
    firstAccessedAt: doc.firstAccessedAt,
    lastAccessedAt: doc.lastAccessedAt,
    timeSpentSeconds: doc.timeSpentSeconds,
    status: doc.statusByPolicy?.[place.statusPolicy] ?? doc.status,
    latestScore: doc.latestScore?.score ?? null,
    bestScore: doc.bestScore?.score ?? null,
    maxScore: doc.latestScore?.maxScore ?? doc.bestScore?.maxScore ?? null,
  };
}

/** What the activity reports filter rows by; empty lists and nulls filter nothing. */
export interface RowFilter {
  programmeIds: readonly string[];
  courseIds: readonly string[];
  statuses: readonly SessionStatus[];
  /** Instants: rows whose span of access (first to last) meets [start, end). */
  start: string | null;
  end: string | null;
}

export const NO_ROW_FILTER: RowFilter = { programmeIds: [], courseIds: [], statuses: [], start: null, end: null };

/**
 * Whether a row passes the filter. The date range keeps a session whose first-to-last access span
 * meets the range: it was in use some time in that span (sessions opened before the range and still
 * being taken in it count; ones last opened before it do not).
 */
export function rowPasses(row: SessionRow, filter: RowFilter): boolean {
  if (filter.programmeIds.length > 0 && !filter.programmeIds.includes(row.programmeId ?? '')) return false;
  if (filter.courseIds.length > 0 && !filter.courseIds.includes(row.containerId ?? '')) return false;
  if (filter.statuses.length > 0 && !filter.statuses.includes(row.status)) return false;
  if (filter.start && (row.lastAccessedAt ?? row.firstAccessedAt ?? '') < filter.start) return false;
  if (filter.end && (row.firstAccessedAt === null || row.firstAccessedAt >= filter.end)) return false;
  return true;
}

export type RowOrder = 'date' | 'title' | 'status';
export type Direction = 'asc' | 'desc';

/** Status in the order of progress, for sorting by status. */
const STATUS_RANK: Record<SessionStatus, number> = { 'not-attempted': 0, 'in-progress': 1, failed: 2, completed: 3, passed: 4 };

/** Orders rows by last access, by title (programme, course, session) or by status; ties by title then id. */
export function orderRows<R extends SessionRow>(rows: R[], order: RowOrder, direction: Direction): R[] {
  const title = (r: SessionRow) => [r.programmeTitle ?? '\uffff', r.containerTitle ?? '', r.sessionTitle].join('\u0000');
  const byTitle = (a: SessionRow, b: SessionRow) => title(a).localeCompare(title(b)) || a.sessionId.localeCompare(b.sessionId);
  const primary = (a: SessionRow, b: SessionRow): number => {
    if (order === 'date') return (a.lastAccessedAt ?? '').localeCompare(b.lastAccessedAt ?? '');
    if (order === 'status') return STATUS_RANK[a.status] - STATUS_RANK[b.status];
    return 0;
  };
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * primary(a, b) || byTitle(a, b));
}

/** Statuses as people read them. */
export const STATUS_TEXT: Record<SessionStatus, string> = {
  'not-attempted': 'Not attempted',
  'in-progress': 'In progress',
  completed: 'Completed',
  passed: 'Passed',
  failed: 'Failed',
};

export const SESSION_STATUSES = Object.keys(STATUS_TEXT) as SessionStatus[];

/** Minutes, rounded, as reports show time spent. */
export function minutes(seconds: number): number {
  return Math.round(seconds / 60);
}
