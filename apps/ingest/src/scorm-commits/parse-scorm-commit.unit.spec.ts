import { AppError } from '@ledger/runtime';
import { deriveCommitEvents } from './derive-commit-events';
import { parseScormCommit } from './parse-scorm-commit';

/** Bad commits: every bad field is named, in the client's terms, and nothing is derived. */
const NOW = new Date('2026-11-24T10:00:00Z');
const valid = { learnerId: 'learner-42', sessionId: 'elfh-session-1042', attemptId: 'att-1', commitId: 'c-1', occurredAt: '2026-11-24T09:30:00Z', scormVersion: '1.2', cmi: {} };
/** field → reason for each error, so a test reads as the list of problems a client would see. */
const problems = (body: unknown) => {
  const parsed = parseScormCommit(body, NOW);
  return parsed.ok ? {} : Object.fromEntries(parsed.errors.map((e) => [e.field, e.reason]));
};

describe('parseScormCommit', () => {
  it('accepts a minimal commit and normalises occurredAt and a numeric commitId', () => {
    const parsed = parseScormCommit({ ...valid, commitId: 12, occurredAt: '2026-11-24T10:30:00+01:00' }, NOW);
    expect(parsed).toMatchObject({ ok: true, value: { identity: { commitId: '12', occurredAt: '2026-11-24T09:30:00.000Z' } } });
  });

  it('names every missing or malformed envelope field at once', () => {
    expect(Object.keys(problems({})).sort()).toEqual(['attemptId', 'cmi', 'commitId', 'learnerId', 'occurredAt', 'scormVersion', 'sessionId']);
    expect(problems({ ...valid, learnerId: ' ', commitId: -1, occurredAt: '2026-11-24 09:30', scormVersion: '1.3', cmi: [], extra: 1 })).toEqual({
      learnerId: 'must be a non-empty string',
      commitId: expect.stringContaining('whole number ≥ 0'),
      occurredAt: expect.stringContaining('ISO-8601 date-time with a time zone'),
      scormVersion: 'must be one of "1.2", "2004", got "1.3"',
      cmi: expect.stringContaining('must be an object'),
      extra: 'is not a field of a SCORM commit',
    });
    expect(problems({ ...valid, commitId: 1.5, sessionId: 'x'.repeat(201), occurredAt: '2026-11-24T11:00:00Z' })).toEqual({
      commitId: expect.stringContaining('whole number'),
      sessionId: 'must be at most 200 characters',
      occurredAt: 'must not be more than 5 minutes in the future',
    });
    expect(problems('a string')).toEqual({ '': 'body must be a JSON object' });
  });

  it('names every bad SCORM 1.2 element', () => {
    const cmi = {
      'cmi.core.lesson_status': 'done',
      'cmi.core.session_time': 'PT5M',
      'cmi.core.score.raw': 'eighty',
      'cmi.student_data.mastery_score': '120',
      'cmi.completion_status': 'completed',
    };
    expect(problems({ ...valid, cmi })).toEqual({
      'cmi.core.lesson_status': expect.stringContaining('must be one of "passed", "completed", "failed", "incomplete", "browsed", "not attempted"'),
      'cmi.core.session_time': expect.stringContaining('must be a CMITimespan'),
      'cmi.core.score.raw': 'must be a decimal number, got "eighty"',
      'cmi.student_data.mastery_score': 'must be between 0 and 100, got 120',
      'cmi.completion_status': 'is a SCORM 2004 element, but the commit says scormVersion "1.2"',
    });
  });

  it('refuses scores outside their range and a session longer than one access may be', () => {
    expect(problems({ ...valid, cmi: { 'cmi.core.score.raw': '11', 'cmi.core.score.max': '10', 'cmi.core.session_time': '0200:00:00' } })).toEqual({
      'cmi.core.score.raw': 'must lie within cmi.core.score.min..cmi.core.score.max (0..10), got 11',
      'cmi.core.session_time': 'is 720000 seconds; one access is at most 604800 (7 days)',
    });
    expect(problems({ ...valid, cmi: { 'cmi.core.score.raw': '5', 'cmi.core.score.min': '10', 'cmi.core.score.max': '10' } })).toEqual({
      'cmi.core.score.max': expect.stringContaining('must be above cmi.core.score.min (10)'),
    });
    expect(problems({ ...valid, cmi: { 'cmi.core.score.raw': '60', 'cmi.core.score.min': '50', 'cmi.student_data.mastery_score': '40' } })).toEqual({
      'cmi.student_data.mastery_score': expect.stringContaining('must lie within'),
    });
    expect(problems({ ...valid, cmi: { 'cmi.core.session_time': 300 } })).toEqual({ 'cmi.core.session_time': 'must be a string, got 300' });
  });

  it('names every bad SCORM 2004 element', () => {
    const cmi = {
      'cmi.completion_status': 'passed',
      'cmi.success_status': 'completed',
      'cmi.session_time': 'P1M',
      'cmi.score.scaled': '1.5',
      'cmi.scaled_passing_score': 'high',
      'cmi.score.raw': '120',
      'cmi.core.lesson_status': 'passed',
    };
    expect(problems({ ...valid, scormVersion: '2004', cmi })).toEqual({
      'cmi.completion_status': expect.stringContaining('must be one of "completed", "incomplete", "not attempted", "unknown"'),
      'cmi.success_status': expect.stringContaining('must be one of "passed", "failed", "unknown"'),
      'cmi.session_time': expect.stringContaining('years and months have no fixed length'),
      'cmi.score.scaled': 'must be between -1 and 1, got 1.5',
      'cmi.scaled_passing_score': 'must be a decimal number, got "high"',
      'cmi.score.raw': expect.stringContaining('must lie within'),
      'cmi.core.lesson_status': 'is a SCORM 1.2 element, but the commit says scormVersion "2004"',
    });
  });
});

describe('deriveCommitEvents', () => {
  it('throws REQUEST.INVALID with the bad fields as item 0 of the details', () => {
    const derive = () => deriveCommitEvents({ ...valid, cmi: { 'cmi.core.session_time': '12:61:00' } }, NOW);
    expect(derive).toThrow(AppError);
    expect(derive).toThrow(expect.objectContaining({
      code: 'REQUEST.INVALID',
      details: [{ index: 0, errors: [{ field: 'cmi.core.session_time', reason: 'minutes must be 00–59, got "12:61:00"' }] }],
    }));
  });
});
