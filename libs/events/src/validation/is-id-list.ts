import { ValidateBy, ValidationOptions } from 'class-validator';

/** More ids than this in one list is a client bug rather than a fact about the hub. */
export const MAX_IDS_PER_LIST = 1000;

/** An array of 0 (or, with `nonEmpty`, 1) to 1000 distinct non-blank strings. */
export function isIdList(value: unknown, nonEmpty: boolean): value is string[] {
  return (
    Array.isArray(value) &&
    value.length >= (nonEmpty ? 1 : 0) &&
    value.length <= MAX_IDS_PER_LIST &&
    value.every((id) => typeof id === 'string' && id.trim().length > 0) &&
    new Set(value).size === value.length
  );
}

/**
 * A list of distinct ids, kept in the order given (order can be meaningful, e.g. the sessions of a
 * course). `nonEmpty` where an empty list could not be a fact, such as a grant of nothing.
 */
export function IsIdList(options: { nonEmpty: boolean }, validationOptions?: ValidationOptions): PropertyDecorator {
  const size = options.nonEmpty ? `1 to ${MAX_IDS_PER_LIST}` : `at most ${MAX_IDS_PER_LIST}`;
  return ValidateBy(
    {
      name: 'isIdList',
      constraints: [options.nonEmpty],
      validator: {
        validate: (value) => isIdList(value, options.nonEmpty),
        defaultMessage: (args) => `${args?.property} must be a list of ${size} distinct, non-empty ids`,
      },
    },
    validationOptions,
  );
}
