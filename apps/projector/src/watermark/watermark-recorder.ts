import { Inject, Injectable } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { BatchInfo, LedgerMessage } from '@ledger/kafka';
import { insertIgnoringDuplicates, PROJECTION_WATERMARKS_COLLECTION, ProjectionWatermarkDocument, readGeneration, ReadStore } from '@ledger/read-store';
import type { ProjectorConfig } from '../config';
import { APP_LOGGER, KAFKA, PROJECTOR_CONFIG } from '../tokens';

/**
 * Records, after each applied slice, how far its partition has been projected, and while partitions
 * are idle confirms they are still caught up (so "data complete to" moves on when nothing happens)
 * and gives partitions that never held an event a watermark too (so they count as looked at). The
 * collection holds one small document per partition, so its writes stay cheap on any store.
 */
@Injectable()
export class WatermarkRecorder {
  private timer?: NodeJS.Timeout;
  private admin?: Admin;
  private checking?: Promise<void>;

  constructor(
    @Inject(ReadStore) private readonly store: ReadStore,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  private get collection() {
    return this.store.db.collection<ProjectionWatermarkDocument>(PROJECTION_WATERMARKS_COLLECTION);
  }

  async record(consumerGroup: string, last: LedgerMessage, info: BatchInfo, applied: { newestRecordedAt?: string; generation: string }, now: Date): Promise<void> {
    const id = `${consumerGroup}|${info.partition}`;
    const previous = await this.collection.findOne({ _id: id });
    const document: ProjectionWatermarkDocument = {
      _id: id,
      consumerGroup,
      topic: last.topic,
      partition: info.partition,
      partitionCount: previous?.partitionCount ?? info.partition + 1,
      appliedOffset: last.offset,
      highWatermark: info.highWatermark,
      lastRecordedAt: applied.newestRecordedAt ?? previous?.lastRecordedAt ?? '',
      generation: applied.generation,
      updatedAt: now.toISOString(),
    };
    await this.collection.replaceOne({ _id: id }, document, { upsert: true });
  }

  /** The generation the partition's last slice was applied to; undefined before the first. */
  async generationOf(consumerGroup: string, partition: number): Promise<string | undefined> {
    return (await this.markOf(consumerGroup, partition))?.generation;
  }

  /** A partition's watermark: how far it was applied, and to which generation. */
  markOf(consumerGroup: string, partition: number): Promise<ProjectionWatermarkDocument | null> {
    return this.collection.findOne({ _id: `${consumerGroup}|${partition}` });
  }

  startIdleChecks(consumerGroup: string, topic: string): void {
    const check = () => {
      this.checking = this.checkIdle(consumerGroup, topic, new Date()).catch((error: unknown) => this.logger.warn({ err: error }, 'watermark check failed'));
    };
    check();
    this.timer = setInterval(check, this.config.watermarkCheckMs);
  }

  async stopIdleChecks(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
    await this.admin?.disconnect();
  }

  /**
   * For every partition of the topic: create its watermark if it has none, and move `updatedAt` to
   * now where it is caught up. Each update is guarded by the applied offset it read, so it never
   * overwrites a slice's newer watermark.
   */
  async checkIdle(consumerGroup: string, topic: string, now: Date): Promise<void> {
    if (!this.admin) {
      this.admin = this.kafka.admin();
      await this.admin.connect();
    }
    const ends = await this.admin.fetchTopicOffsets(topic);
    const partitionCount = ends.length;
    const marks = new Map((await this.collection.find({ consumerGroup }).toArray()).map((m) => [m.partition, m]));
    const generation = (await readGeneration(this.store.db)).generation;
    const missing: ProjectionWatermarkDocument[] = [];
    for (const { partition, high } of ends) {
      const mark = marks.get(partition);
      if (!mark) {
        const fields = { consumerGroup, topic, partition, partitionCount, appliedOffset: '-1', highWatermark: high, lastRecordedAt: '', generation };
        missing.push({ _id: `${consumerGroup}|${partition}`, ...fields, updatedAt: now.toISOString() });
        continue;
      }
      const caughtUp = BigInt(mark.appliedOffset) + 1n >= BigInt(high);
      const update = caughtUp ? { highWatermark: high, partitionCount, updatedAt: now.toISOString() } : { highWatermark: high, partitionCount };
      await this.collection.updateOne({ _id: mark._id, appliedOffset: mark.appliedOffset }, { $set: update });
    }
    if (missing.length > 0) await insertIgnoringDuplicates(this.collection, missing);
  }
}
