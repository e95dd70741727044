import { parseSubmittedEvent } from './parse-event';

const now = new Date('2026-11-24T12:00:00Z');
const accessed = {
  eventId: '0b0c4a52-3d7e-4a57-9a43-2f6f3b1f0a11',
  type: 'SessionAccessed',
  version: 1,
  occurredAt: '2026-11-24T11:00:00+01:00',
  subject: 'learner-1',
  actor: 'learner-1',
  data: { sessionId: 's-1', attemptId: 'a-1', timeSpentSeconds: 300 },
};

describe('parseSubmittedEvent', () => {
  it('accepts a valid SessionAccessed and normalises occurredAt to UTC', () => {
    const result = parseSubmittedEvent(accessed, now);
    expect(result).toEqual({ ok: true, value: { ...accessed, occurredAt: '2026-11-24T10:00:00.000Z' } });
  });

  it('names every bad field at once', () => {
    const result = parseSubmittedEvent(
      { ...accessed, eventId: 'nope', occurredAt: 'yesterday', actor: '', data: { sessionId: 's-1', timeSpentSeconds: -5, extra: 1 } },
      now,
    );
    expect(result.ok).toBe(false);
    const fields = !result.ok ? result.errors.map((e) => e.field).sort() : [];
    expect(fields).toEqual(['actor', 'data.attemptId', 'data.extra', 'data.timeSpentSeconds', 'eventId', 'occurredAt']);
  });

  it('rejects an unknown type, an unknown version and fields only the ledger sets', () => {
    expect(parseSubmittedEvent({ ...accessed, type: 'SessionTeleported' }, now)).toMatchObject({
      ok: false,
      errors: [{ field: 'type', reason: 'unknown event type "SessionTeleported"' }],
    });
    expect(parseSubmittedEvent({ ...accessed, version: 9 }, now)).toMatchObject({ ok: false, errors: [{ field: 'version' }] });
    expect(parseSubmittedEvent({ ...accessed, recordedAt: now.toISOString() }, now)).toMatchObject({
      ok: false,
      errors: [{ field: 'recordedAt', reason: 'is set by the ledger and must not be sent' }],
    });
  });

  it('rejects an occurredAt more than five minutes ahead of the clock, but tolerates small skew', () => {
    expect(parseSubmittedEvent({ ...accessed, occurredAt: '2026-11-24T12:04:00Z' }, now).ok).toBe(true);
    expect(parseSubmittedEvent({ ...accessed, occurredAt: '2026-11-24T13:00:00Z' }, now)).toMatchObject({
      ok: false,
      errors: [{ field: 'occurredAt', reason: 'must not be more than 5 minutes in the future' }],
    });
  });

  it('rejects a score above its maximum', () => {
    const scored = { ...accessed, type: 'AssessmentScored', data: { sessionId: 's', attemptId: 'a', score: 11, maxScore: 10, passMark: 8, passed: true } };
    expect(parseSubmittedEvent(scored, now)).toMatchObject({ ok: false, errors: [{ field: 'data.score', reason: 'score must not exceed maxScore' }] });
  });

  it('refuses text a read model cannot keep (U+0000, an unpaired surrogate) in the envelope and the payload', () => {
    const result = parseSubmittedEvent({ ...accessed, subject: 'learner\u0000', data: { ...accessed.data, sessionId: 's-\ud800', attemptId: 'a-\udc00-1' } }, now);
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['subject', 'data.sessionId', 'data.attemptId']);
  });

  it('keeps any text inside an xAPI statement, which readers keep as JSON text', () => {
    const statement = {
      id: '3f6d2b84-7c1e-4a8f-9d25-0b6e41c7a913',
      actor: { account: { homePage: 'https://learninghub.example.org', name: 'learner-1' } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
      object: { id: 'https://learninghub.example.org/sessions/s-1' },
      result: { extensions: { 'http://example.com/ext': 'a\u0000b' } },
    };
    const recorded = { ...accessed, eventId: statement.id, type: 'XapiStatementRecorded', data: { statementId: statement.id, statement, xapiVersion: '2.0.0' } };
    expect(parseSubmittedEvent(recorded, now).ok).toBe(true);
  });
});
