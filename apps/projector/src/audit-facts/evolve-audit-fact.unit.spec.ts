import type { AuditEvent, PositionedEvent } from '@ledger/events';
import { AuditFactDocument, certificateVerificationId } from '@ledger/read-store';
import { groupByDocument } from '../project-ledger/document-projection';
import { atOffset, foldDocument, ledgerEvent } from '../testing/projection-test-kit';
import { evolveAuditFact, routeAuditEvent } from './evolve-audit-fact';

function projectAuditFacts(events: PositionedEvent<AuditEvent>[]): Map<string, AuditFactDocument> {
  const byDocument = groupByDocument(events.flatMap(routeAuditEvent), (routed) => routed.documentId);
  return new Map([...byDocument].map(([id, routed]) => [id, foldDocument(evolveAuditFact, routed) as AuditFactDocument]));
}

const reportRun = ledgerEvent(
  'IdentifiableReportRun',
  'user-hr-902',
  { runId: 'run-1', viewerRole: 'report-runner', watermark: null, part: 1, parts: 1, subjectIds: ['learner-1'], reportName: 'organisation-staff-activity', parameters: { to: '2026-03-31', odsCode: 'RJ1', 'filter.$x': 'y' }, subjectCount: 214 },
  { occurredAt: '2026-04-01T08:00:00.000Z' },
);
const hash = 'a'.repeat(64);
const certificate = ledgerEvent(
  'CertificateIssued',
  'learner-42',
  {
    learnerId: 'learner-42',
    scopeType: 'course',
    scopeId: 'course-hand-hygiene',
    verificationCode: 'K7QF-92XM-4HTD',
    watermark: '2026-04-02T07:59:00.000Z',
    learnerName: 'Aisha Khan',
    title: 'Hand Hygiene',
    completedAt: '2026-04-01T16:00:00.000Z',
    factsVersion: 1,
    factsHash: hash,
  },
  { occurredAt: '2026-04-02T08:00:00.000Z' },
);

describe('audit facts', () => {
  it('keeps who ran which identifiable report, with its parameters as a sorted list', () => {
    expect(projectAuditFacts([atOffset(reportRun, 0)]).get(reportRun.eventId)).toMatchObject({
      kind: 'identifiable-report-run',
      runnerId: 'user-hr-902',
      reportName: 'organisation-staff-activity',
      parameters: [
        { name: 'filter.$x', value: 'y' },
        { name: 'odsCode', value: 'RJ1' },
        { name: 'to', value: '2026-03-31' },
      ],
      subjectCount: 214,
      occurredAt: '2026-04-01T08:00:00.000Z',
    });
  });

  it('keeps each certificate issued, and a verification document by code that names no learner', () => {
    const docs = projectAuditFacts([atOffset(certificate, 0)]);
    expect(docs.get(certificate.eventId)).toMatchObject({ kind: 'certificate-issued', learnerId: 'learner-42', verificationCode: 'K7QF-92XM-4HTD', factsHash: hash, learnerName: 'Aisha Khan', title: 'Hand Hygiene', completedAt: '2026-04-01T16:00:00.000Z', factsVersion: 1 });
    const verification = docs.get(certificateVerificationId('K7QF-92XM-4HTD'));
    expect(verification).toMatchObject({
      kind: 'certificate-verification',
      issues: [{ eventId: certificate.eventId, scopeType: 'course', scopeId: 'course-hand-hygiene', factsHash: hash, issuedAt: '2026-04-02T08:00:00.000Z' }],
    });
    expect(JSON.stringify(verification)).not.toContain('learner-42');
  });

  it('an event appended twice changes nothing', () => {
    const once = projectAuditFacts([atOffset(reportRun, 0), atOffset(certificate, 1)]);
    expect(projectAuditFacts([atOffset(reportRun, 0), atOffset(certificate, 1), atOffset(certificate, 2), atOffset(reportRun, 3)])).toEqual(once);
  });

  it('a code issued twice lists both issues, in issue order whichever partition came first', () => {
    const clash = ledgerEvent('CertificateIssued', 'learner-7', { ...certificate.data, learnerId: 'learner-7' }, { occurredAt: '2026-04-01T08:00:00.000Z' });
    const events = [atOffset(certificate, 5, 0), atOffset(clash, 9, 1)];
    const id = certificateVerificationId('K7QF-92XM-4HTD');
    const forwards = projectAuditFacts(events).get(id);
    expect(forwards).toEqual(projectAuditFacts([...events].reverse()).get(id));
    expect(forwards?.kind === 'certificate-verification' && forwards.issues.map((i) => i.eventId)).toEqual([clash.eventId, certificate.eventId]);
  });
});
