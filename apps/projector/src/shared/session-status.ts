import { ActivityEvent, assertNever, StatusPolicy } from '@ledger/events';
import type { AttemptReports, SessionStatus } from '@ledger/read-store';

/** Defined with the catalogue events that state it; re-exported for the folds that apply it. */
export type { StatusPolicy };

/** A status an attempt stands at, and when it was (last) reported. */
export interface StatusReport {
  status: 'completed' | 'passed' | 'failed';
  occurredAt: string;
}

/** What one activity event says about its attempt: that it completed, or passed or failed. */
export type AttemptReport = { kind: 'completed'; occurredAt: string } | { kind: 'verdict'; passed: boolean; occurredAt: string };

const RANK: Record<StatusReport['status'], number> = { failed: 0, completed: 1, passed: 2 };

/**
 * The attempts after one more event of `attemptId` (pure). An access adds the attempt if new and
 * reports nothing; within an attempt, a pass or fail supersedes an earlier one by `occurredAt` (on a
 * tie, the later arrival: one learner's events keep their order on the ledger), and a completion is
 * remembered beside it. Attempts are kept ordered by id, so the list does not depend on arrival order.
 */
export function withAttemptReport(attempts: readonly AttemptReports[], attemptId: string, report: AttemptReport | null): AttemptReports[] {
  const current = attempts.find((a) => a.attemptId === attemptId) ?? { attemptId, verdict: null, completedAt: null };
  const next: AttemptReports = { ...current };
  if (report?.kind === 'verdict' && (current.verdict === null || report.occurredAt >= current.verdict.occurredAt)) {
    next.verdict = { passed: report.passed, occurredAt: report.occurredAt };
  }
  if (report?.kind === 'completed' && (current.completedAt === null || report.occurredAt > current.completedAt)) next.completedAt = report.occurredAt;
  const others = attempts.filter((a) => a.attemptId !== attemptId);
  return [...others, next].sort((a, b) => (a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0));
}

/**
 * Where one attempt stands: its pass or fail if it reported one (completion beside it changes nothing:
 * passed and completed, in either order, is passed), else completed if it reported that, else nothing
 * (an attempt that only opened the session). Its time is that of its latest report.
 */
export function attemptStatus({ verdict, completedAt }: AttemptReports): StatusReport | null {
  const latestReport = [verdict?.occurredAt, completedAt].reduce<string | null>((max, t) => (t && (max === null || t > max) ? t : max), null);
  if (latestReport === null) return null;
  if (verdict) return { status: verdict.passed ? 'passed' : 'failed', occurredAt: latestReport };
  return { status: 'completed', occurredAt: latestReport };
}

/**
 * The status rule, in one place: each attempt stands on its own reports (attemptStatus), then the
 * policy chooses among the attempts that reported one. `latest` (the reference hub's rule): the most
 * recent by `occurredAt`, so a failed re-attempt after a pass shows failed and a report that arrives
 * late for an older attempt does not displace a newer one; `best`: passed over completed over failed,
 * the most recent among equals. Null when no attempt reported a status.
 */
export function standingStatus(policy: StatusPolicy, attempts: readonly AttemptReports[]): StatusReport | null {
  const reports = attempts.flatMap((attempt) => attemptStatus(attempt) ?? []);
  const later = (a: StatusReport, b: StatusReport) => a.occurredAt > b.occurredAt || (a.occurredAt === b.occurredAt && RANK[a.status] > RANK[b.status]);
  const better = (a: StatusReport, b: StatusReport) => (policy === 'best' && RANK[a.status] !== RANK[b.status] ? RANK[a.status] > RANK[b.status] : later(a, b));
  return reports.reduce<StatusReport | null>((chosen, report) => (chosen === null || better(report, chosen) ? report : chosen), null);
}

/** What a learner sees: the standing report, or in progress once they opened the session. */
export function displayedStatus(report: StatusReport | null, accessCount: number): SessionStatus {
  if (report) return report.status;
  return accessCount > 0 ? 'in-progress' : 'not-attempted';
}

/** A session's status under `policy`, from its attempts and how often it was opened: what every screen and certificate shows. */
export function sessionStatus(policy: StatusPolicy, attempts: readonly AttemptReports[], accessCount: number): SessionStatus {
  return displayedStatus(standingStatus(policy, attempts), accessCount);
}

/** What an activity event reports about its attempt, if anything: opening a session reports nothing. */
export function attemptReportOf(event: ActivityEvent): AttemptReport | null {
  switch (event.type) {
    case 'SessionAccessed':
      return null;
    case 'SessionCompleted':
      return { kind: 'completed', occurredAt: event.occurredAt };
    case 'AssessmentScored':
      return { kind: 'verdict', passed: event.data.passed, occurredAt: event.occurredAt };
    default:
      return assertNever(event);
  }
}
