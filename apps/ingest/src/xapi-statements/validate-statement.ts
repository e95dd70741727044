import { FieldError, isJsonObject, isStorableText, MAX_FUTURE_SKEW_MS, statementShapeErrors, XAPI_UUID, XapiVersion } from '@ledger/events';
import { learnerIdOf } from './learner-id';
import { durationSeconds, isIsoDuration } from './xapi-duration';
import { ACCESS_VERBS, ADL_VERBS, CMI5_MASTERY_SCORE } from './xapi-verbs';

type Json = Record<string, unknown>;

/** RFC 3339 date-time with a zone; xAPI 2.0 forbids the "unknown offset" -00:00. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
/** Longest learner id the ledger keeps as a subject. */
const MAX_LEARNER_ID_LENGTH = 200;
/** Longest time one session access may record (the SessionAccessed limit). */
export const MAX_ACCESS_SECONDS = 7 * 24 * 3600;
const UNSTORABLE_REASON = 'must not contain U+0000 or an unpaired UTF-16 surrogate: it becomes a value in read models, which cannot hold them';

/**
 * Every problem with one statement that ingest can see before appending, each named by its path
 * in the statement (`actor.mbox`, `result.score.raw`, …): the essential structure, then what the
 * ledger needs to record it (a timestamp it accepts, a duration it can count, a consistent score).
 */
export function statementErrors(statement: Json, xapiVersion: XapiVersion, now: Date): FieldError[] {
  const shape = statementShapeErrors(statement);
  const errors = [...shape, ...timestampErrors(statement.timestamp, now), ...versionErrors(statement.version, xapiVersion)];
  const verbId = isJsonObject(statement.verb) ? statement.verb.id : undefined;
  if (statement.result !== undefined) errors.push(...resultErrors(statement.result, ACCESS_VERBS.has(String(verbId))));
  if (statement.context !== undefined) errors.push(...contextErrors(statement.context));
  if (verbId === ADL_VERBS.voided) errors.push(...voidingErrors(statement));
  if (!shape.some((e) => e.field.startsWith('actor'))) errors.push(...learnerIdErrors(statement.actor as Json));
  if (!shape.some((e) => e.field.startsWith('object'))) errors.push(...sessionIdErrors(statement.object as Json));
  return errors;
}

/** An activity's IRI becomes the session id of the events derived from it, a value in read-model documents. */
function sessionIdErrors(object: Json): FieldError[] {
  if ((object.objectType ?? 'Activity') !== 'Activity' || isStorableText(String(object.id))) return [];
  return [{ field: 'object.id', reason: UNSTORABLE_REASON }];
}

function timestampErrors(timestamp: unknown, now: Date): FieldError[] {
  if (timestamp === undefined) return [];
  if (typeof timestamp !== 'string' || !TIMESTAMP.test(timestamp) || timestamp.endsWith('-00:00') || Number.isNaN(Date.parse(timestamp))) {
    return [{ field: 'timestamp', reason: 'must be an RFC 3339 date-time with a time zone, e.g. 2026-11-24T09:30:00.000Z' }];
  }
  if (Date.parse(timestamp) > now.getTime() + MAX_FUTURE_SKEW_MS) return [{ field: 'timestamp', reason: `must not be more than ${MAX_FUTURE_SKEW_MS / 60_000} minutes in the future` }];
  return [];
}

/** A statement may state its own version; it must belong to a line the request's version accepts. */
function versionErrors(version: unknown, xapiVersion: XapiVersion): FieldError[] {
  if (version === undefined) return [];
  const allowed = xapiVersion.startsWith('1.') ? /^1\.0\.\d+$/ : /^(1|2)\.0\.\d+$/;
  return typeof version === 'string' && allowed.test(version) ? [] : [{ field: 'version', reason: `must be ${xapiVersion.startsWith('1.') ? '1.0.x' : '1.0.x or 2.0.x'}` }];
}

function resultErrors(result: unknown, isAccess: boolean): FieldError[] {
  if (!isJsonObject(result)) return [{ field: 'result', reason: 'must be an object' }];
  const errors: FieldError[] = [];
  for (const flag of ['success', 'completion'] as const) {
    if (result[flag] !== undefined && typeof result[flag] !== 'boolean') errors.push({ field: `result.${flag}`, reason: 'must be true or false' });
  }
  if (result.duration !== undefined) errors.push(...durationErrors(result.duration, isAccess));
  if (result.score !== undefined) errors.push(...scoreErrors(result.score));
  return errors;
}

