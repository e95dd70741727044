import { setTimeout as sleep } from 'node:timers/promises';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { createKafka } from '@ledger/kafka';
import { collectionInGeneration, currentGeneration, PROJECTION_WATERMARKS_COLLECTION, ProjectionWatermarkDocument, ReadStore, switchGeneration } from '@ledger/read-store';
import type { ProjectorConfig } from '../config';
import { ProjectorModule } from '../projector.module';
import { PROJECTIONS, Projection } from '../project-ledger/projections';
import { diffGenerations, DocumentDifference } from './compare-generations';

export type RebuildMode = 'switch' | 'verify';

export interface RebuildProgress {
  done: number;
  total: number;
  eventsPerSecond: number;
  secondsLeft: number | null;
}

export interface RebuildResult {
  generation: string;
  previousGeneration: string;
  events: number;
  seconds: number;
  /** For `verify`: every document that differs between the live and the rebuilt read models. */
  differences: DocumentDifference[];
}

/**
 * Replays the ledger from offset 0 into a new generation of read models, beside the live ones and
 * while live projection goes on. `switch` then points readers at the new generation (one write) and
 * keeps replaying until it has passed the live projector, so nothing the live one applied just before
 * the switch is missing. `verify` instead waits for both to reach the same ledger position and
 * compares them by content hash.
 */
export async function rebuildReadModels(
  liveConfig: ProjectorConfig,
  logger: Logger,
  mode: RebuildMode,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
): Promise<RebuildResult> {
  const generation = `r${Date.now().toString(36)}`;
  const config: ProjectorConfig = { ...liveConfig, rebuildGeneration: generation, consumerGroup: `${liveConfig.consumerGroup}.rebuild.${generation}` };
  const store = await ReadStore.connect({ mongoUrl: config.mongoUrl, database: config.database });
  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'projector-rebuild', ledgerTopic: config.ledgerTopic }, logger);
  const admin = kafka.admin();
  await admin.connect();
  const started = Date.now();
  const previousGeneration = await currentGeneration(store.db);
  const context = await NestFactory.createApplicationContext(ProjectorModule.register(config, logger), { logger: false });
  try {
    const offsets = await admin.fetchTopicOffsets(config.ledgerTopic);
    const low = new Map(offsets.map((o) => [o.partition, BigInt(o.low)]));
    const target = new Map(offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high) - 1n]));
    if (mode === 'verify') for (const [p, offset] of await appliedOffsets(store, liveConfig.consumerGroup)) if (offset > (target.get(p) ?? -1n)) target.set(p, offset);
    const total = [...target].reduce((sum, [p, last]) => sum + Number(last + 1n - (low.get(p) ?? 0n)), 0);
    const reached = async (group: string, goal: Map<number, bigint>) => {
      const applied = await appliedOffsets(store, group);
      const done = [...goal].reduce((sum, [p]) => sum + Number((applied.get(p) ?? -1n) + 1n - (low.get(p) ?? 0n)), 0);
      return { done: Math.max(0, done), all: [...goal].every(([p, last]) => (applied.get(p) ?? -1n) >= last) };
    };
    for (;;) {
      const { done, all } = await reached(config.consumerGroup, target);
      const elapsed = (Date.now() - started) / 1000;
      const eventsPerSecond = elapsed > 0 ? Math.round(done / elapsed) : 0;
      onProgress({ done: Math.min(done, total), total, eventsPerSecond, secondsLeft: eventsPerSecond > 0 ? Math.round((total - done) / eventsPerSecond) : null });
      if (all) break;
      await sleep(250);
    }
    const projections = context.get<Projection[]>(PROJECTIONS);
    const collections = projections.flatMap((p) => [...p.collections]);
    let differences: DocumentDifference[] = [];
    if (mode === 'verify') {
      while (!(await reached(liveConfig.consumerGroup, target)).all) await sleep(250);
      differences = await diffGenerations(store.db, collections, previousGeneration, generation);
      await context.close();
      // A verification leaves nothing behind: its generation was never read by anyone.
      for (const name of collections) await store.db.collection(collectionInGeneration(name, generation)).drop().catch(() => undefined);
    } else {
      await switchGeneration(store.db, generation, new Date());
      // Catch up past whatever the live projector applied (into the old generation) before it saw the switch.
      const live = await appliedOffsets(store, liveConfig.consumerGroup);
      while (!(await reached(config.consumerGroup, live)).all) await sleep(250);
    }
    return { generation, previousGeneration, events: total, seconds: (Date.now() - started) / 1000, differences };
  } finally {
    await context.close();
    await admin.deleteGroups([config.consumerGroup]).catch(() => undefined);
    await admin.disconnect();
    await store.close();
  }
}

/** The last applied offset per partition of a consumer group, from its watermark documents. */
async function appliedOffsets(store: ReadStore, consumerGroup: string): Promise<Map<number, bigint>> {
  const marks = await store.db.collection<ProjectionWatermarkDocument>(PROJECTION_WATERMARKS_COLLECTION).find({ consumerGroup }).toArray();
  return new Map(marks.map((m) => [m.partition, BigInt(m.appliedOffset)]));
}
