import { atOffset, foldDocument, ledgerEvent } from '../testing/projection-test-kit';
import { sessionStatus } from '../shared/session-status';
import { computeProgress } from './compute-progress';
import { evolveLearnerActivity, LearnerActivityDocument } from './learner-activity';

const accessed = (sessionId: string, occurredAt: string) => ledgerEvent('SessionAccessed', 'learner-aisha', { sessionId, attemptId: 'a-1', timeSpentSeconds: 60 }, { occurredAt });
const scored = (sessionId: string, passed: boolean, occurredAt: string) =>
  ledgerEvent('AssessmentScored', 'learner-aisha', { sessionId, attemptId: `a-${occurredAt}`, score: passed ? 9 : 3, maxScore: 10, passMark: 8, passed }, { occurredAt });
const completed = (sessionId: string, occurredAt: string) => ledgerEvent('SessionCompleted', 'learner-aisha', { sessionId, attemptId: 'a-1' }, { occurredAt });

describe('learner activity fold (learner-progress)', () => {
  it('keeps one entry per session, ordered by session id, with accesses and activity times', () => {
    const doc = foldDocument(evolveLearnerActivity, [
      atOffset(accessed('s-b', '2026-11-02T10:00:00.000Z'), 0),
      atOffset(accessed('s-a', '2026-11-03T10:00:00.000Z'), 1),
      atOffset(completed('s-b', '2026-11-01T10:00:00.000Z'), 2),
    ]);
    expect(doc?._id).toBe('learner-aisha');
    expect(doc?.sessions.map((s) => [s.sessionId, s.accessCount, s.firstActivityAt, s.lastActivityAt])).toEqual([
      ['s-a', 1, '2026-11-03T10:00:00.000Z', '2026-11-03T10:00:00.000Z'],
      ['s-b', 1, '2026-11-01T10:00:00.000Z', '2026-11-02T10:00:00.000Z'],
    ]);
    expect(doc?.sessions[1].appliedThrough).toEqual({ partition: 0, offset: '2' });
  });

  it('keeps what each attempt reported, so each container applies its own policy', () => {
    const doc = foldDocument(evolveLearnerActivity, [
      atOffset(scored('s-1', true, '2026-11-20T11:00:00.000Z'), 0),
      atOffset(scored('s-1', false, '2026-11-21T11:00:00.000Z'), 1),
      atOffset(accessed('s-1', '2026-11-22T10:00:00.000Z'), 2),
    ]);
    expect(doc?.sessions[0].attempts).toEqual([
      { attemptId: 'a-1', verdict: null, completedAt: null },
      { attemptId: 'a-2026-11-20T11:00:00.000Z', verdict: { passed: true, occurredAt: '2026-11-20T11:00:00.000Z' }, completedAt: null },
      { attemptId: 'a-2026-11-21T11:00:00.000Z', verdict: { passed: false, occurredAt: '2026-11-21T11:00:00.000Z' }, completedAt: null },
    ]);
    expect(['latest', 'best'].map((policy) => sessionStatus(policy as 'latest' | 'best', doc!.sessions[0].attempts, doc!.sessions[0].accessCount))).toEqual(['failed', 'passed']);
  });

  it('takes a pass reported without a score as a pass, which satisfies a session that requires one', () => {
    const passedWithoutScore = ledgerEvent(
      'AssessmentScored',
      'learner-aisha',
      { sessionId: 's-1', attemptId: 'a-1', score: null, maxScore: null, passMark: null, passed: true },
      { occurredAt: '2026-11-20T11:00:00.000Z' },
    );
    const doc = foldDocument(evolveLearnerActivity, [atOffset(accessed('s-1', '2026-11-20T10:00:00.000Z'), 0), atOffset(passedWithoutScore, 1)]);
    const course = { kind: 'course' as const, containerId: 'c', title: 'C', programmeId: 'p', issuesCertificate: true, statusPolicy: 'latest' as const, retired: false };
    const progress = computeProgress({ ...course, sessions: [{ sessionId: 's-1', title: 'Assessment', requiresPass: true }] }, doc!.sessions);
    expect(progress.sessions[0]).toMatchObject({ status: 'passed', done: true });
    expect(progress.eligibleForCertificate).toBe(true);
  });

  it('changes nothing for a duplicate (same event id again) or a redelivered event', () => {
    const access = accessed('s-1', '2026-11-02T10:00:00.000Z');
    const pass = scored('s-1', true, '2026-11-20T11:00:00.000Z');
    const once = foldDocument(evolveLearnerActivity, [atOffset(access, 0), atOffset(pass, 1)]);
    const twice = foldDocument(evolveLearnerActivity, [atOffset(access, 0), atOffset(pass, 1), atOffset(access, 2), atOffset(pass, 1)]);
    expect(twice).toEqual<LearnerActivityDocument | null>(once);
    expect(twice?.sessions[0].accessCount).toBe(1);
  });
});
