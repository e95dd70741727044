import { declareReadModel, ReadModel } from '../indexes/read-model';
import type { ReportParameter } from '../audit-facts/audit-fact.documents';

/**
 * The auditors' trail: what was shown to whom, which certificates were issued, and how access changed,
 * each one unchanging document per event, shaped for the filters of the Auditor page. Every filter is
 * an equality on a declared top-level field; a period is read as its days (`day`, `YYYY-MM-DD`) or,
 * for long periods, its months (`month`, `YYYY-MM`) of `occurredAt`, one equality read per bucket.
 * Written only by the audit-trail projection.
 */
interface TrailEntry {
  /** The event id. */
  _id: string;
  occurredAt: string;
  recordedAt: string;
  day: string;
  month: string;
  /** Where the event sits in the ledger. */
  partition: number;
  offset: string;
}

/**
 * One part of an identifiable report run or view (parts of one run share `runId`). Which learners it
 * showed are in `record_views` (read by `learnerId`), which names this document's `_id` as `eventId`.
 */
export interface ReportRunTrailEntry extends TrailEntry {
  viewerId: string;
  viewerRole: string;
  reportName: string;
  parameters: ReportParameter[];
  /** The organisation the run was for (its `odsCode` parameter), or null when it named none. */
  odsCode: string | null;
  subjectCount: number;
  subjectsInPart: number;
  runId: string | null;
  part: number;
  parts: number;
  watermark: string | null;
  source: string;
}

/** A certificate issued, with its verification code and the hash of what it showed. */
export interface CertificateIssueTrailEntry extends TrailEntry {
  learnerId: string;
  scopeType: string;
  scopeId: string;
  verificationCode: string;
  factsHash: string;
  issuedBy: string;
}

/** What an access change did to whom (see describeAccessChange in the projector). */
export interface AccessChangeTrailEntry extends TrailEntry {
  type: string;
  /** `granted` or `revoked` a right; `changed` a fact the policy reads (workplace, terms). */
  change: 'granted' | 'revoked' | 'changed';
  /** The right: hub-admin, auditor, tutor, project-staff, enrolment, report-runner, reporting-lead, … */
  role: string;
  /** Who caused it (the event's actor). */
  actor: string;
  /** The learner whose visibility it changes, the user whose rights it changes, the organisation; null where none. */
  learnerId: string | null;
  viewerId: string | null;
  odsCode: string | null;
  /** The rest, for people: project, body, programmes, scope. */
  details: ReportParameter[];
}

export const REPORT_RUN_TRAIL_COLLECTION = 'trail_report_runs';
export const CERTIFICATE_ISSUE_TRAIL_COLLECTION = 'trail_certificate_issues';
export const ACCESS_CHANGE_TRAIL_COLLECTION = 'trail_access_changes';

export const REPORT_RUN_TRAIL_READ_MODEL: ReadModel = declareReadModel(REPORT_RUN_TRAIL_COLLECTION, ['viewerId', 'reportName', 'odsCode', 'day', 'month']);
export const CERTIFICATE_ISSUE_TRAIL_READ_MODEL: ReadModel = declareReadModel(CERTIFICATE_ISSUE_TRAIL_COLLECTION, ['learnerId', 'day', 'month']);
export const ACCESS_CHANGE_TRAIL_READ_MODEL: ReadModel = declareReadModel(ACCESS_CHANGE_TRAIL_COLLECTION, ['learnerId', 'viewerId', 'odsCode', 'role', 'day', 'month']);
