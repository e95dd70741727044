import type { ViewerRole } from '@ledger/access-policy';
import type { LedgerCut } from '@ledger/read-store';
import type { ReportSubjects } from '../../access/identifiable-views';
import type { ReportSource } from '../../report-outputs/report-source';
import type { ReportRequester } from './report-definition';

/** An identifiable run about to be shown, as the runner hands it over to be recorded. */
export interface RunToRecord {
  reportId: string;
  /** Why the requester may see it, by the policy. */
  roles: readonly ViewerRole[];
  parameters: Record<string, string>;
  /** "Data complete to" of what is shown. */
  watermark: string | null;
  subjects: ReportSubjects;
}

/**
 * Whose run of a report this is, what it reads and how it is recorded. A live run (ReportRunner makes
 * it) is the signed-in person's or the token holder's, on the current read models, recorded with the
 * policy's roles. An auditor's run as of a moment (AsOfViews.reportRun) reads the cut's generation with
 * whole sight and is recorded as an as-of view. Reports see only `requester` and `source`, so they run
 * the same either way.
 */
export interface ReportRun {
  requester: ReportRequester;
  source: ReportSource;
  /** The ledger cut the source holds, stated with every output; null for the live read models. */
  cut: LedgerCut | null;
  /** Where the report pages of this run live: `<reportsPath>/<report>`, and its downloads below that. */
  reportsPath: string;
  /** Records the run before any of it is sent; throws (and nothing is sent) when it cannot be recorded. */
  record(run: RunToRecord): Promise<void>;
}
