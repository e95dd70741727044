import {
  CATALOGUE_COLLECTION,
  CatalogueEntryDocument,
  certificateAvailability,
  CertificateAvailability,
  LEARNER_PROGRESS_COLLECTION,
  LEARNER_SESSIONS_COLLECTION,
  LearnerProgressDocument,
  learnerProgressId,
  LearnerSessionDocument,
  programmeContents,
  ReadModels,
  SessionContainerProgressDocument,
  SessionStatus,
} from '@ledger/read-store';
import type { FastifyReply } from 'fastify';
import type { ReportDates } from '../../report-outputs/report-dates';
import { CatalogueLookup } from '../reports/catalogue-lookup';
import { minutes, STATUS_TEXT } from '../reports/session-rows';

export type SummaryKind = 'course' | 'learning-path' | 'programme';

/** One session of the summary: every session of the container, attempted or not. */
export interface SummarySession {
  sessionId: string;
  title: string;
  status: SessionStatus;
  statusText: string;
  /** Counts towards the certificate (passed, or completed where no pass is required). */
  done: boolean;
  requiresPass: boolean | null;
  minutes: number;
  timeSpentSeconds: number;
  firstAccessed: string;
  lastAccessed: string;
  latestScore: number | null;
  bestScore: number | null;
  maxScore: number | null;
}

/** A course or learning path of the summary (a course's summary has one: itself). */
export interface SummaryPart {
  kind: 'course' | 'learning-path';
  containerId: string;
  title: string;
  retired: boolean;
  required: boolean;
  complete: boolean;
  sessionsDone: number;
  sessionsTotal: number;
  sessions: SummarySession[];
}

/**
 * The programme/course summary: the record of one course, learning path or programme for showing a
 * tutor, and pages 2+ of its certificate. Everything it shows is read from one source (one generation
 * of read models), so a certificate or an as-of view shows what that generation held.
 */
export interface ProgrammeSummary {
  learnerId: string;
  learnerName: string;
  kind: SummaryKind;
  containerId: string;
  title: string;
  /** The programme it belongs to (a programme: itself). */
  programmeId: string;
  retired: boolean;
  certificate: CertificateAvailability;
  complete: boolean;
  completedAt: string;
  startedAt: string;
  sessionsDone: number;
  sessionsTotal: number;
  minutes: number;
  parts: SummaryPart[];
}

/**
 * Reads the summary of `kind`/`containerId` for a learner, or null when the catalogue has no such
 * container. A learner with no activity in it yet still gets every session, not attempted.
 * Reads: the learner's progress documents by `_id`, their sessions `find({ learnerId })`, and the
 * catalogue entries by `_id` (the courses of a programme the learner never started: `find({ kind })`).
 */
export async function readProgrammeSummary(
  source: ReadModels,
  request: { learnerId: string; learnerName: string; kind: SummaryKind; containerId: string },
  dates: ReportDates,
): Promise<ProgrammeSummary | null> {
  const { learnerId, kind, containerId } = request;
  const catalogue = new CatalogueLookup(source);
  const entry = await catalogue.entry(kind, containerId);
  if (!entry?.definition) return null;
  const progress = await source.readModel<LearnerProgressDocument>(LEARNER_PROGRESS_COLLECTION);
  const own = await progress.findOne({ _id: learnerProgressId(learnerId, kind, containerId) });
  const sessionDocs = await (await source.readModel<LearnerSessionDocument>(LEARNER_SESSIONS_COLLECTION)).find({ learnerId }).toArray();
  const bySession = new Map(sessionDocs.map((doc) => [doc.sessionId, doc]));
  const partsOf = kind === 'programme' ? await programmeParts(source, own, containerId) : [{ kind, containerId, required: true }];
  const parts: SummaryPart[] = [];
  for (const part of partsOf) {
    const partProgress = part.kind === kind && part.containerId === containerId ? own : await progress.findOne({ _id: learnerProgressId(learnerId, part.kind, part.containerId) });
    const built = await summaryPart(catalogue, part, partProgress as SessionContainerProgressDocument | null, bySession, dates);
    if (built) parts.push(built);
  }
  const sessions = parts.flatMap((p) => p.sessions);
  const required = parts.filter((p) => p.required);
  const issuesCertificate = entry.definition.issuesCertificate;
  return {
    learnerId,
    learnerName: request.learnerName,
    kind,
    containerId,
    title: entry.definition.title,
    programmeId: entry.kind === 'programme' ? containerId : entry.definition.programmeId,
    retired: entry.retired,
    certificate: certificateAvailability(own, issuesCertificate),
    complete: own?.complete ?? false,
    completedAt: dates.formatDateTime(own?.completedAt),
    startedAt: dates.formatDateTime(own?.startedAt),
    sessionsDone: own?.sessionsDone ?? required.reduce((sum, p) => sum + p.sessionsDone, 0),
    sessionsTotal: own?.sessionsTotal ?? required.reduce((sum, p) => sum + p.sessionsTotal, 0),
    minutes: minutes(sessions.reduce((sum, s) => sum + s.timeSpentSeconds, 0)),
    parts,
  };
}

