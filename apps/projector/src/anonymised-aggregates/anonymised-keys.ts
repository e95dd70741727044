import { ALL_ORGANISATIONS, anonymisedCellKey, AnonymisedScope, LearnerMeasure, PERIOD_KINDS, PeriodKind, periodOfMonth } from '@ledger/read-store';

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

/** Learner count changes of one month cell, by the period they count in: +1 or -1 per measure. */
export type LearnerChanges = Partial<Record<PeriodKind, Partial<Record<LearnerMeasure, number>>>>;

/** Calls `visit` with each change in `changes`. */
export function forEachLearnerChange(changes: LearnerChanges, visit: (kind: PeriodKind, measure: LearnerMeasure, by: number) => void): void {
  for (const [kind, measures] of Object.entries(changes) as Array<[PeriodKind, Partial<Record<LearnerMeasure, number>>]>) {
    for (const [measure, by] of Object.entries(measures) as Array<[LearnerMeasure, number]>) visit(kind, measure, by);
  }
}

/** Adds `by` to one measure of one period kind in `changes` (a working copy). */
export function addLearnerChange(changes: LearnerChanges, kind: PeriodKind, measure: LearnerMeasure, by: number): void {
  const ofKind = (changes[kind] ??= {});
  ofKind[measure] = (ofKind[measure] ?? 0) + by;
}

/** Adds every change in `more` into `into` (a working copy) and returns it. */
export function addLearnerChanges<T extends LearnerChanges>(into: T, more: LearnerChanges): T {
  forEachLearnerChange(more, (kind, measure, by) => addLearnerChange(into, kind, measure, by));
  return into;
}

/**
 * A place the learner is counted: `measure|periodKind|cell`, the month cell holding their count for the
 * period of that kind (their first month in it: see AnonymisedCellDocument).
 */
export function countedKey(measure: LearnerMeasure, kind: PeriodKind, cell: string): string {
  return `${measure}|${kind}|${cell}`;
}

export function parseCountedKey(key: string): { measure: LearnerMeasure; kind: PeriodKind; cell: string } {
  const first = key.indexOf('|');
  const second = key.indexOf('|', first + 1);
  return { measure: key.slice(0, first) as LearnerMeasure, kind: key.slice(first + 1, second) as PeriodKind, cell: key.slice(second + 1) };
}

/** The month cells one scope × organisation × month is part of: its organisation's and all organisations'. */
export function cellsOf(scope: AnonymisedScope, scopeId: string, odsCode: string, month: string): string[] {
  return [odsCode, ALL_ORGANISATIONS].map((org) => anonymisedCellKey(scope, scopeId, org, month));
}

interface CountedFact {
  measure: LearnerMeasure;
  scope: AnonymisedScope;
  scopeId: string;
  odsCode: string;
  month: string;
}

/**
 * Where facts count the learner: for each measure, scope, organisation (and all organisations) and
 * period of each kind they fall in, one key in the earliest month of the period they did it in. A
 * function of the facts alone, so a replay decides the same; an earlier month arriving later moves the
 * count (-1 in one month cell, +1 in the other), which leaves every period's sum right.
 */
function countedKeysOf(facts: Iterable<CountedFact>): Set<string> {
  const firsts = new Map<string, { fact: CountedFact; org: string; kind: PeriodKind; month: string }>();
  for (const fact of facts) {
    for (const org of [fact.odsCode, ALL_ORGANISATIONS]) {
      for (const kind of PERIOD_KINDS) {
        const group = `${fact.measure}|${kind}|${fact.scope}:${fact.scopeId}|${org}|${periodOfMonth(fact.month, kind)}`;
        const seen = firsts.get(group);
        if (!seen || fact.month < seen.month) firsts.set(group, { fact, org, kind, month: fact.month });
      }
    }
  }
  return new Set([...firsts.values()].map(({ fact, org, kind, month }) => countedKey(fact.measure, kind, anonymisedCellKey(fact.scope, fact.scopeId, org, month))));
}

/** The session cells a set of entries counts the learner in (no catalogue needed). */
export function sessionKeysOf(entries: Iterable<string>): Set<string> {
  return countedKeysOf(
    (function* () {
      for (const entry of entries) {
        const { measure, sessionId, odsCode, month } = parseEntry(entry);
        yield { measure, scope: 'session' as const, scopeId: sessionId, odsCode, month };
      }
    })(),
  );
}

/**
 * The course, learning path and programme cells a set of entries counts the learner in, by where the
 * catalogue places each session now (`parents`: node id → parent node id). A session the catalogue
 * does not place counts at session level only, until it does.
 */
export function containerKeysOf(entries: Iterable<string>, parents: ReadonlyMap<string, string>): Set<string> {
  return countedKeysOf(
    (function* () {
      for (const entry of entries) {
        const { measure, sessionId, odsCode, month } = parseEntry(entry);
        const container = parents.get(`session:${sessionId}`);
        if (!container) continue;
        const [kind, containerId] = splitNode(container);
        if (kind !== 'course' && kind !== 'learning-path') continue;
        yield { measure, scope: kind, scopeId: containerId, odsCode, month };
        const programme = parents.get(container);
        if (programme?.startsWith('programme:')) yield { measure, scope: 'programme' as const, scopeId: programme.slice('programme:'.length), odsCode, month };
      }
    })(),
  );
}

/** The changes of learner counts, by month cell, that moving from `before` to `now` counted keys makes. */
export function learnerChangesBetween(before: ReadonlySet<string>, now: ReadonlySet<string>): Map<string, LearnerChanges> {
  const changes = new Map<string, LearnerChanges>();
  const change = (key: string, by: number) => {
    const { measure, kind, cell } = parseCountedKey(key);
    const learners = changes.get(cell) ?? {};
    addLearnerChange(learners, kind, measure, by);
    changes.set(cell, learners);
  };
  for (const key of now) if (!before.has(key)) change(key, 1);
  for (const key of before) if (!now.has(key)) change(key, -1);
  return changes;
}

function splitNode(node: string): [string, string] {
  const at = node.indexOf(':');
  return [node.slice(0, at), node.slice(at + 1)];
}
