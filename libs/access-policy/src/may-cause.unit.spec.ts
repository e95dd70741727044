import { capabilitiesOf, seesOthers } from './capabilities';
import { mayCause } from './may-cause';
import { ended, lead, standing, viewer } from './testing/policy-fixtures';

describe('access policy: which facts a person may cause', () => {
  const asha = viewer('asha');
  const admin = viewer('admin', { hubAdmin: [standing] });
  const rj1Lead = viewer('lead', { reportingLeadFor: [lead('RJ1', 'lead')] });

  it('a learner authorises and revokes tutors, accepts terms and links ePortfolios for themselves only', () => {
    expect(mayCause(asha, { type: 'ViewerAuthorised', subject: 'asha', data: { viewerId: 'tutor', scope: 'all' } })).toEqual({ allowed: true });
    expect(mayCause(asha, { type: 'ViewerAuthorisationRevoked', subject: 'asha', data: { viewerId: 'tutor' } })).toEqual({ allowed: true });
    expect(mayCause(asha, { type: 'TermsAccepted', subject: 'asha', data: { termsVersion: '2026-04' } })).toEqual({ allowed: true });
    expect(mayCause(asha, { type: 'EPortfolioLinked', subject: 'asha', data: {} })).toEqual({ allowed: true });
    expect(mayCause(asha, { type: 'ViewerAuthorised', subject: 'ben', data: { viewerId: 'asha', scope: 'all' } })).toMatchObject({ allowed: false });
  });

  it('a learner cannot authorise themselves, and a hub admin cannot consent for a learner', () => {
    expect(mayCause(asha, { type: 'ViewerAuthorised', subject: 'asha', data: { viewerId: 'asha', scope: 'all' } })).toMatchObject({ allowed: false });
    expect(mayCause(admin, { type: 'ViewerAuthorised', subject: 'asha', data: { viewerId: 'tutor', scope: 'all' } })).toMatchObject({ allowed: false });
  });

  it('only a hub admin (by grant or configuration) records grants, leads and programme access', () => {
    const grant = { type: 'ReportingLeadAuthorised', subject: 'RJ1', data: { odsCode: 'RJ1', leadId: 'lead' } };
    expect(mayCause(admin, grant)).toEqual({ allowed: true });
    expect(mayCause(viewer('root', null, true), { type: 'HubAdminGranted', subject: 'x', data: { userId: 'x' } })).toEqual({ allowed: true });
    expect(mayCause(asha, grant)).toMatchObject({ allowed: false, reason: expect.stringContaining('hub admin') });
    expect(mayCause(asha, { type: 'HubAdminGranted', subject: 'asha', data: { userId: 'asha' } })).toMatchObject({ allowed: false });
    expect(mayCause(viewer('admin', { hubAdmin: [ended] }), grant)).toMatchObject({ allowed: false });
  });

  it('a reporting lead approves and removes runners of their own organisation only, as themselves', () => {
    const approve = (odsCode: string, leadId = 'lead') => ({ type: 'ReportRunnerApproved', subject: odsCode, data: { odsCode, runnerId: 'runner', leadId } });
    expect(mayCause(rj1Lead, approve('RJ1'))).toEqual({ allowed: true });
    expect(mayCause(rj1Lead, { ...approve('RJ1'), type: 'ReportRunnerRemoved' })).toEqual({ allowed: true });
    expect(mayCause(rj1Lead, approve('RX9'))).toMatchObject({ allowed: false });
    expect(mayCause(rj1Lead, approve('RJ1', 'another-lead'))).toMatchObject({ allowed: false });
    expect(mayCause(viewer('lead', { reportingLeadFor: [lead('RJ1', 'lead', ended)] }), approve('RJ1'))).toMatchObject({ allowed: false });
    expect(mayCause(admin, approve('RJ1', 'admin'))).toMatchObject({ allowed: false });
  });

  it('refuses a fact keyed by the wrong subject, and facts that only clients send', () => {
    expect(mayCause(admin, { type: 'OrganisationProgrammeAccessGranted', subject: 'RX9', data: { odsCode: 'RJ1', programmeIds: ['p'] } })).toMatchObject({
      allowed: false,
      reason: 'subject must be RJ1 for OrganisationProgrammeAccessGranted',
    });
    expect(mayCause(admin, { type: 'SessionAccessed', subject: 'asha', data: {} })).toMatchObject({ allowed: false });
    expect(mayCause(admin, { type: 'IdentifiableReportRun', subject: 'admin', data: {} })).toMatchObject({ allowed: false });
  });
});

describe('access policy: capabilities for the menu', () => {
  it('lists standing roles only', () => {
    const capabilities = capabilitiesOf(
      viewer('u', {
        auditor: [standing],
        reportingLeadFor: [lead('RJ1', 'u'), lead('RX9', 'u', ended)],
        reportRunnerFor: [{ odsCode: 'RJ1', runnerId: 'u', approvedByLeadId: 'l', ...ended }],
      }),
    );
    expect(capabilities).toEqual({ hubAdmin: false, auditor: true, projectStaffOf: [], tutorOf: [], reportRunnerFor: [], reportingLeadOf: ['RJ1'], professionalBodyOfficerOf: [] });
    expect(seesOthers(capabilities)).toBe(false);
    expect(seesOthers(capabilitiesOf(viewer('t', { authorisedBy: [{ learnerId: 'a', viewerId: 't', scope: 'all', ...standing }] })))).toBe(true);
  });
});
