import { declareReadModel, ReadModel } from '../indexes/read-model';

/**
 * Someone other than the learner was shown the learner's identifiable activity: one document per
 * learner per `IdentifiableReportRun` part that named them, never changed. Written only by the
 * record-views projection. Read by the learner's "who viewed my record": `find({ learnerId })`, one
 * equality read whatever the size of the runs (a run over 5 000 staff is 5 000 small documents, each
 * found through its own learner). `_id`: `<learnerId>|<eventId>`, so a redelivered part changes nothing.
 */
export interface RecordViewDocument {
  _id: string;
  learnerId: string;
  /** Who saw it (the run's actor) and the role that allowed it (e.g. "report-runner"). */
  viewerId: string;
  viewerRole: string;
  reportName: string;
  /** The run it was part of; null for runs recorded before runs had ids. */
  runId: string | null;
  /** When it was shown (the run's `occurredAt`). */
  viewedAt: string;
  /** "Data complete through" of what was shown. */
  watermark: string | null;
  /** The ledger event that recorded it. */
  eventId: string;
}

export const RECORD_VIEWS_COLLECTION = 'record_views';

/** A learner's views are `find({ learnerId })`. */
export const RECORD_VIEWS_READ_MODEL: ReadModel = declareReadModel(RECORD_VIEWS_COLLECTION, ['learnerId']);

export const recordViewId = (learnerId: string, eventId: string): string => `${learnerId}|${eventId}`;
