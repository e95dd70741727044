import { ValidateBy, ValidationOptions } from 'class-validator';

/** The number must not exceed the number in the sibling property `other` (e.g. a score and its maximum). */
export function IsAtMostField(other: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAtMostField',
      constraints: [other],
      validator: {
        validate: (value, args) => {
          const limit = (args?.object as Record<string, unknown>)[other];
          return typeof value !== 'number' || typeof limit !== 'number' || value <= limit;
        },
        defaultMessage: (args) => `${args?.property} must not exceed ${other}`,
      },
    },
    options,
  );
}
