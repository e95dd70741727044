import type { PublicKeySet } from '@ledger/deployment-key';
import { genesisLink } from './chain-bytes';
import { Checkpoint, checkpointProblem } from './checkpoint';
import type { SealProblem } from './partition-verifier';

/**
 * The checkpoints of one partition that can be trusted, in the order they were sealed: each one's
 * signature verifies, its digests add up to its link, and it continues the one before it (its
 * previous link is that one's link, the first one's is the partition's genesis, and its offsets come
 * after). The first that fails is reported and nothing after it is used: a break in the seals
 * themselves means what follows cannot be placed on the chain.
 */
export function trustedCheckpoints(
  topic: string,
  partition: number,
  sealed: Checkpoint[],
  keys: PublicKeySet,
): { trusted: Checkpoint[]; problems: SealProblem[] } {
  const trusted: Checkpoint[] = [];
  let previousLink = genesisLink(topic, partition).toString('hex');
  let previousThrough = -1n;
  for (const [index, checkpoint] of sealed.entries()) {
    const problem =
      checkpointProblem(checkpoint, keys) ??
      (BigInt(checkpoint.fromOffset) <= previousThrough
        ? `overlaps the checkpoint before it (through offset ${previousThrough})`
        : undefined) ??
      (checkpoint.previousLink !== previousLink ? 'does not continue the chain of the checkpoint before it' : undefined);
    if (problem) {
      const ignored = sealed.length - index - 1;
      const tail = ignored > 0 ? `; ${ignored} later checkpoint(s) of this partition not used` : '';
      return {
        trusted,
        problems: [{ partition, fromOffset: checkpoint.fromOffset, throughOffset: checkpoint.throughOffset, problem: problem + tail }],
      };
    }
    trusted.push(checkpoint);
    previousLink = checkpoint.link;
    previousThrough = BigInt(checkpoint.throughOffset);
  }
  return { trusted, problems: [] };
}
