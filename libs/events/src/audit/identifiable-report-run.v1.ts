import type { Upcaster } from '../event-types';

/** The payload of `IdentifiableReportRun` version 1: what was run and how many people it showed. */
export interface IdentifiableReportRunV1Data {
  reportName: string;
  parameters: Record<string, string>;
  subjectCount: number;
}

/**
 * Version 1 → 2: a version 1 run was one event that did not record the role, the watermark or which
 * learners it covered, so those are stated as unknown (`viewerRole` "unrecorded", null watermark and
 * run id, no learner ids) rather than guessed; it is part 1 of 1.
 */
export const upcastIdentifiableReportRunV1: Upcaster = (data) => ({
  runId: null,
  viewerRole: 'unrecorded',
  watermark: null,
  part: 1,
  parts: 1,
  subjectIds: [],
  ...data,
});
