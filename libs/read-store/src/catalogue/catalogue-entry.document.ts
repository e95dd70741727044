import { declareReadModel, ReadModel } from '../indexes/read-model';
import type { SessionParentType, StatusPolicy } from '@ledger/events';
import type { ProjectionMetadata } from '../projection-metadata';

/** What the catalogue holds: programmes contain courses and learning paths, which contain sessions. */
export type CatalogueEntryKind = 'programme' | 'course' | 'learning-path' | 'session';

/** A programme as its latest ProgrammeDefined states it. */
export interface ProgrammeDefinition {
  title: string;
  issuesCertificate: boolean;
  /** The certificate is page 1 only, without the programme summary pages. */
  omitsSummaryFromCertificate: boolean;
}

/**
 * A course or learning path as its latest definition states it. A "session container": the thing a
 * learner completes session by session, and whose sessions are listed here in the order taken.
 */
export interface SessionContainerDefinition {
  programmeId: string;
  title: string;
  sessionIds: string[];
  issuesCertificate: boolean;
  omitsSummaryFromCertificate: boolean;
  /** Which reported status a session shows when attempts disagree (see the projector's session-status.ts). */
  statusPolicy: StatusPolicy;
}

/** A session (one piece of playable content) as its latest SessionDefined states it. */
export interface SessionDefinition {
  title: string;
  parentType: SessionParentType;
  parentId: string;
  /** Only a pass counts towards a certificate; a mere completion does not. */
  requiresPass: boolean;
}

interface CatalogueEntryOf<K extends CatalogueEntryKind, D> {
  /** `kind:catalogueId` (see catalogueEntryId). */
  _id: string;
  kind: K;
  /** The id the catalogue events (and, for sessions, activity events) use. */
  catalogueId: string;
  /** The latest definition in ledger order; null while the ledger has only retired the entry. */
  definition: D | null;
  /** `occurredAt` of that definition. */
  definedAt: string | null;
  /** Retired: no longer offered, still on learners' records and in the summarised reports. No event un-retires. */
  retired: boolean;
  /** `occurredAt` of the first retirement. */
  retiredAt: string | null;
  projection: ProjectionMetadata;
}

export type ProgrammeEntry = CatalogueEntryOf<'programme', ProgrammeDefinition>;
export type CourseEntry = CatalogueEntryOf<'course', SessionContainerDefinition>;
export type LearningPathEntry = CatalogueEntryOf<'learning-path', SessionContainerDefinition>;
export type SessionEntry = CatalogueEntryOf<'session', SessionDefinition>;

/**
 * One programme, course, learning path or session, as defined and retired. Written only by the
 * catalogue projection. Read by: one entry (`findOne({ _id: catalogueEntryId(kind, id) })`), and the
 * whole catalogue or one kind for the summarised report (`find({ kind: 'course' })`, retired included;
 * the catalogue is small, so the scan is cheap) — see programmeContents.
 */
export type CatalogueEntryDocument = ProgrammeEntry | CourseEntry | LearningPathEntry | SessionEntry;

export const CATALOGUE_COLLECTION = 'catalogue';

/** One kind of entry is `find({ kind })`. */
export const CATALOGUE_READ_MODEL: ReadModel = declareReadModel(CATALOGUE_COLLECTION, ['kind']);

/** The deterministic `_id` of a catalogue entry, e.g. `course:course-hand-hygiene`. */
export function catalogueEntryId(kind: CatalogueEntryKind, catalogueId: string): string {
  return `${kind}:${catalogueId}`;
}

/**
 * The courses and learning paths a programme's latest definitions name, retired ones included (the
 * summarised report shows them), ordered by title then id so every output lists them alike.
 */
export function programmeContents(entries: readonly CatalogueEntryDocument[], programmeId: string): Array<CourseEntry | LearningPathEntry> {
  return entries
    .filter((entry): entry is CourseEntry | LearningPathEntry => entry.kind === 'course' || entry.kind === 'learning-path')
    .filter((entry) => entry.definition?.programmeId === programmeId)
    .sort((a, b) => (a.definition?.title ?? '').localeCompare(b.definition?.title ?? '') || a._id.localeCompare(b._id));
}
