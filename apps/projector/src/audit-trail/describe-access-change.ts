import { assertNever, EmploymentLocationSet, OrganisationReportingEvent, PermissionEvent, TermsAccepted } from '@ledger/events';
import type { AccessChangeTrailEntry } from '@ledger/read-store';

/** Every event that changes who may see whose activity: grants, and the facts the policy reads about a learner. */
export type AccessChangeEvent = PermissionEvent | OrganisationReportingEvent | EmploymentLocationSet | TermsAccepted;

export type AccessChange = Pick<AccessChangeTrailEntry, 'change' | 'role' | 'learnerId' | 'viewerId' | 'odsCode' | 'details'>;

const ACCESS_CHANGE_TYPES = new Set<string>([
  'HubAdminGranted', 'HubAdminRevoked', 'ProjectStaffAssigned', 'ProjectStaffUnassigned', 'LearnerEnrolledOnProject',
  'LearnerUnenrolledFromProject', 'ViewerAuthorised', 'ViewerAuthorisationRevoked', 'EPortfolioLinked', 'EPortfolioUnlinked',
  'ProfessionalBodyMembershipRecorded', 'ProfessionalBodyMembershipEnded', 'ReportingLeadAuthorised', 'ReportingLeadRevoked',
  'ReportRunnerApproved', 'ReportRunnerRemoved', 'OrganisationProgrammeAccessGranted', 'OrganisationProgrammeAccessRevoked',
  'AuditorAppointed', 'AuditorAppointmentEnded', 'ProfessionalBodyOfficerAppointed', 'ProfessionalBodyOfficerRemoved',
  'ProfessionalBodyProgrammeAccessGranted', 'ProfessionalBodyProgrammeAccessRevoked', 'EmploymentLocationSet', 'TermsAccepted',
]);

export const isAccessChange = (type: string): boolean => ACCESS_CHANGE_TYPES.has(type);

const detail = (name: string, value: string | readonly string[] | null) => (value === null ? [] : [{ name, value: Array.isArray(value) ? value.join(',') : String(value) }]);

/**
 * What an access-changing event did, for the auditors' trail: granted, revoked or changed which right
 * (the role), for which learner, which user, which organisation. The policy itself is
 * `@ledger/access-policy`; this only names the parties so the trail can be filtered by them.
 */
export function describeAccessChange(event: AccessChangeEvent): AccessChange {
  const change = (kind: AccessChange['change'], role: string, parties: Partial<Pick<AccessChange, 'learnerId' | 'viewerId' | 'odsCode'>>, details: AccessChange['details'] = []): AccessChange => ({
    change: kind,
    role,
    learnerId: parties.learnerId ?? null,
    viewerId: parties.viewerId ?? null,
    odsCode: parties.odsCode ?? null,
    details,
  });
  switch (event.type) {
    case 'HubAdminGranted':
      return change('granted', 'hub-admin', { viewerId: event.data.userId });
    case 'HubAdminRevoked':
      return change('revoked', 'hub-admin', { viewerId: event.data.userId });
    case 'AuditorAppointed':
      return change('granted', 'auditor', { viewerId: event.data.userId });
    case 'AuditorAppointmentEnded':
      return change('revoked', 'auditor', { viewerId: event.data.userId });
    case 'ProjectStaffAssigned':
      return change('granted', 'project-staff', { viewerId: event.data.staffId }, [...detail('projectId', event.data.projectId), ...detail('programmeIds', event.data.programmeIds)]);
    case 'ProjectStaffUnassigned':
      return change('revoked', 'project-staff', { viewerId: event.data.staffId }, detail('projectId', event.data.projectId));
    case 'LearnerEnrolledOnProject':
      return change('granted', 'project-enrolment', { learnerId: event.subject }, detail('projectId', event.data.projectId));
    case 'LearnerUnenrolledFromProject':
      return change('revoked', 'project-enrolment', { learnerId: event.subject }, detail('projectId', event.data.projectId));
    case 'ViewerAuthorised':
      return change('granted', 'tutor', { learnerId: event.subject, viewerId: event.data.viewerId }, detail('scope', event.data.scope === 'all' ? 'all' : event.data.scope));
    case 'ViewerAuthorisationRevoked':
      return change('revoked', 'tutor', { learnerId: event.subject, viewerId: event.data.viewerId });
    case 'EPortfolioLinked':
      return change('granted', 'eportfolio', { learnerId: event.subject }, [...detail('ePortfolioId', event.data.ePortfolioId), ...detail('accountId', event.data.accountId)]);
    case 'EPortfolioUnlinked':
      return change('revoked', 'eportfolio', { learnerId: event.subject }, detail('ePortfolioId', event.data.ePortfolioId));
    case 'ProfessionalBodyMembershipRecorded':
      return change('granted', 'professional-body-member', { learnerId: event.subject }, detail('professionalBodyId', event.data.professionalBodyId));
    case 'ProfessionalBodyMembershipEnded':
      return change('revoked', 'professional-body-member', { learnerId: event.subject }, detail('professionalBodyId', event.data.professionalBodyId));
    case 'ProfessionalBodyOfficerAppointed':
      return change('granted', 'professional-body-officer', { viewerId: event.data.officerId }, detail('professionalBodyId', event.data.professionalBodyId));
    case 'ProfessionalBodyOfficerRemoved':
      return change('revoked', 'professional-body-officer', { viewerId: event.data.officerId }, detail('professionalBodyId', event.data.professionalBodyId));
    case 'ProfessionalBodyProgrammeAccessGranted':
    case 'ProfessionalBodyProgrammeAccessRevoked':
      return change(event.type.endsWith('Granted') ? 'granted' : 'revoked', 'professional-body-programmes', {}, [
        ...detail('professionalBodyId', event.data.professionalBodyId),
        ...detail('programmeIds', event.data.programmeIds),
      ]);
    case 'ReportingLeadAuthorised':
      return change('granted', 'reporting-lead', { viewerId: event.data.leadId, odsCode: event.data.odsCode }, detail('authorisedByRole', event.data.authorisedByRole));
    case 'ReportingLeadRevoked':
      return change('revoked', 'reporting-lead', { viewerId: event.data.leadId, odsCode: event.data.odsCode });
    case 'ReportRunnerApproved':
      return change('granted', 'report-runner', { viewerId: event.data.runnerId, odsCode: event.data.odsCode }, detail('leadId', event.data.leadId));
    case 'ReportRunnerRemoved':
      return change('revoked', 'report-runner', { viewerId: event.data.runnerId, odsCode: event.data.odsCode }, detail('leadId', event.data.leadId));
    case 'OrganisationProgrammeAccessGranted':
    case 'OrganisationProgrammeAccessRevoked':
      return change(event.type.endsWith('Granted') ? 'granted' : 'revoked', 'organisation-programmes', { odsCode: event.data.odsCode }, detail('programmeIds', event.data.programmeIds));
    case 'EmploymentLocationSet':
      return change('changed', 'workplace', { learnerId: event.subject, odsCode: event.data.odsCode }, detail('jobRole', event.data.jobRole));
    case 'TermsAccepted':
      return change('changed', 'terms-accepted', { learnerId: event.subject }, detail('termsVersion', event.data.termsVersion));
    default:
      return assertNever(event);
  }
}
