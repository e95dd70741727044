import type { Db } from 'mongodb';
import { declareReadModel, ReadModel } from '../indexes/read-model';

/**
 * How far the projector has applied one ledger partition. Written by the projector after each slice's
 * read-model writes succeeded and before its offset is committed, and refreshed while the partition is
 * idle; read by anyone who must say how current the read models are ("data complete to …", xAPI's
 * Consistent-Through). A partition that never held an event has a watermark too (`appliedOffset` -1).
 */
export interface ProjectionWatermarkDocument {
  /** `consumerGroup|partition` */
  _id: string;
  consumerGroup: string;
  topic: string;
  partition: number;
  /** How many partitions the topic had when this was written: a reader needs a watermark from each. */
  partitionCount: number;
  /** Offset of the last applied message; -1 while none has been. */
  appliedOffset: string;
  /** The partition's end offset when last checked; applied up to it means caught up. */
  highWatermark: string;
  /** `recordedAt` of the newest event applied from this partition; '' while none has been. */
  lastRecordedAt: string;
  /** The read-model generation the last slice was applied to. */
  generation: string;
  /** When this document was last written or confirmed. */
  updatedAt: string;
}

export const PROJECTION_WATERMARKS_COLLECTION = 'projection_watermarks';

/** A consumer group's partitions are `find({ consumerGroup })`; not generational. */
export const PROJECTION_WATERMARKS_READ_MODEL: ReadModel = declareReadModel(PROJECTION_WATERMARKS_COLLECTION, ['consumerGroup']);

/**
 * The instant up to which every accepted event is reflected in the read models, or null if that
 * cannot be said yet. Every partition of the topic must have a watermark: one with none has not been
 * looked at, and may hold anything. A caught-up partition vouches for the moment it was last checked;
 * one still behind only for the newest event it applied. The answer is the earliest of those.
 */
export function completeThrough(watermarks: ProjectionWatermarkDocument[]): string | null {
  if (watermarks.length === 0) return null;
  const partitionCount = Math.max(...watermarks.map((w) => w.partitionCount));
  const seen = new Set(watermarks.map((w) => w.partition));
  for (let partition = 0; partition < partitionCount; partition += 1) if (!seen.has(partition)) return null;
  const vouched = watermarks.map((w) => (BigInt(w.appliedOffset) + 1n >= BigInt(w.highWatermark) ? w.updatedAt : w.lastRecordedAt));
  if (vouched.some((t) => t === '')) return null;
  return vouched.reduce((earliest, t) => (t < earliest ? t : earliest));
}

/** completeThrough for the live projector's consumer group, read from its watermark documents. */
export async function readCompleteThrough(db: Db, consumerGroup: string): Promise<string | null> {
  const watermarks = await db.collection<ProjectionWatermarkDocument>(PROJECTION_WATERMARKS_COLLECTION).find({ consumerGroup }).toArray();
  return completeThrough(watermarks);
}
