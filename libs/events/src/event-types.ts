import { SessionAccessedV1 } from './activity/session-accessed';
import { SessionCompletedV1 } from './activity/session-completed';
import { AssessmentScoredV2 } from './activity/assessment-scored';
import { upcastAssessmentScoredV1 } from './activity/assessment-scored.v1';
import { ProgrammeDefinedV1 } from './catalogue/programme-defined';
import { CourseDefinedV1 } from './catalogue/course-defined';
import { LearningPathDefinedV1 } from './catalogue/learning-path-defined';
import { SessionDefinedV1 } from './catalogue/session-defined';
import { CourseRetiredV1 } from './catalogue/course-retired';
import { ProgrammeRetiredV1 } from './catalogue/programme-retired';
import { LearnerRegisteredV2 } from './people/learner-registered';
import { upcastLearnerRegisteredV1 } from './people/learner-registered.v1';
import { LearnerEmailChangedV1 } from './people/learner-email-changed';
import { EmploymentLocationSetV1 } from './people/employment-location-set';
import { TermsAcceptedV1 } from './people/terms-accepted';
import { HubAdminGrantedV1 } from './permissions/hub-admin-granted';
import { HubAdminRevokedV1 } from './permissions/hub-admin-revoked';
import { ProjectStaffAssignedV1 } from './permissions/project-staff-assigned';
import { ProjectStaffUnassignedV1 } from './permissions/project-staff-unassigned';
import { LearnerEnrolledOnProjectV1 } from './permissions/learner-enrolled-on-project';
import { LearnerUnenrolledFromProjectV1 } from './permissions/learner-unenrolled-from-project';
import { ViewerAuthorisedV1 } from './permissions/viewer-authorised';
import { ViewerAuthorisationRevokedV1 } from './permissions/viewer-authorisation-revoked';
import { EPortfolioLinkedV1 } from './permissions/eportfolio-linked';
import { EPortfolioUnlinkedV1 } from './permissions/eportfolio-unlinked';
import { ProfessionalBodyMembershipRecordedV1 } from './permissions/professional-body-membership-recorded';
import { ProfessionalBodyMembershipEndedV1 } from './permissions/professional-body-membership-ended';
import { AuditorAppointedV1 } from './permissions/auditor-appointed';
import { AuditorAppointmentEndedV1 } from './permissions/auditor-appointment-ended';
import { ProfessionalBodyOfficerAppointedV1 } from './permissions/professional-body-officer-appointed';
import { ProfessionalBodyOfficerRemovedV1 } from './permissions/professional-body-officer-removed';
import { ProfessionalBodyProgrammeAccessGrantedV1 } from './permissions/professional-body-programme-access-granted';
import { ProfessionalBodyProgrammeAccessRevokedV1 } from './permissions/professional-body-programme-access-revoked';
import { ReportingLeadAuthorisedV2 } from './organisation/reporting-lead-authorised';
import { upcastReportingLeadAuthorisedV1 } from './organisation/reporting-lead-authorised.v1';
import { ReportingLeadRevokedV1 } from './organisation/reporting-lead-revoked';
import { ReportRunnerApprovedV1 } from './organisation/report-runner-approved';
import { ReportRunnerRemovedV1 } from './organisation/report-runner-removed';
import { OrganisationProgrammeAccessGrantedV1 } from './organisation/organisation-programme-access-granted';
import { OrganisationProgrammeAccessRevokedV1 } from './organisation/organisation-programme-access-revoked';
import { IdentifiableReportRunV2 } from './audit/identifiable-report-run';
import { upcastIdentifiableReportRunV1 } from './audit/identifiable-report-run.v1';
import { CertificateIssuedV2 } from './audit/certificate-issued';
import { upcastCertificateIssuedV1 } from './audit/certificate-issued.v1';
import { AuditJobRequestedV1 } from './audit/audit-job-requested';
import { XapiStatementRecordedV1 } from './xapi/xapi-statement-recorded';
import { StatementVoidedV1 } from './xapi/statement-voided';

