import type { LedgerEvent } from './envelope';
import { eventTypeEntry } from './event-types';
import type { FieldError } from './field-error';
import type { KnownLedgerEvent } from './known-events';
import type { ParseResult } from './parse-event';
import { shapePayload } from './payload-shape';
import { payloadShapeOf } from './payload-shapes';
import { upcastPayload } from './upcast-payload';

const ENVELOPE_STRINGS = ['eventId', 'type', 'subject', 'actor', 'source'] as const;
const ENVELOPE_INSTANTS = ['occurredAt', 'recordedAt'] as const;

/**
 * Reads an event as the ledger holds it: checks its shape (envelope fields of the right kinds, a known
 * type at a version that can be upcast, a payload whose fields the current version's readers can
 * fold) and upcasts the payload. It deliberately does not apply what ingest accepts today (id
 * formats and lengths, the future-skew rule, value ranges: parse-event.ts): the ledger is history, an
 * event accepted under an older rule stays readable, and a replay reads it exactly as the live run did.
 * Instants are normalised to UTC ISO-8601 so that readers compare them as text.
 */
export function readStoredEvent(raw: unknown): ParseResult<KnownLedgerEvent> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, errors: [{ field: '', reason: 'must be an object' }] };
  const stored = raw as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const field of ENVELOPE_STRINGS) {
    if (typeof stored[field] !== 'string' || stored[field] === '') errors.push({ field, reason: 'must be a non-empty string' });
  }
  for (const field of ENVELOPE_INSTANTS) {
    if (typeof stored[field] !== 'string' || Number.isNaN(Date.parse(stored[field] as string))) errors.push({ field, reason: 'must be an ISO-8601 date-time' });
  }
  const entry = typeof stored.type === 'string' ? eventTypeEntry(stored.type) : undefined;
  if (typeof stored.type === 'string' && stored.type !== '' && !entry) errors.push({ field: 'type', reason: `unknown event type "${stored.type}"` });
  const version = stored.version;
  if (!Number.isInteger(version) || (version as number) < 1) errors.push({ field: 'version', reason: 'must be a positive integer' });
  else if (entry && (version as number) > entry.current.version) errors.push({ field: 'version', reason: `${entry.current.type} has no version ${version}` });
  if (errors.length > 0 || !entry) return { ok: false, errors };

  const upcast = upcastPayload(entry, version as number, stored.data);
  if (!upcast.data) return { ok: false, errors: upcast.errors };
  const payload = shapePayload(payloadShapeOf(entry.current.type) ?? {}, upcast.data);
  if (!payload.data) return { ok: false, errors: payload.errors };
  const event: LedgerEvent = {
    eventId: stored.eventId as string,
    type: entry.current.type,
    version: entry.current.version,
    occurredAt: new Date(stored.occurredAt as string).toISOString(),
    recordedAt: new Date(stored.recordedAt as string).toISOString(),
    subject: stored.subject as string,
    actor: stored.actor as string,
    source: stored.source as string,
    data: payload.data,
  };
  return { ok: true, value: event as KnownLedgerEvent };
}
