import type { KnownLedgerEvent, PositionedEvent } from '@ledger/events';
import { advanceMetadata, catalogueEntryId, declareReadModel, noEventsApplied, ProjectionMetadata } from '@ledger/read-store';

export const LEARNER_PROGRESS_LINKS_READ_MODEL = declareReadModel('learner_progress_links');
export const PROGRESS_LINKS_SCHEMA_VERSION = 1;

/** The neighbour lists of a links node. */
export type LinkField = 'containers' | 'sessions';

/**
 * Internal to the learner-progress projection: one node of the catalogue graph (a session, course,
 * learning path or programme, `_id` as catalogueEntryId) with the neighbours it has ever had. The lists
 * only grow, with the catalogue (never with activity: which learners touched a session is kept one
 * document per pair, see session-learners.ts): adding is idempotent and commutative, so any delivery
 * order and any redelivery give the same lists, and an entry that is no longer current only costs a
 * recomputation (the definitions decide what counts). Read by `_id` to find whose progress an event affects.
 */
export interface ProgressLinksDocument {
  _id: string;
  /** Session: the courses and learning paths that list or listed it. Course or path: the programmes it named. Programme: its courses and paths. */
  containers: string[];
  /** Course or learning path: the sessions (their node ids) it lists or listed. */
  sessions: string[];
  /** `offsets` holds, per partition, the newest event that added something (so concurrent writers are caught by the offsets guard). */
  projection: ProjectionMetadata;
}

/** What one event adds to one node. */
export interface LinkAddition extends PositionedEvent {
  nodeId: string;
  add: Partial<Record<LinkField, string[]>>;
}

/** Every node an event adds neighbours to, one addition per node (one position may be applied to a node once). */
export function linkAdditions(positioned: PositionedEvent<KnownLedgerEvent>): LinkAddition[] {
  const { event, position } = positioned;
  const addition = (nodeId: string, add: LinkAddition['add']): LinkAddition => ({ event, position, nodeId, add });
  if (event.type !== 'CourseDefined' && event.type !== 'LearningPathDefined') return [];
  const container = event.type === 'CourseDefined' ? catalogueEntryId('course', event.data.courseId) : catalogueEntryId('learning-path', event.data.learningPathId);
  const programme = catalogueEntryId('programme', event.data.programmeId);
  const sessions = event.data.sessionIds.map((sessionId) => catalogueEntryId('session', sessionId));
  return [
    addition(container, { sessions, containers: [programme] }),
    addition(programme, { containers: [container] }),
    ...sessions.map((session) => addition(session, { containers: [container] })),
  ];
}

/** The node after one more addition; the same object when it adds nothing new, so nothing is written. */
export function addLinks(current: ProgressLinksDocument | null, { nodeId, add, event, position }: LinkAddition): ProgressLinksDocument {
  const node = current ?? { _id: nodeId, containers: [], sessions: [], projection: noEventsApplied(PROGRESS_LINKS_SCHEMA_VERSION) };
  const next = { ...node, containers: union(node.containers, add.containers), sessions: union(node.sessions, add.sessions) };
  const grew = next.containers !== node.containers || next.sessions !== node.sessions;
  if (current && !grew) return current;
  return { ...next, projection: advanceMetadata(node.projection, PROGRESS_LINKS_SCHEMA_VERSION, position, event.recordedAt) };
}

/** `list` plus whatever of `more` it lacks, sorted; the same array when nothing is new. */
function union(list: string[], more: readonly string[] | undefined): string[] {
  const fresh = (more ?? []).filter((value, i, all) => !list.includes(value) && all.indexOf(value) === i);
  if (fresh.length === 0) return list;
  return [...list, ...fresh].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Groups link additions by node, keeping ledger order within a node. */
export function groupAdditionsByNode(events: PositionedEvent<KnownLedgerEvent>[]): Map<string, LinkAddition[]> {
  const groups = new Map<string, LinkAddition[]>();
  for (const addition of events.flatMap(linkAdditions)) {
    const group = groups.get(addition.nodeId);
    if (group) group.push(addition);
    else groups.set(addition.nodeId, [addition]);
  }
  return groups;
}