/** A payload class: validated with class-validator, documented with @nestjs/swagger. */
export interface PayloadClass<T = object> {
  new (): T;
  readonly type: string;
  readonly version: number;
  readonly example: T;
  /**
   * Fields every reader keeps as JSON text rather than as document fields (see XapiStatementRecordedV1),
   * so any JSON is storable there; every other string of the payload must be storable text.
   */
  readonly keptAsJsonText?: readonly string[];
}

/**
 * Turns a payload of an older version into the next version's shape. Registered against the old
 * version; the parser applies them in sequence until the current version is reached.
 */
export type Upcaster = (oldData: Record<string, unknown>) => Record<string, unknown>;

export interface EventTypeEntry {
  current: PayloadClass;
  /** upcasters[v] turns version v into v + 1. */
  upcasters: Record<number, Upcaster>;
}

/** Every event type the ledger accepts, by name, with its current payload class. */
const EVENT_TYPES = new Map<string, EventTypeEntry>();

function register(current: PayloadClass, upcasters: Record<number, Upcaster> = {}): void {
  if (EVENT_TYPES.has(current.type)) throw new Error(`event type ${current.type} is registered twice`);
  for (let v = 1; v < current.version; v += 1) {
    if (!upcasters[v]) throw new Error(`event type ${current.type} has no upcaster from version ${v}`);
  }
  EVENT_TYPES.set(current.type, { current, upcasters });
}

register(SessionAccessedV1);
register(SessionCompletedV1);
register(AssessmentScoredV2, { 1: upcastAssessmentScoredV1 });

register(ProgrammeDefinedV1);
register(CourseDefinedV1);
register(LearningPathDefinedV1);
register(SessionDefinedV1);
register(CourseRetiredV1);
register(ProgrammeRetiredV1);

register(LearnerRegisteredV2, { 1: upcastLearnerRegisteredV1 });
register(LearnerEmailChangedV1);
register(EmploymentLocationSetV1);
register(TermsAcceptedV1);

register(HubAdminGrantedV1);
register(HubAdminRevokedV1);
register(ProjectStaffAssignedV1);
register(ProjectStaffUnassignedV1);
register(LearnerEnrolledOnProjectV1);
register(LearnerUnenrolledFromProjectV1);
register(ViewerAuthorisedV1);
register(ViewerAuthorisationRevokedV1);
register(EPortfolioLinkedV1);
register(EPortfolioUnlinkedV1);
register(ProfessionalBodyMembershipRecordedV1);
register(ProfessionalBodyMembershipEndedV1);
register(AuditorAppointedV1);
register(AuditorAppointmentEndedV1);
register(ProfessionalBodyOfficerAppointedV1);
register(ProfessionalBodyOfficerRemovedV1);
register(ProfessionalBodyProgrammeAccessGrantedV1);
register(ProfessionalBodyProgrammeAccessRevokedV1);

register(ReportingLeadAuthorisedV2, { 1: upcastReportingLeadAuthorisedV1 });
register(ReportingLeadRevokedV1);
register(ReportRunnerApprovedV1);
register(ReportRunnerRemovedV1);
register(OrganisationProgrammeAccessGrantedV1);
register(OrganisationProgrammeAccessRevokedV1);

register(IdentifiableReportRunV2, { 1: upcastIdentifiableReportRunV1 });
register(CertificateIssuedV2, { 1: upcastCertificateIssuedV1 });
register(AuditJobRequestedV1);

register(XapiStatementRecordedV1);
register(StatementVoidedV1);

export function eventTypeEntry(type: string): EventTypeEntry | undefined {
  return EVENT_TYPES.get(type);
}

export function knownEventTypes(): PayloadClass[] {
  return [...EVENT_TYPES.values()].map((entry) => entry.current);
}
