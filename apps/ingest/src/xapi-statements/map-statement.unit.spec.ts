import { createHash } from 'node:crypto';
import { parseSubmittedEvent, SubmittedEvent } from '@ledger/events';
import { derivedEventId, mapStatement } from './map-statement';
import { readPostedStatements, ReceivedStatement } from './read-statements';
import { ADL_VERBS, CMI5_MASTERY_SCORE } from './xapi-verbs';

const now = new Date('2026-11-24T12:00:00.000Z');
const statementId = '3f6d2b84-7c1e-4a8f-9d25-0b6e41c7a913';
const registration = 'ec231277-b27b-4c15-8291-d29225b2b8f7';
const session = 'https://learninghub.example.org/sessions/elfh-session-1042';
const learner = { objectType: 'Agent', account: { homePage: 'https://learninghub.example.org', name: 'learner-42' } };

const statement = (verb: keyof typeof ADL_VERBS, extra: Record<string, unknown> = {}) => ({
  id: statementId,
  actor: learner,
  verb: { id: ADL_VERBS[verb] },
  object: { objectType: 'Activity', id: session },
  timestamp: '2026-11-24T09:30:00+01:00',
  context: { registration },
  ...extra,
});
const received = (raw: unknown): ReceivedStatement =>
  readPostedStatements(raw, { xapiVersion: '2.0.0', now, source: 'player-7', newId: () => '0c4a1b2e-5d6f-4a7b-8c9d-0e1f2a3b4c5d' })[0];
const map = (raw: unknown) => mapStatement(received(raw), '2.0.0', now).events;
const derived = (raw: unknown) => map(raw).slice(1).map((event) => [event.type, event.data]);
const ids = { sessionId: session, attemptId: registration };

