import { MongoNetworkError, MongoServerSelectionError, MongoNotConnectedError, MongoWriteConcernError } from 'mongodb';
import { ConcurrentProjectionWriteError } from './document-projection';

/**
 * Whether a failure says nothing about the event itself (an outage, a race) and so must be retried
 * by redelivery rather than the event set aside. Anything else thrown while applying an event is
 * treated as a property of that event.
 */
export function isRetriable(error: unknown): boolean {
  if (error instanceof ConcurrentProjectionWriteError) return true;
  if (error instanceof MongoNetworkError || error instanceof MongoServerSelectionError || error instanceof MongoNotConnectedError) return true;
  if (error instanceof MongoWriteConcernError) return true;
  // A duplicate _id on insert means another writer created the document first: re-reading resolves it.
  if ((error as { code?: unknown } | null)?.code === 11000) return true;
  const retryable = (error as { retriable?: unknown; hasErrorLabel?: (label: string) => boolean } | null) ?? null;
  if (retryable?.retriable === true) return true;
  return typeof retryable?.hasErrorLabel === 'function' && retryable.hasErrorLabel('RetryableWriteError');
}
