import { assertNever, PositionedEvent } from '@ledger/events';
import {
  advanceMetadata,
  grantsIdOfViewer,
  type ProfessionalBodyOfficer,
  type ProjectStaffing,
  type ReportingLeadAuthorisation,
  type ReportRunnerApproval,
  type ViewerAuthorisation,
  type ViewerGrantsDocument,
} from '@ledger/read-store';
import { authorisationFrom, GRANTS_SCHEMA_VERSION, leadAuthorisationFrom, noGrantsProjectedYet, officerFrom, runnerApprovalFrom, staffingFrom } from './grant-entries';
import { endGrant, startGrant } from './grant-periods';
import type { ViewerGrantEvent } from './route-grant-event';

const asHubAdmin = () => 'hub-admin';
const asAuditor = () => 'auditor';
const byLeadOrganisation = (lead: ReportingLeadAuthorisation) => lead.odsCode;
const byBody = (officer: ProfessionalBodyOfficer) => officer.professionalBodyId;
const byProject = (staffing: ProjectStaffing) => staffing.projectId;
const byLearner = (authorisation: ViewerAuthorisation) => authorisation.learnerId;
const byOrganisation = (approval: ReportRunnerApproval) => approval.odsCode;

/** What one user may see of others, after one more grant event. Callers skip events already applied. */
export function evolveViewerGrants(current: ViewerGrantsDocument | null, viewerId: string, { event, position }: PositionedEvent<ViewerGrantEvent>): ViewerGrantsDocument {
  // Documents written before schema 2 lack the newer lists; they start empty.
  const doc = { ...emptyViewerGrants(viewerId), ...current };
  const next: ViewerGrantsDocument = {
    ...doc,
    projection: advanceMetadata(current?.projection ?? null, GRANTS_SCHEMA_VERSION, position, event.recordedAt),
  };
  const at = event.occurredAt;
  switch (event.type) {
    case 'HubAdminGranted':
      next.hubAdmin = startGrant(doc.hubAdmin, { grantedAt: at, revokedAt: null }, asHubAdmin);
      break;
    case 'HubAdminRevoked':
      next.hubAdmin = endGrant(doc.hubAdmin, asHubAdmin, asHubAdmin(), at);
      break;
    case 'ProjectStaffAssigned':
      next.projectStaff = startGrant(doc.projectStaff, staffingFrom(event), byProject);
      break;
    case 'ProjectStaffUnassigned':
      next.projectStaff = endGrant(doc.projectStaff, byProject, event.data.projectId, at);
      break;
    case 'ViewerAuthorised':
      next.authorisedBy = startGrant(doc.authorisedBy, authorisationFrom(event), byLearner);
      break;
    case 'ViewerAuthorisationRevoked':
      next.authorisedBy = endGrant(doc.authorisedBy, byLearner, event.subject, at);
      break;
    case 'ReportRunnerApproved':
      next.reportRunnerFor = startGrant(doc.reportRunnerFor, runnerApprovalFrom(event), byOrganisation);
      break;
    case 'ReportRunnerRemoved':
      next.reportRunnerFor = endGrant(doc.reportRunnerFor, byOrganisation, event.data.odsCode, at);
      break;
    case 'ReportingLeadAuthorised':
      next.reportingLeadFor = startGrant(doc.reportingLeadFor, leadAuthorisationFrom(event), byLeadOrganisation);
      break;
    case 'ReportingLeadRevoked':
      next.reportingLeadFor = endGrant(doc.reportingLeadFor, byLeadOrganisation, event.data.odsCode, at);
      break;
    case 'AuditorAppointed':
      next.auditor = startGrant(doc.auditor, { grantedAt: at, revokedAt: null }, asAuditor);
      break;
    case 'AuditorAppointmentEnded':
      next.auditor = endGrant(doc.auditor, asAuditor, asAuditor(), at);
      break;
    case 'ProfessionalBodyOfficerAppointed':
      next.professionalBodyOfficerFor = startGrant(doc.professionalBodyOfficerFor, officerFrom(event), byBody);
      break;
    case 'ProfessionalBodyOfficerRemoved':
      next.professionalBodyOfficerFor = endGrant(doc.professionalBodyOfficerFor, byBody, event.data.professionalBodyId, at);
      break;
    default:
      assertNever(event);
  }
  return next;
}

function emptyViewerGrants(viewerId: string): ViewerGrantsDocument {
  return {
    _id: grantsIdOfViewer(viewerId),
    kind: 'viewer',
    viewerId,
    hubAdmin: [],
    projectStaff: [],
    authorisedBy: [],
    reportRunnerFor: [],
    reportingLeadFor: [],
    professionalBodyOfficerFor: [],
    auditor: [],
    projection: noGrantsProjectedYet(),
  };
}
