import type { KnownLedgerEvent, PositionedEvent } from '@ledger/events';
import { GrantsDocument, grantsIdOfLearner, grantsIdOfOrganisation, grantsIdOfProfessionalBody, grantsIdOfProject, grantsIdOfViewer, standingGrants } from '@ledger/read-store';
import { groupByDocument } from '../project-ledger/document-projection';
import { atOffset, foldDocument, ledgerEvent } from '../testing/projection-test-kit';
import { evolveGrantDocument } from './evolve-grant-document';
import { isGrantEvent, routeGrantEvent } from './route-grant-event';

/** Every grants document the events produce, folded as the projection folds them. */
function projectGrants(events: PositionedEvent<KnownLedgerEvent>[]): Map<string, GrantsDocument> {
  const byDocument = groupByDocument(events.filter(isGrantEvent).flatMap(routeGrantEvent), (routed) => routed.documentId);
  return new Map([...byDocument].map(([id, routed]) => [id, foldDocument(evolveGrantDocument, routed) as GrantsDocument]));
}

const learner = 'learner-42';
const tutor = 'tutor-311';
const on = (day: string) => ({ occurredAt: `2026-${day}T09:00:00.000Z` });
const authorised = ledgerEvent('ViewerAuthorised', learner, { viewerId: tutor, scope: ['prog-ipc'] }, on('02-01'));
const widened = ledgerEvent('ViewerAuthorised', learner, { viewerId: tutor, scope: 'all' }, on('03-01'));
const revoked = ledgerEvent('ViewerAuthorisationRevoked', learner, { viewerId: tutor }, on('04-01'));

describe('grants: tutor authorisations', () => {
  it('authorise then revoke: both sides keep the authorisation with its revocation time', () => {
    const docs = projectGrants([atOffset(authorised, 0), atOffset(revoked, 1)]);
    const expected = { learnerId: learner, viewerId: tutor, scope: ['prog-ipc'], grantedAt: '2026-02-01T09:00:00.000Z', revokedAt: '2026-04-01T09:00:00.000Z' };
    expect(docs.get(grantsIdOfLearner(learner))).toMatchObject({ kind: 'learner', authorisedViewers: [expected] });
    expect(docs.get(grantsIdOfViewer(tutor))).toMatchObject({ kind: 'viewer', authorisedBy: [expected] });
  });

  it('re-authorising with another scope ends the old period where the new one starts', () => {
    const docs = projectGrants([atOffset(authorised, 0), atOffset(widened, 1)]);
    const viewers = (docs.get(grantsIdOfLearner(learner)) as Extract<GrantsDocument, { kind: 'learner' }>).authorisedViewers;
    expect(viewers.map((v) => [v.scope, v.grantedAt.slice(0, 10), v.revokedAt?.slice(0, 10) ?? null])).toEqual([
      [['prog-ipc'], '2026-02-01', '2026-03-01'],
      ['all', '2026-03-01', null],
    ]);
    expect(standingGrants(viewers).map((v) => v.scope)).toEqual(['all']);
  });

  it('an authorisation appended twice, even after its revocation, changes nothing', () => {
    const once = projectGrants([atOffset(authorised, 0), atOffset(revoked, 1)]);
    expect(projectGrants([atOffset(authorised, 0), atOffset(revoked, 1), atOffset(authorised, 2)])).toEqual(once);
  });

  it('restating a standing grant with the same terms keeps one period', () => {
    const again = ledgerEvent('ViewerAuthorised', learner, { viewerId: tutor, scope: ['prog-ipc'] }, on('02-15'));
    const docs = projectGrants([atOffset(authorised, 0), atOffset(again, 1)]);
    expect((docs.get(grantsIdOfViewer(tutor)) as Extract<GrantsDocument, { kind: 'viewer' }>).authorisedBy).toHaveLength(1);
  });
});

