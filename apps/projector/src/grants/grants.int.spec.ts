import { GRANTS_COLLECTION, GrantsDocument, grantsIdOfLearner, grantsIdOfOrganisation, grantsIdOfProject, grantsIdOfViewer } from '@ledger/read-store';
import { eventually } from '@ledger/test-harness';
import { useProjectorTestContext } from '../testing/projector-test-context';
import { ledgerEvent } from '../testing/projection-test-kit';
import { documentsById, restartProjectorFromOffsetZero } from '../testing/replay-from-offset-zero';
import { startProjectorForTest } from '../testing/start-projector-for-test';
import { waitUntilProjected } from '../testing/wait-until-projected';

/** The grants projection on a real broker and store: a mixed stream with a duplicate, then a full redelivery. */
describe('grants projection', () => {
  const ctx = useProjectorTestContext();

  const grants = () => ctx.store.db.collection<GrantsDocument>(GRANTS_COLLECTION);
  const at = (day: string) => ({ occurredAt: `2026-${day}T09:00:00.000Z` });
  const authorisedThenRevoked = ledgerEvent('ViewerAuthorised', 'learner-1', { viewerId: 'tutor-1', scope: ['prog-ipc'] }, at('02-01'));
  const stream = [
    ledgerEvent('LearnerRegistered', 'learner-1', { givenName: 'Aisha', familyName: 'Khan', email: 'aisha.khan@nhs.net', emailIsWorkEmail: true }, at('01-01')),
    ledgerEvent('HubAdminGranted', 'user-admin', { userId: 'user-admin' }, at('01-01')),
    ledgerEvent('ProjectStaffAssigned', 'user-staff', { staffId: 'user-staff', projectId: 'proj-nw', programmeIds: ['prog-ipc'] }, at('01-02')),
    ledgerEvent('LearnerEnrolledOnProject', 'learner-1', { projectId: 'proj-nw' }, at('01-03')),
    authorisedThenRevoked,
    ledgerEvent('ViewerAuthorised', 'learner-2', { viewerId: 'tutor-1', scope: 'all' }, at('02-02')),
    ledgerEvent('SessionAccessed', 'learner-2', { sessionId: 's-1', attemptId: 'a-1', timeSpentSeconds: 60 }, at('02-03')),
    ledgerEvent('ViewerAuthorisationRevoked', 'learner-1', { viewerId: 'tutor-1' }, at('03-01')),
    ledgerEvent('ReportingLeadAuthorised', 'RJ1', { odsCode: 'RJ1', leadId: 'user-lead', authorisedByRole: 'siro', authorisedByName: 'Dr Priya Raman', authorisedByOrganisationName: 'A Trust', authorisedByOdsCode: 'RJ1' }, { ...at('01-05'), actor: 'user-siro' }),
    ledgerEvent('ReportRunnerApproved', 'RJ1', { odsCode: 'RJ1', runnerId: 'user-runner', leadId: 'user-lead' }, at('01-06')),
    ledgerEvent('OrganisationProgrammeAccessGranted', 'RJ1', { odsCode: 'RJ1', programmeIds: ['prog-ipc'] }, at('01-07')),
    ledgerEvent('EPortfolioLinked', 'learner-2', { ePortfolioId: 'eportfolio-rcgp', accountId: 'rcgp-8842107' }, at('01-08')),
    ledgerEvent('ProfessionalBodyMembershipRecorded', 'learner-2', { professionalBodyId: 'rcn', membershipNumber: '0912345' }, at('01-09')),
  ];

  it('projects a mixed stream, counting an authorisation appended twice once', async () => {
    ctx.projector = await startProjectorForTest(ctx.env);
    await ctx.ledger.writer.append(stream);
    // The duplicate, then an event of the same learner (so the same partition): once that is applied, so is the duplicate.
    await ctx.ledger.writer.append([authorisedThenRevoked, ledgerEvent('EPortfolioLinked', 'learner-1', { ePortfolioId: 'eportfolio-nmc', accountId: 'nmc-1' }, at('04-01'))]);
    await waitUntilProjected(ctx.env, ctx.ledger.kafka);
    const learner = await grants().findOne({ _id: grantsIdOfLearner('learner-1') });
    expect(learner?.kind === 'learner' && learner.ePortfolioLinks.length).toBe(1);
    // 15 events touch 9 documents; two-sided grants (tutor, staff, runner, lead) are on both sides.
    expect(await grants().countDocuments()).toBe(9);
    const tutor = await grants().findOne({ _id: grantsIdOfViewer('tutor-1') });
    expect(tutor?.kind === 'viewer' && tutor.authorisedBy.map((a) => [a.learnerId, a.scope, a.revokedAt])).toEqual([
      ['learner-1', ['prog-ipc'], '2026-03-01T09:00:00.000Z'],
      ['learner-2', 'all', null],
    ]);
    expect(await grants().findOne({ _id: grantsIdOfLearner('learner-1') })).toMatchObject({
      projectEnrolments: [{ projectId: 'proj-nw', revokedAt: null }],
      authorisedViewers: [{ viewerId: 'tutor-1', revokedAt: '2026-03-01T09:00:00.000Z' }],
      ePortfolioLinks: [{ ePortfolioId: 'eportfolio-nmc', revokedAt: null }],
    });
    expect(await grants().findOne({ _id: grantsIdOfLearner('learner-2') })).toMatchObject({
      ePortfolioLinks: [{ ePortfolioId: 'eportfolio-rcgp', revokedAt: null }],
      professionalBodies: [{ professionalBodyId: 'rcn', revokedAt: null }],
    });
    expect(await grants().findOne({ _id: grantsIdOfViewer('user-admin') })).toMatchObject({ hubAdmin: [{ revokedAt: null }] });
    expect(await grants().findOne({ _id: grantsIdOfProject('proj-nw') })).toMatchObject({ staff: [{ staffId: 'user-staff', programmeIds: ['prog-ipc'] }] });
    expect(await grants().findOne({ _id: grantsIdOfOrganisation('RJ1') })).toMatchObject({
      reportingLeads: [{ leadId: 'user-lead', authorisedBy: 'user-siro', authorisedByRole: 'siro', revokedAt: null }],
      reportRunners: [{ runnerId: 'user-runner', approvedByLeadId: 'user-lead', revokedAt: null }],
      programmeAccess: [{ programmeId: 'prog-ipc', revokedAt: null }],
    });
    expect(await grants().findOne({ _id: grantsIdOfViewer('user-runner') })).toMatchObject({ reportRunnerFor: [{ odsCode: 'RJ1', revokedAt: null }] });
  });

  it('changes nothing when the whole ledger is redelivered from offset 0', async () => {
    const before = await documentsById(ctx.store.db, GRANTS_COLLECTION);
    ctx.projector = await restartProjectorFromOffsetZero(ctx.env, ctx.ledger.kafka, ctx.projector!.app);
    expect(await documentsById(ctx.store.db, GRANTS_COLLECTION)).toEqual(before);
  });
});
