import type { ProfessionalBodyOfficerAppointed, ProjectStaffAssigned, ReportingLeadAuthorised, ReportRunnerApproved, ViewerAuthorised } from '@ledger/events';
import { noEventsApplied, type ProfessionalBodyOfficer, type ProjectionMetadata, type ProjectStaffing, type ReportingLeadAuthorisation, type ReportRunnerApproval, type ViewerAuthorisation } from '@ledger/read-store';

/** 2: viewers gained reporting-lead, officer and auditor periods; learners top-level project and body ids; professional-body documents. */
export const GRANTS_SCHEMA_VERSION = 2;

export const noGrantsProjectedYet = (): ProjectionMetadata => noEventsApplied(GRANTS_SCHEMA_VERSION);

/** The grants that appear on two documents, built once so both sides hold the same terms. */
export function authorisationFrom(event: ViewerAuthorised): ViewerAuthorisation {
  return { learnerId: event.subject, viewerId: event.data.viewerId, scope: event.data.scope, grantedAt: event.occurredAt, revokedAt: null };
}

export function staffingFrom(event: ProjectStaffAssigned): ProjectStaffing {
  const { projectId, staffId, programmeIds } = event.data;
  return { projectId, staffId, programmeIds, grantedAt: event.occurredAt, revokedAt: null };
}

export function runnerApprovalFrom(event: ReportRunnerApproved): ReportRunnerApproval {
  const { odsCode, runnerId, leadId } = event.data;
  return { odsCode, runnerId, approvedByLeadId: leadId, grantedAt: event.occurredAt, revokedAt: null };
}

export function leadAuthorisationFrom(event: ReportingLeadAuthorised): ReportingLeadAuthorisation {
  const { odsCode, leadId, authorisedByRole, authorisedByName, authorisedByOrganisationName, authorisedByOdsCode } = event.data;
  return {
    odsCode,
    leadId,
    authorisedBy: event.actor,
    authorisedByRole,
    authorisedByName,
    authorisedByOrganisationName,
    authorisedByOdsCode,
    grantedAt: event.occurredAt,
    revokedAt: null,
  };
}

export function officerFrom(event: ProfessionalBodyOfficerAppointed): ProfessionalBodyOfficer {
  const { professionalBodyId, officerId } = event.data;
  return { professionalBodyId, officerId, grantedAt: event.occurredAt, revokedAt: null };
}
