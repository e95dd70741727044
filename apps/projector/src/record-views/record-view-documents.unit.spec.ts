import { ledgerEvent } from '../testing/projection-test-kit';
import { coveredRunOf, recordViewsOf } from './record-view-documents';

describe('record views', () => {
  it('makes one entry per learner a run part names, keyed by learner and event, so redelivery writes the same ids', () => {
    const run = ledgerEvent(
      'IdentifiableReportRun',
      'runner-raj',
      { runId: 'run-1', reportName: 'learner-record', parameters: {}, viewerRole: 'report-runner', watermark: '2026-11-20T09:00:00.000Z', subjectCount: 2, part: 1, parts: 1, subjectIds: ['asha', 'ben'] },
      { occurredAt: '2026-11-20T10:00:00.000Z', actor: 'runner-raj' },
    );
    const views = recordViewsOf(run);
    expect(views).toEqual([
      { _id: `asha|${run.eventId}`, learnerId: 'asha', viewerId: 'runner-raj', viewerRole: 'report-runner', reportName: 'learner-record', runId: 'run-1', viewedAt: '2026-11-20T10:00:00.000Z', watermark: '2026-11-20T09:00:00.000Z', eventId: run.eventId },
      expect.objectContaining({ _id: `ben|${run.eventId}`, learnerId: 'ben' }),
    ]);
    expect(recordViewsOf(run)).toEqual(views);
  });

  it('a run recorded before runs named their learners makes no entry', () => {
    const old = ledgerEvent('IdentifiableReportRun', 'x', { runId: null, reportName: 'r', parameters: {}, viewerRole: 'unrecorded', watermark: null, subjectCount: 3, part: 1, parts: 1, subjectIds: [] });
    expect(recordViewsOf(old)).toEqual([]);
  });

  it('a run too large to list is kept by its coverage (and a listed run or an old one is not)', () => {
    const data = { runId: 'run-9', reportName: 'learners-activity', parameters: { coverage: 'all-learners', listed: 'no' }, viewerRole: 'hub-admin', watermark: null, subjectCount: 1_000_000, part: 1, parts: 1, subjectIds: [] };
    const run = ledgerEvent('IdentifiableReportRun', 'admin-hana', data, { occurredAt: '2026-11-20T10:00:00.000Z', actor: 'admin-hana' });
    expect(coveredRunOf(run)).toEqual({ _id: run.eventId, coverage: 'all-learners', viewerId: 'admin-hana', viewerRole: 'hub-admin', reportName: 'learners-activity', runId: 'run-9', viewedAt: '2026-11-20T10:00:00.000Z', watermark: null, subjectCount: 1_000_000, eventId: run.eventId });
    expect(recordViewsOf(run)).toEqual([]);
    const listed = ledgerEvent('IdentifiableReportRun', 'x', { ...data, parameters: { coverage: 'organisation:RJ1' }, subjectIds: ['asha'], subjectCount: 1 });
    expect(coveredRunOf(listed)).toBeNull();
    const old = ledgerEvent('IdentifiableReportRun', 'x', { ...data, parameters: {} });
    expect(coveredRunOf(old)).toBeNull();
  });
});
