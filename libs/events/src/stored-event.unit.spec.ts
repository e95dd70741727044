import { decodeLedgerEvent, encodeLedgerEvent } from './codec';
import type { LedgerEvent } from './envelope';
import { parseSubmittedEvent } from './parse-event';
import { readStoredEvent } from './stored-event';

const stored: LedgerEvent = {
  eventId: '0b0c4a52-3d7e-4a57-9a43-2f6f3b1f0a11',
  type: 'SessionAccessed',
  version: 1,
  occurredAt: '2026-11-24T10:00:00.000Z',
  recordedAt: '2026-11-24T10:00:01.000Z',
  subject: 'learner-1',
  actor: 'learner-1',
  source: 'player-1',
  data: { sessionId: 's-1', attemptId: 'a-1', timeSpentSeconds: 300 },
};
const fields = (raw: unknown) => {
  const result = readStoredEvent(raw);
  return result.ok ? [] : result.errors.map((e) => e.field);
};

describe('reading a stored event (shape, not today\'s rules)', () => {
  it('reads an event as it was stored', () => {
    expect(readStoredEvent(stored)).toEqual({ ok: true, value: stored });
  });

  it('reads history that today\'s ingest would refuse: an over-long id, a non-UUID eventId, an occurredAt far ahead of recordedAt, a value out of range', () => {
    const older = {
      ...stored,
      eventId: 'legacy-import-000017',
      subject: 'l'.repeat(300),
      actor: 'l'.repeat(300),
      occurredAt: '2027-01-01T00:00:00Z',
      data: { sessionId: 's-1', attemptId: '', timeSpentSeconds: 30 * 24 * 3600 },
    };
    const now = new Date(stored.recordedAt);
    const { recordedAt: _r, source: _s, ...submitted } = older;
    const refusedToday = parseSubmittedEvent(submitted, now);
    expect(refusedToday.ok ? [] : refusedToday.errors.map((e) => e.field).sort()).toEqual(['actor', 'data.attemptId', 'data.timeSpentSeconds', 'eventId', 'occurredAt', 'subject']);
    expect(readStoredEvent(older)).toEqual({ ok: true, value: { ...older, occurredAt: '2027-01-01T00:00:00.000Z' } });
  });

  it('drops a payload field no current reader knows, instead of refusing the event', () => {
    const withRetiredField = { ...stored, data: { ...(stored.data as object), deviceType: 'tablet' } };
    expect(readStoredEvent(withRetiredField)).toEqual({ ok: true, value: stored });
  });

  it('upcasts an older version to the current one', () => {
    const v1 = { ...stored, type: 'LearnerRegistered', version: 1, data: { fullName: 'Aisha Khan', email: 'a@nhs.net', emailIsWorkEmail: true } };
    expect(readStoredEvent(v1)).toEqual({
      ok: true,
      value: { ...v1, version: 2, data: { givenName: 'Aisha', familyName: 'Khan', email: 'a@nhs.net', emailIsWorkEmail: true } },
    });
  });

  it('refuses what no reader can fold, naming every field: a missing or mistyped field, an unknown type or version', () => {
    expect(fields({ ...stored, data: { sessionId: 's-1', timeSpentSeconds: '300' } })).toEqual(['data.attemptId', 'data.timeSpentSeconds']);
    expect(fields({ ...stored, type: 'SessionTeleported' })).toEqual(['type']);
    expect(fields({ ...stored, version: 7 })).toEqual(['version']);
    expect(fields({ ...stored, recordedAt: undefined, subject: 42, occurredAt: 'yesterday' })).toEqual(['subject', 'occurredAt', 'recordedAt']);
    expect(fields({ ...stored, data: [] })).toEqual(['data']);
    expect(fields([stored])).toEqual(['']);
  });

  it('keeps null where the shape allows it and only there', () => {
    const located = { ...stored, type: 'EmploymentLocationSet', data: { odsCode: null, jobRole: null } };
    expect(readStoredEvent(located).ok).toBe(true);
    expect(fields({ ...stored, data: { sessionId: null, attemptId: 'a-1', timeSpentSeconds: 1 } })).toEqual(['data.sessionId']);
  });
});

describe('ledger codec', () => {
  it('round-trips an accepted event', () => {
    expect(decodeLedgerEvent(encodeLedgerEvent(stored))).toEqual({ ok: true, value: stored });
  });

  it('reports bytes that are not an event as poison, with the reason', () => {
    expect(decodeLedgerEvent(null)).toMatchObject({ ok: false, errors: [{ field: '', reason: 'message has no value' }] });
    expect(decodeLedgerEvent(Buffer.from('{not json'))).toMatchObject({ ok: false, errors: [{ field: '' }] });
    const { recordedAt: _r, source: _s, ...submitted } = stored;
    expect(decodeLedgerEvent(Buffer.from(JSON.stringify(submitted)))).toMatchObject({ ok: false, errors: [{ field: 'source' }, { field: 'recordedAt' }] });
  });
});
