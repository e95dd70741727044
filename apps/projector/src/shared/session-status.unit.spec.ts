import type { AttemptReports } from '@ledger/read-store';
import { ledgerEvent } from '../testing/projection-test-kit';
import { AttemptReport, attemptReportOf, attemptStatus, displayedStatus, sessionStatus, standingStatus, withAttemptReport } from './session-status';

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T10:00:00.000Z`;
const completed = (d: number): AttemptReport => ({ kind: 'completed', occurredAt: day(d) });
const passed = (d: number): AttemptReport => ({ kind: 'verdict', passed: true, occurredAt: day(d) });
const failed = (d: number): AttemptReport => ({ kind: 'verdict', passed: false, occurredAt: day(d) });

/** The attempts after these reports, in arrival order; null stands for an access (reports nothing). */
const attemptsAfter = (reports: Array<[string, AttemptReport | null]>): AttemptReports[] =>
  reports.reduce<AttemptReports[]>((attempts, [attemptId, report]) => withAttemptReport(attempts, attemptId, report), []);
const under = (reports: Array<[string, AttemptReport | null]>) => {
  const attempts = attemptsAfter(reports);
  return { latest: standingStatus('latest', attempts), best: standingStatus('best', attempts) };
};

describe('status rule: each attempt first', () => {
  it('passed and completed in one attempt is passed, in either order', () => {
    expect(under([['a-1', passed(3)], ['a-1', completed(4)]]).latest).toEqual({ status: 'passed', occurredAt: day(4) });
    expect(under([['a-1', completed(3)], ['a-1', passed(4)]]).latest).toEqual({ status: 'passed', occurredAt: day(4) });
    expect(under([['a-1', completed(4)], ['a-1', passed(3)]]).best).toEqual({ status: 'passed', occurredAt: day(4) });
  });

  it('failed and completed in one attempt is failed', () => {
    expect(under([['a-1', completed(3)], ['a-1', failed(4)]]).latest?.status).toBe('failed');
    expect(under([['a-1', failed(3)], ['a-1', completed(4)]]).best?.status).toBe('failed');
  });

  it('within an attempt, a later pass or fail supersedes an earlier one by occurredAt, whatever the arrival order', () => {
    expect(under([['a-1', failed(3)], ['a-1', passed(4)]]).latest?.status).toBe('passed');
    expect(under([['a-1', passed(4)], ['a-1', failed(3)]]).latest?.status).toBe('passed');
    expect(under([['a-1', passed(3)], ['a-1', failed(4)]]).best?.status).toBe('failed');
  });

  it('an attempt that only opened the session reports nothing, and leaves the standing status alone', () => {
    expect(under([['a-1', null]])).toEqual({ latest: null, best: null });
    expect(under([['a-1', passed(3)], ['a-2', null]]).latest?.status).toBe('passed');
    expect(attemptStatus({ attemptId: 'a-2', verdict: null, completedAt: null })).toBeNull();
  });
});

describe('status rule: then the policy chooses among attempts', () => {
  it('a pass, then a failed re-attempt: latest shows failed, best keeps the pass', () => {
    expect(under([['a-1', passed(3)], ['a-2', failed(5)]])).toEqual({ latest: { status: 'failed', occurredAt: day(5) }, best: { status: 'passed', occurredAt: day(3) } });
  });

  it('a report that arrives late for an older attempt does not displace a newer attempt', () => {
    const reports: Array<[string, AttemptReport | null]> = [['a-1', failed(3)], ['a-2', passed(6)], ['a-1', completed(4)]];
    expect(under(reports).latest).toEqual({ status: 'passed', occurredAt: day(6) });
    // …but a later report of that older attempt makes it the most recent one again.
    expect(under([...reports, ['a-1', failed(8)]]).latest).toEqual({ status: 'failed', occurredAt: day(8) });
  });

  it('best: passed over completed over failed, the most recent among equals', () => {
    expect(under([['a-1', completed(3)], ['a-2', failed(5)]]).best?.status).toBe('completed');
    expect(under([['a-1', completed(3)], ['a-2', completed(5)]]).best).toEqual({ status: 'completed', occurredAt: day(5) });
  });

  it('does not depend on the order attempts arrive in', () => {
    const forward = attemptsAfter([['a-1', passed(3)], ['a-2', failed(5)], ['a-3', null]]);
    const backward = attemptsAfter([['a-3', null], ['a-2', failed(5)], ['a-1', passed(3)]]);
    expect(backward).toEqual(forward);
  });
});

describe('what a learner sees', () => {
  it('shows in progress once accessed without a report, not attempted before', () => {
    expect(displayedStatus(null, 0)).toBe('not-attempted');
    expect(displayedStatus(null, 2)).toBe('in-progress');
    expect(sessionStatus('latest', attemptsAfter([['a-1', null]]), 1)).toBe('in-progress');
    expect(sessionStatus('best', attemptsAfter([['a-1', failed(2)]]), 1)).toBe('failed');
  });

  it('reads a pass reported without a score as a pass (AssessmentScored version 2 with null numbers)', () => {
    const event = ledgerEvent('AssessmentScored', 'learner-1', { sessionId: 's-1', attemptId: 'a-1', score: null, maxScore: null, passMark: null, passed: true }, { occurredAt: day(3) });
    expect(attemptReportOf(event)).toEqual(passed(3));
    expect(attemptReportOf(ledgerEvent('SessionAccessed', 'learner-1', { sessionId: 's-1', attemptId: 'a-1', timeSpentSeconds: 5 }))).toBeNull();
  });
});
