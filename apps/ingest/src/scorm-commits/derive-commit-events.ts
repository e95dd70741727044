import { AppError } from '@ledger/runtime';
import { DerivedEvents, mapScormCommit } from './map-scorm-commit';
import { parseScormCommit } from './parse-scorm-commit';

/**
 * Parse then map: the events a posted commit stands for, or REQUEST.INVALID naming every bad field
 * (as item 0, the one commit of the request), before anything is appended.
 */
export function deriveCommitEvents(body: unknown, now: Date): DerivedEvents {
  const parsed = parseScormCommit(body, now);
  if (!parsed.ok) {
    throw new AppError('REQUEST.INVALID', `the SCORM commit has ${parsed.errors.length} invalid field(s); nothing was appended`, [{ index: 0, errors: parsed.errors }]);
  }
  return mapScormCommit(parsed.value.identity, parsed.value.outcome);
}
