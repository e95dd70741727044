import type { CertificateIssued, IdentifiableReportRun, LedgerEvent, PositionedEvent } from '@ledger/events';
import type { AccessChangeTrailEntry, CertificateIssueTrailEntry, ReportRunTrailEntry } from '@ledger/read-store';
import { AccessChangeEvent, describeAccessChange } from './describe-access-change';

/** The fields every trail entry has: the event's id, times, buckets and position. */
function entry({ event, position }: PositionedEvent<LedgerEvent>) {
  return {
    _id: event.eventId,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    day: event.occurredAt.slice(0, 10),
    month: event.occurredAt.slice(0, 7),
    partition: position.partition,
    offset: position.offset,
  };
}

export function reportRunEntry(positioned: PositionedEvent<IdentifiableReportRun>): ReportRunTrailEntry {
  const { event } = positioned;
  const parameters = Object.entries(event.data.parameters)
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    ...entry(positioned),
    viewerId: event.actor,
    viewerRole: event.data.viewerRole,
    reportName: event.data.reportName,
    parameters,
    odsCode: event.data.parameters.odsCode ?? null,
    subjectCount: event.data.subjectCount,
    subjectsInPart: event.data.subjectIds.length,
    runId: event.data.runId,
    part: event.data.part,
    parts: event.data.parts,
    watermark: event.data.watermark,
    source: event.source,
  };
}

export function certificateIssueEntry(positioned: PositionedEvent<CertificateIssued>): CertificateIssueTrailEntry {
  const { learnerId, scopeType, scopeId, verificationCode, factsHash } = positioned.event.data;
  return { ...entry(positioned), learnerId, scopeType, scopeId, verificationCode, factsHash, issuedBy: positioned.event.actor };
}

export function accessChangeEntry(positioned: PositionedEvent<AccessChangeEvent>): AccessChangeTrailEntry {
  return { ...entry(positioned), type: positioned.event.type, actor: positioned.event.actor, ...describeAccessChange(positioned.event) };
}