describe('grants: admins, projects, consents', () => {
  it('records hub admin periods, project staffing on the staff member and the project, and enrolments', () => {
    const admin = 'user-ops-17';
    const staff = 'user-pm-204';
    const docs = projectGrants([
      atOffset(ledgerEvent('HubAdminGranted', admin, { userId: admin }, on('01-01')), 0),
      atOffset(ledgerEvent('HubAdminRevoked', admin, { userId: admin }, on('05-01')), 1),
      atOffset(ledgerEvent('ProjectStaffAssigned', staff, { staffId: staff, projectId: 'proj-nw', programmeIds: ['prog-ipc'] }, on('01-02')), 0, 1),
      atOffset(ledgerEvent('LearnerEnrolledOnProject', learner, { projectId: 'proj-nw' }, on('01-03')), 0, 2),
      atOffset(ledgerEvent('EPortfolioLinked', learner, { ePortfolioId: 'eportfolio-rcgp', accountId: 'rcgp-1' }, on('01-04')), 1, 2),
      atOffset(ledgerEvent('ProfessionalBodyMembershipRecorded', learner, { professionalBodyId: 'rcn', membershipNumber: '0912345' }, on('01-05')), 2, 2),
    ]);
    expect(docs.get(grantsIdOfViewer(admin))).toMatchObject({ hubAdmin: [{ grantedAt: '2026-01-01T09:00:00.000Z', revokedAt: '2026-05-01T09:00:00.000Z' }] });
    const staffing = { projectId: 'proj-nw', staffId: staff, programmeIds: ['prog-ipc'], revokedAt: null };
    expect(docs.get(grantsIdOfViewer(staff))).toMatchObject({ projectStaff: [staffing] });
    expect(docs.get(grantsIdOfProject('proj-nw'))).toMatchObject({ kind: 'project', staff: [staffing] });
    expect(docs.get(grantsIdOfLearner(learner))).toMatchObject({
      projectEnrolments: [{ projectId: 'proj-nw', revokedAt: null }],
      ePortfolioLinks: [{ ePortfolioId: 'eportfolio-rcgp', accountId: 'rcgp-1', revokedAt: null }],
      professionalBodies: [{ professionalBodyId: 'rcn', membershipNumber: '0912345', revokedAt: null }],
    });
  });

  it("a viewer's document is the same whichever learner's partition is applied first", () => {
    const other = ledgerEvent('ViewerAuthorised', 'learner-7', { viewerId: tutor, scope: 'all' }, on('01-09'));
    const fromPartitions = [atOffset(authorised, 4, 0), atOffset(other, 9, 1)];
    expect(projectGrants(fromPartitions).get(grantsIdOfViewer(tutor))).toEqual(projectGrants([...fromPartitions].reverse()).get(grantsIdOfViewer(tutor)));
  });
});

describe('grants: organisation reporting', () => {
  const ods = 'RJ1';
  const lead = ledgerEvent('ReportingLeadAuthorised', ods, { odsCode: ods, leadId: 'user-lead-58', authorisedByRole: 'caldicott-guardian', authorisedByName: 'Dr Priya Raman', authorisedByOrganisationName: 'A Trust', authorisedByOdsCode: 'RJ1' }, { ...on('01-01'), actor: 'user-cg-3' });
  const runner = ledgerEvent('ReportRunnerApproved', ods, { odsCode: ods, runnerId: 'user-hr-902', leadId: 'user-lead-58' }, on('01-02'));
  const access = ledgerEvent('OrganisationProgrammeAccessGranted', ods, { odsCode: ods, programmeIds: ['prog-ipc', 'prog-safeguarding'] }, on('01-03'));
  const narrowed = ledgerEvent('OrganisationProgrammeAccessRevoked', ods, { odsCode: ods, programmeIds: ['prog-safeguarding'] }, on('02-01'));
  const removed = ledgerEvent('ReportRunnerRemoved', ods, { odsCode: ods, runnerId: 'user-hr-902', leadId: 'user-lead-58' }, on('03-01'));

  it('keeps leads with who authorised them, runners with their lead, and the programme limits', () => {
    const docs = projectGrants([lead, runner, access, narrowed].map((e, i) => atOffset(e, i)));
    const organisation = docs.get(grantsIdOfOrganisation(ods)) as Extract<GrantsDocument, { kind: 'organisation' }>;
    expect(organisation.reportingLeads).toEqual([{ odsCode: ods, leadId: 'user-lead-58', authorisedBy: 'user-cg-3', authorisedByRole: 'caldicott-guardian', authorisedByName: 'Dr Priya Raman', authorisedByOrganisationName: 'A Trust', authorisedByOdsCode: 'RJ1', grantedAt: '2026-01-01T09:00:00.000Z', revokedAt: null }]);
    expect(organisation.reportRunners).toEqual([{ odsCode: ods, runnerId: 'user-hr-902', approvedByLeadId: 'user-lead-58', grantedAt: '2026-01-02T09:00:00.000Z', revokedAt: null }]);
    expect(standingGrants(organisation.programmeAccess).map((a) => a.programmeId)).toEqual(['prog-ipc']);
    expect(docs.get(grantsIdOfViewer('user-hr-902'))).toMatchObject({ reportRunnerFor: [{ odsCode: ods, approvedByLeadId: 'user-lead-58', revokedAt: null }] });
  });

  it('a removed runner stays in the history of the organisation and of the runner', () => {
    const docs = projectGrants([lead, runner, removed].map((e, i) => atOffset(e, i)));
    expect(docs.get(grantsIdOfOrganisation(ods))).toMatchObject({ reportRunners: [{ runnerId: 'user-hr-902', revokedAt: '2026-03-01T09:00:00.000Z' }] });
    expect(docs.get(grantsIdOfViewer('user-hr-902'))).toMatchObject({ reportRunnerFor: [{ odsCode: ods, revokedAt: '2026-03-01T09:00:00.000Z' }] });
  });

  it('a duplicate programme grant after a revocation changes nothing', () => {
    const once = projectGrants([access, narrowed].map((e, i) => atOffset(e, i)));
    expect(projectGrants([access, narrowed, access].map((e, i) => atOffset(e, i)))).toEqual(once);
  });
});

