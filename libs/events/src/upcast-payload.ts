import type { EventTypeEntry } from './event-types';
import type { FieldError } from './field-error';

/**
 * Brings `data` of `version` up to the current version of its type, applying each registered
 * upcaster in turn. Used both when ingest accepts an event and when the ledger is read.
 */
export function upcastPayload(entry: EventTypeEntry, version: number, data: unknown): { data?: Record<string, unknown>; errors: FieldError[] } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { errors: [{ field: 'data', reason: 'must be an object' }] };
  }
  let current = data as Record<string, unknown>;
  for (let v = version; v < entry.current.version; v += 1) {
    const upcast = entry.upcasters[v];
    if (!upcast) return { errors: [{ field: 'version', reason: `no upcaster from version ${v} of ${entry.current.type}` }] };
    current = upcast(current);
  }
  return { data: current, errors: [] };
}
