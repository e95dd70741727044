import { declareReadModel, ReadModel } from '../indexes/read-model';

/**
 * A report run too large to list its learners before it started (an admin's CSV of every learner),
 * recorded by what its parameters covered instead. One document per such `IdentifiableReportRun`,
 * never changed. Written only by the record-views projection. Read by a learner's "who viewed my
 * record": `find({ coverage })` for each coverage that could have included them (every learner; each
 * organisation they worked at, project they were enrolled on, body they belonged to), then kept if
 * they were covered when it ran. `_id`: the event id.
 */
export interface CoveredReportRunDocument {
  _id: string;
  /** `all-learners`, `organisation:<ODS code>`, `project:<id>`, `professional-body:<id>` (see ReportSubjects). */
  coverage: string;
  viewerId: string;
  viewerRole: string;
  reportName: string;
  runId: string | null;
  viewedAt: string;
  watermark: string | null;
  /** How many learners the coverage held when it ran. */
  subjectCount: number;
  eventId: string;
}

export const COVERED_REPORT_RUNS_COLLECTION = 'covered_report_runs';

/** The runs over one coverage are `find({ coverage })`. */
export const COVERED_REPORT_RUNS_READ_MODEL: ReadModel = declareReadModel(COVERED_REPORT_RUNS_COLLECTION, ['coverage']);
