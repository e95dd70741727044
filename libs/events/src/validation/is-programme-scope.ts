import { ValidateBy, ValidationOptions } from 'class-validator';
import { isIdList } from './is-id-list';

/** What a grant covers: every programme, or the listed ones only. */
export type ProgrammeScope = 'all' | string[];

export function isProgrammeScope(value: unknown): value is ProgrammeScope {
  return value === 'all' || isIdList(value, true);
}

/** `'all'`, or a non-empty list of distinct programme ids. */
export function IsProgrammeScope(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isProgrammeScope',
      validator: {
        validate: (value) => isProgrammeScope(value),
        defaultMessage: (args) => `${args?.property} must be "all" or a non-empty list of distinct programme ids`,
      },
    },
    options,
  );
}
