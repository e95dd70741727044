import { assertNever, LearningPathDefined, PositionedEvent, SessionDefined, CourseDefined } from '@ledger/events';
import { advanceMetadata, declareReadModel, noEventsApplied, ProjectionMetadata } from '@ledger/read-store';

/** The catalogue events that place sessions in courses and learning paths, and those in programmes. */
export type PlacingEvent = SessionDefined | CourseDefined | LearningPathDefined;
const PLACING_TYPES = new Set(['SessionDefined', 'CourseDefined', 'LearningPathDefined']);

export function isPlacingEvent(positioned: PositionedEvent): positioned is PositionedEvent<PlacingEvent> {
  return PLACING_TYPES.has(positioned.event.type);
}

/**
 * This projection's own copy of where each catalogue node sits: a session in its course or learning
 * path (`course:C`), a course or learning path in its programme (`programme:P`). Its own, because the
 * catalogue projection's collection is written concurrently by other partitions. Read by `_id`, and a
 * container's sessions by `parent`.
 */
export interface AnonymisedCatalogueNode {
  /** `session:S`, `course:C` or `learning-path:L`. */
  _id: string;
  parent: string;
  projection: ProjectionMetadata;
}

export const ANONYMISED_CATALOGUE_READ_MODEL = declareReadModel('anonymised_catalogue', ['parent']);
const SCHEMA_VERSION = 1;

export function catalogueNodeIdOf({ event }: PositionedEvent<PlacingEvent>): string {
  switch (event.type) {
    case 'SessionDefined':
      return `session:${event.data.sessionId}`;
    case 'CourseDefined':
      return `course:${event.data.courseId}`;
    case 'LearningPathDefined':
      return `learning-path:${event.data.learningPathId}`;
    default:
      return assertNever(event);
  }
}

/** The node after one more definition: the latest definition places it. */
export function evolveCatalogueNode(current: AnonymisedCatalogueNode | null, positioned: PositionedEvent<PlacingEvent>): AnonymisedCatalogueNode {
  const { event, position } = positioned;
  const parent = event.type === 'SessionDefined' ? `${event.data.parentType}:${event.data.parentId}` : `programme:${event.data.programmeId}`;
  return {
    _id: catalogueNodeIdOf(positioned),
    parent,
    projection: advanceMetadata(current?.projection ?? noEventsApplied(SCHEMA_VERSION), SCHEMA_VERSION, position, event.recordedAt),
  };
}
