import { randomUUID } from 'node:crypto';
import type { PayloadClass } from '../event-types';
import type { KnownLedgerEvent } from '../known-events';

/** One way a payload of a type is wrong: `field` set to `value` (`undefined` leaves it out). */
export interface InvalidPayloadCase {
  field: string;
  value: unknown;
}

/**
 * For every event type, one realistic mistake that must be rejected naming `data.<field>`.
 * Keyed by the `KnownLedgerEvent` union, so adding a type to the union without a case here does not compile.
 */
export const INVALID_PAYLOAD_CASES = {
  SessionAccessed: { field: 'timeSpentSeconds', value: -1 },
  SessionCompleted: { field: 'attemptId', value: '' },
  AssessmentScored: { field: 'score', value: 11 },
  ProgrammeDefined: { field: 'issuesCertificate', value: 'yes' },
  CourseDefined: { field: 'statusPolicy', value: undefined },
  LearningPathDefined: { field: 'sessionIds', value: ['elfh-session-2001', 'elfh-session-2001'] },
  SessionDefined: { field: 'parentType', value: 'module' },
  CourseRetired: { field: 'courseId', value: 42 },
  ProgrammeRetired: { field: 'programmeId', value: '' },
  LearnerRegistered: { field: 'email', value: 'aisha.khan at nhs.net' },
  LearnerEmailChanged: { field: 'emailIsWorkEmail', value: undefined },
  EmploymentLocationSet: { field: 'odsCode', value: 'rj1' },
  TermsAccepted: { field: 'termsVersion', value: '' },
  HubAdminGranted: { field: 'userId', value: undefined },
  HubAdminRevoked: { field: 'userId', value: null },
  ProjectStaffAssigned: { field: 'programmeIds', value: [] },
  ProjectStaffUnassigned: { field: 'projectId', value: '' },
  LearnerEnrolledOnProject: { field: 'projectId', value: ['proj-nw-induction'] },
  LearnerUnenrolledFromProject: { field: 'projectId', value: undefined },
  ViewerAuthorised: { field: 'scope', value: 'everything' },
  ViewerAuthorisationRevoked: { field: 'viewerId', value: '' },
  EPortfolioLinked: { field: 'accountId', value: undefined },
  EPortfolioUnlinked: { field: 'ePortfolioId', value: 7 },
  ProfessionalBodyMembershipRecorded: { field: 'membershipNumber', value: '' },
  ProfessionalBodyMembershipEnded: { field: 'professionalBodyId', value: undefined },
  AuditorAppointed: { field: 'userId', value: '' },
  AuditorAppointmentEnded: { field: 'userId', value: undefined },
  ProfessionalBodyOfficerAppointed: { field: 'officerId', value: undefined },
  ProfessionalBodyOfficerRemoved: { field: 'professionalBodyId', value: '' },
  ProfessionalBodyProgrammeAccessGranted: { field: 'programmeIds', value: [] },
  ProfessionalBodyProgrammeAccessRevoked: { field: 'programmeIds', value: 'prog-ipc' },
  ReportingLeadAuthorised: { field: 'authorisedByRole', value: 'chief-executive' },
  ReportingLeadRevoked: { field: 'odsCode', value: 'R' },
  ReportRunnerApproved: { field: 'leadId', value: undefined },
  ReportRunnerRemoved: { field: 'runnerId', value: '' },
  OrganisationProgrammeAccessGranted: { field: 'programmeIds', value: 'prog-ipc' },
  OrganisationProgrammeAccessRevoked: { field: 'programmeIds', value: [] },
  IdentifiableReportRun: { field: 'part', value: 2 },
  CertificateIssued: { field: 'factsHash', value: 'A94A8FE5CCB19BA61C4C0873D391E987982FBBD3' },
  AuditJobRequested: { field: 'asOf', value: 'yesterday' },
  XapiStatementRecorded: { field: 'statement', value: { id: '3f6d2b84-7c1e-4a8f-9d25-0b6e41c7a913', verb: { id: 'completed' } } },
  StatementVoided: { field: 'voidingStatementId', value: '9B1E7C55-2D40-4F6A-8E33-5A0C9F2D7B61' },
} satisfies Record<KnownLedgerEvent['type'], InvalidPayloadCase>;

export function invalidPayloadCase(type: string): InvalidPayloadCase | undefined {
  return (INVALID_PAYLOAD_CASES as Record<string, InvalidPayloadCase>)[type];
}

/** The type's example with its invalid case applied. */
export function invalidPayloadOf(payload: PayloadClass, bad: InvalidPayloadCase): Record<string, unknown> {
  const data: Record<string, unknown> = { ...payload.example, [bad.field]: bad.value };
  if (bad.value === undefined) delete data[bad.field];
  return data;
}

/** A submitted envelope around `data` for the current version of `payload`, happened a minute before `now`. */
export function submittedEnvelope(payload: PayloadClass, data: unknown, now: Date): Record<string, unknown> {
  return {
    eventId: randomUUID(),
    type: payload.type,
    version: payload.version,
    occurredAt: new Date(now.getTime() - 60_000).toISOString(),
    subject: 'subject-1',
    actor: 'actor-1',
    data,
  };
}
