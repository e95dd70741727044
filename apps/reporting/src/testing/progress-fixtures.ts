import type { ProgrammePartProgress, ProgrammeProgressDocument, SessionContainerProgressDocument, SessionProgress, SessionStatus } from '@ledger/read-store';

/** Progress documents as the learner-progress projection writes them, for reporting's unit tests. */

const done = (status: SessionStatus, requiresPass: boolean | null) => status === 'passed' || (status === 'completed' && requiresPass === false);

export function sessionProgress(title: string, requiresPass: boolean | null, status: SessionStatus): SessionProgress {
  return { sessionId: title.toLowerCase().replace(/\W+/g, '-'), title, requiresPass, status, done: done(status, requiresPass) };
}

export function containerProgress(
  learnerId: string,
  containerId: string,
  sessions: SessionProgress[],
  options: { kind?: 'course' | 'learning-path'; programmeId?: string; title?: string; issuesCertificate?: boolean; completedAt?: string } = {},
): SessionContainerProgressDocument {
  const kind = options.kind ?? 'course';
  const sessionsDone = sessions.filter((s) => s.done).length;
  const complete = sessions.length > 0 && sessionsDone === sessions.length;
  const issuesCertificate = options.issuesCertificate ?? true;
  return {
    _id: `${learnerId}|${kind}:${containerId}`,
    kind,
    learnerId,
    containerId,
    programmeId: options.programmeId ?? 'prog-1',
    title: options.title ?? containerId,
    retired: false,
    issuesCertificate,
    statusPolicy: 'latest',
    sessions,
    sessionsTotal: sessions.length,
    sessionsDone,
    complete,
    eligibleForCertificate: complete && issuesCertificate,
    startedAt: '2026-03-01T09:00:00.000Z',
    lastActivityAt: options.completedAt ?? '2026-03-02T09:00:00.000Z',
    completedAt: complete ? (options.completedAt ?? '2026-03-02T09:00:00.000Z') : null,
    basis: 'b',
    projection: { schemaVersion: 1, offsets: { '0': '1' }, lastRecordedAt: '2026-03-02T09:00:01.000Z' },
  };
}

/** A programme over `parts`; a part given as a document is summarised from it, one given as a summary stands as it is. */
export function programmeProgress(learnerId: string, programmeId: string, parts: Array<SessionContainerProgressDocument | ProgrammePartProgress>, options: { title?: string; issuesCertificate?: boolean } = {}): ProgrammeProgressDocument {
  const summaries: ProgrammePartProgress[] = parts.map((part) =>
    'learnerId' in part
      ? { kind: part.kind, containerId: part.containerId, title: part.title ?? part.containerId, retired: part.retired, required: !part.retired, sessionsTotal: part.sessionsTotal, sessionsDone: part.sessionsDone, complete: part.complete }
      : part,
  );
  const required = summaries.filter((p) => p.required);
  const complete = required.length > 0 && required.every((p) => p.complete);
  const issuesCertificate = options.issuesCertificate ?? true;
  const completedAt = parts.flatMap((p) => ('learnerId' in p && p.completedAt ? [p.completedAt] : [])).sort().pop() ?? null;
  return {
    _id: `${learnerId}|programme:${programmeId}`,
    kind: 'programme',
    learnerId,
    containerId: programmeId,
    title: options.title ?? programmeId,
    retired: false,
    issuesCertificate,
    parts: summaries,
    sessionsTotal: required.reduce((sum, p) => sum + p.sessionsTotal, 0),
    sessionsDone: required.reduce((sum, p) => sum + p.sessionsDone, 0),
    complete,
    eligibleForCertificate: complete && issuesCertificate,
    startedAt: '2026-03-01T09:00:00.000Z',
    lastActivityAt: completedAt,
    completedAt: complete ? completedAt : null,
    basis: 'b',
    projection: { schemaVersion: 1, offsets: { '0': '1' }, lastRecordedAt: '2026-03-02T09:00:01.000Z' },
  };
}
