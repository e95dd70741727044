import { ValidateBy, ValidationOptions } from 'class-validator';

/** When this value is given (not null), the sibling property `other` must be given too (e.g. a score needs its maximum). */
export function IsGivenWithField(other: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isGivenWithField',
      constraints: [other],
      validator: {
        validate: (value, args) => value === null || (args?.object as Record<string, unknown>)[other] !== null,
        defaultMessage: (args) => `${args?.property} must be null when ${other} is null`,
      },
    },
    options,
  );
}
