import { assertNever, OrganisationReportingEvent, PositionedEvent } from '@ledger/events';
import { advanceMetadata, grantsIdOfOrganisation, type OrganisationGrantsDocument, type OrganisationProgrammeAccess, type ReportingLeadAuthorisation, type ReportRunnerApproval } from '@ledger/read-store';
import { GRANTS_SCHEMA_VERSION, leadAuthorisationFrom, noGrantsProjectedYet, runnerApprovalFrom } from './grant-entries';
import { endGrant, startGrant } from './grant-periods';

const byLead = (lead: ReportingLeadAuthorisation) => lead.leadId;
const byRunner = (runner: ReportRunnerApproval) => runner.runnerId;
const byProgramme = (access: OrganisationProgrammeAccess) => access.programmeId;

/**
 * How one organisation's identifiable reporting is authorised, after one more of its events. A runner
 * approval is kept as recorded even when its lead is revoked: the access check requires both to stand,
 * so history shows what each party did. Callers skip events already applied.
 */
export function evolveOrganisationGrants(
  current: OrganisationGrantsDocument | null,
  odsCode: string,
  { event, position }: PositionedEvent<OrganisationReportingEvent>,
): OrganisationGrantsDocument {
  const doc = current ?? emptyOrganisationGrants(odsCode);
  const next: OrganisationGrantsDocument = {
    ...doc,
    projection: advanceMetadata(current?.projection ?? null, GRANTS_SCHEMA_VERSION, position, event.recordedAt),
  };
  const at = event.occurredAt;
  switch (event.type) {
    case 'ReportingLeadAuthorised':
      next.reportingLeads = startGrant(doc.reportingLeads, leadAuthorisationFrom(event), byLead);
      break;
    case 'ReportingLeadRevoked':
      next.reportingLeads = endGrant(doc.reportingLeads, byLead, event.data.leadId, at);
      break;
    case 'ReportRunnerApproved':
      next.reportRunners = startGrant(doc.reportRunners, runnerApprovalFrom(event), byRunner);
      break;
    case 'ReportRunnerRemoved':
      next.reportRunners = endGrant(doc.reportRunners, byRunner, event.data.runnerId, at);
      break;
    case 'OrganisationProgrammeAccessGranted':
      next.programmeAccess = event.data.programmeIds.reduce(
        (access, programmeId) => startGrant(access, { programmeId, grantedAt: at, revokedAt: null }, byProgramme),
        doc.programmeAccess,
      );
      break;
    case 'OrganisationProgrammeAccessRevoked':
      next.programmeAccess = event.data.programmeIds.reduce((access, programmeId) => endGrant(access, byProgramme, programmeId, at), doc.programmeAccess);
      break;
    default:
      assertNever(event);
  }
  return next;
}

function emptyOrganisationGrants(odsCode: string): OrganisationGrantsDocument {
  return { _id: grantsIdOfOrganisation(odsCode), kind: 'organisation', odsCode, reportingLeads: [], reportRunners: [], programmeAccess: [], projection: noGrantsProjectedYet() };
}
