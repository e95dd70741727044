import { parseSubmittedEvent } from '../parse-event';
import { upcastLearnerRegisteredV1 } from './learner-registered.v1';

const now = new Date('2026-11-24T12:00:00Z');
const v1 = { fullName: 'Aisha Khan', email: 'aisha.khan@nhs.net', emailIsWorkEmail: true };

describe('LearnerRegistered version 1 → 2', () => {
  it('splits the full name at its last space into given and family name', () => {
    expect(upcastLearnerRegisteredV1(v1)).toEqual({ givenName: 'Aisha', familyName: 'Khan', email: 'aisha.khan@nhs.net', emailIsWorkEmail: true });
    expect(upcastLearnerRegisteredV1({ ...v1, fullName: '  Mary  Ann   Jones ' })).toMatchObject({ givenName: 'Mary Ann', familyName: 'Jones' });
  });

  it('reads a single name as a given name with no family name', () => {
    expect(upcastLearnerRegisteredV1({ ...v1, fullName: 'Sukarno' })).toMatchObject({ givenName: 'Sukarno', familyName: null });
  });

  it('leaves a payload without a string fullName for validation to reject', () => {
    const noName = { email: 'a@nhs.net', emailIsWorkEmail: false };
    expect(upcastLearnerRegisteredV1(noName)).toBe(noName);
  });

  it('is applied when a client submits version 1, which is then accepted as version 2', () => {
    const submitted = {
      eventId: '5d0e7a34-9b61-4c1f-8a55-0c2f6a1d3e77',
      type: 'LearnerRegistered',
      version: 1,
      occurredAt: '2026-11-24T11:00:00Z',
      subject: 'learner-42',
      actor: 'learner-42',
      data: v1,
    };
    expect(parseSubmittedEvent(submitted, now)).toEqual({
      ok: true,
      value: { ...submitted, version: 2, occurredAt: '2026-11-24T11:00:00.000Z', data: { givenName: 'Aisha', familyName: 'Khan', email: 'aisha.khan@nhs.net', emailIsWorkEmail: true } },
    });
  });

  it('rejects a version 1 submission whose name is empty, naming the field it became', () => {
    const result = parseSubmittedEvent(
      { eventId: '5d0e7a34-9b61-4c1f-8a55-0c2f6a1d3e78', type: 'LearnerRegistered', version: 1, occurredAt: '2026-11-24T11:00:00Z', subject: 'l', actor: 'l', data: { ...v1, fullName: ' ' } },
      now,
    );
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'data.givenName' }] });
  });
});
