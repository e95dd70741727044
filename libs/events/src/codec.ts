import type { LedgerEvent } from './envelope';
import type { KnownLedgerEvent } from './known-events';
import type { ParseResult } from './parse-event';
import { readStoredEvent } from './stored-event';

/** The bytes of an event on the ledger: UTF-8 JSON of the whole envelope, exactly as accepted. */
export function encodeLedgerEvent(event: LedgerEvent): Buffer {
  return Buffer.from(JSON.stringify(event), 'utf8');
}

/**
 * The one way bytes from the ledger become a typed event: parse the JSON, check the event's shape and
 * upcast its payload (stored-event.ts). A failure here marks a poison message: bytes no reader can fold.
 */
export function decodeLedgerEvent(bytes: Buffer | null): ParseResult<KnownLedgerEvent> {
  if (!bytes) return { ok: false, errors: [{ field: '', reason: 'message has no value' }] };
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return { ok: false, errors: [{ field: '', reason: `not JSON: ${(error as Error).message}` }] };
  }
  return readStoredEvent(raw);
}
