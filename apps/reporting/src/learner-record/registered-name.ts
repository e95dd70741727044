import type { LearnerName } from '@ledger/read-store';

/** A learner's name as registered, given name(s) then family name; null before the learner registered. */
export function registeredName(name: LearnerName | null): string | null {
  return name ? [name.givenName, name.familyName].filter(Boolean).join(' ') : null;
}
