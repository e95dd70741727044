import {
  assertNever,
  AuditorAppointed,
  AuditorAppointmentEnded,
  ProfessionalBodyOfficerAppointed,
  ProfessionalBodyOfficerRemoved,
  ProfessionalBodyProgrammeAccessGranted,
  ProfessionalBodyProgrammeAccessRevoked,
  ReportingLeadAuthorised,
  ReportingLeadRevoked,
  EPortfolioLinked,
  EPortfolioUnlinked,
  HubAdminGranted,
  HubAdminRevoked,
  LearnerEnrolledOnProject,
  LearnerUnenrolledFromProject,
  OrganisationReportingEvent,
  PermissionEvent,
  PositionedEvent,
  ProfessionalBodyMembershipEnded,
  ProfessionalBodyMembershipRecorded,
  ProjectStaffAssigned,
  ProjectStaffUnassigned,
  ReportRunnerApproved,
  ReportRunnerRemoved,
  ViewerAuthorisationRevoked,
  ViewerAuthorised,
} from '@ledger/events';
import { grantsIdOfLearner, grantsIdOfOrganisation, grantsIdOfProfessionalBody, grantsIdOfProject, grantsIdOfViewer } from '@ledger/read-store';

/** Every event that grants or withdraws sight of someone's activity. */
export type GrantEvent = PermissionEvent | OrganisationReportingEvent;

/** Events that change what one user may see of others. */
export type ViewerGrantEvent =
  | HubAdminGranted
  | HubAdminRevoked
  | ProjectStaffAssigned
  | ProjectStaffUnassigned
  | ViewerAuthorised
  | ViewerAuthorisationRevoked
  | ReportRunnerApproved
  | ReportRunnerRemoved
  | ReportingLeadAuthorised
  | ReportingLeadRevoked
  | AuditorAppointed
  | AuditorAppointmentEnded
  | ProfessionalBodyOfficerAppointed
  | ProfessionalBodyOfficerRemoved;

/** Events that change who acts for a professional body and what it may see. */
export type ProfessionalBodyGrantEvent =
  | ProfessionalBodyOfficerAppointed
  | ProfessionalBodyOfficerRemoved
  | ProfessionalBodyProgrammeAccessGranted
  | ProfessionalBodyProgrammeAccessRevoked;

/** Events that change who may see one learner, by the learner's consent or enrolment. */
export type LearnerGrantEvent =
  | LearnerEnrolledOnProject
  | LearnerUnenrolledFromProject
  | ViewerAuthorised
  | ViewerAuthorisationRevoked
  | EPortfolioLinked
  | EPortfolioUnlinked
  | ProfessionalBodyMembershipRecorded
  | ProfessionalBodyMembershipEnded;

export type ProjectGrantEvent = ProjectStaffAssigned | ProjectStaffUnassigned;

/** A grant event on its way to one of the documents it changes. */
export type RoutedGrantEvent =
  | (PositionedEvent<ViewerGrantEvent> & { kind: 'viewer'; documentId: string; viewerId: string })
  | (PositionedEvent<LearnerGrantEvent> & { kind: 'learner'; documentId: string; learnerId: string })
  | (PositionedEvent<ProjectGrantEvent> & { kind: 'project'; documentId: string; projectId: string })
  | (PositionedEvent<OrganisationReportingEvent> & { kind: 'organisation'; documentId: string; odsCode: string })
  | (PositionedEvent<ProfessionalBodyGrantEvent> & { kind: 'professional-body'; documentId: string; professionalBodyId: string });

