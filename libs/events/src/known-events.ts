import type { AssessmentScored } from './activity/assessment-scored';
import type { SessionAccessed } from './activity/session-accessed';
import type { SessionCompleted } from './activity/session-completed';

/** What a learner did in a piece of content. */
export type ActivityEvent = SessionAccessed | SessionCompleted | AssessmentScored;

/** Every event type the ledger knows; `switch (event.type)` over it is exhaustive. */
export type KnownLedgerEvent = ActivityEvent;

/** Compile-time proof that a switch handled every event type. */
export function assertNever(value: never): never {
  throw new Error(`unhandled event: ${JSON.stringify(value)}`);
}
