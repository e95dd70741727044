import { createHash } from 'node:crypto';
import type { SubmittedEvent } from '@ledger/events';

/**
 * SHA-256 of an event's content as the client submitted it (after normalisation: occurredAt in UTC,
 * payload at the current version), with object keys sorted so key order never makes two equal
 * events look different. Two submissions of one eventId are "the same" exactly when these match.
 */
export function contentHash(event: SubmittedEvent): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
