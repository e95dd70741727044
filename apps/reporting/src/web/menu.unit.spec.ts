import type { Capabilities } from '@ledger/access-policy';
import { menuFor } from './menu';

const none: Capabilities = { hubAdmin: false, auditor: false, projectStaffOf: [], tutorOf: [], reportRunnerFor: [], reportingLeadOf: [], professionalBodyOfficerOf: [] };
const texts = (capabilities: Partial<Capabilities>) => menuFor({ ...none, ...capabilities }).map((item) => item.text);

describe('the web shell menu', () => {
  it('shows a learner their own pages only', () => {
    expect(texts({})).toEqual(['My activity', 'Certificates', 'My permissions']);
  });

  it('adds Admin → Reports for admins, project staff, runners, tutors and body officers; Organisation for leads; Auditor for auditors', () => {
    for (const role of [{ hubAdmin: true }, { projectStaffOf: ['p'] }, { reportRunnerFor: ['RJ1'] }, { tutorOf: ['a'] }, { professionalBodyOfficerOf: ['rcn'] }]) {
      expect(texts(role)).toContain('Admin → Reports');
    }
    expect(texts({ reportingLeadOf: ['RJ1'] })).toEqual(['My activity', 'Certificates', 'My permissions', 'Organisation']);
    expect(texts({ auditor: true })).toEqual(['My activity', 'Certificates', 'My permissions', 'Auditor']);
  });
});
