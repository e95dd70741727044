import { declareReadModel, ReadModel } from '../indexes/read-model';
import type { ProjectionMetadata } from '../projection-metadata';

/**
 * Usage and outcome counts with no person in them. Every field is a count, a sum, a minimum or a
 * maximum, so counts for several sessions, organisations or months combine by rollUpActivityCounts.
 * Counts are of events (two accesses by one learner count two), not of people.
 */
export interface AnonymisedActivityCounts {
  /** `SessionAccessed` events. */
  accessedCount: number;
  /** `SessionCompleted` events. */
  completedCount: number;
  /** Sum of `timeSpentSeconds` over the accesses. */
  timeSpentSeconds: number;
  /** `AssessmentScored` events: assessment results, with or without a score. */
  assessedCount: number;
  /** Of those, the ones the content reported as passed. */
  passedCount: number;
  /** Of those, the ones that carried a score: how many scores `scoreSumThousandths` sums. */
  scoreCount: number;
  /**
   * Sum of the scores, in integer thousandths of a point (divide by 1000 when reading). Integers add
   * exactly in any order, so the sum does not depend on the order the ledger's partitions were applied
   * in (floating-point addition would), and a rebuilt read model equals the live one.
   */
  scoreSumThousandths: number;
  /** Lowest and highest score; null while `scoreCount` is 0. */
  minScore: number | null;
  maxScore: number | null;
}

/** Stands for the organisation of a learner who had stated no workplace (or cleared it) when they acted. */
export const UNKNOWN_ORGANISATION = 'unknown';

/**
 * Activity in one session, by learners of one organisation, in one calendar month (UTC, of the
 * event's `occurredAt`), counted from one ledger partition. Written only by the anonymised-aggregates
 * projection; it holds no learner id and no event id.
 *
 * A cell is kept as one document per ledger partition (a sharded counter): learners on every partition
 * add to the same cell, and partitions are applied concurrently, so one shared document would be
 * fought over by every partition at once, while each shard has exactly one writer. A learner's events
 * all sit on one partition, so shards add up exactly, distinct learners included.
 *
 * Read by the anonymised reports: a session's shards with `find({ sessionId })`, or one cell's with
 * `find({ cell })`, rolled up (rollUpActivityCounts). Small cells must be suppressed by the reader
 * before anything is shown.
 */
export interface AnonymisedActivityDocument extends AnonymisedActivityCounts {
  /** `sessionId|odsCode|month|partition` (see anonymisedActivityId). */
  _id: string;
  /** `sessionId|odsCode|month`: the cell this shard is part of (see anonymisedCellId). */
  cell: string;
  /** The ledger partition whose events this shard counts. */
  partition: number;
  sessionId: string;
  /** ODS code: the NHS Organisation Data Service identifier of the learners' workplace, or `unknown`. */
  odsCode: string;
  /** `YYYY-MM`. */
  month: string;
  projection: ProjectionMetadata;
}

export const ANONYMISED_ACTIVITY_COLLECTION = 'anonymised_activity';

/** A session's shards are `find({ sessionId })`; one cell's, `find({ cell })`. */
export const ANONYMISED_ACTIVITY_READ_MODEL: ReadModel = declareReadModel(ANONYMISED_ACTIVITY_COLLECTION, ['sessionId', 'cell']);

export function anonymisedCellId(sessionId: string, odsCode: string, month: string): string {
  return `${sessionId}|${odsCode}|${month}`;
}

export function anonymisedActivityId(sessionId: string, odsCode: string, month: string, partition: number): string {
  return `${anonymisedCellId(sessionId, odsCode, month)}|${partition}`;
}

export const NO_ACTIVITY: AnonymisedActivityCounts = {
  accessedCount: 0,
  completedCount: 0,
  timeSpentSeconds: 0,
  assessedCount: 0,
  passedCount: 0,
  scoreCount: 0,
  scoreSumThousandths: 0,
  minScore: null,
  maxScore: null,
};
