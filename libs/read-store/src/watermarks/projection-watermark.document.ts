import type { Db } from 'mongodb';

/**
 * How far the projector has applied one ledger partition. Written by the projector after each batch's
 * read-model writes succeeded and before its offset is committed; read by anyone who must say how
 * current the read models are ("data complete to …", xAPI's Consistent-Through).
 */
export interface ProjectionWatermarkDocument {
  /** `consumerGroup|partition` */
  _id: string;
  consumerGroup: string;
  topic: string;
  partition: number;
  /** Offset of the last applied message. */
  appliedOffset: string;
  /** The partition's end offset seen with that batch; applied up to it means caught up. */
  highWatermark: string;
  /** `recordedAt` of the newest event applied from this partition. */
  lastRecordedAt: string;
  /** When this document was written. */
  updatedAt: string;
}

export const PROJECTION_WATERMARKS_COLLECTION = 'projection_watermarks';

/**
 * The instant up to which every accepted event is reflected in the read models, or null if nothing has
 * been applied. A caught-up partition vouches for the moment it was last checked; one still behind
 * only for the newest event it applied. The answer is the earliest of those.
 */
export function completeThrough(watermarks: ProjectionWatermarkDocument[]): string | null {
  if (watermarks.length === 0) return null;
  const vouched = watermarks.map((w) => (BigInt(w.appliedOffset) + 1n >= BigInt(w.highWatermark) ? w.updatedAt : w.lastRecordedAt));
  return vouched.reduce((earliest, t) => (t < earliest ? t : earliest));
}

/** completeThrough for the live projector's consumer group, read from its watermark documents. */
export async function readCompleteThrough(db: Db, consumerGroup: string): Promise<string | null> {
  const watermarks = await db.collection<ProjectionWatermarkDocument>(PROJECTION_WATERMARKS_COLLECTION).find({ consumerGroup }).toArray();
  return completeThrough(watermarks);
}
