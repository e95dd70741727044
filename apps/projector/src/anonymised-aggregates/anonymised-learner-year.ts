import type { LedgerPosition } from '@ledger/events';
import { declareReadModel, ProjectionMetadata } from '@ledger/read-store';
import type { LearnerChanges } from './anonymised-keys';

/**
 * One change to one shard of one anonymised cell, made by one event (or, for a catalogue change, one
 * catalogue batch) at `position`: distinct-learner counts up or down (by the period they count in),
 * and the event's sums.
 */
export interface CellContribution {
  /** The cell (see anonymisedCellKey). */
  cell: string;
  /** The partition whose worker writes the shard, and where in it this change was made. */
  position: LedgerPosition;
  recordedAt: string;
  learners: LearnerChanges;
  timeSpentSeconds: number;
  /** A score this event added (session cells only), or null. */
  score: number | null;
}

/** The contributions one writer made with its latest write of a learner-year document, kept until that writer writes it again. */
export interface OutboxEntry {
  writer: number;
  contributions: CellContribution[];
}

/**
 * What the anonymised-aggregates projection remembers about one learner in one calendar year (in the
 * deployment's zone), so each learner counts once per cell: which sessions they did what in, where,
 * in which month (`entries`), and which course, learning path and programme cells that currently
 * counts them in (`containerKeys`, by the catalogue as this projection last saw it). Identifiable:
 * internal to the projection, never read by reports.
 *
 * Two writers may change it: the learner's own partition (their activity) and a catalogue partition
 * (a session moved to another course re-counts everyone who did it). Each write is guarded by the
 * offsets it read, and carries in `outbox` the exact shard changes it decided, written to the shards
 * only after this document: a crash between the two leaves the changes here, and the next run of the
 * same writer applies them (each shard skips what its offsets already hold).
 */
export interface AnonymisedLearnerYearDocument {
  /** `learnerId|YYYY` */
  _id: string;
  learnerId: string;
  year: string;
  /** The sessions `entries` name: a catalogue change finds the learners it re-counts by `sessionIds`. */
  sessionIds: string[];
  entries: string[];
  containerKeys: string[];
  outbox: OutboxEntry[];
  /**
   * Bumped by every write, which is guarded by it: a recount changes the counted cells without applying
   * a new event, so the offsets alone would not tell two versions apart.
   */
  revision: number;
  projection: ProjectionMetadata;
}

/**
 * A rebuild must reproduce what each learner did and which cells count them; which writer recorded a
 * recount (and so the offsets and outboxes) depends on the order partitions were applied in.
 */
export const ANONYMISED_LEARNER_YEARS_READ_MODEL = declareReadModel('anonymised_learner_years', ['sessionIds'], {
  key: (doc) => String(doc._id),
  content: (doc) => {
    const { entries, containerKeys, sessionIds } = doc as AnonymisedLearnerYearDocument;
    return { entries: [...entries].sort(), containerKeys: [...containerKeys].sort(), sessionIds: [...sessionIds].sort() };
  },
});
/** 2: counted keys name the month cell that holds each period's count (`measure|kind|cell`). */
export const ANONYMISED_LEARNER_YEAR_SCHEMA_VERSION = 2;

export const learnerYearId = (learnerId: string, year: string): string => `${learnerId}|${year}`;
