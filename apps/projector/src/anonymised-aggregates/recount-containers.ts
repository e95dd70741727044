import type { LedgerPosition } from '@ledger/events';
import type { AnonymisedLearnerYearDocument, CellContribution } from './anonymised-learner-year';
import { containerKeysOf, learnerChangesBetween } from './anonymised-keys';

/**
 * Brings a learner-year's course, learning path and programme cells in line with the catalogue as it
 * stands (`parents`): each cell it now counts the learner in and did not is +1, each it no longer
 * does is -1, one contribution per cell at `position`. Pure; `doc` is not changed.
 */
export function recountContainers(
  doc: AnonymisedLearnerYearDocument,
  parents: ReadonlyMap<string, string>,
  position: LedgerPosition,
  recordedAt: string,
): { next: AnonymisedLearnerYearDocument; contributions: CellContribution[] } {
  const now = containerKeysOf(doc.entries, parents);
  const changes = learnerChangesBetween(new Set(doc.containerKeys), now);
  const contributions = [...changes].map(([cell, learners]): CellContribution => ({ cell, position, recordedAt, learners, timeSpentSeconds: 0, score: null }));
  return { next: { ...doc, containerKeys: [...now].sort() }, contributions };
}

/** The catalogue nodes a learner-year's placement depends on: its sessions (their containers are looked up from them). */
export function sessionNodesOf(doc: Pick<AnonymisedLearnerYearDocument, 'sessionIds'>): string[] {
  return doc.sessionIds.map((s) => `session:${s}`);
}
