import type { Upcaster } from '../event-types';

/** The payload of `LearnerRegistered` version 1: the learner's name as one string. */
export interface LearnerRegisteredV1Data {
  fullName: string;
  email: string;
  emailIsWorkEmail: boolean;
}

/**
 * Version 1 → 2: `fullName` is split at its last run of whitespace into given and family name, and a
 * single word is a given name with no family name. One string cannot tell a multi-word family name
 * ("van der Berg") from middle names, so such a name keeps its leading words in `givenName`.
 * A `fullName` that is not a string is left in place for validation to reject.
 */
export const upcastLearnerRegisteredV1: Upcaster = (data) => {
  const { fullName, ...rest } = data;
  if (typeof fullName !== 'string') return data;
  const words = fullName.trim().split(/\s+/);
  const familyName = words.length > 1 ? (words.pop() as string) : null;
  return { ...rest, givenName: words.join(' '), familyName };
};
