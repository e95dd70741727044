import { assertNever } from '@ledger/events';
import { advanceMetadata, anonymisedCellId, AnonymisedActivityDocument, NO_ACTIVITY, noEventsApplied, scoreInThousandths } from '@ledger/read-store';
import type { ActivityContribution } from './aggregation-learner-state';

export const ANONYMISED_ACTIVITY_SCHEMA_VERSION = 3;

/**
 * The anonymised aggregate as a pure fold: the counts after one more activity event. Nothing of the
 * event but its numbers, its position and when it was recorded reaches the document. Callers skip
 * events the document's offsets already cover.
 */
export function evolveAnonymisedActivity(current: AnonymisedActivityDocument | null, contribution: ActivityContribution): AnonymisedActivityDocument {
  const { event, position } = contribution;
  const doc = current ?? emptyAggregate(contribution);
  const next: AnonymisedActivityDocument = { ...doc, projection: advanceMetadata(current?.projection ?? null, ANONYMISED_ACTIVITY_SCHEMA_VERSION, position, event.recordedAt) };
  switch (event.type) {
    case 'SessionAccessed':
      next.accessedCount += 1;
      next.timeSpentSeconds += event.data.timeSpentSeconds;
      break;
    case 'SessionCompleted':
      next.completedCount += 1;
      break;
    case 'AssessmentScored': {
      next.assessedCount += 1;
      next.passedCount += event.data.passed ? 1 : 0;
      const { score } = event.data;
      // A pass or fail reported without a score counts as a result, never as a score of 0.
      if (score === null) break;
      next.scoreCount += 1;
      next.scoreSumThousandths += scoreInThousandths(score);
      next.minScore = doc.minScore === null ? score : Math.min(doc.minScore, score);
      next.maxScore = doc.maxScore === null ? score : Math.max(doc.maxScore, score);
      break;
    }
    default:
      assertNever(event);
  }
  return next;
}


function emptyAggregate({ aggregateId, sessionId, odsCode, month, position }: ActivityContribution): AnonymisedActivityDocument {
  return {
    _id: aggregateId,
    cell: anonymisedCellId(sessionId, odsCode, month),
    partition: position.partition,
    sessionId,
    odsCode,
    month,
    ...NO_ACTIVITY,
    projection: noEventsApplied(ANONYMISED_ACTIVITY_SCHEMA_VERSION),
  };
}
