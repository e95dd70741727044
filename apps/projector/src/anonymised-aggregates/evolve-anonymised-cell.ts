import { advanceMetadata, ANONYMISED_CELLS_COLLECTION, AnonymisedCellDocument, AnonymisedScope, noEventsApplied, noLearnersByPeriod, scoreInThousandths, scopeMonthsKey, scopeOrganisationMonthsKey } from '@ledger/read-store';
import { addLearnerChanges } from './anonymised-keys';
import type { CellContribution } from './anonymised-learner-year';

/** 2: one document per month, holding the month's, quarter's and year's learner counts (see AnonymisedCellDocument). */
export const ANONYMISED_CELL_SCHEMA_VERSION = 2;
export { ANONYMISED_CELLS_COLLECTION };

/** The shard `_id` a contribution goes to: its cell, written by its position's partition. */
export function shardIdOf(contribution: CellContribution): string {
  return `${contribution.cell}|${contribution.position.partition}`;
}

/** A shard after one more contribution (a pure fold; callers skip contributions its offsets already hold). */
export function evolveAnonymisedCell(current: AnonymisedCellDocument | null, contribution: CellContribution): AnonymisedCellDocument {
  const doc = current ?? emptyShard(contribution);
  const { month, quarter, year } = doc.learners;
  const learners = addLearnerChanges({ month: { ...month }, quarter: { ...quarter }, year: { ...year } }, contribution.learners);
  const next: AnonymisedCellDocument = {
    ...doc,
    learners,
    timeSpentSeconds: doc.timeSpentSeconds + contribution.timeSpentSeconds,
    projection: advanceMetadata(current?.projection ?? null, ANONYMISED_CELL_SCHEMA_VERSION, contribution.position, contribution.recordedAt),
  };
  const { score } = contribution;
  if (score !== null) {
    next.scoreCount += 1;
    next.scoreSumThousandths += scoreInThousandths(score);
    next.minScore = doc.minScore === null ? score : Math.min(doc.minScore, score);
    next.maxScore = doc.maxScore === null ? score : Math.max(doc.maxScore, score);
  }
  return next;
}

function emptyShard(contribution: CellContribution): AnonymisedCellDocument {
  const [scopeAndId, odsCode, month] = splitCell(contribution.cell);
  const at = scopeAndId.indexOf(':');
  const scope = scopeAndId.slice(0, at) as AnonymisedScope;
  const scopeId = scopeAndId.slice(at + 1);
  return {
    _id: shardIdOf(contribution),
    cell: contribution.cell,
    scope,
    scopeId,
    odsCode,
    month,
    scopeMonths: scopeMonthsKey(scope, scopeId),
    scopeOrganisationMonths: scopeOrganisationMonthsKey(scope, scopeId, odsCode),
    writer: contribution.position.partition,
    learners: noLearnersByPeriod(),
    timeSpentSeconds: 0,
    scoreCount: 0,
    scoreSumThousandths: 0,
    minScore: null,
    maxScore: null,
    projection: noEventsApplied(ANONYMISED_CELL_SCHEMA_VERSION),
  };
}

/** `scope:id|odsCode|YYYY-MM`, where only the id may hold a `|`. */
function splitCell(cell: string): [string, string, string] {
  const parts = cell.split('|');
  const month = parts.pop()!;
  const odsCode = parts.pop()!;
  return [parts.join('|'), odsCode, month];
}
