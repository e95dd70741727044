import type { ProjectStaffAssigned, ReportRunnerApproved, ViewerAuthorised } from '@ledger/events';
import { noEventsApplied, type ProjectionMetadata, type ProjectStaffing, type ReportRunnerApproval, type ViewerAuthorisation } from '@ledger/read-store';

export const GRANTS_SCHEMA_VERSION = 1;

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
