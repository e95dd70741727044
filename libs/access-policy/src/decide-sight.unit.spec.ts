import { decideSight, mayReachCertificates } from './decide-sight';
import { NO_SIGHT, seesAnything, seesProgramme } from './facts';
import { ended, lead, standing, subject, viewer } from './testing/policy-fixtures';

/** The table in DESIGN.md ("Who may see what"), row by row, with the limits of each row. */
describe('access policy: who may see whose activity', () => {
  describe('the learner', () => {
    it('sees themselves, always, in every programme, even before accepting the terms or registering', () => {
      expect(decideSight(viewer('asha'), subject('asha'))).toEqual({ programmes: 'all', roles: ['self'] });
      expect(decideSight(viewer('asha'), subject('asha', { terms: false, registered: false }))).toEqual({ programmes: 'all', roles: ['self'] });
    });
  });

  describe('hub admin', () => {
    it('sees everyone, including learners who have not accepted the terms', () => {
      const admin = viewer('admin', { hubAdmin: [standing] });
      expect(decideSight(admin, subject('asha'))).toEqual({ programmes: 'all', roles: ['hub-admin'] });
      expect(decideSight(admin, subject('ben', { terms: false }))).toEqual({ programmes: 'all', roles: ['hub-admin'] });
    });

    it('bootstrapped by configuration counts as a hub admin with no ledger grant', () => {
      expect(decideSight(viewer('root', null, true), subject('asha'))).toEqual({ programmes: 'all', roles: ['hub-admin'] });
    });

    it('a revoked hub admin sees nobody through that grant', () => {
      expect(decideSight(viewer('admin', { hubAdmin: [ended] }), subject('asha'))).toEqual(NO_SIGHT);
    });
  });

  describe('project staff', () => {
    const staff = viewer('pm', { projectStaff: [{ projectId: 'proj-nw', staffId: 'pm', programmeIds: ['prog-ipc'], ...standing }] });
    const enrolled = (period = standing) => ({ grants: { projectEnrolments: [{ projectId: 'proj-nw', ...period }] } });

    it("sees a learner enrolled on their project, in that staffing's programmes only", () => {
      const sight = decideSight(staff, subject('asha', enrolled()));
      expect(sight).toEqual({ programmes: ['prog-ipc'], roles: ['project-staff'] });
      expect(seesProgramme(sight, 'prog-ipc')).toBe(true);
      expect(seesProgramme(sight, 'prog-safeguarding')).toBe(false);
      expect(seesProgramme(sight, null)).toBe(false);
    });

    it('sees nobody on another project, a learner who left the project, or after being unassigned', () => {
      const otherProject = { grants: { projectEnrolments: [{ projectId: 'proj-se', ...standing }] } };
      expect(decideSight(staff, subject('asha', otherProject))).toEqual(NO_SIGHT);
      expect(decideSight(staff, subject('asha', enrolled(ended)))).toEqual(NO_SIGHT);
      const unassigned = viewer('pm', { projectStaff: [{ projectId: 'proj-nw', staffId: 'pm', programmeIds: ['prog-ipc'], ...ended }] });
      expect(decideSight(unassigned, subject('asha', enrolled()))).toEqual(NO_SIGHT);
    });
  });

  describe('authorised viewer (tutor)', () => {
    const authorised = (scope: 'all' | string[], period = standing) => ({ grants: { authorisedViewers: [{ learnerId: 'asha', viewerId: 'tutor', scope, ...period }] } });

    it('sees a learner who authorised them, in the scope the learner chose', () => {
      expect(decideSight(viewer('tutor'), subject('asha', authorised('all')))).toEqual({ programmes: 'all', roles: ['tutor'] });
      expect(decideSight(viewer('tutor'), subject('asha', authorised(['prog-ipc'])))).toEqual({ programmes: ['prog-ipc'], roles: ['tutor'] });
    });

    it('sees nothing once the learner revoked the authorisation, and nobody who authorised someone else', () => {
      expect(decideSight(viewer('tutor'), subject('asha', authorised('all', ended)))).toEqual(NO_SIGHT);
      expect(decideSight(viewer('other-tutor'), subject('asha', authorised('all')))).toEqual(NO_SIGHT);
    });
  });

  describe('organisation report runner', () => {
    const organisation = (overrides = {}) => ({
      odsCode: 'RJ1',
      reportingLeads: [lead('RJ1', 'lead')],
      reportRunners: [{ odsCode: 'RJ1', runnerId: 'runner', approvedByLeadId: 'lead', ...standing }],
      programmeAccess: [{ programmeId: 'prog-safeguarding', ...standing }, { programmeId: 'prog-old', ...ended }],
      ...overrides,
    });
    const atRj1 = (overrides = {}) => subject('asha', { workplace: 'RJ1', workplaceGrants: organisation(overrides) });

    it("sees staff whose current workplace is the runner's organisation, in the programmes it may see", () => {
      const sight = decideSight(viewer('runner'), atRj1());
      expect(sight).toEqual({ programmes: ['prog-safeguarding'], roles: ['report-runner'] });
      expect(seesProgramme(sight, 'prog-old')).toBe(false);
    });

    it('sees nobody once the approval was removed, or once the approving lead was revoked', () => {
      expect(decideSight(viewer('runner'), atRj1({ reportRunners: [{ odsCode: 'RJ1', runnerId: 'runner', approvedByLeadId: 'lead', ...ended }] }))).toEqual(NO_SIGHT);
      expect(decideSight(viewer('runner'), atRj1({ reportingLeads: [lead('RJ1', 'lead', ended)] }))).toEqual(NO_SIGHT);
    });

    it('a runner approved by a lead who was never authorised sees nobody', () => {
      expect(decideSight(viewer('runner'), atRj1({ reportingLeads: [lead('RJ1', 'someone-else')] }))).toEqual(NO_SIGHT);
    });

    it('sees nobody for an organisation with no programme access', () => {
      expect(decideSight(viewer('runner'), atRj1({ programmeAccess: [] }))).toEqual(NO_SIGHT);
    });

    it('sees nobody who left the organisation (workplace elsewhere or none) or who has not accepted the terms', () => {
      const moved = subject('asha', { workplace: 'RX9', workplaceGrants: { ...organisation(), odsCode: 'RJ1' } });
      expect(decideSight(viewer('runner'), moved)).toEqual(NO_SIGHT);
      expect(decideSight(viewer('runner'), subject('asha', { workplace: null }))).toEqual(NO_SIGHT);
      const noTerms = subject('asha', { workplace: 'RJ1', terms: false, workplaceGrants: organisation() });
      expect(decideSight(viewer('runner'), noTerms)).toEqual(NO_SIGHT);
    });

    it("another organisation's runner sees none of this organisation's staff", () => {
      expect(decideSight(viewer('other-runner'), atRj1())).toEqual(NO_SIGHT);
    });
  });

  describe('professional body officer', () => {
    const member = (period = standing) => ({ professionalBodies: [{ professionalBodyId: 'rcn', membershipNumber: '1', ...period }] });
    const body = (officerPeriod = standing) => ({
      professionalBodyId: 'rcn',
      officers: [{ professionalBodyId: 'rcn', officerId: 'officer', ...officerPeriod }],
      programmeAccess: [{ programmeId: 'prog-ipc', ...standing }],
    });

    it('sees its members who accepted the terms, in the programmes the body may see', () => {
      expect(decideSight(viewer('officer'), subject('asha', { grants: member(), professionalBodies: [body()] }))).toEqual({ programmes: ['prog-ipc'], roles: ['professional-body-officer'] });
    });

    it('sees nobody who is not (or no longer) a member, nor members who did not accept the terms, nor after being removed', () => {
      expect(decideSight(viewer('officer'), subject('asha', { professionalBodies: [body()] }))).toEqual(NO_SIGHT);
      expect(decideSight(viewer('officer'), subject('asha', { grants: member(ended), professionalBodies: [body()] }))).toEqual(NO_SIGHT);
      expect(decideSight(viewer('officer'), subject('asha', { terms: false, grants: member(), professionalBodies: [body()] }))).toEqual(NO_SIGHT);
      expect(decideSight(viewer('officer'), subject('asha', { grants: member(), professionalBodies: [body(ended)] }))).toEqual(NO_SIGHT);
    });
  });

  describe('another trainee, and anyone without a grant', () => {
    it('sees nobody', () => {
      expect(decideSight(viewer('ben'), subject('asha'))).toEqual(NO_SIGHT);
      expect(decideSight(viewer('ben', {}), subject('asha', { workplace: 'RJ1' }))).toEqual(NO_SIGHT);
      expect(seesAnything(NO_SIGHT)).toBe(false);
    });

    it('an auditor sees no learner through that role', () => {
      expect(decideSight(viewer('auditor', { auditor: [standing] }), subject('asha'))).toEqual(NO_SIGHT);
    });
  });

  describe('a learner who has not accepted the terms', () => {
    it('is visible only to themselves and hub admins, whatever else was granted', () => {
      const everything = subject('asha', {
        terms: false,
        grants: { authorisedViewers: [{ learnerId: 'asha', viewerId: 'tutor', scope: 'all', ...standing }], projectEnrolments: [{ projectId: 'p', ...standing }] },
      });
      expect(decideSight(viewer('tutor'), everything)).toEqual(NO_SIGHT);
      expect(decideSight(viewer('pm', { projectStaff: [{ projectId: 'p', staffId: 'pm', programmeIds: ['x'], ...standing }] }), everything)).toEqual(NO_SIGHT);
    });
  });

  describe('several rows at once', () => {
    it('adds up the programmes of every row that applies, and any "all" wins', () => {
      const both = viewer('pm', { projectStaff: [{ projectId: 'p', staffId: 'pm', programmeIds: ['prog-b'], ...standing }] });
      const learner = (scope: 'all' | string[]) =>
        subject('asha', { grants: { projectEnrolments: [{ projectId: 'p', ...standing }], authorisedViewers: [{ learnerId: 'asha', viewerId: 'pm', scope, ...standing }] } });
      expect(decideSight(both, learner(['prog-a']))).toEqual({ programmes: ['prog-a', 'prog-b'], roles: ['project-staff', 'tutor'] });
      expect(decideSight(both, learner('all'))).toEqual({ programmes: 'all', roles: ['project-staff', 'tutor'] });
    });
  });

  describe('certificates', () => {
    it('are reachable only by the learner themselves, hub admins included', () => {
      expect(mayReachCertificates(viewer('asha'), 'asha')).toBe(true);
      expect(mayReachCertificates(viewer('admin', { hubAdmin: [standing] }, true), 'asha')).toBe(false);
    });
  });
});
