import type { AssessmentScored } from './activity/assessment-scored';
import type { SessionAccessed } from './activity/session-accessed';
import type { SessionCompleted } from './activity/session-completed';
import type { CourseDefined } from './catalogue/course-defined';
import type { CourseRetired } from './catalogue/course-retired';
import type { LearningPathDefined } from './catalogue/learning-path-defined';
import type { ProgrammeDefined } from './catalogue/programme-defined';
import type { ProgrammeRetired } from './catalogue/programme-retired';
import type { SessionDefined } from './catalogue/session-defined';
import type { EmploymentLocationSet } from './people/employment-location-set';
import type { LearnerEmailChanged } from './people/learner-email-changed';
import type { LearnerRegistered } from './people/learner-registered';
import type { TermsAccepted } from './people/terms-accepted';
import type { EPortfolioLinked } from './permissions/eportfolio-linked';
import type { EPortfolioUnlinked } from './permissions/eportfolio-unlinked';
import type { HubAdminGranted } from './permissions/hub-admin-granted';
import type { HubAdminRevoked } from './permissions/hub-admin-revoked';
import type { LearnerEnrolledOnProject } from './permissions/learner-enrolled-on-project';
import type { LearnerUnenrolledFromProject } from './permissions/learner-unenrolled-from-project';
import type { ProfessionalBodyMembershipEnded } from './permissions/professional-body-membership-ended';
import type { ProfessionalBodyMembershipRecorded } from './permissions/professional-body-membership-recorded';
import type { AuditorAppointed } from './permissions/auditor-appointed';
import type { AuditorAppointmentEnded } from './permissions/auditor-appointment-ended';
import type { ProfessionalBodyOfficerAppointed } from './permissions/professional-body-officer-appointed';
import type { ProfessionalBodyOfficerRemoved } from './permissions/professional-body-officer-removed';
import type { ProfessionalBodyProgrammeAccessGranted } from './permissions/professional-body-programme-access-granted';
import type { ProfessionalBodyProgrammeAccessRevoked } from './permissions/professional-body-programme-access-revoked';
import type { ProjectStaffAssigned } from './permissions/project-staff-assigned';
import type { ProjectStaffUnassigned } from './permissions/project-staff-unassigned';
import type { ViewerAuthorisationRevoked } from './permissions/viewer-authorisation-revoked';
import type { ViewerAuthorised } from './permissions/viewer-authorised';
import type { OrganisationProgrammeAccessGranted } from './organisation/organisation-programme-access-granted';
import type { OrganisationProgrammeAccessRevoked } from './organisation/organisation-programme-access-revoked';
import type { ReportingLeadAuthorised } from './organisation/reporting-lead-authorised';
import type { ReportingLeadRevoked } from './organisation/reporting-lead-revoked';
import type { ReportRunnerApproved } from './organisation/report-runner-approved';
import type { ReportRunnerRemoved } from './organisation/report-runner-removed';
import type { CertificateIssued } from './audit/certificate-issued';
import type { IdentifiableReportRun } from './audit/identifiable-report-run';
import type { AuditJobRequested } from './audit/audit-job-requested';
import type { StatementVoided } from './xapi/statement-voided';
import type { XapiStatementRecorded } from './xapi/xapi-statement-recorded';

/** What a learner did in a piece of content. */
export type ActivityEvent = SessionAccessed | SessionCompleted | AssessmentScored;

/** What the hub offers: programmes, their courses and learning paths, and the sessions in them. */
export type CatalogueEvent = ProgrammeDefined | CourseDefined | LearningPathDefined | SessionDefined | CourseRetired | ProgrammeRetired;

/** Who a learner is and where they work. */
export type PeopleEvent = LearnerRegistered | LearnerEmailChanged | EmploymentLocationSet | TermsAccepted;

/** Who may see a learner's activity, granted and withdrawn. */
export type PermissionEvent =
  | HubAdminGranted
  | HubAdminRevoked
  | ProjectStaffAssigned
  | ProjectStaffUnassigned
  | LearnerEnrolledOnProject
  | LearnerUnenrolledFromProject
  | ViewerAuthorised
  | ViewerAuthorisationRevoked
  | EPortfolioLinked
  | EPortfolioUnlinked
  | ProfessionalBodyMembershipRecorded
  | ProfessionalBodyMembershipEnded
  | AuditorAppointed
  | AuditorAppointmentEnded
  | ProfessionalBodyOfficerAppointed
  | ProfessionalBodyOfficerRemoved
  | ProfessionalBodyProgrammeAccessGranted
  | ProfessionalBodyProgrammeAccessRevoked;

/** How an organisation's identifiable reporting is authorised, and for which programmes. */
export type OrganisationReportingEvent =
  | ReportingLeadAuthorised
  | ReportingLeadRevoked
  | ReportRunnerApproved
  | ReportRunnerRemoved
  | OrganisationProgrammeAccessGranted
  | OrganisationProgrammeAccessRevoked;

/** What was shown to whom: identifiable report runs and certificates issued. */
export type AuditEvent = IdentifiableReportRun | CertificateIssued;

/** Work an auditor asked the projector to do (replays, comparisons, views as of a moment). */
export type AuditorJobEvent = AuditJobRequested;

/** xAPI statements as the learning record store keeps them, and their voiding. */
export type XapiEvent = XapiStatementRecorded | StatementVoided;

/** Every event type the ledger knows; `switch (event.type)` over it is exhaustive. */
export type KnownLedgerEvent = ActivityEvent | CatalogueEvent | PeopleEvent | PermissionEvent | OrganisationReportingEvent | AuditEvent | AuditorJobEvent | XapiEvent;

/** Compile-time proof that a switch handled every event type. */
export function assertNever(value: never): never {
  throw new Error(`unhandled event: ${JSON.stringify(value)}`);
}
