import type { CertificateScopeType } from '@ledger/events';
import {
  certificateAvailability,
  CertificateAvailability,
  CourseEntry,
  LearnerProgressDocument,
  LearningPathEntry,
  ProgrammePartProgress,
  ProgrammeProgressDocument,
  SessionContainerProgressDocument,
} from '@ledger/read-store';
import { certificateMissing } from '../../learner-record/certificate-missing';

/** How a learner's course or learning path is named among a programme's parts (their ids are unique per kind only). */
export const partKey = (kind: 'course' | 'learning-path', containerId: string): string => `${kind}:${containerId}`;

/** One certificate as the Certificates page shows it: its icon enabled, greyed (with what is missing) or absent. */
export interface CertificateLink {
  kind: CertificateScopeType;
  containerId: string;
  title: string;
  retired: boolean;
  certificate: CertificateAvailability;
  /** While greyed: what is still to do ("2 of 3 sessions done", "Assessment not yet passed"). */
  missing: string[];
  sessionsDone: number;
  sessionsTotal: number;
}

/** A programme the learner has activity in that offers certificates: its own, and its courses' and learning paths'. */
export interface ProgrammeCertificates {
  programmeId: string;
  title: string;
  programme: CertificateLink;
  parts: CertificateLink[];
}

/** Catalogue entries of parts the learner has no activity in yet, by partKey: whether they offer a certificate. */
export type UntouchedParts = ReadonlyMap<string, CourseEntry | LearningPathEntry>;

/**
 * The learner's certificates by programme (pure): every programme they have activity in whose own or
 * whose courses' and learning paths' certificates are offered, in title order; within it every part
 * the programme names (those without activity greyed at 0 sessions done), or, while the programme's
 * definition is unknown, the parts they have activity in.
 */
export function certificateOverview(progress: readonly LearnerProgressDocument[], untouched: UntouchedParts): ProgrammeCertificates[] {
  const programmes = new Map(progress.filter((p): p is ProgrammeProgressDocument => p.kind === 'programme').map((p) => [p.containerId, p]));
  const containers = progress.filter((p): p is SessionContainerProgressDocument => p.kind !== 'programme');
  const programmeIds = new Set([...programmes.keys(), ...containers.map((c) => c.programmeId)]);
  const byKey = new Map(containers.map((c) => [partKey(c.kind, c.containerId), c]));
  return [...programmeIds]
    .map((programmeId) => {
      const programme = programmes.get(programmeId);
      const named = programme?.parts.map((part) => partLink(part, byKey.get(partKey(part.kind, part.containerId)), untouched));
      const parts = named ?? containers.filter((c) => c.programmeId === programmeId).map(linkOf).sort(byTitle);
      const title = programme?.title ?? programmeId;
      const own = programme ? linkOf(programme) : notOffered('programme', programmeId, title);
      return { programmeId, title, programme: own, parts };
    })
    .filter((p) => [p.programme, ...p.parts].some((link) => link.certificate !== 'not-offered'))
    .sort((a, b) => a.title.localeCompare(b.title) || a.programmeId.localeCompare(b.programmeId));
}

function linkOf(doc: LearnerProgressDocument): CertificateLink {
  const certificate = certificateAvailability(doc, doc.issuesCertificate);
  const { kind, containerId, retired, sessionsDone, sessionsTotal } = doc;
  return { kind, containerId, title: doc.title ?? containerId, retired, certificate, missing: certificate === 'unavailable' ? certificateMissing(doc) : [], sessionsDone, sessionsTotal };
}

function partLink(part: ProgrammePartProgress, doc: SessionContainerProgressDocument | undefined, untouched: UntouchedParts): CertificateLink {
  if (doc) return linkOf(doc);
  const offered = untouched.get(partKey(part.kind, part.containerId))?.definition?.issuesCertificate ?? false;
  const { kind, containerId, title, retired, sessionsDone, sessionsTotal } = part;
  if (!offered) return notOffered(kind, containerId, title);
  return { kind, containerId, title, retired, certificate: 'unavailable', missing: [`${sessionsDone} of ${sessionsTotal} sessions done`], sessionsDone, sessionsTotal };
}

function notOffered(kind: CertificateScopeType, containerId: string, title: string): CertificateLink {
  return { kind, containerId, title, retired: false, certificate: 'not-offered', missing: [], sessionsDone: 0, sessionsTotal: 0 };
}

const byTitle = (a: CertificateLink, b: CertificateLink) => a.title.localeCompare(b.title) || a.containerId.localeCompare(b.containerId);

/** The parts of the learner's programmes they have no activity in yet, whose catalogue entries the overview needs (pure). */
export function untouchedPartIds(progress: readonly LearnerProgressDocument[]): Array<{ kind: 'course' | 'learning-path'; containerId: string }> {
  const touched = new Set(progress.filter((p) => p.kind !== 'programme').map((p) => partKey(p.kind as 'course' | 'learning-path', p.containerId)));
  return progress
    .flatMap((p) => (p.kind === 'programme' ? p.parts : []))
    .filter((part) => !touched.has(partKey(part.kind, part.containerId)))
    .map(({ kind, containerId }) => ({ kind, containerId }));
}
