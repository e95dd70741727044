import { ChainRecord, Checkpoint, genesisLink, nextLink, recordDigest, UnsignedCheckpoint } from '@ledger/chain';

/** A checkpoint ready to sign: everything but the moment it is sealed. */
export type CheckpointBody = Omit<UnsignedCheckpoint, 'sealedAt'>;

/** When a partition's pending events are sealed: after this many, or when the oldest has waited this long. */
export interface SealPolicy {
  everyEvents: number;
  everyMs: number;
}

/**
 * One partition's chain as the sealer extends it: the link so far, the next offset it expects, and the
 * digests of events read but not yet sealed. It resumes from the last checkpoint (or the genesis), so
 * a restarted sealer neither skips nor repeats an offset. Pure: the caller brings records and the clock.
 */
export class PartitionSeal {
  private link: Buffer;
  private next: bigint | null;
  private pending: { fromOffset: bigint; previousLink: Buffer; digests: string[]; since: number } | null = null;

  constructor(
    private readonly topic: string,
    readonly partition: number,
    private readonly policy: SealPolicy,
    resumeFrom?: Pick<Checkpoint, 'throughOffset' | 'link'>,
  ) {
    this.link = resumeFrom ? Buffer.from(resumeFrom.link, 'hex') : genesisLink(topic, partition);
    this.next = resumeFrom ? BigInt(resumeFrom.throughOffset) + 1n : null;
  }

  /** The offset the next record must have; undefined before the first record of a never-sealed partition. */
  get resumeAt(): string | undefined {
    return this.next === null ? undefined : String(this.next);
  }

  /**
   * Extends the chain by one record and returns the checkpoints it completes. A record already chained
   * (redelivered) is skipped. Offsets normally follow one another; where they do not (a transaction
   * marker), the pending range is sealed first so a checkpoint never spans a gap.
   */
  accept(record: ChainRecord, now: number): CheckpointBody[] {
    const offset = BigInt(record.offset);
    if (this.next !== null && offset < this.next) return [];
    const sealed: CheckpointBody[] = [];
    if (this.next !== null && offset > this.next && this.pending) sealed.push(this.take());
    const digest = recordDigest(record);
    this.pending ??= { fromOffset: offset, previousLink: this.link, digests: [], since: now };
    this.link = nextLink(this.link, this.partition, record.offset, digest);
    this.pending.digests.push(digest.toString('hex'));
    this.next = offset + 1n;
    if (this.pending.digests.length >= this.policy.everyEvents) sealed.push(this.take());
    return sealed;
  }

  /** The pending events as a checkpoint if the oldest has waited `everyMs`, or `always`. */
  takeIfDue(now: number, always = false): CheckpointBody | undefined {
    if (!this.pending || (!always && now - this.pending.since < this.policy.everyMs)) return undefined;
    return this.take();
  }

  private take(): CheckpointBody {
    const pending = this.pending!;
    this.pending = null;
    return {
      topic: this.topic,
      partition: this.partition,
      fromOffset: String(pending.fromOffset),
      throughOffset: String(pending.fromOffset + BigInt(pending.digests.length) - 1n),
      previousLink: pending.previousLink.toString('hex'),
      link: this.link.toString('hex'),
      eventDigests: pending.digests,
    };
  }
}
