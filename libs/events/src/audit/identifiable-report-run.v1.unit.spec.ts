import { parseSubmittedEvent } from '../parse-event';

const now = new Date('2026-11-24T12:00:00Z');
const envelope = { eventId: '5d0e7a34-9b61-4c1f-8a55-0c2f6a1d3e81', type: 'IdentifiableReportRun', occurredAt: '2026-11-24T11:00:00Z', subject: 'user-hr', actor: 'user-hr' };
const v1 = { reportName: 'organisation-staff-activity', parameters: { odsCode: 'RJ1' }, subjectCount: 3 };

describe('IdentifiableReportRun version 1 → 2', () => {
  it('is accepted as one part of one run whose role, watermark and learners were not recorded', () => {
    expect(parseSubmittedEvent({ ...envelope, version: 1, data: v1 }, now)).toMatchObject({
      ok: true,
      value: { version: 2, data: { ...v1, runId: null, viewerRole: 'unrecorded', watermark: null, part: 1, parts: 1, subjectIds: [] } },
    });
  });

  it('refuses a part beyond the number of parts, and more than 1000 learner ids in one part', () => {
    const ids = Array.from({ length: 1001 }, (_, i) => `learner-${i}`);
    const data = { ...v1, runId: 'r', viewerRole: 'hub-admin', watermark: null, part: 3, parts: 2, subjectIds: ids };
    const parsed = parseSubmittedEvent({ ...envelope, version: 2, data }, now);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors.map((e) => e.field).sort()).toEqual(['data.part', 'data.subjectIds']);
  });
});
