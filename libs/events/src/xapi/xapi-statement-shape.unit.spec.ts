import { statementShapeErrors } from './xapi-statement-shape';

const statement = {
  id: '3f6d2b84-7c1e-4a8f-9d25-0b6e41c7a913',
  actor: { objectType: 'Agent', account: { homePage: 'https://learninghub.example.org', name: 'learner-42' } },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
  object: { id: 'https://learninghub.example.org/sessions/s-1' },
};
const fields = (value: unknown) => statementShapeErrors(value).map((e) => e.field);

describe('the essential structure of an xAPI statement', () => {
  it('accepts an agent with one identifier, a verb IRI and an activity', () => {
    expect(statementShapeErrors(statement)).toEqual([]);
    expect(fields({ ...statement, actor: { mbox_sha1sum: 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3' } })).toEqual([]);
    expect(fields({ ...statement, actor: { objectType: 'Group', openid: 'https://openid.example.org/team-7', member: [] } })).toEqual([]);
  });

  it('requires exactly one identifier on the actor, well formed', () => {
    expect(fields({ ...statement, actor: { name: 'Aisha' } })).toEqual(['actor']);
    expect(fields({ ...statement, actor: { mbox: 'mailto:a@b.org', openid: 'https://id.example.org/a' } })).toEqual(['actor']);
    expect(fields({ ...statement, actor: { mbox: 'a@b.org' } })).toEqual(['actor.mbox']);
    expect(fields({ ...statement, actor: { account: { homePage: 'learninghub', name: '' } } })).toEqual(['actor.account.homePage', 'actor.account.name']);
    expect(fields({ ...statement, actor: { objectType: 'Group', member: [{ mbox: 'mailto:a@b.org' }] } })).toEqual(['actor']);
    expect(fields({ ...statement, actor: { objectType: 'Person', mbox: 'mailto:a@b.org' } })).toEqual(['actor.objectType']);
  });

  it('requires a verb with an absolute IRI and an object of a known type', () => {
    expect(fields({ ...statement, verb: { id: 'completed' } })).toEqual(['verb.id']);
    expect(fields({ ...statement, verb: undefined, object: undefined })).toEqual(['verb', 'object']);
    expect(fields({ ...statement, object: { id: '/sessions/s-1' } })).toEqual(['object.id']);
    expect(fields({ ...statement, object: { objectType: 'StatementRef', id: 'x' } })).toEqual(['object.id']);
    expect(fields({ ...statement, object: { objectType: 'Group', member: [] } })).toEqual([]);
    expect(fields({ ...statement, object: { objectType: 'Thing', id: 'https://x.org' } })).toEqual(['object.objectType']);
  });

  it('checks a SubStatement\'s actor, verb and object, and refuses nesting', () => {
    const sub = { objectType: 'SubStatement', actor: { name: 'x' }, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' }, object: { objectType: 'SubStatement' } };
    expect(fields({ ...statement, object: sub })).toEqual(['object.actor', 'object.object.objectType']);
  });

  it('requires a UUID id and an object', () => {
    expect(fields({ ...statement, id: 'statement-1' })).toEqual(['id']);
    expect(fields([statement])).toEqual(['']);
  });
});
