import type { Collection } from 'mongodb';
import type { ActivityEvent, PositionedEvent } from '@ledger/events';
import { catalogueEntryId, declareReadModel, insertIgnoringDuplicates } from '@ledger/read-store';

/**
 * Internal to the learner-progress projection: that a learner has activity in a session, one
 * document per pair. When a course, learning path or programme is (re)defined, every learner of its
 * sessions needs their progress recomputed; a national course has hundreds of thousands of learners,
 * so they are not a list on the session's node (a document that would grow with every new learner)
 * but documents read by `find({ sessionNodeId })`. Insert-only and equal whoever writes first, so
 * redelivery and any partition order give the same documents.
 */
export interface SessionLearnerDocument {
  /** `<session node id>|<learner id>` */
  _id: string;
  /** The session's node id, `session:<sessionId>` (see catalogueEntryId). */
  sessionNodeId: string;
  learnerId: string;
}

export const SESSION_LEARNERS_READ_MODEL = declareReadModel('learner_progress_session_learners', ['sessionNodeId']);

/** Cursor batch size for reading a session's learners: FerretDB's getMore returns 250 documents when none is set. */
const LEARNERS_PER_BATCH = 2_000;

/** Records that each event's learner has activity in its session. */
export async function recordSessionLearners(collection: Collection<SessionLearnerDocument>, activity: readonly PositionedEvent<ActivityEvent>[]): Promise<void> {
  const pairs = new Map<string, SessionLearnerDocument>();
  for (const { event } of activity) {
    const sessionNodeId = catalogueEntryId('session', event.data.sessionId);
    const _id = `${sessionNodeId}|${event.subject}`;
    pairs.set(_id, { _id, sessionNodeId, learnerId: event.subject });
  }
  if (pairs.size > 0) await insertIgnoringDuplicates(collection, [...pairs.values()]);
}

/** The learners with activity in each of the sessions (by node id). */
export async function learnersOfSessions(collection: Collection<SessionLearnerDocument>, sessionNodeIds: Iterable<string>): Promise<Map<string, string[]>> {
  const learners = new Map<string, string[]>();
  for (const sessionNodeId of new Set(sessionNodeIds)) {
    const ofSession: string[] = [];
    for await (const pair of collection.find({ sessionNodeId }, { batchSize: LEARNERS_PER_BATCH, projection: { learnerId: 1 } })) ofSession.push(pair.learnerId);
    learners.set(sessionNodeId, ofSession);
  }
  return learners;
}
