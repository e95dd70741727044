import { canonicalJson, isJsonObject } from '@ledger/events';

type Json = Record<string, unknown>;

/** Properties the LRS may assign or that xAPI says are not part of the immutable statement. */
const NOT_COMPARED = ['id', 'authority', 'stored', 'version'] as const;

/**
 * Whether a statement received again under a known id is the one already stored, as xAPI compares
 * statements: differences the LRS may have introduced are ignored (`authority`, `stored`, `version`,
 * a `timestamp` it assigned, how a timestamp is written), and so are the parts xAPI keeps outside the
 * statement itself (a verb's `display`, activity `definition`s). Anything else that differs is a conflict.
 */
export function sameStatement(stored: { statement: Json; timestampAssigned: boolean }, received: Json): boolean {
  const compareTimestamps = !stored.timestampAssigned && received.timestamp !== undefined;
  return canonicalJson(comparable(stored.statement, compareTimestamps)) === canonicalJson(comparable(received, compareTimestamps));
}

function comparable(statement: Json, withTimestamp: boolean): Json {
  const copy: Json = { ...statement };
  for (const name of NOT_COMPARED) delete copy[name];
  copy.timestamp = withTimestamp && typeof statement.timestamp === 'string' ? Date.parse(statement.timestamp) : undefined;
  if (isJsonObject(copy.verb)) copy.verb = { ...copy.verb, display: undefined };
  copy.object = withoutDefinition(copy.object);
  if (isJsonObject(copy.object) && copy.object.objectType === 'SubStatement') copy.object = comparable(copy.object, true);
  if (isJsonObject(copy.context) && isJsonObject(copy.context.contextActivities)) {
    const lists = Object.entries(copy.context.contextActivities).map(([kind, list]) => [kind, (Array.isArray(list) ? list : [list]).map(withoutDefinition)]);
    copy.context = { ...copy.context, contextActivities: Object.fromEntries(lists) };
  }
  return copy;
}

/** An activity without its definition, which xAPI treats as outside the statement. */
function withoutDefinition(activity: unknown): unknown {
  if (!isJsonObject(activity) || (activity.objectType ?? 'Activity') !== 'Activity') return activity;
  return { ...activity, definition: undefined };
}
