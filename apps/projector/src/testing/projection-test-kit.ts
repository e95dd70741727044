import { randomUUID } from 'node:crypto';
import { eventTypeEntry, KnownLedgerEvent, LedgerEvent, PositionedEvent } from '@ledger/events';
import { alreadyApplied, ProjectionMetadata } from '@ledger/read-store';

/** The event type named `T`, with its payload type. */
export type EventOfType<T extends KnownLedgerEvent['type']> = Extract<KnownLedgerEvent, { type: T }>;

/**
 * An accepted event of any known type as it sits on the ledger, typed by its name so a payload that
 * does not fit the type fails to compile. Envelope fields default to plausible values; pass any to fix them.
 */
export function ledgerEvent<T extends KnownLedgerEvent['type']>(
  type: T,
  subject: string,
  data: EventOfType<T>['data'],
  envelope: Partial<Omit<LedgerEvent, 'type' | 'data'>> = {},
): EventOfType<T> {
  const occurredAt = envelope.occurredAt ?? '2026-11-20T10:00:00.000Z';
  const event: LedgerEvent = {
    eventId: randomUUID(),
    type,
    version: eventTypeEntry(type)?.current.version ?? 1,
    occurredAt,
    recordedAt: new Date(Date.parse(occurredAt) + 1000).toISOString(),
    subject,
    actor: subject,
    source: 'test',
    data,
    ...envelope,
  };
  return event as EventOfType<T>;
}

/** `event` as read back from the ledger at `offset` of `partition`, for feeding a fold directly. */
export function atOffset<E extends KnownLedgerEvent>(event: E, offset: number, partition = 0): PositionedEvent<E> {
  return { event, position: { partition, offset: String(offset) } };
}

/**
 * Folds events into one document the way the projector does: a second copy of an event id (the same
 * fact at another position) is dropped, as AppliedEvents drops it, and an event the document has
 * already applied is skipped, as projectDocuments skips it. So a fold's test sees duplicates and
 * redelivery exactly as the projector would.
 */
export function foldDocument<D extends { projection: ProjectionMetadata }, E extends PositionedEvent>(
  evolve: (current: D | null, event: E) => D,
  events: readonly E[],
  start: D | null = null,
): D | null {
  let state = start;
  for (const positioned of firstCopies(events)) {
    if (state && alreadyApplied(state.projection, positioned.position)) continue;
    state = evolve(state, positioned);
  }
  return state;
}

/** The events without second copies: an event id seen at one position is dropped at any other. */
export function firstCopies<E extends PositionedEvent>(events: readonly E[]): E[] {
  return new FirstCopies().of(events);
}

/** AppliedEvents in memory, across batches: remembers where each event id was first seen. */
export class FirstCopies {
  private readonly firstAt = new Map<string, string>();

  of<E extends PositionedEvent>(events: readonly E[]): E[] {
    return events.filter(({ event, position }) => {
      const at = `${position.partition}:${position.offset}`;
      if (!this.firstAt.has(event.eventId)) this.firstAt.set(event.eventId, at);
      return this.firstAt.get(event.eventId) === at;
    });
  }
}
