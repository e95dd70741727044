import { createHash } from 'node:crypto';
import { canonicalJson, SubmittedEvent } from '@ledger/events';

/**
 * SHA-256 of an event's content as the client submitted it (after normalisation: occurredAt in UTC,
 * payload at the current version). Two submissions of one eventId are "the same" exactly when these match.
 */
export function contentHash(event: SubmittedEvent): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}
