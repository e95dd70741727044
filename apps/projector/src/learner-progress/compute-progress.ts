import type { StatusPolicy } from '@ledger/events';
import type { ProgrammePartProgress, ProgrammeProgressDocument, SessionContainerProgressDocument, SessionProgress, SessionStatus } from '@ledger/read-store';
import { sessionStatus, standingStatus } from '../shared/session-status';
import type { SessionReports } from './learner-activity';

/** A session as a container requires it: `requiresPass` is null while the session's definition is unknown. */
export interface SessionRequirement {
  sessionId: string;
  title: string | null;
  requiresPass: boolean | null;
}

/** A course or learning path with its sessions' definitions resolved: what progress through it is measured against. */
export interface ResolvedSessionContainer {
  kind: 'course' | 'learning-path';
  containerId: string;
  title: string;
  programmeId: string;
  issuesCertificate: boolean;
  statusPolicy: StatusPolicy;
  retired: boolean;
  sessions: SessionRequirement[];
}

/** A programme with the courses and learning paths whose latest definitions name it. */
export interface ResolvedProgramme {
  kind: 'programme';
  containerId: string;
  /** Null, and no certificate, while the programme's own definition is unknown. */
  title: string | null;
  issuesCertificate: boolean;
  retired: boolean;
  parts: ResolvedSessionContainer[];
}

export type ResolvedContainer = ResolvedSessionContainer | ResolvedProgramme;

type Computed<D> = Omit<D, '_id' | 'learnerId' | 'basis' | 'projection'>;
export type SessionContainerProgress = Computed<SessionContainerProgressDocument>;
export type ProgrammeProgress = Computed<ProgrammeProgressDocument>;
export type ContainerProgress = SessionContainerProgress | ProgrammeProgress;

/**
 * The progress rule, in one place: a learner's progress through a container, from its definition and
 * the learner's reports in its sessions. A session is done when passed, or completed where no pass is
 * required; a course or learning path is complete when all its sessions are done, a programme when
 * all its required (not retired) parts are; a certificate is available when complete and the
 * container issues one. Nothing to do is never complete.
 */
export function computeProgress(definition: ResolvedSessionContainer, reports: readonly SessionReports[]): SessionContainerProgress;
export function computeProgress(definition: ResolvedProgramme, reports: readonly SessionReports[]): ProgrammeProgress;
export function computeProgress(definition: ResolvedContainer, reports: readonly SessionReports[]): ContainerProgress;
export function computeProgress(definition: ResolvedContainer, reports: readonly SessionReports[]): ContainerProgress {
  const bySession = new Map(reports.map((r) => [r.sessionId, r]));
  return definition.kind === 'programme' ? programmeProgress(definition, bySession) : sessionContainerProgress(definition, bySession);
}

function sessionContainerProgress(definition: ResolvedSessionContainer, reports: ReadonlyMap<string, SessionReports>): SessionContainerProgress {
  const { kind, containerId, title, programmeId, issuesCertificate, statusPolicy, retired } = definition;
  const sessions = definition.sessions.map((s) => sessionProgress(s, reports.get(s.sessionId), statusPolicy));
  const touched = definition.sessions.flatMap((s) => reports.get(s.sessionId) ?? []);
  const complete = sessions.length > 0 && sessions.every((s) => s.done);
  return {
    kind,
    containerId,
    title,
    programmeId,
    retired,
    issuesCertificate,
    statusPolicy,
    sessions,
    sessionsTotal: sessions.length,
    sessionsDone: sessions.filter((s) => s.done).length,
    complete,
    eligibleForCertificate: complete && issuesCertificate,
    startedAt: earliest(touched.map((r) => r.firstActivityAt)),
    lastActivityAt: latest(touched.map((r) => r.lastActivityAt)),
    completedAt: complete ? latest(touched.map((r) => standingStatus(statusPolicy, r.attempts)?.occurredAt ?? '')) : null,
  };
}

function sessionProgress(requirement: SessionRequirement, reports: SessionReports | undefined, policy: StatusPolicy): SessionProgress {
  const status = reports ? sessionStatus(policy, reports.attempts, reports.accessCount) : 'not-attempted';
  return { ...requirement, status, done: isDone(status, requirement.requiresPass) };
}

/** Passed always counts (it satisfies either rule, so also while the rule is unknown); completed only where no pass is required. */
function isDone(status: SessionStatus, requiresPass: boolean | null): boolean {
  return status === 'passed' || (status === 'completed' && requiresPass === false);
}

function programmeProgress(definition: ResolvedProgramme, reports: ReadonlyMap<string, SessionReports>): ProgrammeProgress {
  const parts = definition.parts.map((part) => ({ part, progress: sessionContainerProgress(part, reports) }));
  const required = parts.filter(({ part }) => !part.retired).map(({ progress }) => progress);
  const complete = required.length > 0 && required.every((p) => p.complete);
  return {
    kind: 'programme',
    containerId: definition.containerId,
    title: definition.title,
    retired: definition.retired,
    issuesCertificate: definition.issuesCertificate,
    parts: parts.map(({ part, progress }) => partSummary(part, progress)),
    sessionsTotal: required.reduce((sum, p) => sum + p.sessionsTotal, 0),
    sessionsDone: required.reduce((sum, p) => sum + p.sessionsDone, 0),
    complete,
    eligibleForCertificate: complete && definition.issuesCertificate,
    startedAt: earliest(parts.flatMap(({ progress }) => progress.startedAt ?? [])),
    lastActivityAt: latest(parts.flatMap(({ progress }) => progress.lastActivityAt ?? [])),
    completedAt: complete ? latest(required.map((p) => p.completedAt ?? '')) : null,
  };
}

function partSummary(part: ResolvedSessionContainer, progress: SessionContainerProgress): ProgrammePartProgress {
  const { kind, containerId, title, retired } = part;
  const { sessionsTotal, sessionsDone, complete } = progress;
  return { kind, containerId, title, retired, required: !retired, sessionsTotal, sessionsDone, complete };
}

function earliest(instants: string[]): string | null {
  return instants.reduce<string | null>((min, t) => (min === null || t < min ? t : min), null);
}

function latest(instants: string[]): string | null {
  return instants.reduce<string | null>((max, t) => (max === null || t > max ? t : max), null);
}
