import { decideStatusReport, displayedStatus, StatusReport } from './session-status';

const passed: StatusReport = { status: 'passed', occurredAt: '2026-11-01T10:00:00.000Z' };
const failedLater: StatusReport = { status: 'failed', occurredAt: '2026-11-02T10:00:00.000Z' };
const completedEarlier: StatusReport = { status: 'completed', occurredAt: '2026-10-30T10:00:00.000Z' };

describe('status rule', () => {
  it('latest: a failed re-attempt after a pass shows failed', () => {
    expect(decideStatusReport('latest', passed, failedLater)).toBe(failedLater);
  });

  it('latest: a report that arrives late but happened earlier does not replace a newer one', () => {
    expect(decideStatusReport('latest', failedLater, passed)).toBe(failedLater);
  });

  it('best: a failed re-attempt keeps the pass, a pass replaces a completion', () => {
    expect(decideStatusReport('best', passed, failedLater)).toBe(passed);
    expect(decideStatusReport('best', completedEarlier, passed)).toBe(passed);
  });

  it('the first report stands whatever the policy', () => {
    expect(decideStatusReport('latest', null, completedEarlier)).toBe(completedEarlier);
    expect(decideStatusReport('best', null, failedLater)).toBe(failedLater);
  });

  it('shows in progress once accessed without a report, not attempted before', () => {
    expect(displayedStatus(null, 0)).toBe('not-attempted');
    expect(displayedStatus(null, 2)).toBe('in-progress');
    expect(displayedStatus(failedLater, 2)).toBe('failed');
  });
});
