import { parseSubmittedEvent, SubmittedEvent } from '@ledger/events';
import { AppError, InvalidItem } from '@ledger/runtime';

export const MAX_EVENTS_PER_BATCH = 1000;

/**
 * Step 1 of appending: the whole batch is checked before anything is written, and every invalid
 * event is reported with each of its bad fields. One bad event rejects the batch.
 */
export function validateBatch(body: unknown, now: Date): SubmittedEvent[] {
  const events = (body as { events?: unknown } | null)?.events;
  if (typeof body !== 'object' || body === null || !Array.isArray(events)) {
    throw new AppError('REQUEST.INVALID', 'body must be a JSON object with an "events" array', [{ index: -1, errors: [{ field: 'events', reason: 'must be an array' }] }]);
  }
  if (events.length === 0 || events.length > MAX_EVENTS_PER_BATCH) {
    throw new AppError('REQUEST.INVALID', `a batch holds 1 to ${MAX_EVENTS_PER_BATCH} events, got ${events.length}`, [
      { index: -1, errors: [{ field: 'events', reason: `must hold 1 to ${MAX_EVENTS_PER_BATCH} events` }] },
    ]);
  }
  const accepted: SubmittedEvent[] = [];
  const invalid: InvalidItem[] = [];
  const firstIndexOf = new Map<string, number>();
  events.forEach((raw, index) => {
    const parsed = parseSubmittedEvent(raw, now);
    if (!parsed.ok) {
      invalid.push({ index, errors: parsed.errors });
      return;
    }
    const earlier = firstIndexOf.get(parsed.value.eventId);
    if (earlier !== undefined) {
      invalid.push({ index, errors: [{ field: 'eventId', reason: `repeats the eventId of event ${earlier} in this batch` }] });
      return;
    }
    firstIndexOf.set(parsed.value.eventId, index);
    accepted.push(parsed.value);
  });
  if (invalid.length > 0) {
    throw new AppError('REQUEST.INVALID', `${invalid.length} of ${events.length} events are invalid; nothing was appended`, invalid);
  }
  return accepted;
}
