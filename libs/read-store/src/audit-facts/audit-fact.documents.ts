import { declareReadModel, ReadModel } from '../indexes/read-model';
import type { CertificateScopeType } from '@ledger/events';
import type { ProjectionMetadata } from '../projection-metadata';

/** One parameter of a report run. Kept as a list because parameter names may hold `.` or `$`. */
export interface ReportParameter {
  name: string;
  value: string;
}

/**
 * Someone ran a report showing identifiable people's activity. One document per `IdentifiableReportRun`
 * event, never changed. `_id`: the event id. Read by auditors, "who ran which identifiable report":
 * `find({ kind: 'identifiable-report-run', runnerId })` or by period on `occurredAt` (a scan: auditors
 * ask rarely, and each run is one small document).
 */
export interface IdentifiableReportRunFact {
  _id: string;
  kind: 'identifiable-report-run';
  /** The user who ran it (the event's actor). */
  runnerId: string;
  reportName: string;
  /** Sorted by name. */
  parameters: ReportParameter[];
  /** How many distinct people the whole run showed (all its parts). */
  subjectCount: number;
  /** The role that allowed the view ("unrecorded" for runs recorded before roles were). */
  viewerRole: string;
  /** "Data complete through" of what was shown; null when unknown. */
  watermark: string | null;
  /** The run this part belongs to, and which part it is; null run id for runs recorded before runs had ids. */
  runId: string | null;
  part: number;
  parts: number;
  occurredAt: string;
  recordedAt: string;
  /** The client that recorded the run. */
  source: string;
  projection: ProjectionMetadata;
}

/**
 * A certificate was issued. One document per `CertificateIssued` event, never changed. `_id`: the
 * event id. Read by the learner's own issued certificates (`find({ learnerId })`, the Open Badges
 * credential of each), by verification (`findOne({ _id })` from the verification document) and by
 * auditors (`find({ kind: 'certificate-issued' })`).
 */
export interface CertificateIssuedFact {
  _id: string;
  kind: 'certificate-issued';
  learnerId: string;
  scopeType: CertificateScopeType;
  /** Catalogue id of the course, learning path or programme certified. */
  scopeId: string;
  /** The code printed on the certificate. */
  verificationCode: string;
  /** "Data complete through" the certificate was computed at; null when unknown. */
  watermark: string | null;
  /** What page 1 printed: name, title, completion date; null for issues recorded before they were. */
  learnerName: string | null;
  title: string | null;
  completedAt: string | null;
  /** Layout of the facts hashed (0: a hash that cannot be recomputed). */
  factsVersion: number;
  /** SHA-256 (lowercase hex) of the canonical JSON of the facts the certificate showed. */
  factsHash: string;
  issuedAt: string;
  recordedAt: string;
  /** Who caused the issue (the event's actor): the learner downloading it. */
  issuedBy: string;
  projection: ProjectionMetadata;
}

/** What a verification by code may reveal: which certificate was issued, when, and its hash; no person. */
export interface CertificateIssueSummary {
  /** The issue's own fact (CertificateIssuedFact `_id`). */
  eventId: string;
  scopeType: CertificateScopeType;
  scopeId: string;
  factsHash: string;
  issuedAt: string;
}

/**
 * Verification of a printed certificate by its code: `findOne({ _id: certificateVerificationId(code) })`,
 * then the issue's own fact by `eventId` for what page 1 said. It holds no learner id, because anyone
 * holding a code may verify it, while certificates are reachable only through the learner's own account.
 * A code is issued once, so `issues` has one entry; more than one means the code is ambiguous and
 * verifies nothing (they are kept in issue order, so the read model does not depend on which arrived first).
 */
export interface CertificateVerificationDocument {
  _id: string;
  kind: 'certificate-verification';
  verificationCode: string;
  issues: CertificateIssueSummary[];
  projection: ProjectionMetadata;
}

export type AuditFactDocument = IdentifiableReportRunFact | CertificateIssuedFact | CertificateVerificationDocument;

export const AUDIT_FACTS_COLLECTION = 'audit_facts';

/** By `_id`; one kind of fact is `find({ kind })`; a learner's issued certificates are `find({ learnerId })`. */
export const AUDIT_FACTS_READ_MODEL: ReadModel = declareReadModel(AUDIT_FACTS_COLLECTION, ['kind', 'learnerId']);

export const certificateVerificationId = (verificationCode: string): string => `certificate:${verificationCode}`;
