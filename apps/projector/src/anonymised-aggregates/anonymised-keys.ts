import { ALL_ORGANISATIONS, anonymisedCellKey, AnonymisedScope, LearnerMeasure, PERIOD_KINDS, periodOfMonth } from '@ledger/read-store';

/**
 * What a learner did that the anonymised cells count, in the smallest unit: a measure in a session,
 * at an organisation, in a month (`measure|sessionId|odsCode|YYYY-MM`). Quarters and years, all
 * organisations, and courses and programmes are all derived from these.
 */
export function entryOf(measure: LearnerMeasure, sessionId: string, odsCode: string, month: string): string {
  return `${measure}|${sessionId}|${odsCode}|${month}`;
}

export function parseEntry(entry: string): { measure: LearnerMeasure; sessionId: string; odsCode: string; month: string } {
  const parts = entry.split('|');
  const month = parts.pop()!;
  const odsCode = parts.pop()!;
  const measure = parts.shift() as LearnerMeasure;
  return { measure, sessionId: parts.join('|'), odsCode, month };
}

/** A counted cell: `measure|cell`. */
export function countedKey(measure: LearnerMeasure, cell: string): string {
  return `${measure}|${cell}`;
}

export function parseCountedKey(key: string): { measure: LearnerMeasure; cell: string } {
  const at = key.indexOf('|');
  return { measure: key.slice(0, at) as LearnerMeasure, cell: key.slice(at + 1) };
}

/** The cells one scope × organisation × month is part of: its organisation and all organisations, by month, quarter and year. */
export function cellsOf(scope: AnonymisedScope, scopeId: string, odsCode: string, month: string): string[] {
  return [odsCode, ALL_ORGANISATIONS].flatMap((org) => PERIOD_KINDS.map((kind) => anonymisedCellKey(scope, scopeId, org, kind, periodOfMonth(month, kind))));
}

/** The session cells a set of entries counts the learner in (no catalogue needed). */
export function sessionKeysOf(entries: Iterable<string>): Set<string> {
  const keys = new Set<string>();
  for (const entry of entries) {
    const { measure, sessionId, odsCode, month } = parseEntry(entry);
    for (const cell of cellsOf('session', sessionId, odsCode, month)) keys.add(countedKey(measure, cell));
  }
  return keys;
}

/**
 * The course, learning path and programme cells a set of entries counts the learner in, by where the
 * catalogue places each session now (`parents`: node id → parent node id). A session the catalogue
 * does not place counts at session level only, until it does.
 */
export function containerKeysOf(entries: Iterable<string>, parents: ReadonlyMap<string, string>): Set<string> {
  const keys = new Set<string>();
  for (const entry of entries) {
    const { measure, sessionId, odsCode, month } = parseEntry(entry);
    const container = parents.get(`session:${sessionId}`);
    if (!container) continue;
    const [kind, containerId] = splitNode(container);
    if (kind !== 'course' && kind !== 'learning-path') continue;
    for (const cell of cellsOf(kind, containerId, odsCode, month)) keys.add(countedKey(measure, cell));
    const programme = parents.get(container);
    if (!programme?.startsWith('programme:')) continue;
    for (const cell of cellsOf('programme', programme.slice('programme:'.length), odsCode, month)) keys.add(countedKey(measure, cell));
  }
  return keys;
}

function splitNode(node: string): [string, string] {
  const at = node.indexOf(':');
  return [node.slice(0, at), node.slice(at + 1)];
}