const GRANT_TYPES = new Set<string>([
  'HubAdminGranted', 'HubAdminRevoked', 'ProjectStaffAssigned', 'ProjectStaffUnassigned', 'LearnerEnrolledOnProject',
  'LearnerUnenrolledFromProject', 'ViewerAuthorised', 'ViewerAuthorisationRevoked', 'EPortfolioLinked', 'EPortfolioUnlinked',
  'ProfessionalBodyMembershipRecorded', 'ProfessionalBodyMembershipEnded', 'ReportingLeadAuthorised', 'ReportingLeadRevoked',
  'ReportRunnerApproved', 'ReportRunnerRemoved', 'OrganisationProgrammeAccessGranted', 'OrganisationProgrammeAccessRevoked',
  'AuditorAppointed', 'AuditorAppointmentEnded', 'ProfessionalBodyOfficerAppointed', 'ProfessionalBodyOfficerRemoved',
  'ProfessionalBodyProgrammeAccessGranted', 'ProfessionalBodyProgrammeAccessRevoked',
]);

export function isGrantEvent(positioned: PositionedEvent): positioned is PositionedEvent<GrantEvent> {
  return GRANT_TYPES.has(positioned.event.type);
}

/**
 * The grants documents an event changes. A grant between two parties is written on both sides
 * (a tutor authorisation on the learner's and the viewer's document), so each side is one `_id` read.
 */
export function routeGrantEvent({ event, position }: PositionedEvent<GrantEvent>): RoutedGrantEvent[] {
  const toViewer = (viewerId: string, e: ViewerGrantEvent): RoutedGrantEvent => ({ kind: 'viewer', documentId: grantsIdOfViewer(viewerId), viewerId, event: e, position });
  const toLearner = (e: LearnerGrantEvent): RoutedGrantEvent => ({ kind: 'learner', documentId: grantsIdOfLearner(e.subject), learnerId: e.subject, event: e, position });
  const toProject = (e: ProjectGrantEvent): RoutedGrantEvent => ({ kind: 'project', documentId: grantsIdOfProject(e.data.projectId), projectId: e.data.projectId, event: e, position });
  const toOrganisation = (e: OrganisationReportingEvent): RoutedGrantEvent => ({ kind: 'organisation', documentId: grantsIdOfOrganisation(e.data.odsCode), odsCode: e.data.odsCode, event: e, position });
  const toBody = (e: ProfessionalBodyGrantEvent): RoutedGrantEvent => ({
    kind: 'professional-body',
    documentId: grantsIdOfProfessionalBody(e.data.professionalBodyId),
    professionalBodyId: e.data.professionalBodyId,
    event: e,
    position,
  });
  switch (event.type) {
    case 'HubAdminGranted':
    case 'HubAdminRevoked':
      return [toViewer(event.data.userId, event)];
    case 'ProjectStaffAssigned':
    case 'ProjectStaffUnassigned':
      return [toViewer(event.data.staffId, event), toProject(event)];
    case 'ViewerAuthorised':
    case 'ViewerAuthorisationRevoked':
      return [toLearner(event), toViewer(event.data.viewerId, event)];
    case 'LearnerEnrolledOnProject':
    case 'LearnerUnenrolledFromProject':
    case 'EPortfolioLinked':
    case 'EPortfolioUnlinked':
    case 'ProfessionalBodyMembershipRecorded':
    case 'ProfessionalBodyMembershipEnded':
      return [toLearner(event)];
    case 'ReportRunnerApproved':
    case 'ReportRunnerRemoved':
      return [toOrganisation(event), toViewer(event.data.runnerId, event)];
    case 'ReportingLeadAuthorised':
    case 'ReportingLeadRevoked':
      return [toOrganisation(event), toViewer(event.data.leadId, event)];
    case 'AuditorAppointed':
    case 'AuditorAppointmentEnded':
      return [toViewer(event.data.userId, event)];
    case 'ProfessionalBodyOfficerAppointed':
    case 'ProfessionalBodyOfficerRemoved':
      return [toBody(event), toViewer(event.data.officerId, event)];
    case 'ProfessionalBodyProgrammeAccessGranted':
    case 'ProfessionalBodyProgrammeAccessRevoked':
      return [toBody(event)];
    case 'OrganisationProgrammeAccessGranted':
    case 'OrganisationProgrammeAccessRevoked':
      return [toOrganisation(event)];
    default:
      return assertNever(event);
  }
}