describe('grants: reporting leads, auditors, professional bodies', () => {
  const by = { authorisedByName: 'Dr Priya Raman', authorisedByOrganisationName: 'A Trust', authorisedByOdsCode: 'RJ1' };
  const lead = ledgerEvent('ReportingLeadAuthorised', 'RJ1', { odsCode: 'RJ1', leadId: 'user-lead', authorisedByRole: 'hr-director', ...by }, { ...on('01-01'), actor: 'admin-1' });
  const leadRevoked = ledgerEvent('ReportingLeadRevoked', 'RJ1', { odsCode: 'RJ1', leadId: 'user-lead' }, on('02-01'));

  it("keeps a lead's authorisation, with who vouched for them, on the organisation and on the lead", () => {
    const docs = projectGrants([atOffset(lead, 0), atOffset(leadRevoked, 1)]);
    const expected = { odsCode: 'RJ1', leadId: 'user-lead', authorisedBy: 'admin-1', authorisedByRole: 'hr-director', ...by, revokedAt: '2026-02-01T09:00:00.000Z' };
    expect(docs.get(grantsIdOfOrganisation('RJ1'))).toMatchObject({ reportingLeads: [expected] });
    expect(docs.get(grantsIdOfViewer('user-lead'))).toMatchObject({ reportingLeadFor: [expected] });
  });

  it('keeps auditor periods and professional body officers with the programmes the body may see', () => {
    const docs = projectGrants([
      atOffset(ledgerEvent('AuditorAppointed', 'user-audit', { userId: 'user-audit' }, on('01-01')), 0),
      atOffset(ledgerEvent('AuditorAppointmentEnded', 'user-audit', { userId: 'user-audit' }, on('03-01')), 1),
      atOffset(ledgerEvent('ProfessionalBodyOfficerAppointed', 'rcn', { professionalBodyId: 'rcn', officerId: 'user-rcn' }, on('01-02')), 0, 1),
      atOffset(ledgerEvent('ProfessionalBodyProgrammeAccessGranted', 'rcn', { professionalBodyId: 'rcn', programmeIds: ['prog-ipc', 'prog-x'] }, on('01-03')), 1, 1),
      atOffset(ledgerEvent('ProfessionalBodyProgrammeAccessRevoked', 'rcn', { professionalBodyId: 'rcn', programmeIds: ['prog-x'] }, on('01-04')), 2, 1),
    ]);
    expect(docs.get(grantsIdOfViewer('user-audit'))).toMatchObject({ auditor: [{ grantedAt: '2026-01-01T09:00:00.000Z', revokedAt: '2026-03-01T09:00:00.000Z' }] });
    expect(docs.get(grantsIdOfViewer('user-rcn'))).toMatchObject({ professionalBodyOfficerFor: [{ professionalBodyId: 'rcn', officerId: 'user-rcn', revokedAt: null }] });
    const body = docs.get(grantsIdOfProfessionalBody('rcn')) as Extract<GrantsDocument, { kind: 'professional-body' }>;
    expect(body.officers).toMatchObject([{ officerId: 'user-rcn', revokedAt: null }]);
    expect(standingGrants(body.programmeAccess).map((a) => a.programmeId)).toEqual(['prog-ipc']);
  });

  it("copies a learner's standing projects and bodies to top-level lists, for equality reads", () => {
    const docs = projectGrants([
      atOffset(ledgerEvent('LearnerEnrolledOnProject', learner, { projectId: 'proj-a' }, on('01-01')), 0),
      atOffset(ledgerEvent('LearnerEnrolledOnProject', learner, { projectId: 'proj-b' }, on('01-02')), 1),
      atOffset(ledgerEvent('LearnerUnenrolledFromProject', learner, { projectId: 'proj-a' }, on('01-03')), 2),
      atOffset(ledgerEvent('ProfessionalBodyMembershipRecorded', learner, { professionalBodyId: 'rcn', membershipNumber: '1' }, on('01-04')), 3),
    ]);
    expect(docs.get(grantsIdOfLearner(learner))).toMatchObject({ enrolledProjectIds: ['proj-b'], memberOfBodyIds: ['rcn'] });
  });
});
