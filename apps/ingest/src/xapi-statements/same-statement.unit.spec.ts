import { sameStatement } from './same-statement';

const sent = {
  id: '3f6d2b84-7c1e-4a8f-9d25-0b6e41c7a913',
  actor: { account: { homePage: 'https://learninghub.example.org', name: 'learner-42' } },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-GB': 'completed' } },
  object: { id: 'https://learninghub.example.org/sessions/s-1', definition: { name: { 'en-GB': 'Hand hygiene' } } },
  context: { contextActivities: { parent: { id: 'https://learninghub.example.org/courses/c-1' } } },
  timestamp: '2026-11-24T09:30:00Z',
};
const stored = (statement: Record<string, unknown>, timestampAssigned = false) => ({
  statement: { ...statement, stored: '2026-11-24T09:30:01.000Z', version: '2.0.0', authority: { account: { homePage: 'https://activity-ledger.invalid/declared-clients', name: 'player-7' } } },
  timestampAssigned,
});

describe('sameStatement (xAPI statement comparison)', () => {
  it('ignores what the LRS assigns: authority, stored, version', () => {
    expect(sameStatement(stored(sent), { ...sent, authority: { mbox: 'mailto:other-client@example.org' } })).toBe(true);
  });

  it('ignores how a timestamp is written, and a timestamp the LRS assigned', () => {
    expect(sameStatement(stored(sent), { ...sent, timestamp: '2026-11-24T10:30:00.000+01:00' })).toBe(true);
    expect(sameStatement(stored({ ...sent, timestamp: '2026-11-24T09:30:01.000Z' }, true), { ...sent, timestamp: undefined })).toBe(true);
    expect(sameStatement(stored(sent), { ...sent, timestamp: '2026-11-24T09:31:00Z' })).toBe(false);
  });

  it('ignores verb display and activity definitions, which xAPI keeps outside the statement', () => {
    const reworded = {
      ...sent,
      verb: { id: sent.verb.id, display: { 'en-US': 'finished' } },
      object: { id: sent.object.id },
      context: { contextActivities: { parent: [{ id: 'https://learninghub.example.org/courses/c-1', definition: { type: 'http://adlnet.gov/expapi/activities/course' } }] } },
    };
    expect(sameStatement(stored(sent), reworded)).toBe(true);
  });

  it('sees a different verb, object, actor or result as a different statement', () => {
    expect(sameStatement(stored(sent), { ...sent, verb: { id: 'http://adlnet.gov/expapi/verbs/passed' } })).toBe(false);
    expect(sameStatement(stored(sent), { ...sent, object: { id: 'https://learninghub.example.org/sessions/s-2' } })).toBe(false);
    expect(sameStatement(stored(sent), { ...sent, actor: { mbox: 'mailto:aisha.khan@nhs.net' } })).toBe(false);
    expect(sameStatement(stored(sent), { ...sent, result: { success: true } })).toBe(false);
  });
});
