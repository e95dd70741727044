import { parseSubmittedEvent } from '../parse-event';
import { readStoredEvent } from '../stored-event';

const now = new Date('2026-11-24T12:00:00Z');
const envelope = { eventId: '0c5e7a34-9b61-4c1f-8a55-0c2f6a1d3e81', type: 'CertificateIssued', occurredAt: '2026-11-24T11:00:00Z', subject: 'learner-42', actor: 'learner-42' };
const hash = 'a'.repeat(64);
const v1 = { learnerId: 'learner-42', scopeType: 'course', scopeId: 'course-hand-hygiene', verificationCode: 'K7QF-92XM-4HTD', contentHash: hash };

describe('CertificateIssued version 1 → 2', () => {
  it('is accepted with its hash kept and what it did not record stated as unknown (facts version 0)', () => {
    const { contentHash: _, ...rest } = v1;
    expect(parseSubmittedEvent({ ...envelope, version: 1, data: v1 }, now)).toMatchObject({
      ok: true,
      value: { version: 2, data: { ...rest, watermark: null, learnerName: null, title: null, completedAt: null, factsVersion: 0, factsHash: hash } },
    });
  });

  it('is read back from the ledger at version 2', () => {
    const stored = { ...envelope, version: 1, recordedAt: '2026-11-24T11:00:01Z', source: 'reporting', data: v1 };
    const parsed = readStoredEvent(stored);
    expect(parsed).toMatchObject({ ok: true, value: { version: 2, data: { factsHash: hash, factsVersion: 0, completedAt: null } } });
  });

  it('names every bad field of a version 2 issue: a completion date that is not a date, a negative facts version, an upper-case hash', () => {
    const { contentHash: _, ...rest } = v1;
    const data = { ...rest, watermark: null, learnerName: 'Aisha Khan', title: 'Hand Hygiene', completedAt: 'yesterday', factsVersion: -1, factsHash: hash.toUpperCase() };
    const parsed = parseSubmittedEvent({ ...envelope, version: 2, data }, now);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors.map((e) => e.field).sort()).toEqual(['data.completedAt', 'data.factsHash', 'data.factsVersion']);
  });
});
