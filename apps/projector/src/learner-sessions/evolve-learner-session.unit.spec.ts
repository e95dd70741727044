import type { ActivityEvent, PositionedEvent } from '@ledger/events';
import type { LearnerSessionDocument } from '@ledger/read-store';
import { atOffset, foldDocument, ledgerEvent } from '../testing/projection-test-kit';
import { evolveLearnerSession } from './evolve-learner-session';

const day = (d: number) => ({ occurredAt: `2026-11-${String(d).padStart(2, '0')}T10:00:00.000Z` });
const accessed = (attemptId: string, seconds: number, d: number) => ledgerEvent('SessionAccessed', 'learner-1', { sessionId: 's-1', attemptId, timeSpentSeconds: seconds }, day(d));
const completed = (attemptId: string, d: number) => ledgerEvent('SessionCompleted', 'learner-1', { sessionId: 's-1', attemptId }, day(d));
const scored = (attemptId: string, score: number | null, passed: boolean, d: number) =>
  ledgerEvent('AssessmentScored', 'learner-1', { sessionId: 's-1', attemptId, score, maxScore: score === null ? null : 10, passMark: score === null ? null : 8, passed }, day(d));
const fold = (events: ActivityEvent[]) => foldDocument<LearnerSessionDocument, PositionedEvent<ActivityEvent>>(evolveLearnerSession, events.map((e, i) => atOffset(e, i)));

describe('learner session fold', () => {
  it('shows passed for an attempt that passed and then completed (the order cmi5 players send them in)', () => {
    const doc = fold([accessed('a-1', 300, 1), scored('a-1', 9, true, 2), completed('a-1', 2)]);
    expect(doc).toMatchObject({ status: 'passed', statusByPolicy: { latest: 'passed', best: 'passed' }, accessCount: 1, timeSpentSeconds: 300 });
  });

  it('keeps the status under each policy: a failed re-attempt after a pass is failed under latest, passed under best', () => {
    const doc = fold([scored('a-1', 9, true, 2), accessed('a-2', 60, 5), scored('a-2', 4, false, 5)]);
    expect(doc).toMatchObject({ status: 'failed', statusByPolicy: { latest: 'failed', best: 'passed' } });
    expect(doc?.attempts.map((a) => a.attemptId)).toEqual(['a-1', 'a-2']);
    expect([doc?.latestScore?.score, doc?.bestScore?.score]).toEqual([4, 9]);
  });

  it('records a pass without a score as a pass and leaves the scores shown alone', () => {
    const doc = fold([scored('a-1', 6, false, 2), scored('a-2', null, true, 4)]);
    expect(doc).toMatchObject({ status: 'passed', statusByPolicy: { latest: 'passed', best: 'passed' } });
    expect(doc?.latestScore).toMatchObject({ score: 6, attemptId: 'a-1' });
    expect(doc?.bestScore).toMatchObject({ score: 6, attemptId: 'a-1' });
  });

  it('shows in progress after accesses alone, and an access-only re-attempt leaves the reported status', () => {
    expect(fold([accessed('a-1', 30, 1)])).toMatchObject({ status: 'in-progress', statusByPolicy: { latest: 'in-progress', best: 'in-progress' } });
    expect(fold([completed('a-1', 1), accessed('a-2', 30, 3)])).toMatchObject({ status: 'completed', accessCount: 1 });
  });

  it('changes nothing for redelivered events', () => {
    const events = [accessed('a-1', 300, 1), scored('a-1', 9, true, 2)].map((e, i) => atOffset(e, i));
    const once = foldDocument(evolveLearnerSession, events);
    expect(foldDocument(evolveLearnerSession, [...events, ...events])).toEqual(once);
  });
});
