import { demoId } from './demo-events';

/** A fact a demo person records through ingest's POST /v1/acts, as themselves. */
export interface DemoAct {
  as: string;
  act: { eventId: string; type: string; version: number; subject: string; data: Record<string, unknown> };
}

const act = (as: string, name: string, type: string, subject: string, data: Record<string, unknown>, version = 1): DemoAct => ({
  as,
  act: { eventId: demoId(`act-${name}`), type, version, subject, data },
});

/**
 * The grants that make each demo person what config/people.local.json says they are, recorded the way
 * the hub records them: by the hub admin (bootstrapped by HUB_ADMINS), by learners for their own
 * consents, by reporting leads for their runners. In order: a lead's approvals wait until the lead's
 * authorisation has been projected, which the loader waits for.
 */
export function demoActs(): DemoAct[] {
  const admin = 'admin-hana';
  const lead = (odsCode: string, leadId: string, role: string, name: string, organisation: string) =>
    act(admin, `lead-${leadId}`, 'ReportingLeadAuthorised', odsCode, {
      odsCode,
      leadId,
      authorisedByRole: role,
      authorisedByName: name,
      authorisedByOrganisationName: organisation,
      authorisedByOdsCode: odsCode,
    }, 2);
  return [
    lead('RJ1', 'lead-lucy', 'hr-director', 'Grace Obi', "Guy's and St Thomas' NHS Foundation Trust"),
    lead('RX9', 'lead-owen', 'siro', 'Ravi Menon', 'Riverside Community Health'),
    act(admin, 'rj1-programmes', 'OrganisationProgrammeAccessGranted', 'RJ1', { odsCode: 'RJ1', programmeIds: ['prog-safeguarding'] }),
    act(admin, 'rx9-programmes', 'OrganisationProgrammeAccessGranted', 'RX9', { odsCode: 'RX9', programmeIds: ['prog-safeguarding'] }),
    act(admin, 'priya-staff', 'ProjectStaffAssigned', 'staff-priya', { staffId: 'staff-priya', projectId: 'proj-nw', programmeIds: ['prog-safeguarding'] }),
    act(admin, 'asha-enrolled', 'LearnerEnrolledOnProject', 'learner-asha', { projectId: 'proj-nw' }),
    act(admin, 'olga-officer', 'ProfessionalBodyOfficerAppointed', 'royal-college-of-nursing', { professionalBodyId: 'royal-college-of-nursing', officerId: 'officer-olga' }),
    act(admin, 'rcn-programmes', 'ProfessionalBodyProgrammeAccessGranted', 'royal-college-of-nursing', { professionalBodyId: 'royal-college-of-nursing', programmeIds: ['prog-safeguarding'] }),
    act(admin, 'asha-rcn', 'ProfessionalBodyMembershipRecorded', 'learner-asha', { professionalBodyId: 'royal-college-of-nursing', membershipNumber: '0912345' }),
    act(admin, 'ali-auditor', 'AuditorAppointed', 'auditor-ali', { userId: 'auditor-ali' }),
    act('learner-asha', 'asha-tutor', 'ViewerAuthorised', 'learner-asha', { viewerId: 'tutor-tom', scope: 'all' }),
    act('learner-ben', 'ben-tutor', 'ViewerAuthorised', 'learner-ben', { viewerId: 'tutor-rita', scope: 'all' }),
    act('learner-ben', 'ben-tutor-revoked', 'ViewerAuthorisationRevoked', 'learner-ben', { viewerId: 'tutor-rita' }),
    act('lead-lucy', 'raj-runner', 'ReportRunnerApproved', 'RJ1', { odsCode: 'RJ1', runnerId: 'runner-raj', leadId: 'lead-lucy' }),
    act('lead-owen', 'sam-runner', 'ReportRunnerApproved', 'RX9', { odsCode: 'RX9', runnerId: 'runner-sam', leadId: 'lead-owen' }),
    act(admin, 'owen-revoked', 'ReportingLeadRevoked', 'RX9', { odsCode: 'RX9', leadId: 'lead-owen' }),
  ];
}