describe('mapStatement', () => {
  it('records the statement itself first, its id as the eventId, with the authority and no stored time', () => {
    const [recorded] = map(statement('completed'));
    expect(recorded).toEqual({
      eventId: statementId,
      type: 'XapiStatementRecorded',
      version: 1,
      occurredAt: '2026-11-24T08:30:00.000Z',
      subject: 'learner-42',
      actor: 'learner-42',
      data: {
        statementId,
        xapiVersion: '2.0.0',
        statement: { ...statement('completed'), authority: { objectType: 'Agent', account: { homePage: 'https://activity-ledger.invalid/declared-clients', name: 'player-7' } } },
      },
    });
  });

  it.each([
    ['launched', 'PT1H30M', 5400],
    ['initialized', 'PT45.5S', 46],
    ['attempted', 'P1DT2H', 93_600],
    ['launched', 'PT0S', 0],
  ] as const)('maps %s with duration %s to SessionAccessed of %i seconds', (verb, duration, seconds) => {
    expect(derived(statement(verb, { result: { duration } }))).toEqual([['SessionAccessed', { ...ids, timeSpentSeconds: seconds }]]);
  });

  it('records an access without a result as 0 seconds spent', () => {
    expect(derived(statement('launched'))).toEqual([['SessionAccessed', { ...ids, timeSpentSeconds: 0 }]]);
  });

  it('maps completed to SessionCompleted', () => {
    expect(derived(statement('completed', { result: { completion: true, duration: 'PT5M' } }))).toEqual([['SessionCompleted', ids]]);
  });

  it('maps passed and failed with raw and max to AssessmentScored, the verb deciding passed', () => {
    const mastery = { registration, extensions: { [CMI5_MASTERY_SCORE]: 0.8 } };
    expect(derived(statement('passed', { result: { score: { raw: 9, max: 10 } }, context: mastery }))).toEqual([
      ['AssessmentScored', { ...ids, score: 9, maxScore: 10, passMark: 8, passed: true }],
    ]);
    expect(derived(statement('failed', { result: { score: { raw: 70, min: 50, max: 100 }, success: true } }))).toEqual([
      ['AssessmentScored', { ...ids, score: 20, maxScore: 50, passMark: null, passed: false }],
    ]);
  });

  it('takes a scaled score as a percentage when raw or max is missing, and a negative one as 0', () => {
    expect(derived(statement('scored', { result: { score: { scaled: 0.07, raw: 7 }, success: false } }))).toEqual([
      ['AssessmentScored', { ...ids, score: 7, maxScore: 100, passMark: null, passed: false }],
    ]);
    expect(derived(statement('failed', { result: { score: { scaled: -0.5 } } }))).toEqual([['AssessmentScored', { ...ids, score: 0, maxScore: 100, passMark: null, passed: false }]]);
  });

  it('decides scored by result.success, and records nothing more without it', () => {
    expect(derived(statement('scored', { result: { score: { scaled: 0.9 }, success: true } }))).toEqual([
      ['AssessmentScored', { ...ids, score: 90, maxScore: 100, passMark: null, passed: true }],
    ]);
    expect(derived(statement('scored', { result: { score: { scaled: 0.9 } } }))).toEqual([]);
  });

  it('records passed or failed without a usable score as AssessmentScored version 2 with null numbers, never a completion', () => {
    const unscored = { ...ids, score: null, maxScore: null, passMark: null };
    expect(derived(statement('passed'))).toEqual([['AssessmentScored', { ...unscored, passed: true }]]);
    expect(derived(statement('passed', { result: { score: { raw: 9 } }, context: { registration, extensions: { [CMI5_MASTERY_SCORE]: 0.8 } } }))).toEqual([
      ['AssessmentScored', { ...unscored, passed: true }],
    ]);
    expect(derived(statement('failed', { result: { success: false } }))).toEqual([['AssessmentScored', { ...unscored, passed: false }]]);
    expect(map(statement('passed')).map((event) => [event.type, event.version])).toEqual([
      ['XapiStatementRecorded', 1],
      ['AssessmentScored', 2],
    ]);
  });

  it('maps voided to StatementVoided for the referenced statement', () => {
    const voided = '9B1E7C55-2D40-4F6A-8E33-5A0C9F2D7B61';
    expect(derived(statement('voided', { object: { objectType: 'StatementRef', id: voided } }))).toEqual([
      ['StatementVoided', { statementId: voided.toLowerCase(), voidingStatementId: statementId }],
    ]);
  });

  it('records only the statement for other verbs and for objects that are not activities', () => {
    expect(derived(statement('completed', { verb: { id: 'http://adlnet.gov/expapi/verbs/answered' } }))).toEqual([]);
    expect(derived(statement('completed', { object: { objectType: 'Agent', mbox: 'mailto:tutor@example.org' } }))).toEqual([]);
  });

  it('takes the attempt from context.registration, else the statement id', () => {
    expect(derived(statement('completed', { context: { registration: registration.toUpperCase() } }))).toEqual([['SessionCompleted', ids]]);
    expect(derived(statement('completed', { context: undefined }))).toEqual([['SessionCompleted', { sessionId: session, attemptId: statementId }]]);
  });

  it('identifies the learner by account name, else by the SHA-1 of the mailto IRI, so mbox and mbox_sha1sum agree', () => {
    const sha1 = createHash('sha1').update('mailto:aisha.khan@nhs.net').digest('hex');
    const byMbox = map(statement('completed', { actor: { mbox: 'mailto:aisha.khan@nhs.net' } }));
    const bySha1 = map(statement('completed', { actor: { mbox_sha1sum: sha1.toUpperCase(), name: 'Aisha' } }));
    expect(byMbox.map((e) => e.subject)).toEqual([`mbox_sha1sum:${sha1}`, `mbox_sha1sum:${sha1}`]);
    expect(bySha1.map((e) => e.subject)).toEqual(byMbox.map((e) => e.subject));
    expect(map(statement('completed', { actor: { openid: 'https://openid.example.org/aisha' } }))[0].subject).toBe('https://openid.example.org/aisha');
  });

  it('gives derived events UUID v5 ids of the statement id and type, the same on every mapping', () => {
    const first = map(statement('launched', { result: { duration: 'PT1M' } }));
    expect(first[1].eventId).toBe(derivedEventId(statementId, 'SessionAccessed'));
    expect(first[1].eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(map(statement('launched', { result: { duration: 'PT1M' } }))).toEqual(first);
    expect(derivedEventId(statementId, 'SessionCompleted')).not.toBe(first[1].eventId);
  });

  it('uses now as occurredAt when the statement has no timestamp, and a generated id when it has none', () => {
    const [recorded, accessed] = map(statement('launched', { timestamp: undefined, id: undefined }));
    expect([recorded.occurredAt, accessed.occurredAt]).toEqual([now.toISOString(), now.toISOString()]);
    expect(recorded.eventId).toBe('0c4a1b2e-5d6f-4a7b-8c9d-0e1f2a3b4c5d');
  });

  it('produces events the ledger\'s own parser accepts unchanged', () => {
    const statements = [
      statement('launched', { result: { duration: 'PT45.5S' } }),
      statement('passed', { result: { score: { raw: 9, max: 10 } }, context: { registration, extensions: { [CMI5_MASTERY_SCORE]: 0.8 } } }),
      statement('voided', { object: { objectType: 'StatementRef', id: '9b1e7c55-2d40-4f6a-8e33-5a0c9f2d7b61' } }),
      statement('failed', { id: '6a1b7c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d' }),
    ];
    const events: SubmittedEvent[] = statements.flatMap(map);
    for (const event of events) expect(parseSubmittedEvent(event, now)).toEqual({ ok: true, value: event });
  });
});
