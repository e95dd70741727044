import { assertNever, CatalogueEvent, KnownLedgerEvent, PositionedEvent } from '@ledger/events';
import { advanceMetadata, noEventsApplied, CatalogueEntryDocument, catalogueEntryId, CatalogueEntryKind } from '@ledger/read-store';

export const CATALOGUE_SCHEMA_VERSION = 1;

const CATALOGUE_TYPES: ReadonlySet<string> = new Set<CatalogueEvent['type']>([
  'ProgrammeDefined',
  'CourseDefined',
  'LearningPathDefined',
  'SessionDefined',
  'CourseRetired',
  'ProgrammeRetired',
]);

export function isCatalogueEvent(positioned: PositionedEvent<KnownLedgerEvent>): positioned is PositionedEvent<CatalogueEvent> {
  return CATALOGUE_TYPES.has(positioned.event.type);
}

/** The catalogue entry an event is about: its payload's id (also its subject, so one entry's events share a partition). */
export function catalogueEntryIdOf(event: CatalogueEvent): string {
  switch (event.type) {
    case 'ProgrammeDefined':
    case 'ProgrammeRetired':
      return catalogueEntryId('programme', event.data.programmeId);
    case 'CourseDefined':
    case 'CourseRetired':
      return catalogueEntryId('course', event.data.courseId);
    case 'LearningPathDefined':
      return catalogueEntryId('learning-path', event.data.learningPathId);
    case 'SessionDefined':
      return catalogueEntryId('session', event.data.sessionId);
    default:
      return assertNever(event);
  }
}

type EntryOfKind<K extends CatalogueEntryKind> = Extract<CatalogueEntryDocument, { kind: K }>;
type DefinitionOf<K extends CatalogueEntryKind> = NonNullable<EntryOfKind<K>['definition']>;

/**
 * The catalogue read model as a pure fold: the entry after one more catalogue event. A definition
 * replaces the previous one whole (latest in ledger order wins); a retirement sets the flag for good.
 * Callers skip events already applied (see alreadyApplied); this function never sees a duplicate.
 */
export function evolveCatalogueEntry(current: CatalogueEntryDocument | null, positioned: PositionedEvent<CatalogueEvent>): CatalogueEntryDocument {
  const { event } = positioned;
  switch (event.type) {
    case 'ProgrammeDefined': {
      const { title, issuesCertificate, omitsSummaryFromCertificate } = event.data;
      return define(current, 'programme', event.data.programmeId, { title, issuesCertificate, omitsSummaryFromCertificate }, positioned);
    }
    case 'CourseDefined':
      return define(current, 'course', event.data.courseId, containerDefinition(event.data), positioned);
    case 'LearningPathDefined':
      return define(current, 'learning-path', event.data.learningPathId, containerDefinition(event.data), positioned);
    case 'SessionDefined': {
      const { title, parentType, parentId, requiresPass } = event.data;
      return define(current, 'session', event.data.sessionId, { title, parentType, parentId, requiresPass }, positioned);
    }
    case 'CourseRetired':
      return retire(current, 'course', event.data.courseId, positioned);
    case 'ProgrammeRetired':
      return retire(current, 'programme', event.data.programmeId, positioned);
    default:
      return assertNever(event);
  }
}

function containerDefinition(data: Extract<CatalogueEvent, { type: 'CourseDefined' | 'LearningPathDefined' }>['data']): DefinitionOf<'course'> {
  const { programmeId, title, sessionIds, issuesCertificate, omitsSummaryFromCertificate, statusPolicy } = data;
  return { programmeId, title, sessionIds: [...sessionIds], issuesCertificate, omitsSummaryFromCertificate, statusPolicy };
}

function define<K extends CatalogueEntryKind>(
  current: CatalogueEntryDocument | null,
  kind: K,
  catalogueId: string,
  definition: DefinitionOf<K>,
  positioned: PositionedEvent<CatalogueEvent>,
): CatalogueEntryDocument {
  const entry = entryOf(current, kind, catalogueId);
  return { ...entry, definition, definedAt: positioned.event.occurredAt, projection: advance(entry, positioned) } as CatalogueEntryDocument;
}

function retire(current: CatalogueEntryDocument | null, kind: 'course' | 'programme', catalogueId: string, positioned: PositionedEvent<CatalogueEvent>): CatalogueEntryDocument {
  const entry = entryOf(current, kind, catalogueId);
  return { ...entry, retired: true, retiredAt: entry.retiredAt ?? positioned.event.occurredAt, projection: advance(entry, positioned) };
}

function entryOf<K extends CatalogueEntryKind>(current: CatalogueEntryDocument | null, kind: K, catalogueId: string): EntryOfKind<K> {
  if (current) return current as EntryOfKind<K>;
  const empty: CatalogueEntryDocument = {
    _id: catalogueEntryId(kind, catalogueId),
    kind,
    catalogueId,
    definition: null,
    definedAt: null,
    retired: false,
    retiredAt: null,
    projection: noEventsApplied(CATALOGUE_SCHEMA_VERSION),
  } as CatalogueEntryDocument;
  return empty as EntryOfKind<K>;
}

function advance(entry: CatalogueEntryDocument, { event, position }: PositionedEvent<CatalogueEvent>) {
  return advanceMetadata(entry.projection, CATALOGUE_SCHEMA_VERSION, position, event.recordedAt);
}
