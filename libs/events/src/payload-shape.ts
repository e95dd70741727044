import type { FieldError } from './field-error';

/** The kinds of JSON value a payload field can hold, as far as the projections that fold it care. */
export type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'string[]' | 'object';

type KindOf<V> = V extends string
  ? 'string'
  : V extends number
    ? 'number'
    : V extends boolean
      ? 'boolean'
      : V extends null
        ? 'null'
        : V extends readonly string[]
          ? 'string[]'
          : V extends object
            ? 'object'
            : never;

/**
 * The shape of a payload: for every field of its current version, the kinds of value it may hold. It is
 * what code reading the ledger relies on, and nothing more: value rules (ranges, formats, lengths) are
 * what ingest accepts today (class-validator on the payload classes), and may have been looser once.
 */
export type PayloadShape<T> = { readonly [K in keyof T]-?: readonly KindOf<T[K]>[] };

/** The kind of a JSON value; 'other' for what no payload field holds (e.g. an array of numbers). */
export function jsonKindOf(value: unknown): JsonKind | 'other' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string') ? 'string[]' : 'other';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value as 'string' | 'number' | 'boolean';
    case 'object':
      return 'object';
    default:
      return 'other';
  }
}

/**
 * `data` reduced to the fields of `shape`, or every field that is missing or of the wrong kind. Fields
 * the shape does not name are dropped rather than refused: an older writer may have sent one, and no
 * reader of the current version knows it.
 */
export function shapePayload(shape: Record<string, readonly JsonKind[]>, data: Record<string, unknown>): { data?: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const shaped: Record<string, unknown> = {};
  for (const [field, kinds] of Object.entries(shape)) {
    const value = data[field];
    if (value === undefined) errors.push({ field: `data.${field}`, reason: `is required (${kinds.join(' or ')})` });
    else if (!(kinds as readonly string[]).includes(jsonKindOf(value))) errors.push({ field: `data.${field}`, reason: `must be ${kinds.join(' or ')}` });
    else shaped[field] = value;
  }
  return errors.length > 0 ? { errors } : { data: shaped, errors };
}
