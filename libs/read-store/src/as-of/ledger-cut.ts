import { createHash } from 'node:crypto';

/**
 * The ledger as it stood at a past moment: per partition, the last offset it held then (inclusive;
 * "-1" for a partition that held nothing yet). Kafka keeps each partition in order, so a cut is a
 * prefix of every partition, and the read models as of the cut are the projections of that prefix.
 */
export interface LedgerCut {
  topic: string;
  /**
   * The instant the cut was taken at, judged by each event's `recordedAt` (when the ledger accepted
   * it): per partition, the last offset whose `recordedAt` is at or before it. Null for a cut given as
   * ledger positions.
   */
  asOf: string | null;
  /** Partition number (decimal) → last offset held (decimal string, "-1" for none). */
  through: Record<string, string>;
}

/** Same partitions and offsets, same id, whatever instant led to them: a cache key for its read models. */
export function cutId(cut: Pick<LedgerCut, 'topic' | 'through'>): string {
  const positions = Object.keys(cut.through)
    .map(Number)
    .sort((a, b) => a - b)
    .map((p) => `${p}:${cut.through[String(p)]}`)
    .join(',');
  return createHash('sha256').update(`${cut.topic}\u0000${positions}`).digest('hex').slice(0, 16);
}

/** The cut as one line for people: "p0≤41 p1≤17 …". */
export function describeCut(cut: Pick<LedgerCut, 'through'>): string {
  return Object.keys(cut.through)
    .map(Number)
    .sort((a, b) => a - b)
    .map((p) => `p${p}≤${cut.through[String(p)]}`)
    .join(' ');
}

/** What an as-of generation holds: every read model, or only what one learner's record needs (a targeted replay). */
export type AsOfScope = { kind: 'ledger' } | { kind: 'learner'; learnerId: string };

/** `_id` of the as-of generation of `cut` for `scope`. */
export function asOfKey(cut: Pick<LedgerCut, 'topic' | 'through'>, scope: AsOfScope): string {
  const id = cutId(cut);
  return scope.kind === 'ledger' ? id : `${id}-l${createHash('sha256').update(scope.learnerId).digest('hex').slice(0, 10)}`;
}

/** Its generation name: short and plain, since it becomes part of every collection's name. */
export function asOfGenerationName(key: string): string {
  return `asof${key.replace(/[^0-9a-z]/g, '')}`;
}
