import { ledgerEvent } from '../testing/projection-test-kit';
import { accessChangeEntry, reportRunEntry } from './trail-entries';
import type { AccessChangeEvent } from './describe-access-change';

const positioned = <E>(event: E) => ({ event, position: { partition: 2, offset: '41' } });

describe("the auditors' trail entries", () => {
  it('names the parties of an access change so the trail filters by learner, user and organisation', () => {
    const revoked = ledgerEvent('ViewerAuthorisationRevoked', 'learner-asha', { viewerId: 'tutor-tom' }, { occurredAt: '2026-11-30T17:05:00.000Z' }) as AccessChangeEvent;
    expect(accessChangeEntry(positioned(revoked) as never)).toMatchObject({
      change: 'revoked',
      role: 'tutor',
      learnerId: 'learner-asha',
      viewerId: 'tutor-tom',
      odsCode: null,
      day: '2026-11-30',
      month: '2026-11',
      partition: 2,
      offset: '41',
    });
    const moved = ledgerEvent('EmploymentLocationSet', 'learner-erin', { odsCode: 'RX9', jobRole: 'Midwife' }) as AccessChangeEvent;
    expect(accessChangeEntry(positioned(moved) as never)).toMatchObject({ change: 'changed', role: 'workplace', learnerId: 'learner-erin', odsCode: 'RX9', details: [{ name: 'jobRole', value: 'Midwife' }] });
    const runner = ledgerEvent('ReportRunnerApproved', 'RJ1', { odsCode: 'RJ1', runnerId: 'runner-raj', leadId: 'lead-lucy' }) as AccessChangeEvent;
    expect(accessChangeEntry(positioned(runner) as never)).toMatchObject({ change: 'granted', role: 'report-runner', viewerId: 'runner-raj', odsCode: 'RJ1', learnerId: null });
  });

  it("keeps a run's parameters sorted, its organisation from the odsCode parameter, and its size", () => {
    const run = ledgerEvent('IdentifiableReportRun', 'runner-raj', {
      runId: 'r1',
      reportName: 'organisation-staff-activity',
      parameters: { to: '2026-03-31', odsCode: 'RJ1' },
      viewerRole: 'report-runner',
      watermark: null,
      subjectCount: 1200,
      part: 2,
      parts: 2,
      subjectIds: ['a', 'b'],
    });
    expect(reportRunEntry(positioned(run) as never)).toMatchObject({
      viewerId: 'runner-raj',
      parameters: [{ name: 'odsCode', value: 'RJ1' }, { name: 'to', value: '2026-03-31' }],
      odsCode: 'RJ1',
      subjectCount: 1200,
      subjectsInPart: 2,
    });
  });
});
