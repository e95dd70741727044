import type { AsOfGenerationDocument, SessionContainerProgressDocument } from '@ledger/read-store';
import { asOfDirections } from './as-of-directions';

const T = '2026-11-30T17:00:00.000Z';

function generation(scope: AsOfGenerationDocument['scope']): AsOfGenerationDocument {
  return {
    _id: 'asof1f2e',
    cut: { asOf: T, topic: 'ledger', through: { '0': '41', '1': '-1' } },
    scope,
    generation: 'asof1f2e',
    status: 'ready',
    progress: { done: 42, total: 42 },
    eventsRead: 42,
    eventsApplied: 7,
    seconds: 1.5,
    startedAt: T,
    updatedAt: T,
    readyAt: T,
    expiresAt: '2026-11-30T18:00:00.000Z',
    readModels: [],
    error: null,
  };
}

function course(containerId: string, eligible: boolean, issuesCertificate = true): SessionContainerProgressDocument {
  return {
    _id: `learner-asha|course:${containerId}`,
    kind: 'course',
    learnerId: 'learner-asha',
    containerId,
    programmeId: 'prog-1',
    title: containerId,
    retired: false,
    issuesCertificate,
    statusPolicy: 'latest',
    sessions: [],
    sessionsTotal: 1,
    sessionsDone: eligible ? 1 : 0,
    complete: eligible,
    eligibleForCertificate: eligible && issuesCertificate,
    startedAt: T,
    lastActivityAt: T,
    completedAt: eligible ? T : null,
    basis: 'b',
    projection: { schemaVersion: 1, offsets: { '0': '1' }, lastRecordedAt: T },
  };
}

describe('how the as-of command says to open what it computed', () => {
  it("names the key, the learner's record and each certificate available then; for one learner's replay, not the reports", () => {
    const progress = [course('safeguarding', true), course('ipc', false), course('induction', true, false)];
    const text = asOfDirections(generation({ kind: 'learner', learnerId: 'learner-asha' }), { learnerId: 'learner-asha', progress }).join('\n');
    expect(text).toContain('as-of key: asof1f2e (kept until 2026-11-30T18:00:00.000Z)');
    expect(text).toContain('page /auditor/as-of/asof1f2e/learners/learner-asha\n');
    expect(text).toContain('API  GET /v1/auditor/as-of/asof1f2e/learners/learner-asha/certificates/course/safeguarding');
    expect(text).not.toContain('certificates/course/ipc');
    expect(text).not.toContain('certificates/course/induction');
    expect(text).not.toContain('reports/<report>');
    expect(text).toContain('run again with --whole');
  });

  it('for the whole ledger, adds who could see and every report, with placeholders where no learner was named', () => {
    const text = asOfDirections(generation({ kind: 'ledger' }), null).join('\n');
    expect(text).toContain('page /auditor/as-of/asof1f2e/learners/<learnerId>/certificates/<course|learning-path|programme>/<containerId>');
    expect(text).toContain('API  GET /v1/auditor/as-of/asof1f2e/learners/<learnerId>/viewers');
    expect(text).toContain('page /auditor/as-of/asof1f2e/reports/<report>');
    expect(text).toContain('API  GET /v1/auditor/as-of/asof1f2e/reports/<report>');
    expect(text).not.toContain('--whole');
  });

  it('says when no certificate was available to the learner at the cut', () => {
    const text = asOfDirections(generation({ kind: 'ledger' }), { learnerId: 'learner-ben', progress: [course('ipc', false)] }).join('\n');
    expect(text).toContain('(no certificate was available to learner-ben at the cut)');
    expect(text).toContain('/v1/auditor/as-of/asof1f2e/learners/learner-ben/viewers');
  });
});
