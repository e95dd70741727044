import { createHash } from 'node:crypto';

/** Prefix of learner ids that come from an email identity, so they cannot collide with account names. */
export const MBOX_LEARNER_PREFIX = 'mbox_sha1sum:';

/**
 * The learner id (the events' subject) of a statement's actor, by which identifier it carries:
 * - `account`: its `name`; the hub issues learner ids as account names, so these match its own records;
 * - `mbox`: `mbox_sha1sum:` and the SHA-1 of the mailto IRI, which is what xAPI defines `mbox_sha1sum`
 *   to be: a learner identified by email and by its hash is one learner, and no email address
 *   becomes a Kafka key;
 * - `mbox_sha1sum`: `mbox_sha1sum:` and the hash, in lowercase;
 * - `openid`: the OpenID URI.
 * The actor has exactly one of them (checked before this is called). An identified Group is keyed the same way.
 */
export function learnerIdOf(actor: Record<string, unknown>): string {
  const account = actor.account as { name?: unknown } | undefined;
  if (account !== undefined) return String(account.name);
  if (typeof actor.mbox === 'string') return `${MBOX_LEARNER_PREFIX}${createHash('sha1').update(actor.mbox, 'utf8').digest('hex')}`;
  if (typeof actor.mbox_sha1sum === 'string') return `${MBOX_LEARNER_PREFIX}${actor.mbox_sha1sum.toLowerCase()}`;
  return String(actor.openid);
}
