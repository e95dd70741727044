import { ValidateBy, ValidationOptions } from 'class-validator';

const MAX_ENTRIES = 50;
const MAX_VALUE_LENGTH = 1000;

/**
 * A plain object whose values are all strings (no nesting), with at most 50 entries of at most
 * 1000 characters: small enough to keep on every event, flat enough to show an auditor as a table.
 */
export function IsFlatStringMap(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFlatStringMap',
      validator: {
        validate: (value) => {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value as Record<string, unknown>);
          return (
            entries.length <= MAX_ENTRIES &&
            entries.every(([key, entry]) => key.length > 0 && typeof entry === 'string' && entry.length <= MAX_VALUE_LENGTH)
          );
        },
        defaultMessage: (args) =>
          `${args?.property} must be an object of at most ${MAX_ENTRIES} named string values, each at most ${MAX_VALUE_LENGTH} characters`,
      },
    },
    options,
  );
}
