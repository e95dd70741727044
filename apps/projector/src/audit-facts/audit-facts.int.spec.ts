import { AUDIT_FACTS_COLLECTION, AuditFactDocument, certificateVerificationId } from '@ledger/read-store';
import { eventually } from '@ledger/test-harness';
import { useProjectorTestContext } from '../testing/projector-test-context';
import { ledgerEvent } from '../testing/projection-test-kit';
import { documentsById, restartProjectorFromOffsetZero } from '../testing/replay-from-offset-zero';
import { startProjectorForTest } from '../testing/start-projector-for-test';

/** The audit-facts projection on a real broker and store: a mixed stream with a duplicate, then a full redelivery. */
describe('audit facts projection', () => {
  const ctx = useProjectorTestContext();

  const facts = () => ctx.store.db.collection<AuditFactDocument>(AUDIT_FACTS_COLLECTION);
  const hash = (digit: string) => digit.repeat(64);
  const reportRun = (runner: string, odsCode: string, subjectCount: number) =>
    ledgerEvent('IdentifiableReportRun', runner, { runId: 'run-1', viewerRole: 'report-runner', watermark: null, part: 1, parts: 1, subjectIds: [], reportName: 'organisation-staff-activity', parameters: { odsCode, output: 'csv' }, subjectCount });
  const certificate = (learnerId: string, verificationCode: string, factsHash: string) =>
    ledgerEvent('CertificateIssued', learnerId, {
      learnerId,
      scopeType: 'course',
      scopeId: 'course-hand-hygiene',
      verificationCode,
      watermark: null,
      learnerName: 'Aisha Khan',
      title: 'Hand Hygiene',
      completedAt: '2026-04-01T16:00:00.000Z',
      factsVersion: 1,
      factsHash,
    });
  const hrRun = reportRun('user-hr-902', 'RJ1', 214);
  const aishaCertificate = certificate('learner-1', 'K7QF-92XM-4HTD', hash('a'));
  const stream = [
    ledgerEvent('SessionCompleted', 'learner-1', { sessionId: 's-1', attemptId: 'a-1' }),
    aishaCertificate,
    hrRun,
    ledgerEvent('ViewerAuthorised', 'learner-2', { viewerId: 'tutor-1', scope: 'all' }),
    reportRun('tutor-1', 'RR8', 1),
    certificate('learner-2', 'P3LM-71QA-9ZZB', hash('b')),
  ];

  it('keeps one unchanging document per audit event, and verification by code; a duplicate adds nothing', async () => {
    ctx.projector = await startProjectorForTest(ctx.env);
    await ctx.ledger.writer.append(stream);
    // The duplicate, then a later event of the same learner (same partition): once that is applied, so is the duplicate.
    const marker = certificate('learner-1', 'MARK-0000-0001', hash('c'));
    await ctx.ledger.writer.append([aishaCertificate, marker]);
    await eventually(async () => ((await facts().countDocuments({})) === 8 ? true : undefined));
    await eventually(async () => ((await facts().findOne({ _id: marker.eventId })) ? true : undefined));

    expect(await facts().findOne({ _id: hrRun.eventId })).toMatchObject({
      kind: 'identifiable-report-run',
      runnerId: 'user-hr-902',
      reportName: 'organisation-staff-activity',
      parameters: [
        { name: 'odsCode', value: 'RJ1' },
        { name: 'output', value: 'csv' },
      ],
      subjectCount: 214,
    });
    expect(await facts().findOne({ _id: aishaCertificate.eventId })).toMatchObject({ kind: 'certificate-issued', learnerId: 'learner-1', factsHash: hash('a'), title: 'Hand Hygiene' });
    const verification = await facts().findOne({ _id: certificateVerificationId('K7QF-92XM-4HTD') });
    expect(verification).toMatchObject({ kind: 'certificate-verification', issues: [{ eventId: aishaCertificate.eventId, factsHash: hash('a'), scopeId: 'course-hand-hygiene' }] });
    expect(JSON.stringify(verification)).not.toContain('learner-1');
    const runs = await facts().find({ kind: 'identifiable-report-run' }).toArray();
    expect(runs.map((run) => run.kind === 'identifiable-report-run' && run.runnerId).sort()).toEqual(['tutor-1', 'user-hr-902']);
  });

  it('changes nothing when the whole ledger is redelivered from offset 0', async () => {
    const before = await documentsById(ctx.store.db, AUDIT_FACTS_COLLECTION);
    ctx.projector = await restartProjectorFromOffsetZero(ctx.env, ctx.ledger.kafka, ctx.projector!.app);
    expect(await documentsById(ctx.store.db, AUDIT_FACTS_COLLECTION)).toEqual(before);
  });
});
