import { canonicalJson } from '@ledger/events';
import type { GrantPeriod } from '@ledger/read-store';

/**
 * `periods` with `started` begun. `keyOf` names what a grant is of (the learner a viewer may see, the
 * project staffed…); one grant per key stands at a time. Restating a standing grant with the same
 * terms changes nothing; with other terms (a new scope, other programmes) the standing period ends
 * where the new one starts, so history keeps each set of terms with the time it held.
 */
export function startGrant<T extends GrantPeriod>(periods: T[], started: T, keyOf: (grant: T) => string): T[] {
  const key = keyOf(started);
  const standing = periods.find((period) => period.revokedAt === null && keyOf(period) === key);
  if (standing && sameTerms(standing, started)) return periods;
  const history = periods.map((period) => (period === standing ? { ...period, revokedAt: started.grantedAt } : period));
  return sortedByKey([...history, started], keyOf);
}

/** `periods` with the standing grant for `key` ended at `at`; unchanged when none stands. */
export function endGrant<T extends GrantPeriod>(periods: T[], keyOf: (grant: T) => string, key: string, at: string): T[] {
  if (!periods.some((period) => period.revokedAt === null && keyOf(period) === key)) return periods;
  return periods.map((period) => (period.revokedAt === null && keyOf(period) === key ? { ...period, revokedAt: at } : period));
}

function sameTerms(a: GrantPeriod, b: GrantPeriod): boolean {
  const { grantedAt: _a, revokedAt: _ra, ...termsA } = a;
  const { grantedAt: _b, revokedAt: _rb, ...termsB } = b;
  return canonicalJson(termsA) === canonicalJson(termsB);
}

/**
 * Sorted by key, stably: periods of one key keep the order they were started in. All periods of one
 * key come from one ledger partition, so the list is the same whatever order partitions were applied in.
 */
function sortedByKey<T>(periods: T[], keyOf: (grant: T) => string): T[] {
  return [...periods].sort((a, b) => {
    const [ka, kb] = [keyOf(a), keyOf(b)];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
