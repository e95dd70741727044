import { declareReadModel, ReadModel } from '../indexes/read-model';

/**
 * A ledger message the projector set aside (sent to the dead-letter topic) instead of applying, one
 * document per ledger position, in the generation the projector was writing. It makes setting aside
 * happen once per position (a redelivered message is not dead-lettered again), lets the count survive
 * a restart, and lets a verification compare what a replay would set aside with what the live
 * projector did. Only what is the same on every replay is kept; the error text is in the
 * dead-letter topic's headers and the log.
 */
export interface DeadLetteredEventDocument {
  /** `<partition>:<offset>` */
  _id: string;
  partition: number;
  offset: string;
  /** Null when the bytes did not decode to an event. */
  eventId: string | null;
  /** `undecodable`: not an event this ledger knows; `unapplicable`: a projection kept failing on it. */
  reason: 'undecodable' | 'unapplicable';
}

export const DEAD_LETTERED_EVENTS_READ_MODEL: ReadModel = declareReadModel('dead_lettered_events');

export const deadLetteredEventId = (partition: number, offset: string): string => `${partition}:${offset}`;
