import { SessionAccessedV1 } from './activity/session-accessed';
import { SessionCompletedV1 } from './activity/session-completed';
import { AssessmentScoredV1 } from './activity/assessment-scored';

/** A payload class: validated with class-validator, documented with @nestjs/swagger. */
export interface PayloadClass<T = object> {
  new (): T;
  readonly type: string;
  readonly version: number;
  readonly example: T;
}

/**
 * Turns a payload of an older version into the next version's shape. Registered against the old
 * version; the parser applies them in sequence until the current version is reached.
 */
export type Upcaster = (oldData: Record<string, unknown>) => Record<string, unknown>;

export interface EventTypeEntry {
  current: PayloadClass;
  /** upcasters[v] turns version v into v + 1. */
  upcasters: Record<number, Upcaster>;
}

/** Every event type the ledger accepts, by name, with its current payload class. */
const EVENT_TYPES = new Map<string, EventTypeEntry>();

function register(current: PayloadClass, upcasters: Record<number, Upcaster> = {}): void {
  EVENT_TYPES.set(current.type, { current, upcasters });
}

register(SessionAccessedV1);
register(SessionCompletedV1);
register(AssessmentScoredV1);

export function eventTypeEntry(type: string): EventTypeEntry | undefined {
  return EVENT_TYPES.get(type);
}

export function knownEventTypes(): PayloadClass[] {
  return [...EVENT_TYPES.values()].map((entry) => entry.current);
}
