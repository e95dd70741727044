import type { InvalidItem } from '@ledger/runtime';
import { ReceiveContext, readPostedStatements, readPutStatement } from './read-statements';
import { CMI5_MASTERY_SCORE } from './xapi-verbs';

const now = new Date('2026-11-24T12:00:00.000Z');
const context: ReceiveContext = { xapiVersion: '2.0.0', now, source: 'player-7', newId: () => '0c4a1b2e-5d6f-4a7b-8c9d-0e1f2a3b4c5d' };
const id = '3f6d2b84-7c1e-4a8f-9d25-0b6e41c7a913';
const valid = {
  actor: { mbox: 'mailto:aisha.khan@nhs.net' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/launched' },
  object: { id: 'https://learninghub.example.org/sessions/s-1' },
};

/** Distinct statement ids, as randomUUID would give for several statements without one. */
const sequentialIds = () => {
  let next = 0;
  return () => `0c4a1b2e-5d6f-4a7b-8c9d-0e1f2a3b4c${String(next++).padStart(2, '0')}`;
};

/** The invalid items of a refused request, as [index, fields]. */
const refusal = (read: () => unknown): Array<[number, string[]]> => {
  try {
    read();
  } catch (error) {
    return ((error as { details: InvalidItem[] }).details ?? []).map((item) => [item.index, item.errors.map((e) => e.field)]);
  }
  throw new Error('expected the request to be refused');
};

describe('reading posted statements', () => {
  it('takes one statement or an array, generating missing ids and setting the authority', () => {
    const [one] = readPostedStatements(valid, context);
    expect(one).toEqual({ index: 0, statementId: '0c4a1b2e-5d6f-4a7b-8c9d-0e1f2a3b4c5d', statement: expect.objectContaining({ authority: expect.objectContaining({ account: expect.objectContaining({ name: 'player-7' }) }) }) });
    const many = readPostedStatements([{ ...valid, id: id.toUpperCase() }, { ...valid, id: '9b1e7c55-2d40-4f6a-8e33-5a0c9f2d7b61' }], context);
    expect(many.map((s) => s.statementId)).toEqual([id, '9b1e7c55-2d40-4f6a-8e33-5a0c9f2d7b61']);
  });

  it('refuses text a read model cannot keep where it becomes a learner or session id, and keeps it anywhere else in the statement', () => {
    const learner = (name: string) => ({ ...valid, actor: { account: { homePage: 'https://learninghub.example.org', name } } });
    expect(refusal(() => readPostedStatements([learner('learner\u0000-42'), { ...valid, object: { id: 'https://x.example.org/\ud800' } }], context))).toEqual([
      [0, ['actor.account.name']],
      [1, ['object.id']],
    ]);
    const extensions = { 'http://example.com/ext': 'nul \u0000 and half \udc00' };
    expect(readPostedStatements({ ...valid, result: { extensions }, context: { extensions } }, context)).toHaveLength(1);
  });

  it('drops a client-sent stored time and replaces a client-sent authority', () => {
    const [one] = readPostedStatements({ ...valid, stored: '2020-01-01T00:00:00Z', authority: { mbox: 'mailto:someone@example.org' } }, context);
    expect(one.statement.stored).toBeUndefined();
    expect(one.statement.authority).toEqual({ objectType: 'Agent', account: { homePage: 'https://activity-ledger.invalid/declared-clients', name: 'player-7' } });
  });

  it('names the essential fields: actor identifier, verb IRI, object', () => {
    expect(refusal(() => readPostedStatements({ actor: { name: 'Aisha' }, verb: { id: 'launched' } }, context))).toEqual([[0, ['actor', 'verb.id', 'object']]]);
    expect(refusal(() => readPostedStatements({ ...valid, actor: { mbox: 'aisha@nhs.net', account: { homePage: 'x', name: 'a' } } }, context))).toEqual([[0, ['actor']]]);
    expect(refusal(() => readPostedStatements({ ...valid, actor: { mbox: 'aisha@nhs.net' }, object: { objectType: 'StatementRef', id: 'x' } }, context))).toEqual([
      [0, ['actor.mbox', 'object.id']],
    ]);
  });

  it('names every bad statement of an array and every bad field, by position', () => {
    const bad = [
      valid,
      { ...valid, id: 'not-a-uuid', timestamp: '24/11/2026' },
      valid,
      { ...valid, result: { duration: 'P1M', score: { raw: 11, max: 10, scaled: 2 }, success: 'yes' }, context: { registration: 'r-1', extensions: { [CMI5_MASTERY_SCORE]: 80 } } },
    ];
    expect(refusal(() => readPostedStatements(bad, { ...context, newId: sequentialIds() }))).toEqual([
      [1, ['id', 'timestamp']],
      [3, ['result.success', 'result.duration', 'result.score.scaled', 'result.score.raw', 'context.registration', `context.extensions.${CMI5_MASTERY_SCORE}`]],
    ]);
  });

  it('refuses a timestamp far in the future, an access longer than 7 days, and a version of another line', () => {
    expect(refusal(() => readPostedStatements({ ...valid, timestamp: '2026-11-24T13:00:00Z' }, context))).toEqual([[0, ['timestamp']]]);
    expect(refusal(() => readPostedStatements({ ...valid, result: { duration: 'P8D' } }, context))).toEqual([[0, ['result.duration']]]);
    expect(refusal(() => readPostedStatements({ ...valid, version: '2.0.0' }, { ...context, xapiVersion: '1.0.3' }))).toEqual([[0, ['version']]]);
    expect(readPostedStatements({ ...valid, version: '1.0.0' }, { ...context, xapiVersion: '1.0.3' })).toHaveLength(1);
  });

  it('accepts a month-long duration on a verb that does not count time', () => {
    expect(readPostedStatements({ ...valid, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, result: { duration: 'P1M' } }, context)).toHaveLength(1);
  });

  it('requires a voiding statement to reference another statement', () => {
    const voiding = { ...valid, id, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' } };
    expect(refusal(() => readPostedStatements(voiding, context))).toEqual([[0, ['object.objectType']]]);
    expect(refusal(() => readPostedStatements({ ...voiding, object: { objectType: 'StatementRef', id } }, context))).toEqual([[0, ['object.id']]]);
  });

  it('refuses ids repeated within a request, an empty array, and a non-object', () => {
    expect(refusal(() => readPostedStatements([{ ...valid, id }, { ...valid, id: id.toUpperCase() }], context))).toEqual([[1, ['id']]]);
    expect(refusal(() => readPostedStatements([], context))).toEqual([[-1, ['statements']]]);
    expect(refusal(() => readPostedStatements('hello', context))).toEqual([[0, ['']]]);
  });
});

describe('reading a PUT statement', () => {
  it('takes its id from statementId, which the body may repeat but not contradict', () => {
    expect(readPutStatement(valid, id.toUpperCase(), context).statementId).toBe(id);
    expect(readPutStatement({ ...valid, id }, id, context).statementId).toBe(id);
    expect(refusal(() => readPutStatement({ ...valid, id: '9b1e7c55-2d40-4f6a-8e33-5a0c9f2d7b61' }, id, context))).toEqual([[0, ['id']]]);
    expect(refusal(() => readPutStatement(valid, undefined, context))).toEqual([[-1, ['statementId']]]);
  });
});
