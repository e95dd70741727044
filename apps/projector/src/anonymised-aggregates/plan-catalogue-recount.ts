import type { PositionedEvent } from '@ledger/events';
import { advanceMetadata, alreadyApplied } from '@ledger/read-store';
import { ANONYMISED_LEARNER_YEAR_SCHEMA_VERSION, AnonymisedLearnerYearDocument, CellContribution } from './anonymised-learner-year';
import type { PlacingEvent } from './anonymised-catalogue';
import { mergeAtPosition } from './merge-contributions';
import type { Change } from './plan-learner-batch';
import { recountContainers } from './recount-containers';

/**
 * The pure plan of a catalogue partition's batch for the learners it moves: every learner-year that
 * holds an affected session is recounted against the catalogue as it stands now (already written),
 * all at the position of the batch's last placing event, in the catalogue partition's own shards. A
 * learner-year whose offsets already hold that position was recounted by an earlier run, which left its
 * changes in the outbox: those are written again (the shards skip what they hold).
 */
export function planCatalogueRecount(
  placing: readonly PositionedEvent<PlacingEvent>[],
  affected: readonly AnonymisedLearnerYearDocument[],
  parents: ReadonlyMap<string, string>,
): { learnerYears: Map<string, Change<AnonymisedLearnerYearDocument>>; contributions: CellContribution[] } {
  const last = placing[placing.length - 1];
  const writer = last.position.partition;
  const learnerYears = new Map<string, Change<AnonymisedLearnerYearDocument>>();
  const contributions: CellContribution[] = [];
  for (const doc of affected) {
    if (alreadyApplied(doc.projection, last.position)) {
      contributions.push(...(doc.outbox.find((o) => o.writer === writer)?.contributions ?? []));
      continue;
    }
    const recount = recountContainers(doc, parents, last.position, last.event.recordedAt);
    // Counted in the right cells already (another partition's recount got there first, or, on a
    // replay, the catalogue as it ends up names more sessions than it did live): nothing to write.
    if (recount.contributions.length === 0) continue;
    const next: AnonymisedLearnerYearDocument = {
      ...recount.next,
      outbox: [...doc.outbox.filter((o) => o.writer !== writer), { writer, contributions: recount.contributions }],
      projection: advanceMetadata(doc.projection, ANONYMISED_LEARNER_YEAR_SCHEMA_VERSION, last.position, last.event.recordedAt),
    };
    learnerYears.set(doc._id, { stored: doc, next });
    contributions.push(...recount.contributions);
  }
  return { learnerYears, contributions: mergeAtPosition(contributions) };
}
