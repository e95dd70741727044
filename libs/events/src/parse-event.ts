import { eventTypeEntry, PayloadClass } from './event-types';
import type { FieldError } from './field-error';
import type { LedgerEvent } from './envelope';
import { upcastPayload } from './upcast-payload';
import { validatePayload } from './validate-payload';
import { isStorableText, unstorableTextErrors } from './validation/storable-text';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** ISO-8601 date-time with an explicit zone, as RFC 3339 requires; a bare local time is ambiguous. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_ID_LENGTH = 200;
/** Clocks drift; a client a few minutes ahead is normal, an hour ahead is a bug. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** What a client submits: the envelope without the fields the ledger sets. */
export type SubmittedEvent = Omit<LedgerEvent, 'recordedAt' | 'source'>;

/**
 * What ingest accepts: checks one event as a client submitted it, by today's rules, and returns it
 * with its payload at the current version. Every problem is reported, not just the first. The ledger
 * is read by a separate, shape-only check (stored-event.ts), so tightening a rule here never makes
 * history unreadable.
 */
export function parseSubmittedEvent(raw: unknown, now: Date): ParseResult<SubmittedEvent> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: '', reason: 'must be an object' }] };
  }
  const input = raw as Record<string, unknown>;
  const errors: FieldError[] = [];
  const allowed = new Set(['eventId', 'type', 'version', 'occurredAt', 'subject', 'actor', 'data']);
  for (const key of Object.keys(input)) {
    if (!allowed.has(key)) {
      const reason = key === 'recordedAt' || key === 'source' ? 'is set by the ledger and must not be sent' : 'is not an envelope field';
      errors.push({ field: key, reason });
    }
  }
  checkString(input, 'eventId', errors, (v) => (UUID.test(v) ? undefined : 'must be a UUID'));
  checkString(input, 'subject', errors);
  checkString(input, 'actor', errors);
  checkString(input, 'occurredAt', errors, (v) => instantProblem(v, now));
  const entry = typeof input.type === 'string' ? eventTypeEntry(input.type) : undefined;
  if (typeof input.type !== 'string' || input.type.length === 0) errors.push({ field: 'type', reason: 'must be a non-empty string' });
  else if (!entry) errors.push({ field: 'type', reason: `unknown event type "${input.type}"` });
  const version = input.version;
  const versionOk = Number.isInteger(version) && (version as number) >= 1;
  if (!versionOk) errors.push({ field: 'version', reason: 'must be a positive integer' });
  let data: Record<string, unknown> | undefined;
  if (entry && versionOk) {
    if ((version as number) > entry.current.version) {
      errors.push({ field: 'version', reason: `${entry.current.type} has no version ${version} (current is ${entry.current.version})` });
    } else {
      const upcast = upcastPayload(entry, version as number, input.data);
      const payloadErrors = upcast.data ? [...validatePayload(entry, upcast.data), ...payloadTextErrors(entry.current, upcast.data)] : upcast.errors;
      errors.push(...payloadErrors);
      if (payloadErrors.length === 0) data = { ...upcast.data };
    }
  }
  if (errors.length > 0 || !entry || !data) return { ok: false, errors };
  return {
    ok: true,
    value: {
      eventId: (input.eventId as string).toLowerCase(),
      type: entry.current.type,
      version: entry.current.version,
      occurredAt: new Date(input.occurredAt as string).toISOString(),
      subject: input.subject as string,
      actor: input.actor as string,
      data,
    },
  };
}

function checkString(
  input: Record<string, unknown>,
  field: string,
  errors: FieldError[],
  extra?: (value: string) => string | undefined,
): void {
  const value = input[field];
  if (typeof value !== 'string' || value.trim().length === 0) {
    errors.push({ field, reason: value === undefined ? 'is required' : 'must be a non-empty string' });
    return;
  }
  if (!isStorableText(value)) {
    errors.push({ field, reason: 'must not contain U+0000 or an unpaired UTF-16 surrogate' });
    return;
  }
  if (value.length > MAX_ID_LENGTH && field !== 'occurredAt') {
    errors.push({ field, reason: `must be at most ${MAX_ID_LENGTH} characters` });
    return;
  }
  const problem = extra?.(value);
  if (problem) errors.push({ field, reason: problem });
}

/** Text no read model could keep as sent, anywhere in the payload except the fields its readers keep as JSON text. */
function payloadTextErrors(payload: PayloadClass, data: Record<string, unknown>): FieldError[] {
  const keptAsText = new Set(payload.keptAsJsonText ?? []);
  return Object.entries(data).flatMap(([field, value]) => (keptAsText.has(field) ? [] : unstorableTextErrors(value, `data.${field}`)));
}

function instantProblem(value: string, now: Date): string | undefined {
  const at = Date.parse(value);
  if (!INSTANT.test(value) || Number.isNaN(at)) return 'must be an ISO-8601 date-time with a time zone, e.g. 2026-11-24T09:30:00Z';
  if (at > now.getTime() + MAX_FUTURE_SKEW_MS) return `must not be more than ${MAX_FUTURE_SKEW_MS / 60000} minutes in the future`;
  return undefined;
}
