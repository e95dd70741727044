import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { createKafka } from '@ledger/kafka';
import { APPLIED_EVENTS_READ_MODEL, collectionInGeneration, PROJECTION_WATERMARKS_COLLECTION, ProjectionWatermarkDocument, ReadStore } from '@ledger/read-store';
import type { ProjectorConfig, ReplayCut } from '../config';
import { ProjectorModule } from '../projector.module';
import { GenerationIndexes } from '../project-ledger/generation-indexes';
import { appliedOffsets, covers, Offsets, RebuildProgress } from './rebuild-read-models';

export interface CutReplayResult {
  /** Events read from the ledger (every offset up to the cut, of every partition). */
  eventsRead: number;
  /** Events applied to the projections (all of them, or a targeted replay's share). */
  eventsApplied: number;
  seconds: number;
  /** The read models the generation holds (for dropping it again). */
  readModels: string[];
}

/**
 * Replays the ledger cut at a past position into `generation`, with the rebuild's machinery: the same
 * projections, a consumer group of its own, and each partition stopped after its cut offset (see
 * ReplayCut). Live projection is not touched and readers are not switched: the generation is read
 * only by whoever names it (an auditor's view as of a moment).
 */
export async function replayCut(
  liveConfig: ProjectorConfig,
  logger: Logger,
  generation: string,
  cut: ReplayCut,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
): Promise<CutReplayResult> {
  const config: ProjectorConfig = { ...liveConfig, rebuildGeneration: generation, replayCut: cut, consumerGroup: `${liveConfig.consumerGroup}.as-of.${generation}` };
  const store = await ReadStore.connect({ mongoUrl: config.mongoUrl, database: config.database, ferretDbPostgresUrl: config.ferretDbPostgresUrl });
  const admin = createKafka({ brokers: config.kafkaBrokers, clientId: 'projector-as-of', ledgerTopic: config.ledgerTopic }, logger).admin();
  await admin.connect();
  const started = Date.now();
  let context: INestApplicationContext | undefined;
  try {
    const low: Offsets = new Map((await admin.fetchTopicOffsets(config.ledgerTopic)).map((o) => [o.partition, BigInt(o.low)]));
    const target: Offsets = new Map([...cut.stopAfter].filter(([p, stop]) => stop >= (low.get(p) ?? 0n)));
    const total = [...target].reduce((sum, [p, stop]) => sum + Number(stop + 1n - (low.get(p) ?? 0n)), 0);
    context = await NestFactory.createApplicationContext(ProjectorModule.register(config, logger), { logger: false });
    for (;;) {
      const replayed = await appliedOffsets(store, config.consumerGroup);
      const done = [...target].reduce((sum, [p]) => sum + Number((replayed.get(p) ?? -1n) + 1n - (low.get(p) ?? 0n)), 0);
      const elapsed = (Date.now() - started) / 1000;
      const eventsPerSecond = elapsed > 0 ? Math.round(done / elapsed) : 0;
      onProgress({ done: Math.min(Math.max(done, 0), total), total, eventsPerSecond, secondsLeft: eventsPerSecond > 0 ? Math.round(Math.max(total - done, 0) / eventsPerSecond) : null });
      if (covers(replayed, target)) break;
      await sleep(250);
    }
    await context.get(GenerationIndexes).ensureGeneration(generation);
    const readModels = context.get(GenerationIndexes).readModels().map((m) => m.name);
    await context.close();
    context = undefined;
    const eventsApplied = await store.db.collection(collectionInGeneration(APPLIED_EVENTS_READ_MODEL.name, generation)).countDocuments();
    return { eventsRead: total, eventsApplied, seconds: (Date.now() - started) / 1000, readModels };
  } finally {
    await context?.close();
    await admin.deleteGroups([config.consumerGroup]).catch(() => undefined);
    await store.db.collection<ProjectionWatermarkDocument>(PROJECTION_WATERMARKS_COLLECTION).deleteMany({ consumerGroup: config.consumerGroup });
    await admin.disconnect();
    await store.close();
  }
}
