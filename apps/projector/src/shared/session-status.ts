import type { StatusPolicy } from '@ledger/events';
import type { SessionStatus } from '@ledger/read-store';

/** Defined with the catalogue events that state it; re-exported for the folds that apply it. */
export type { StatusPolicy };

/** A status some attempt reported, and when. */
export interface StatusReport {
  status: 'completed' | 'passed' | 'failed';
  occurredAt: string;
}

const RANK: Record<SessionStatus, number> = { 'not-attempted': 0, 'in-progress': 1, failed: 2, completed: 3, passed: 4 };

/**
 * The status rule, in one place. `current` is the standing report (or null if none yet); `incoming` a
 * newly seen one. Under `latest` the later occurrence wins even when it is worse, so a failed
 * re-attempt after a pass shows failed; events can arrive late, so order is by `occurredAt`, not arrival.
 */
export function decideStatusReport(policy: StatusPolicy, current: StatusReport | null, incoming: StatusReport): StatusReport {
  if (!current) return incoming;
  if (policy === 'best') {
    if (RANK[incoming.status] !== RANK[current.status]) return RANK[incoming.status] > RANK[current.status] ? incoming : current;
    return incoming.occurredAt > current.occurredAt ? incoming : current;
  }
  return Date.parse(incoming.occurredAt) >= Date.parse(current.occurredAt) ? incoming : current;
}

/** What a learner sees: the standing report, or in progress once they opened the session. */
export function displayedStatus(report: StatusReport | null, accessCount: number): SessionStatus {
  if (report) return report.status;
  return accessCount > 0 ? 'in-progress' : 'not-attempted';
}
