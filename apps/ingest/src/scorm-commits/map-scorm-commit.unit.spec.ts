import { deriveCommitEvents } from './derive-commit-events';
import { derivedEventId } from './map-scorm-commit';

/** Realistic commits, parsed and mapped as the endpoint does, compared with the events they must give. */
const NOW = new Date('2026-11-24T10:00:00Z');
const identity = { learnerId: 'learner-42', sessionId: 'elfh-session-1042', attemptId: 'att-1', commitId: 'c-1', occurredAt: '2026-11-24T09:30:00.000Z' };
const commit = (scormVersion: '1.2' | '2004', cmi: Record<string, unknown>, overrides: Partial<typeof identity> = {}) => ({ ...identity, ...overrides, scormVersion, cmi });
const derive = (body: unknown) => deriveCommitEvents(body, NOW);
/** The events' types and payloads, which is what the ledger's projections read. */
const facts = (body: unknown) => derive(body).events.map((event) => [event.type, event.data]);
const ids = { sessionId: 'elfh-session-1042', attemptId: 'att-1' };

describe('SCORM 1.2 commits', () => {
  it('a failed attempt, then a passed re-attempt, each record time and their own scored outcome', () => {
    const failed = commit('1.2', {
      'cmi.core.lesson_status': 'failed',
      'cmi.core.score.raw': '55',
      'cmi.core.score.min': '0',
      'cmi.core.score.max': '100',
      'cmi.student_data.mastery_score': '80',
      'cmi.core.session_time': '0000:18:42.6',
      'cmi.suspend_data': 'page=7',
    });
    const passed = commit('1.2', { ...failed.cmi, 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '90', 'cmi.core.session_time': '0000:09:15' }, { attemptId: 'att-2', occurredAt: '2026-11-24T09:55:00Z' });

    expect(facts(failed)).toEqual([
      ['SessionAccessed', { ...ids, timeSpentSeconds: 1123 }],
      ['AssessmentScored', { ...ids, score: 55, maxScore: 100, passMark: 80, passed: false }],
    ]);
    const retry = derive(passed);
    expect(retry.events.map((e) => [e.type, e.data, e.occurredAt])).toEqual([
      ['SessionAccessed', { ...ids, attemptId: 'att-2', timeSpentSeconds: 555 }, '2026-11-24T09:55:00.000Z'],
      ['AssessmentScored', { ...ids, attemptId: 'att-2', score: 90, maxScore: 100, passMark: 80, passed: true }, '2026-11-24T09:55:00.000Z'],
    ]);
    expect(retry.notRecorded).toEqual([]);
    const firstIds = derive(failed).events.map((e) => e.eventId);
    expect(retry.events.map((e) => e.eventId).some((id) => firstIds.includes(id))).toBe(false);
  });

  it('puts the learner in the envelope as subject and actor, at the commit\'s time', () => {
    const [event] = derive(commit('1.2', { 'cmi.core.session_time': '00:01:00' })).events;
    expect(event).toEqual({ eventId: expect.any(String), type: 'SessionAccessed', version: 1, occurredAt: identity.occurredAt, subject: 'learner-42', actor: 'learner-42', data: { ...ids, timeSpentSeconds: 60 } });
  });

  it('records completion for `completed`, and only time for incomplete or browsed', () => {
    expect(facts(commit('1.2', { 'cmi.core.lesson_status': 'completed', 'cmi.core.session_time': '0001:02:03' }))).toEqual([
      ['SessionAccessed', { ...ids, timeSpentSeconds: 3723 }],
      ['SessionCompleted', ids],
    ]);
    expect(facts(commit('1.2', { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.session_time': '00:00:02.5' }))).toEqual([['SessionAccessed', { ...ids, timeSpentSeconds: 3 }]]);
    expect(facts(commit('1.2', { 'cmi.core.lesson_status': 'browsed', 'cmi.core.session_time': '00:00:00.4' }))).toEqual([['SessionAccessed', { ...ids, timeSpentSeconds: 0 }]]);
  });

  it('records nothing for a commit with no session time and no finished status (e.g. a bookmark save)', () => {
    expect(derive(commit('1.2', { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.lesson_location': 'p3' }))).toEqual({ events: [], notRecorded: [] });
  });

  it('records `passed` without a score as a pass with null numbers, which satisfies a session that requires a pass', () => {
    const result = derive(commit('1.2', { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '', 'cmi.core.session_time': '00:05:00' }));
    expect(result.events.map((e) => [e.type, e.version, e.data])).toEqual([
      ['SessionAccessed', 1, { ...ids, timeSpentSeconds: 300 }],
      ['AssessmentScored', 2, { ...ids, score: null, maxScore: null, passMark: null, passed: true }],
    ]);
    expect(result.notRecorded).toEqual([]);
  });

  it('records `failed` without a score as a fail with null numbers', () => {
    const result = derive(commit('1.2', { 'cmi.core.lesson_status': 'failed', 'cmi.core.session_time': '00:05:00' }));
    expect(facts(commit('1.2', { 'cmi.core.lesson_status': 'failed' }))).toEqual([['AssessmentScored', { ...ids, score: null, maxScore: null, passMark: null, passed: false }]]);
    expect(result.events.map((e) => e.type)).toEqual(['SessionAccessed', 'AssessmentScored']);
    expect(result.notRecorded).toEqual([]);
  });

  it('records a score reported with `completed` only as completion, and says so', () => {
    const result = derive(commit('1.2', { 'cmi.core.lesson_status': 'completed', 'cmi.core.score.raw': 70 }));
    expect(result.events.map((e) => e.type)).toEqual(['SessionCompleted']);
    expect(result.notRecorded).toEqual([{ field: 'cmi.core.score.raw', reason: expect.stringContaining('a score without pass or fail') }]);
  });

  it('records a null pass mark when no mastery score was declared (never a default); max defaults to 100', () => {
    const result = derive(commit('1.2', { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': 64 }));
    expect(result.events.map((e) => e.data)).toEqual([{ ...ids, score: 64, maxScore: 100, passMark: null, passed: true }]);
    expect(result.notRecorded).toEqual([]);
  });

  it('moves a score with a non-zero minimum onto the ledger\'s 0-based scale, pass mark included', () => {
    const scored = commit('1.2', { 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '70', 'cmi.core.score.min': '50', 'cmi.core.score.max': '100', 'cmi.student_data.mastery_score': '80' });
    expect(facts(scored)).toEqual([['AssessmentScored', { ...ids, score: 20, maxScore: 50, passMark: 30, passed: false }]]);
  });
});

describe('SCORM 2004 commits', () => {
  it('scores a passed attempt from the scaled score as a percentage, with the scaled passing score as pass mark', () => {
    const passed = commit('2004', {
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'passed',
      'cmi.score.scaled': '0.85',
      'cmi.score.raw': '17',
      'cmi.score.max': '20',
      'cmi.scaled_passing_score': '0.8',
      'cmi.session_time': 'PT25M30.5S',
      'cmi.exit': 'normal',
    });
    expect(derive(passed)).toEqual({
      events: [
        expect.objectContaining({ type: 'SessionAccessed', data: { ...ids, timeSpentSeconds: 1531 } }),
        expect.objectContaining({ type: 'AssessmentScored', data: { ...ids, score: 85, maxScore: 100, passMark: 80, passed: true } }),
      ],
      notRecorded: [],
    });
  });

  it('scores from raw, min and max when no scaled score is set, the pass mark being that share of the range', () => {
    const failed = commit('2004', { 'cmi.success_status': 'failed', 'cmi.score.raw': '6', 'cmi.score.min': '0', 'cmi.score.max': '10', 'cmi.scaled_passing_score': '0.7', 'cmi.session_time': 'P0DT0H5M' });
    expect(facts(failed)).toEqual([
      ['SessionAccessed', { ...ids, timeSpentSeconds: 300 }],
      ['AssessmentScored', { ...ids, score: 6, maxScore: 10, passMark: 7, passed: false }],
    ]);
  });

  it('records completion without a success status as SessionCompleted', () => {
    expect(facts(commit('2004', { 'cmi.completion_status': 'completed', 'cmi.success_status': 'unknown', 'cmi.session_time': 'PT1H' }))).toEqual([
      ['SessionAccessed', { ...ids, timeSpentSeconds: 3600 }],
      ['SessionCompleted', ids],
    ]);
  });

  it('records only time for an incomplete visit, and nothing for `unknown` without time', () => {
    expect(facts(commit('2004', { 'cmi.completion_status': 'incomplete', 'cmi.session_time': 'PT0S' }))).toEqual([['SessionAccessed', { ...ids, timeSpentSeconds: 0 }]]);
    expect(facts(commit('2004', { 'cmi.completion_status': 'unknown', 'cmi.success_status': 'unknown' }))).toEqual([]);
  });

  it('records a pass without a score as a pass with null numbers, whatever completion_status says', () => {
    const passedWithoutScore = [['AssessmentScored', { ...ids, score: null, maxScore: null, passMark: null, passed: true }]];
    expect(facts(commit('2004', { 'cmi.success_status': 'passed' }))).toEqual(passedWithoutScore);
    expect(facts(commit('2004', { 'cmi.success_status': 'passed', 'cmi.completion_status': 'incomplete' }))).toEqual(passedWithoutScore);
    expect(derive(commit('2004', { 'cmi.success_status': 'passed', 'cmi.scaled_passing_score': '0.8' })).events.map((e) => e.data)).toEqual([passedWithoutScore[0][1]]);
  });

  it('records a negative scaled score as 0 and says so; tidies floating-point noise', () => {
    const negative = derive(commit('2004', { 'cmi.success_status': 'failed', 'cmi.score.scaled': '-0.25', 'cmi.scaled_passing_score': 0.5 }));
    expect(negative.events.map((e) => e.data)).toEqual([{ ...ids, score: 0, maxScore: 100, passMark: 50, passed: false }]);
    expect(negative.notRecorded).toEqual([{ field: 'cmi.score.scaled', reason: expect.stringContaining('below zero') }]);
    const unscored = derive(commit('2004', { 'cmi.score.scaled': '-0.25' }));
    expect(unscored.notRecorded).toEqual([{ field: 'cmi.score.scaled', reason: expect.stringContaining('a score without pass or fail') }]);
    const noisy = derive(commit('2004', { 'cmi.success_status': 'failed', 'cmi.score.scaled': '0.07', 'cmi.scaled_passing_score': '0.57' }));
    expect(noisy.events.map((e) => e.data)).toEqual([{ ...ids, score: 7, maxScore: 100, passMark: 57, passed: false }]);
  });
});

describe('event ids', () => {
  const scored = commit('1.2', { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '90', 'cmi.student_data.mastery_score': '80', 'cmi.core.session_time': '00:10:00' });

  it('are the same for a redelivered commit, so the ledger can acknowledge it without counting time twice', () => {
    expect(derive(structuredClone(scored))).toEqual(derive(scored));
    expect(derive({ ...scored, commitId: 7 }).events.map((e) => e.eventId)).toEqual(derive({ ...scored, commitId: '7' }).events.map((e) => e.eventId));
  });

  it('are v5 UUIDs that differ per event type and per learner, session, attempt and commit', () => {
    const eventIds = derive(scored).events.map((e) => e.eventId);
    expect(eventIds).toEqual([derivedEventId(identity, 'SessionAccessed'), derivedEventId(identity, 'AssessmentScored')]);
    expect(eventIds[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const variants = [{ learnerId: 'learner-43' }, { sessionId: 'elfh-session-1043' }, { attemptId: 'att-2' }, { commitId: 'c-2' }];
    const all = [eventIds[0], ...variants.map((change) => derivedEventId({ ...identity, ...change }, 'SessionAccessed'))];
    expect(new Set(all).size).toBe(all.length);
  });

  it('do not let id parts run into each other', () => {
    expect(derivedEventId({ ...identity, learnerId: 'a', sessionId: 'bc' }, 'SessionAccessed')).not.toBe(derivedEventId({ ...identity, learnerId: 'ab', sessionId: 'c' }, 'SessionAccessed'));
  });
});
