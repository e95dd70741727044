import { genesisLink, nextLink } from './chain-bytes';
import type { Checkpoint } from './checkpoint';
import { BreakKind, classifyBreak } from './classify-break';

/** A checkpoint that cannot be trusted, and why; the sealed range it claims. */
export interface SealProblem {
  partition: number | null;
  fromOffset: string | null;
  throughOffset: string | null;
  problem: string;
}

/** One partition's result. */
export interface PartitionVerdict {
  partition: number;
  /** Records read from the partition. */
  events: number;
  /** The last sealed offset, when every sealed event up to it is intact; null when nothing is sealed or it broke. */
  intactThrough: string | null;
  /** Records after the last checkpoint (not sealed yet, so not yet tamper-evident). */
  unsealed: number;
  /** The first offset where the ledger differs from its seals. */
  break?: { offset: string; kind: BreakKind };
  sealProblems: SealProblem[];
}

interface Broken {
  offset: string;
  foundHere: string | null;
  sealedHere: string;
  /** Position of the broken sealed event: checkpoint index and index within it. */
  at: [number, number];
  foundAfter: Set<string>;
}

/**
 * Recomputes one partition's chain from its first record and compares it, record by record, with the
 * partition's trusted checkpoints (signature checked, contiguous from genesis). Feed records in
 * offset order with `accept`, then call `finish`. After the first difference it only collects the
 * digests that follow, to say what kind of difference it was.
 */
export class PartitionVerifier {
  private link: Buffer;
  private events = 0;
  private unsealed = 0;
  private checkpoint = 0;
  private within = 0;
  private broken?: Broken;
  private readonly problems: SealProblem[];

  constructor(
    topic: string,
    private readonly partition: number,
    private readonly checkpoints: Checkpoint[],
    sealProblems: SealProblem[] = [],
  ) {
    this.link = genesisLink(topic, partition);
    this.problems = [...sealProblems];
  }

  accept(offset: string, digest: Buffer): void {
    this.events += 1;
    if (this.broken) {
      this.broken.foundAfter.add(digest.toString('hex'));
      return;
    }
    const sealed = this.checkpoints[this.checkpoint];
    if (!sealed) {
      this.unsealed += 1;
      return;
    }
    const expectedOffset = String(BigInt(sealed.fromOffset) + BigInt(this.within));
    const expectedDigest = sealed.eventDigests[this.within];
    const found = digest.toString('hex');
    if (offset !== expectedOffset || found !== expectedDigest) {
      // A record at a later offset than sealed means the broker no longer has the sealed one.
      const foundHere = offset === expectedOffset || BigInt(offset) < BigInt(expectedOffset) ? found : null;
      this.broken = {
        offset: expectedOffset,
        foundHere,
        sealedHere: expectedDigest,
        at: [this.checkpoint, this.within],
        foundAfter: new Set(),
      };
      if (foundHere === null) this.broken.foundAfter.add(found);
      return;
    }
    this.link = nextLink(this.link, this.partition, offset, digest);
    this.within += 1;
    if (this.within === sealed.eventDigests.length) {
      if (this.link.toString('hex') !== sealed.link) {
        this.problems.push({
          partition: this.partition,
          fromOffset: sealed.fromOffset,
          throughOffset: sealed.throughOffset,
          problem: 'recomputed link differs from the sealed link',
        });
      }
      this.checkpoint += 1;
      this.within = 0;
    }
  }

  finish(): PartitionVerdict {
    const base = { partition: this.partition, events: this.events, sealProblems: this.problems };
    const sealed = this.checkpoints[this.checkpoint];
    if (!this.broken && sealed) {
      // The partition ended before the sealed events did.
      const offset = String(BigInt(sealed.fromOffset) + BigInt(this.within));
      this.broken = {
        offset,
        foundHere: null,
        sealedHere: sealed.eventDigests[this.within],
        at: [this.checkpoint, this.within],
        foundAfter: new Set(),
      };
    }
    if (this.broken) {
      const kind = classifyBreak(this.broken.foundHere, this.broken.sealedHere, this.sealedAfter(this.broken.at), this.broken.foundAfter);
      return { ...base, intactThrough: null, unsealed: 0, break: { offset: this.broken.offset, kind } };
    }
    const last = this.checkpoints[this.checkpoints.length - 1];
    return { ...base, intactThrough: last ? last.throughOffset : null, unsealed: this.unsealed };
  }

  private sealedAfter([checkpoint, within]: [number, number]): Set<string> {
    const after = new Set<string>(this.checkpoints[checkpoint].eventDigests.slice(within + 1));
    for (const later of this.checkpoints.slice(checkpoint + 1)) for (const digest of later.eventDigests) after.add(digest);
    return after;
  }
}