/** Any statement's duration must be ISO 8601; an access's must also be countable as time spent. */
function durationErrors(duration: unknown, isAccess: boolean): FieldError[] {
  if (!isIsoDuration(duration)) return [{ field: 'result.duration', reason: 'must be an ISO 8601 duration such as PT1H30M or PT45.5S' }];
  if (!isAccess) return [];
  const counted = durationSeconds(duration);
  if (!counted.ok) return [{ field: 'result.duration', reason: counted.reason }];
  if (counted.seconds > MAX_ACCESS_SECONDS) return [{ field: 'result.duration', reason: `one session access may record at most ${MAX_ACCESS_SECONDS} seconds (7 days)` }];
  return [];
}

function scoreErrors(score: unknown): FieldError[] {
  if (!isJsonObject(score)) return [{ field: 'result.score', reason: 'must be an object' }];
  const errors: FieldError[] = [];
  const value = (name: string) => score[name] as number | undefined;
  for (const name of ['raw', 'min', 'max', 'scaled']) {
    if (score[name] !== undefined && (typeof score[name] !== 'number' || !Number.isFinite(score[name]))) errors.push({ field: `result.score.${name}`, reason: 'must be a number' });
  }
  if (errors.length > 0) return errors;
  const [raw, min, max, scaled] = [value('raw'), value('min'), value('max'), value('scaled')];
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) errors.push({ field: 'result.score.scaled', reason: `must lie within -1..1, got ${scaled}` });
  if (min !== undefined && max !== undefined && max <= min) errors.push({ field: 'result.score.max', reason: `must be above result.score.min (${min}), got ${max}` });
  if (raw !== undefined && ((min !== undefined && raw < min) || (max !== undefined && raw > max))) {
    errors.push({ field: 'result.score.raw', reason: `must lie within result.score.min..max (${min ?? '-∞'}..${max ?? '∞'}), got ${raw}` });
  }
  return errors;
}

function contextErrors(context: unknown): FieldError[] {
  if (!isJsonObject(context)) return [{ field: 'context', reason: 'must be an object' }];
  const errors: FieldError[] = [];
  if (context.registration !== undefined && (typeof context.registration !== 'string' || !XAPI_UUID.test(context.registration))) {
    errors.push({ field: 'context.registration', reason: 'must be a UUID' });
  }
  if (context.extensions !== undefined && !isJsonObject(context.extensions)) errors.push({ field: 'context.extensions', reason: 'must be an object' });
  const mastery = isJsonObject(context.extensions) ? context.extensions[CMI5_MASTERY_SCORE] : undefined;
  if (mastery !== undefined && (typeof mastery !== 'number' || !(mastery >= 0 && mastery <= 1))) {
    errors.push({ field: `context.extensions.${CMI5_MASTERY_SCORE}`, reason: 'must be a scaled pass mark within 0..1' });
  }
  return errors;
}

/** A voiding statement's object names the statement it voids, by a StatementRef. */
function voidingErrors(statement: Json): FieldError[] {
  const object = statement.object as Json | undefined;
  if (!isJsonObject(object) || object.objectType !== 'StatementRef') {
    return [{ field: 'object.objectType', reason: 'a voiding statement\'s object must be a StatementRef to the statement it voids' }];
  }
  if (typeof object.id === 'string' && typeof statement.id === 'string' && object.id.toLowerCase() === statement.id.toLowerCase()) {
    return [{ field: 'object.id', reason: 'a statement cannot void itself' }];
  }
  return [];
}

/** The learner id keys the ledger and is a value in read-model documents: bounded, and text a store keeps. */
function learnerIdErrors(actor: Json): FieldError[] {
  const learnerId = learnerIdOf(actor);
  const field = actor.account !== undefined ? 'actor.account.name' : 'actor.openid';
  if (learnerId.length > MAX_LEARNER_ID_LENGTH) return [{ field, reason: `must be at most ${MAX_LEARNER_ID_LENGTH} characters to serve as the learner id` }];
  return isStorableText(learnerId) ? [] : [{ field, reason: UNSTORABLE_REASON }];
}
