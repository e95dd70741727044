import type { IdentifiableReportRun } from '@ledger/events';
import { CoveredReportRunDocument, RecordViewDocument, recordViewId } from '@ledger/read-store';

/** The "who viewed my record" entries one run part makes: one per learner it names. */
export function recordViewsOf(event: IdentifiableReportRun): RecordViewDocument[] {
  const { runId, viewerRole, reportName, watermark, subjectIds } = event.data;
  return subjectIds.map((learnerId) => ({
    _id: recordViewId(learnerId, event.eventId),
    learnerId,
    viewerId: event.actor,
    viewerRole,
    reportName,
    runId,
    viewedAt: event.occurredAt,
    watermark,
    eventId: event.eventId,
  }));
}

/**
 * A run recorded by coverage rather than by listing its learners (reporting marks it `listed: no` and
 * names the coverage), as one document each learner's page can find by that coverage; null otherwise.
 */
export function coveredRunOf(event: IdentifiableReportRun): CoveredReportRunDocument | null {
  const { runId, viewerRole, reportName, watermark, parameters, subjectCount, subjectIds } = event.data;
  if (parameters.listed !== 'no' || !parameters.coverage || subjectIds.length > 0) return null;
  return { _id: event.eventId, coverage: parameters.coverage, viewerId: event.actor, viewerRole, reportName, runId, viewedAt: event.occurredAt, watermark, subjectCount, eventId: event.eventId };
}
