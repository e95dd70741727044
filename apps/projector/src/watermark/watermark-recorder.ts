import { Inject, Injectable } from '@nestjs/common';
import { PROJECTION_WATERMARKS_COLLECTION, ProjectionWatermarkDocument, ReadStore } from '@ledger/read-store';
import type { BatchInfo, LedgerMessage } from '@ledger/kafka';

/**
 * Records, after each applied batch, how far its partition has been projected. The collection holds
 * one small document per partition, so its updates stay cheap on any store.
 */
@Injectable()
export class WatermarkRecorder {
  constructor(@Inject(ReadStore) private readonly store: ReadStore) {}

  /** `newestRecordedAt` is that of the batch's newest applied event (undefined if all were dead-lettered). */
  async record(consumerGroup: string, last: LedgerMessage, info: BatchInfo, newestRecordedAt: string | undefined, now: Date): Promise<void> {
    const id = `${consumerGroup}|${info.partition}`;
    const collection = this.store.db.collection<ProjectionWatermarkDocument>(PROJECTION_WATERMARKS_COLLECTION);
    const previous = await collection.findOne({ _id: id });
    const document: ProjectionWatermarkDocument = {
      _id: id,
      consumerGroup,
      topic: last.topic,
      partition: info.partition,
      appliedOffset: last.offset,
      highWatermark: info.highWatermark,
      lastRecordedAt: newestRecordedAt ?? previous?.lastRecordedAt ?? '',
      updatedAt: now.toISOString(),
    };
    await collection.replaceOne({ _id: id }, document, { upsert: true });
  }
}
