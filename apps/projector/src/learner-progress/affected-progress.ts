import type { Collection } from 'mongodb';
import type { KnownLedgerEvent, PositionedEvent } from '@ledger/events';
import { catalogueEntryId } from '@ledger/read-store';
import { catalogueEntryIdOf, isCatalogueEvent } from '../shared/evolve-catalogue-entry';
import type { DocumentReader } from './document-reader';
import { isActivityEvent } from './learner-activity';
import type { LinkField, ProgressLinksDocument } from './progress-links';
import { learnersOfSessions, SessionLearnerDocument } from './session-learners';

/** Learner ids by container (a links node id: `course:…`, `learning-path:…`, `programme:…`). */
export type AffectedProgress = Map<string, Set<string>>;

/**
 * Whose progress in which containers a batch may change, read from the links after the batch's own
 * writes (so of two batches that meet on a link, the later one sees both sides):
 * - activity of a learner in a session: that learner in the session's containers and their programmes;
 * - a course or path (re)defined or retired: every learner of it and of its programmes;
 * - a programme (re)defined or retired: every learner of it;
 * - a session (re)defined: every learner of the containers that list it, and of their programmes.
 * Derived from the events themselves, not from what changed, so a redelivered batch recomputes too.
 */
export async function affectedProgress(
  events: PositionedEvent<KnownLedgerEvent>[],
  links: DocumentReader<ProgressLinksDocument>,
  sessionLearners: Collection<SessionLearnerDocument>,
): Promise<AffectedProgress> {
  const affected: AffectedProgress = new Map();
  const add = (container: string, learners: Iterable<string>) => {
    const set = affected.get(container) ?? new Set<string>();
    for (const learner of learners) set.add(learner);
    affected.set(container, set);
  };
  const touched = events.filter(isActivityEvent).map(({ event }) => ({ learnerId: event.subject, session: catalogueEntryId('session', event.data.sessionId) }));
  const defined = events.filter(isCatalogueEvent).map(({ event }) => catalogueEntryIdOf(event));

  const sessionContainers = await withProgrammes(links, await neighbours(links, [...touched.map((t) => t.session), ...defined.filter(isSession)], 'containers'));
  for (const { learnerId, session } of touched) for (const container of sessionContainers.get(session) ?? []) add(container, [learnerId]);

  const changed = new Set(defined.filter((id) => !isSession(id)));
  for (const id of defined.filter(isSession)) for (const container of sessionContainers.get(id) ?? []) changed.add(container);
  const programmesOfChanged = await neighbours(links, [...changed].filter((id) => !isProgramme(id)), 'containers');
  for (const programme of [...programmesOfChanged.values()].flat()) changed.add(programme);
  for (const [container, learners] of await learnersOf(links, sessionLearners, [...changed])) add(container, learners);
  return affected;
}

/** For each session: its containers, and those containers' programmes. */
async function withProgrammes(links: DocumentReader<ProgressLinksDocument>, containersOf: Map<string, string[]>): Promise<Map<string, string[]>> {
  const programmesOf = await neighbours(links, [...containersOf.values()].flat(), 'containers');
  return new Map([...containersOf].map(([session, containers]) => [session, [...containers, ...containers.flatMap((c) => programmesOf.get(c) ?? [])]]));
}

/** Every learner with activity in a session a container lists or listed (a programme: through its parts). */
async function learnersOf(
  links: DocumentReader<ProgressLinksDocument>,
  sessionLearners: Collection<SessionLearnerDocument>,
  containers: string[],
): Promise<Map<string, string[]>> {
  const partsOf = await neighbours(links, containers.filter(isProgramme), 'containers');
  const parts = new Map(containers.map((c) => [c, isProgramme(c) ? partsOf.get(c) ?? [] : [c]]));
  const sessionsOf = await neighbours(links, [...parts.values()].flat(), 'sessions');
  const learnersOfSession = await learnersOfSessions(sessionLearners, [...sessionsOf.values()].flat());
  return new Map(
    [...parts].map(([container, ofContainer]) => [container, ofContainer.flatMap((p) => sessionsOf.get(p) ?? []).flatMap((s) => learnersOfSession.get(s) ?? [])]),
  );
}

/** One neighbour list for each of `ids`. */
async function neighbours(links: DocumentReader<ProgressLinksDocument>, ids: string[], field: LinkField): Promise<Map<string, string[]>> {
  await links.load(ids);
  return new Map(ids.map((id) => [id, links.get(id)?.[field] ?? []]));
}

const isSession = (nodeId: string) => nodeId.startsWith('session:');
const isProgramme = (nodeId: string) => nodeId.startsWith('programme:');
