import type { IdentifiableReportRun } from '@ledger/events';
import { RecordViewDocument, recordViewId } from '@ledger/read-store';

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
