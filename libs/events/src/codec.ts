import type { LedgerEvent } from './envelope';
import { parseSubmittedEvent, ParseResult } from './parse-event';
import type { KnownLedgerEvent } from './known-events';

/** The bytes of an event on the ledger: UTF-8 JSON of the whole envelope, exactly as accepted. */
export function encodeLedgerEvent(event: LedgerEvent): Buffer {
  return Buffer.from(JSON.stringify(event), 'utf8');
}

/**
 * The one way bytes from the ledger become a typed event: parse, check the envelope and payload,
 * and upcast the payload to the current version. A failure here marks a poison message.
 */
export function decodeLedgerEvent(bytes: Buffer | null): ParseResult<KnownLedgerEvent> {
  if (!bytes) return { ok: false, errors: [{ field: '', reason: 'message has no value' }] };
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return { ok: false, errors: [{ field: '', reason: `not JSON: ${(error as Error).message}` }] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: '', reason: 'must be an object' }] };
  }
  const { recordedAt, source, ...submitted } = raw as Record<string, unknown>;
  const errors = [];
  if (typeof recordedAt !== 'string' || Number.isNaN(Date.parse(recordedAt))) errors.push({ field: 'recordedAt', reason: 'must be an ISO-8601 date-time' });
  if (typeof source !== 'string' || source.length === 0) errors.push({ field: 'source', reason: 'must be a non-empty string' });
  if (errors.length > 0) return { ok: false, errors };
  // occurredAt was checked against the clock when the event was accepted; judge it by that moment.
  const parsed = parseSubmittedEvent(submitted, new Date(recordedAt as string));
  if (!parsed.ok) return parsed;
  return { ok: true, value: { ...parsed.value, recordedAt, source } as KnownLedgerEvent };
}
