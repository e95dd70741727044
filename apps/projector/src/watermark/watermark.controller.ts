import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { completeThrough, currentGeneration, PROJECTION_WATERMARKS_COLLECTION, ProjectionWatermarkDocument, ReadStore } from '@ledger/read-store';
import type { ProjectorConfig } from '../config';
import { LedgerProjector } from '../project-ledger/ledger-projector.service';
import { PROJECTIONS, Projection } from '../project-ledger/projections';
import { PROJECTOR_CONFIG } from '../tokens';

/** How far the read models reflect the ledger; every projection moves with the same batches, so they share it. */
@ApiTags('operations')
@Controller('v1/watermark')
export class WatermarkController {
  constructor(
    @Inject(ReadStore) private readonly store: ReadStore,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
    private readonly projector: LedgerProjector,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Applied offsets per partition, the newest recordedAt, "complete through", dead-letter count, and group joins (1 = no rebalance)' })
  async watermark() {
    const partitions = await this.store.db
      .collection<ProjectionWatermarkDocument>(PROJECTION_WATERMARKS_COLLECTION)
      .find({ consumerGroup: this.config.consumerGroup })
      .toArray();
    return {
      consumerGroup: this.config.consumerGroup,
      projections: this.projections.map((p) => p.constructor.name),
      partitions: partitions
        .sort((a, b) => a.partition - b.partition)
        .map(({ partition, appliedOffset, highWatermark, lastRecordedAt, generation, updatedAt }) => ({ partition, appliedOffset, highWatermark, lastRecordedAt, generation, updatedAt })),
      newestRecordedAt: partitions.reduce<string | null>((n, p) => (n === null || p.lastRecordedAt > n ? p.lastRecordedAt : n), null),
      completeThrough: completeThrough(partitions),
      deadLettered: await this.projector.setAside.count(await currentGeneration(this.store.db)),
      consumerGroupJoins: this.projector.consumerGroupJoins,
    };
  }
}
