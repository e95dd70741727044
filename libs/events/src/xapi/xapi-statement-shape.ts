import type { FieldError } from '../field-error';

/**
 * The essential structure of an xAPI statement (1.0.3 and 2.0): what every consumer of a recorded
 * statement relies on. Deeper rules (timestamps, durations, score ranges) are checked where the
 * statement enters, in ingest; this is the part the ledger itself guarantees.
 */

/** A UUID as RFC 4122 defines it (the statement id is also the eventId, so it meets the envelope's rule). */
export const XAPI_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** A statement id as the ledger keeps it: a UUID in lowercase, so one statement has one spelling. */
export const STATEMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** An absolute IRI: a scheme, a colon, and no whitespace. Relative references are not IRIs. */
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const MAILTO = /^mailto:[^@\s]+@[^@\s]+$/i;
const SHA1_HEX = /^[0-9a-f]{40}$/i;

/** The properties that identify an agent or group (an "inverse functional identifier"); exactly one is allowed. */
export const INVERSE_FUNCTIONAL_IDENTIFIERS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
export type InverseFunctionalIdentifier = (typeof INVERSE_FUNCTIONAL_IDENTIFIERS)[number];

type Json = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isAbsoluteIri = (value: unknown): value is string => typeof value === 'string' && ABSOLUTE_IRI.test(value);

/** Every problem with the statement's id, actor, verb and object, each named by its dotted path (e.g. `actor.mbox`). */
export function statementShapeErrors(statement: unknown): FieldError[] {
  if (!isJsonObject(statement)) return [{ field: '', reason: 'a statement must be a JSON object' }];
  const idErrors = typeof statement.id === 'string' && XAPI_UUID.test(statement.id) ? [] : [{ field: 'id', reason: 'must be a UUID (RFC 4122: version digit 1–8, variant digit 8, 9, a or b)' }];
  return [...idErrors, ...actorVerbObjectErrors(statement, '')];
}

/** What a statement and a SubStatement share: an actor, a verb and an object. */
function actorVerbObjectErrors(statement: Json, path: string): FieldError[] {
  const at = (name: string) => (path ? `${path}.${name}` : name);
  const errors = agentErrors(statement.actor, at('actor'), false);
  if (!isJsonObject(statement.verb)) errors.push({ field: at('verb'), reason: 'is required and must be an object' });
  else if (!isAbsoluteIri(statement.verb.id)) errors.push({ field: at('verb.id'), reason: 'must be an absolute IRI, e.g. http://adlnet.gov/expapi/verbs/completed' });
  errors.push(...objectErrors(statement.object, at('object'), path !== ''));
  return errors;
}

/**
 * An Agent, or a Group: an identified group has one identifier; an anonymous group (members only) is
 * allowed only where `anonymousGroupAllowed`, since the ledger cannot say whose record it is.
 */
export function agentErrors(agent: unknown, path: string, anonymousGroupAllowed: boolean): FieldError[] {
  if (!isJsonObject(agent)) return [{ field: path, reason: 'is required and must be an Agent or Group object' }];
  const objectType = agent.objectType ?? 'Agent';
  if (objectType !== 'Agent' && objectType !== 'Group') return [{ field: `${path}.objectType`, reason: 'must be "Agent" or "Group"' }];
  const present = INVERSE_FUNCTIONAL_IDENTIFIERS.filter((ifi) => agent[ifi] !== undefined);
  if (present.length === 0 && objectType === 'Group' && anonymousGroupAllowed && Array.isArray(agent.member)) return [];
  if (present.length !== 1) {
    const found = present.length === 0 ? 'none' : present.join(', ');
    return [{ field: path, reason: `must have exactly one identifier of ${INVERSE_FUNCTIONAL_IDENTIFIERS.join(', ')} (found ${found})` }];
  }
  return identifierErrors(agent, present[0], path);
}

function identifierErrors(agent: Json, ifi: InverseFunctionalIdentifier, path: string): FieldError[] {
  const value = agent[ifi];
  const field = `${path}.${ifi}`;
  switch (ifi) {
    case 'mbox':
      return typeof value === 'string' && MAILTO.test(value) ? [] : [{ field, reason: 'must be a mailto IRI, e.g. mailto:learner@example.org' }];
    case 'mbox_sha1sum':
      return typeof value === 'string' && SHA1_HEX.test(value) ? [] : [{ field, reason: 'must be the SHA-1 of a mailto IRI: 40 hex digits' }];
    case 'openid':
      return isAbsoluteIri(value) ? [] : [{ field, reason: 'must be an absolute IRI' }];
    case 'account': {
      if (!isJsonObject(value)) return [{ field, reason: 'must be an object with homePage and name' }];
      const errors: FieldError[] = [];
      if (!isAbsoluteIri(value.homePage)) errors.push({ field: `${field}.homePage`, reason: 'must be an absolute IRL' });
      if (typeof value.name !== 'string' || value.name.trim() === '') errors.push({ field: `${field}.name`, reason: 'must be a non-empty string' });
      return errors;
    }
  }
}

/** The statement's object: an Activity (the default), Agent, Group, StatementRef or SubStatement. */
function objectErrors(object: unknown, path: string, insideSubStatement: boolean): FieldError[] {
  if (!isJsonObject(object)) return [{ field: path, reason: 'is required and must be an object' }];
  const objectType = object.objectType ?? 'Activity';
  switch (objectType) {
    case 'Activity':
      return isAbsoluteIri(object.id) ? [] : [{ field: `${path}.id`, reason: 'must be the activity\'s absolute IRI' }];
    case 'Agent':
    case 'Group':
      return agentErrors(object, path, true);
    case 'StatementRef':
      return typeof object.id === 'string' && XAPI_UUID.test(object.id) ? [] : [{ field: `${path}.id`, reason: 'must be the UUID of the referenced statement' }];
    case 'SubStatement':
      if (insideSubStatement) return [{ field: `${path}.objectType`, reason: 'a SubStatement must not contain another SubStatement' }];
      return actorVerbObjectErrors(object, path);
    default:
      return [{ field: `${path}.objectType`, reason: 'must be Activity, Agent, Group, StatementRef or SubStatement' }];
  }
}
