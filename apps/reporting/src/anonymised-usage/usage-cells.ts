import {
  ALL_ORGANISATIONS,
  ANONYMISED_CELLS_COLLECTION,
  AnonymisedCellCounts,
  AnonymisedCellDocument,
  AnonymisedScope,
  CATALOGUE_COLLECTION,
  CatalogueEntryDocument,
  countsInPeriods,
  NO_CELL_COUNTS,
  PeriodKind,
  rollUpCells,
  scopeMonthsKey,
  scopeOrganisationMonthsKey,
} from '@ledger/read-store';
import type { ReportContext } from '../shared/reports/report-definition';

/** One line of the anonymised report before suppression: a scope, an organisation, a period, and its counts. */
export interface UsageCell {
  scope: AnonymisedScope;
  scopeId: string;
  scopeTitle: string;
  /** Depth in the catalogue shown: 0 programme (or the chosen course), 1 course, 2 session. */
  depth: number;
  /** The scope this one is part of in the report (its "total" line), or null. */
  parentKey: string | null;
  odsCode: string;
  period: string;
  counts: AnonymisedCellCounts;
}

/** A scope of the report, placed under its parent. */
export interface UsageScope {
  scope: AnonymisedScope;
  scopeId: string;
  title: string;
  depth: number;
  parentKey: string | null;
  /** For courses and programmes: the sessions whose sums (time, scores) make theirs. */
  sessionIds: string[];
}

export const scopeKey = (scope: AnonymisedScope, id: string) => `${scope}:${id}`;

/**
 * The scopes a run shows: every programme (no programme chosen); a programme, its courses and
 * learning paths and their sessions; or a course or learning path and its sessions. Read from the
 * catalogue by `_id`, and by kind for the list of programmes and a programme's parts (the catalogue is small).
 */
export async function usageScopes(context: ReportContext, programmeId: string | null, courseId: string | null): Promise<UsageScope[]> {
  const catalogue = await context.source.readModel<CatalogueEntryDocument>(CATALOGUE_COLLECTION);
  const containersOf = async (id: string) =>
    [...(await catalogue.find({ kind: 'course' }).toArray()), ...(await catalogue.find({ kind: 'learning-path' }).toArray())].filter(
      (e) => (e.kind === 'course' || e.kind === 'learning-path') && e.definition?.programmeId === id,
    ) as Array<Extract<CatalogueEntryDocument, { kind: 'course' | 'learning-path' }>>;
  const containerScopes = async (entry: Extract<CatalogueEntryDocument, { kind: 'course' | 'learning-path' }>, depth: number, parentKey: string | null): Promise<UsageScope[]> => {
    const sessionIds = entry.definition?.sessionIds ?? [];
    const own: UsageScope = { scope: entry.kind, scopeId: entry.catalogueId, title: entry.definition?.title ?? entry.catalogueId, depth, parentKey, sessionIds };
    const places = await context.catalogue.placesOf(sessionIds);
    const sessions = sessionIds.map((s): UsageScope => ({ scope: 'session', scopeId: s, title: places.get(s)?.sessionTitle ?? s, depth: depth + 1, parentKey: scopeKey(entry.kind, entry.catalogueId), sessionIds: [s] }));
    return [own, ...sessions];
  };
  if (courseId) {
    const entry = (await context.catalogue.entry('course', courseId)) ?? (await context.catalogue.entry('learning-path', courseId));
    return entry ? containerScopes(entry, 0, null) : [];
  }
  if (programmeId) {
    const programme = await context.catalogue.entry('programme', programmeId);
    const parts = (await containersOf(programmeId)).sort((a, b) => (a.definition?.title ?? '').localeCompare(b.definition?.title ?? ''));
    const nested = (await Promise.all(parts.map((p) => containerScopes(p, 1, scopeKey('programme', programmeId))))).flat();
    const sessionIds = nested.filter((s) => s.scope === 'session').map((s) => s.scopeId);
    return [{ scope: 'programme', scopeId: programmeId, title: programme?.definition?.title ?? programmeId, depth: 0, parentKey: null, sessionIds }, ...nested];
  }
  const programmes = await catalogue.find({ kind: 'programme' }).toArray();
  const scopes: UsageScope[] = [];
  for (const p of programmes.sort((a, b) => (a.definition?.title ?? '').localeCompare(b.definition?.title ?? ''))) {
    const parts = await containersOf(p.catalogueId);
    scopes.push({ scope: 'programme', scopeId: p.catalogueId, title: (p.definition as { title?: string } | null)?.title ?? p.catalogueId, depth: 0, parentKey: null, sessionIds: parts.flatMap((c) => c.definition?.sessionIds ?? []) });
  }
  return scopes;
}

/**
 * The cells of these scopes for one period kind: every organisation's month shards
 * (`find({ scopeMonths })`) or one organisation's and all organisations' (`find({ scopeOrganisationMonths })`),
 * rolled up into the periods of that kind (countsInPeriods). A course's or programme's sums (time,
 * scores) are its sessions' added; its learner counts are its own.
 */
export async function usageCells(context: ReportContext, scopes: readonly UsageScope[], kind: PeriodKind, odsCode: string | null, periods: (period: string) => boolean): Promise<UsageCell[]> {
  const collection = await context.source.readModel<AnonymisedCellDocument>(ANONYMISED_CELLS_COLLECTION);
  const read = async (scope: AnonymisedScope, id: string): Promise<Map<string, AnonymisedCellCounts>> => {
    const shards = odsCode
      ? [...(await collection.find({ scopeOrganisationMonths: scopeOrganisationMonthsKey(scope, id, odsCode) }).toArray()), ...(await collection.find({ scopeOrganisationMonths: scopeOrganisationMonthsKey(scope, id, ALL_ORGANISATIONS) }).toArray())]
      : await collection.find({ scopeMonths: scopeMonthsKey(scope, id) }, { batchSize: 1000 }).toArray();
    const counts = countsInPeriods(shards, kind);
    for (const key of counts.keys()) if (!periods(key.slice(key.indexOf('|') + 1))) counts.delete(key);
    return counts;
  };
  const sessionCells = new Map<string, Map<string, AnonymisedCellCounts>>();
  const cellsOfSession = async (id: string) => {
    if (!sessionCells.has(id)) sessionCells.set(id, await read('session', id));
    return sessionCells.get(id)!;
  };
  const out: UsageCell[] = [];
  for (const s of scopes) {
    const own = s.scope === 'session' ? await cellsOfSession(s.scopeId) : await read(s.scope, s.scopeId);
    const sums = s.scope === 'session' ? [own] : await Promise.all(s.sessionIds.map(cellsOfSession));
    const keys = new Set([...own.keys(), ...sums.flatMap((m) => [...m.keys()])]);
    for (const key of keys) {
      const at = key.indexOf('|');
      const learners = (own.get(key) ?? NO_CELL_COUNTS).learners;
      const sumsHere = rollUpCells(sums.map((m) => m.get(key) ?? NO_CELL_COUNTS));
      out.push({ scope: s.scope, scopeId: s.scopeId, scopeTitle: s.title, depth: s.depth, parentKey: s.parentKey, odsCode: key.slice(0, at), period: key.slice(at + 1), counts: { ...sumsHere, learners } });
    }
  }
  return out;
}
