import type { AttemptReports } from '@ledger/read-store';
import { StatusReport, withAttemptReport } from '../shared/session-status';
import { computeProgress, ResolvedProgramme, ResolvedSessionContainer } from './compute-progress';
import type { SessionReports } from './learner-activity';

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T10:00:00.000Z`;

/** A learner's entry for a session, after the given reports (status, day, attempt: a new one per report unless named) in that order. */
function reported(sessionId: string, reports: Array<[StatusReport['status'], number, string?]>, accessCount = 1): SessionReports {
  let attempts: AttemptReports[] = [];
  reports.forEach(([status, d, attemptId], i) => {
    const occurredAt = day(d);
    const report = status === 'completed' ? { kind: 'completed' as const, occurredAt } : { kind: 'verdict' as const, passed: status === 'passed', occurredAt };
    attempts = withAttemptReport(attempts, attemptId ?? `attempt-${i}`, report);
  });
  const days = reports.map(([, d]) => d);
  return {
    sessionId,
    accessCount,
    firstActivityAt: day(Math.min(1, ...days)),
    lastActivityAt: day(Math.max(1, ...days)),
    attempts,
    appliedThrough: { partition: 0, offset: '1' },
    lastRecordedAt: day(Math.max(1, ...days)),
  };
}

const handHygiene = (overrides: Partial<ResolvedSessionContainer> = {}): ResolvedSessionContainer => ({
  kind: 'course',
  containerId: 'course-hand-hygiene',
  title: 'Hand Hygiene',
  programmeId: 'prog-ipc',
  issuesCertificate: true,
  statusPolicy: 'latest',
  retired: false,
  sessions: [
    { sessionId: 's-intro', title: 'Introduction', requiresPass: false },
    { sessionId: 's-assess', title: 'Assessment', requiresPass: true },
  ],
  ...overrides,
});

describe('computeProgress: a course or learning path', () => {
  it('shows every session not attempted, and no certificate, before any activity', () => {
    const progress = computeProgress(handHygiene(), []);
    expect(progress.sessions.map((s) => [s.sessionId, s.status, s.done])).toEqual([
      ['s-intro', 'not-attempted', false],
      ['s-assess', 'not-attempted', false],
    ]);
    expect(progress).toMatchObject({ sessionsTotal: 2, sessionsDone: 0, complete: false, eligibleForCertificate: false, startedAt: null, lastActivityAt: null, completedAt: null });
  });

  it('shows an opened session in progress, not done', () => {
    const progress = computeProgress(handHygiene(), [reported('s-intro', [], 2)]);
    expect(progress.sessions[0]).toMatchObject({ status: 'in-progress', done: false });
    expect(progress.startedAt).toBe(day(1));
  });

  it('is eligible once every session is done, completed at the latest deciding report', () => {
    const progress = computeProgress(handHygiene(), [reported('s-intro', [['completed', 3]]), reported('s-assess', [['passed', 5]])]);
    expect(progress).toMatchObject({ sessionsDone: 2, complete: true, eligibleForCertificate: true, startedAt: day(1), lastActivityAt: day(5), completedAt: day(5) });
  });

  it('does not count a completion of a session that requires a pass', () => {
    const progress = computeProgress(handHygiene(), [reported('s-intro', [['completed', 3]]), reported('s-assess', [['completed', 4]])]);
    expect(progress.sessions[1]).toMatchObject({ status: 'completed', done: false });
    expect(progress).toMatchObject({ sessionsDone: 1, complete: false, eligibleForCertificate: false, completedAt: null });
  });

  it('latest: a failed re-attempt after a pass shows failed and withdraws eligibility', () => {
    const reports = [reported('s-intro', [['completed', 3]]), reported('s-assess', [['passed', 4], ['failed', 6]])];
    const progress = computeProgress(handHygiene(), reports);
    expect(progress.sessions[1]).toMatchObject({ status: 'failed', done: false });
    expect(progress.eligibleForCertificate).toBe(false);
  });

  it('best: a failed re-attempt after a pass keeps the pass and the certificate', () => {
    const reports = [reported('s-intro', [['completed', 3]]), reported('s-assess', [['passed', 4], ['failed', 6]])];
    const progress = computeProgress(handHygiene({ statusPolicy: 'best' }), reports);
    expect(progress.sessions[1]).toMatchObject({ status: 'passed', done: true });
    expect(progress).toMatchObject({ eligibleForCertificate: true, completedAt: day(4), lastActivityAt: day(6) });
  });

  it('counts an attempt that passed and completed, in either order, as passed; failed and completed as failed', () => {
    const passedThenCompleted = reported('s-assess', [['passed', 4, 'a-1'], ['completed', 5, 'a-1']]);
    const completedThenPassed = reported('s-assess', [['completed', 4, 'a-1'], ['passed', 5, 'a-1']]);
    for (const assess of [passedThenCompleted, completedThenPassed]) {
      const progress = computeProgress(handHygiene(), [reported('s-intro', [['completed', 3]]), assess]);
      expect(progress.sessions[1]).toMatchObject({ status: 'passed', done: true });
      expect(progress).toMatchObject({ eligibleForCertificate: true, completedAt: day(5) });
    }
    const failedThenCompleted = computeProgress(handHygiene(), [reported('s-assess', [['failed', 4, 'a-1'], ['completed', 5, 'a-1']])]);
    expect(failedThenCompleted.sessions[1]).toMatchObject({ status: 'failed', done: false });
  });

  it('while a session\'s definition is unknown, counts a pass but not a completion', () => {
    const unknown = handHygiene({ sessions: [{ sessionId: 's-a', title: null, requiresPass: null }, { sessionId: 's-b', title: null, requiresPass: null }] });
    const progress = computeProgress(unknown, [reported('s-a', [['completed', 2]]), reported('s-b', [['passed', 2]])]);
    expect(progress.sessions.map((s) => s.done)).toEqual([false, true]);
  });

  it('shows progress but never a certificate for a container that issues none', () => {
    const progress = computeProgress(handHygiene({ issuesCertificate: false }), [reported('s-intro', [['completed', 3]]), reported('s-assess', [['passed', 5]])]);
    expect(progress).toMatchObject({ sessionsDone: 2, complete: true, eligibleForCertificate: false });
  });

  it('never completes a container with no sessions (one still being authored)', () => {
    expect(computeProgress(handHygiene({ sessions: [] }), [])).toMatchObject({ sessionsTotal: 0, complete: false, eligibleForCertificate: false });
  });

  it('keeps a retired course\'s progress and eligibility, flagged retired', () => {
    const progress = computeProgress(handHygiene({ retired: true }), [reported('s-intro', [['completed', 3]]), reported('s-assess', [['passed', 5]])]);
    expect(progress).toMatchObject({ retired: true, complete: true, eligibleForCertificate: true });
  });

  it('ignores the learner\'s reports in sessions the container does not list', () => {
    const progress = computeProgress(handHygiene(), [reported('s-elsewhere', [['passed', 9]])]);
    expect(progress).toMatchObject({ sessionsDone: 0, startedAt: null, lastActivityAt: null });
  });
});

describe('computeProgress: a programme', () => {
  const essentials = handHygiene({ kind: 'learning-path', containerId: 'path-essentials', title: 'Essentials', sessions: [{ sessionId: 's-path', title: 'Path', requiresPass: false }] });
  const ipc = (overrides: Partial<ResolvedProgramme> = {}): ResolvedProgramme => ({
    kind: 'programme',
    containerId: 'prog-ipc',
    title: 'Infection Prevention and Control',
    issuesCertificate: true,
    retired: false,
    parts: [handHygiene(), essentials],
    ...overrides,
  });
  const courseDone = [reported('s-intro', [['completed', 3]]), reported('s-assess', [['passed', 5]])];

  it('is eligible once every course and learning path is complete', () => {
    const progress = computeProgress(ipc(), [...courseDone, reported('s-path', [['completed', 7]])]);
    expect(progress).toMatchObject({ sessionsTotal: 3, sessionsDone: 3, complete: true, eligibleForCertificate: true, completedAt: day(7) });
    expect(progress.parts.map((p) => [p.containerId, p.complete])).toEqual([
      ['course-hand-hygiene', true],
      ['path-essentials', true],
    ]);
  });

  it('is not eligible while one part is incomplete, and sums its parts', () => {
    const progress = computeProgress(ipc(), courseDone);
    expect(progress).toMatchObject({ sessionsTotal: 3, sessionsDone: 2, complete: false, eligibleForCertificate: false, completedAt: null });
  });

  it('shows a retired part but no longer requires it', () => {
    const progress = computeProgress(ipc({ parts: [handHygiene(), { ...essentials, retired: true }] }), courseDone);
    expect(progress.parts[1]).toMatchObject({ retired: true, required: false, complete: false });
    expect(progress).toMatchObject({ sessionsTotal: 2, sessionsDone: 2, complete: true, eligibleForCertificate: true });
  });

  it('shows progress but no certificate while the programme itself is undefined', () => {
    const progress = computeProgress(ipc({ title: null, issuesCertificate: false }), [...courseDone, reported('s-path', [['completed', 7]])]);
    expect(progress).toMatchObject({ title: null, complete: true, eligibleForCertificate: false });
  });

  it('never completes a programme with nothing required', () => {
    expect(computeProgress(ipc({ parts: [] }), courseDone)).toMatchObject({ complete: false, eligibleForCertificate: false });
    expect(computeProgress(ipc({ parts: [handHygiene({ retired: true })] }), courseDone)).toMatchObject({ complete: false });
  });

  it('applies each part\'s own status policy', () => {
    const reattempted = [reported('s-intro', [['completed', 3]]), reported('s-assess', [['passed', 4], ['failed', 6]]), reported('s-path', [['completed', 7]])];
    expect(computeProgress(ipc(), reattempted).complete).toBe(false);
    expect(computeProgress(ipc({ parts: [handHygiene({ statusPolicy: 'best' }), essentials] }), reattempted).complete).toBe(true);
  });
});
