import { createHash } from 'node:crypto';
import { canonicalJson, CertificateScopeType } from '@ledger/events';
import type { LearnerProgressDocument, SessionContainerProgressDocument, SessionStatus } from '@ledger/read-store';
import { certificateMissing } from '../learner-record/certificate-missing';
import { partKey } from '../shared/certificates/certificate-overview';

/**
 * Layout version of CertificateFacts. The hash recorded with each issue is over this layout; a change
 * to what is hashed needs a new version (and the old layout kept for verifying older issues).
 */
export const CERTIFICATE_FACTS_VERSION = 1;

/** One session a certificate rests on, with the status the record gives it. */
export interface CertifiedSession {
  /** The course or learning path it belongs to (for a programme, one of its parts). */
  containerId: string;
  sessionId: string;
  title: string | null;
  status: SessionStatus;
}

/**
 * What a certificate states, taken from the record: who (as registered), what (kind, id and title),
 * when it was completed, and the status of every session that makes it complete. This, not the PDF,
 * is what is hashed: the same record gives the same hash however often it is downloaded, and a record
 * that changes what the certificate rests on (a failed re-attempt, a later pass, a new name) does not.
 * The summary pages' detail (time spent, scores) supports the certificate but is not what it certifies.
 */
export interface CertificateFacts {
  factsVersion: typeof CERTIFICATE_FACTS_VERSION;
  learnerId: string;
  learnerName: string;
  kind: CertificateScopeType;
  containerId: string;
  title: string;
  /** When the last required session was completed or passed. */
  completedAt: string;
  sessions: CertifiedSession[];
}

/** What the record holds for one learner's certificate in one course, learning path or programme. */
export interface CertificateRecord {
  learnerId: string;
  /** As registered; null before the learner registered. */
  learnerName: string | null;
  progress: LearnerProgressDocument | null;
  /** For a programme: the progress documents of its parts, by partKey (shared/certificates). */
  parts: ReadonlyMap<string, SessionContainerProgressDocument>;
}

export type CertificateOutcome = { available: true; facts: CertificateFacts } | { available: false; missing: string[] };

/** The certificate the record supports now, or what is missing for one (pure). */
export function certificateFacts(record: CertificateRecord): CertificateOutcome {
  const { progress, learnerName } = record;
  if (!progress) return { available: false, missing: ['You have no activity in it yet'] };
  if (!progress.issuesCertificate) return { available: false, missing: ['It does not issue certificates'] };
  if (!progress.eligibleForCertificate || !progress.completedAt || !progress.title) return { available: false, missing: certificateMissing(progress) };
  if (!learnerName) return { available: false, missing: ['Your name is not registered yet'] };
  const sessions = certifiedSessions(progress, record.parts);
  if (!sessions) return { available: false, missing: ['Your record of it is still being brought up to date; try again in a moment'] };
  return {
    available: true,
    facts: {
      factsVersion: CERTIFICATE_FACTS_VERSION,
      learnerId: record.learnerId,
      learnerName,
      kind: progress.kind,
      containerId: progress.containerId,
      title: progress.title,
      completedAt: progress.completedAt,
      sessions,
    },
  };
}

/** SHA-256 (lowercase hex) of the facts' canonical JSON. */
export function factsHash(facts: CertificateFacts): string {
  return createHash('sha256').update(canonicalJson(facts)).digest('hex');
}

/** The sessions of a course or learning path; of a programme, those of each required part in its order (null while one is missing). */
function certifiedSessions(progress: LearnerProgressDocument, parts: ReadonlyMap<string, SessionContainerProgressDocument>): CertifiedSession[] | null {
  const containers = progress.kind === 'programme' ? progress.parts.filter((part) => part.required).map((part) => parts.get(partKey(part.kind, part.containerId))) : [progress];
  if (containers.some((container) => container === undefined)) return null;
  return (containers as SessionContainerProgressDocument[]).flatMap((container) =>
    container.sessions.map(({ sessionId, title, status }) => ({ containerId: container.containerId, sessionId, title, status })),
  );
}
