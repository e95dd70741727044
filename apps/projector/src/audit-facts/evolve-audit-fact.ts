import { assertNever, AuditEvent, CertificateIssued, IdentifiableReportRun, PositionedEvent } from '@ledger/events';
import { advanceMetadata, AuditFactDocument, CertificateIssuedFact, CertificateVerificationDocument, certificateVerificationId, IdentifiableReportRunFact } from '@ledger/read-store';

/** 2: report runs keep their role, watermark, run id and part. 3: certificates keep page 1's facts and a facts hash. */
export const AUDIT_FACTS_SCHEMA_VERSION = 3;

/** An audit event on its way to a document: its own fact, or the verification entry of a certificate's code. */
export type RoutedAuditEvent =
  | (PositionedEvent<AuditEvent> & { kind: 'fact'; documentId: string })
  | (PositionedEvent<CertificateIssued> & { kind: 'certificate-verification'; documentId: string });

export function routeAuditEvent(positioned: PositionedEvent<AuditEvent>): RoutedAuditEvent[] {
  const fact: RoutedAuditEvent = { ...positioned, kind: 'fact', documentId: positioned.event.eventId };
  const { event, position } = positioned;
  if (event.type !== 'CertificateIssued') return [fact];
  return [fact, { event, position, kind: 'certificate-verification', documentId: certificateVerificationId(event.data.verificationCode) }];
}

/**
 * The audit-facts read model as a pure fold. A fact is written once, from its own event, and never
 * changed (a stored fact is returned as it is). A verification document gathers every issue under
 * its code, in issue order, so it does not depend on which learner's partition was applied first.
 */
export function evolveAuditFact(current: AuditFactDocument | null, routed: RoutedAuditEvent): AuditFactDocument {
  if (routed.kind === 'certificate-verification') return withIssue(current?.kind === 'certificate-verification' ? current : null, routed);
  if (current) return current;
  const { event, position } = routed;
  const projection = advanceMetadata(null, AUDIT_FACTS_SCHEMA_VERSION, position, event.recordedAt);
  switch (event.type) {
    case 'IdentifiableReportRun':
      return reportRunFact(event, projection);
    case 'CertificateIssued':
      return certificateFact(event, projection);
    default:
      return assertNever(event);
  }
}

function reportRunFact(event: IdentifiableReportRun, projection: IdentifiableReportRunFact['projection']): IdentifiableReportRunFact {
  const parameters = Object.entries(event.data.parameters)
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    _id: event.eventId,
    kind: 'identifiable-report-run',
    runnerId: event.actor,
    reportName: event.data.reportName,
    parameters,
    subjectCount: event.data.subjectCount,
    viewerRole: event.data.viewerRole,
    watermark: event.data.watermark,
    runId: event.data.runId,
    part: event.data.part,
    parts: event.data.parts,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    source: event.source,
    projection,
  };
}

function certificateFact(event: CertificateIssued, projection: CertificateIssuedFact['projection']): CertificateIssuedFact {
  const { learnerId, scopeType, scopeId, verificationCode, watermark, learnerName, title, completedAt, factsVersion, factsHash } = event.data;
  return {
    _id: event.eventId,
    kind: 'certificate-issued',
    learnerId,
    scopeType,
    scopeId,
    verificationCode,
    watermark,
    learnerName,
    title,
    completedAt,
    factsVersion,
    factsHash,
    issuedAt: event.occurredAt,
    recordedAt: event.recordedAt,
    issuedBy: event.actor,
    projection,
  };
}

function withIssue(current: CertificateVerificationDocument | null, { event, position }: PositionedEvent<CertificateIssued>): CertificateVerificationDocument {
  const { verificationCode, scopeType, scopeId, factsHash } = event.data;
  const issue = { eventId: event.eventId, scopeType, scopeId, factsHash, issuedAt: event.occurredAt };
  const issues = [...(current?.issues ?? []), issue].sort((a, b) => compare(a.issuedAt, b.issuedAt) || compare(a.eventId, b.eventId));
  return {
    _id: certificateVerificationId(verificationCode),
    kind: 'certificate-verification',
    verificationCode,
    issues,
    projection: advanceMetadata(current?.projection ?? null, AUDIT_FACTS_SCHEMA_VERSION, position, event.recordedAt),
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
