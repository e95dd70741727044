import type { KnownLedgerEvent } from './known-events';

/**
 * The families of facts (DESIGN.md, "The facts the ledger records"). A client of ingest is allowed
 * certain families: an e-learning player appends activity and xAPI statements, a catalogue tool the
 * catalogue, an HR/workforce feed people and places, reporting its own audit facts.
 */
export const EVENT_FAMILIES = ['activity', 'catalogue', 'people', 'permissions', 'organisation', 'audit', 'xapi'] as const;
export type EventFamily = (typeof EVENT_FAMILIES)[number];

/** Every known event type's family; a type missing here fails to compile. */
const FAMILY_OF: Record<KnownLedgerEvent['type'], EventFamily> = {
  SessionAccessed: 'activity',
  SessionCompleted: 'activity',
  AssessmentScored: 'activity',
  ProgrammeDefined: 'catalogue',
  CourseDefined: 'catalogue',
  LearningPathDefined: 'catalogue',
  SessionDefined: 'catalogue',
  CourseRetired: 'catalogue',
  ProgrammeRetired: 'catalogue',
  LearnerRegistered: 'people',
  LearnerEmailChanged: 'people',
  EmploymentLocationSet: 'people',
  TermsAccepted: 'people',
  HubAdminGranted: 'permissions',
  HubAdminRevoked: 'permissions',
  ProjectStaffAssigned: 'permissions',
  ProjectStaffUnassigned: 'permissions',
  LearnerEnrolledOnProject: 'permissions',
  LearnerUnenrolledFromProject: 'permissions',
  ViewerAuthorised: 'permissions',
  ViewerAuthorisationRevoked: 'permissions',
  EPortfolioLinked: 'permissions',
  EPortfolioUnlinked: 'permissions',
  ProfessionalBodyMembershipRecorded: 'permissions',
  ProfessionalBodyMembershipEnded: 'permissions',
  AuditorAppointed: 'permissions',
  AuditorAppointmentEnded: 'permissions',
  ProfessionalBodyOfficerAppointed: 'permissions',
  ProfessionalBodyOfficerRemoved: 'permissions',
  ProfessionalBodyProgrammeAccessGranted: 'permissions',
  ProfessionalBodyProgrammeAccessRevoked: 'permissions',
  ReportingLeadAuthorised: 'organisation',
  ReportingLeadRevoked: 'organisation',
  ReportRunnerApproved: 'organisation',
  ReportRunnerRemoved: 'organisation',
  OrganisationProgrammeAccessGranted: 'organisation',
  OrganisationProgrammeAccessRevoked: 'organisation',
  IdentifiableReportRun: 'audit',
  CertificateIssued: 'audit',
  AuditJobRequested: 'audit',
  XapiStatementRecorded: 'xapi',
  StatementVoided: 'xapi',
};

/** The family of a known event type; undefined for a type the ledger does not know. */
export function eventFamily(type: string): EventFamily | undefined {
  return (FAMILY_OF as Record<string, EventFamily>)[type];
}