type PartRef = { kind: 'course' | 'learning-path'; containerId: string; required: boolean };

/** A programme's parts: as the learner's progress names them, or from the catalogue when they have not started it. */
async function programmeParts(source: ReadModels, own: LearnerProgressDocument | null, programmeId: string): Promise<PartRef[]> {
  if (own?.kind === 'programme') return own.parts.map((p) => ({ kind: p.kind, containerId: p.containerId, required: p.required }));
  const entries = await source.readModel<CatalogueEntryDocument>(CATALOGUE_COLLECTION);
  const containers = [...(await entries.find({ kind: 'course' }).toArray()), ...(await entries.find({ kind: 'learning-path' }).toArray())];
  return programmeContents(containers, programmeId).map((c) => ({ kind: c.kind, containerId: c.catalogueId, required: !c.retired }));
}

async function summaryPart(
  catalogue: CatalogueLookup,
  part: PartRef,
  progress: SessionContainerProgressDocument | null,
  bySession: ReadonlyMap<string, LearnerSessionDocument>,
  dates: ReportDates,
): Promise<SummaryPart | null> {
  const entry = await catalogue.entry(part.kind, part.containerId);
  if (!entry?.definition) return null;
  // The progress document lists the sessions with their status under the container's policy; without one, nothing was attempted.
  const listed = progress?.sessions ?? (await Promise.all(entry.definition.sessionIds.map(async (sessionId) => {
    const session = await catalogue.entry('session', sessionId);
    return { sessionId, title: session?.definition?.title ?? null, requiresPass: session?.definition?.requiresPass ?? null, status: 'not-attempted' as SessionStatus, done: false };
  })));
  const sessions = listed.map((s): SummarySession => {
    const doc = bySession.get(s.sessionId);
    const status = s.status;
    return {
      sessionId: s.sessionId,
      title: s.title ?? s.sessionId,
      status,
      statusText: STATUS_TEXT[status],
      done: s.done,
      requiresPass: s.requiresPass,
      timeSpentSeconds: doc?.timeSpentSeconds ?? 0,
      minutes: minutes(doc?.timeSpentSeconds ?? 0),
      firstAccessed: dates.formatDateTime(doc?.firstAccessedAt),
      lastAccessed: dates.formatDateTime(doc?.lastAccessedAt),
      latestScore: doc?.latestScore?.score ?? null,
      bestScore: doc?.bestScore?.score ?? null,
      maxScore: doc?.latestScore?.maxScore ?? doc?.bestScore?.maxScore ?? null,
    };
  });
  const sessionsDone = sessions.filter((s) => s.done).length;
  return {
    kind: part.kind,
    containerId: part.containerId,
    title: entry.definition.title,
    retired: entry.retired,
    required: part.required,
    complete: sessions.length > 0 && sessionsDone === sessions.length,
    sessionsDone,
    sessionsTotal: sessions.length,
    sessions,
  };
}

/**
 * The summary's HTML (the body only: no page frame, menu or header), for a certificate's pages 2+ or
 * anything else that prints it. The same partial the summary report shows on screen and in its PDF.
 */
export async function renderProgrammeSummary(reply: FastifyReply, summary: ProgrammeSummary, options: { heading?: boolean } = {}): Promise<string> {
  return reply.viewAsync('report-outputs/programme-summary-body.njk', { summary, showHeading: options.heading ?? true });
}
