import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Admin } from 'kafkajs';
import type { Logger } from 'pino';
import { createKafka } from '@ledger/kafka';
import { currentGeneration, PROJECTION_WATERMARKS_COLLECTION, ProjectionWatermarkDocument, ReadStore, switchGeneration, collectionInGeneration } from '@ledger/read-store';
import type { ReadModel } from '@ledger/read-store';
import type { ProjectorConfig } from '../config';
import { ProjectorModule } from '../projector.module';
import { GenerationIndexes } from '../project-ledger/generation-indexes';
import { LedgerProjector } from '../project-ledger/ledger-projector.service';
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
  /** Messages the replay set aside (would have dead-lettered); the live dead-letter topic is never written. */
  setAside: number;
  /** For `verify`: every document that differs between the live and the rebuilt read models, set-aside records included. */
  differences: DocumentDifference[];
}

export type Offsets = Map<number, bigint>;

/**
 * Replays the ledger from offset 0 into a new generation of read models, beside the live ones and
 * while live projection goes on. The replay never writes to the live dead-letter topic: it records
 * what it would set aside in its own generation.
 * - `switch`: replays until it has caught up with the live projector, stops (waiting for its last
 *   slices), and then points readers at the new generation in one write that also says, per partition,
 *   where the replay stopped. The live projector continues each partition from exactly there into the
 *   new generation (re-reading what it had applied only to the old one), so it never writes ahead of
 *   the replay and nothing is skipped or applied twice.
 * - `verify`: waits until the replay and the live projector stand at the same ledger positions and
 *   compares every read model by content hash, then drops the scratch generation.
 */
export async function rebuildReadModels(
  liveConfig: ProjectorConfig,
  logger: Logger,
  mode: RebuildMode,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
): Promise<RebuildResult> {
  const generation = `r${Date.now().toString(36)}`;
  const config: ProjectorConfig = { ...liveConfig, rebuildGeneration: generation, consumerGroup: `${liveConfig.consumerGroup}.rebuild.${generation}` };
  const store = await ReadStore.connect({ mongoUrl: config.mongoUrl, database: config.database, ferretDbPostgresUrl: config.ferretDbPostgresUrl });
  const admin = createKafka({ brokers: config.kafkaBrokers, clientId: 'projector-rebuild', ledgerTopic: config.ledgerTopic }, logger).admin();
  await admin.connect();
  const started = Date.now();
  const previousGeneration = await currentGeneration(store.db);
  let context: INestApplicationContext | undefined = await NestFactory.createApplicationContext(ProjectorModule.register(config, logger), { logger: false });
  const applied = (group: string) => appliedOffsets(store, group);
  try {
    const { low, target } = await replayTarget(admin, config.ledgerTopic, mode === 'verify' ? await applied(liveConfig.consumerGroup) : new Map());
    const total = [...target].reduce((sum, [p, last]) => sum + Number(last + 1n - (low.get(p) ?? 0n)), 0);
    const progress = async () => {
      const rebuilt = await applied(config.consumerGroup);
      const done = [...target].reduce((sum, [p]) => sum + Number((rebuilt.get(p) ?? -1n) + 1n - (low.get(p) ?? 0n)), 0);
      const elapsed = (Date.now() - started) / 1000;
      const eventsPerSecond = elapsed > 0 ? Math.round(done / elapsed) : 0;
      onProgress({ done: Math.min(Math.max(done, 0), total), total, eventsPerSecond, secondsLeft: eventsPerSecond > 0 ? Math.round(Math.max(total - done, 0) / eventsPerSecond) : null });
      return rebuilt;
    };
    while (!covers(await progress(), target)) await sleep(250);
    const readModels = context.get(GenerationIndexes).readModels();
    const setAside = () => context!.get(LedgerProjector).setAside.count(generation);
    let differences: DocumentDifference[] = [];
    let setAsideCount: number;
    if (mode === 'verify') {
      differences = await compareWhenLevel(store, config.consumerGroup, liveConfig.consumerGroup, readModels, previousGeneration, generation);
      setAsideCount = await setAside();
      await context.close();
      context = undefined;
      // A verification leaves nothing behind: its generation was never read by anyone.
      for (const { name } of readModels) await store.db.collection(collectionInGeneration(name, generation)).drop().catch(() => undefined);
    } else {
      // Catch up with where the live projector is now, then stop and hand each partition over.
      for (let live = await applied(liveConfig.consumerGroup); !covers(await progress(), live); live = await applied(liveConfig.consumerGroup)) await sleep(250);
      setAsideCount = await setAside();
      await context.close();
      context = undefined;
      await switchGeneration(store.db, generation, new Date(), await resumePoints(admin, config.ledgerTopic, await applied(config.consumerGroup)));
    }
    return { generation, previousGeneration, events: total, seconds: (Date.now() - started) / 1000, setAside: setAsideCount, differences };
  } finally {
    await context?.close();
    await admin.deleteGroups([config.consumerGroup]).catch(() => undefined);
    await admin.disconnect();
    await store.close();
  }
}

/** The last offset to replay per non-empty partition (its end now, or further if `atLeast` says so), and each partition's first offset. */
async function replayTarget(admin: Admin, topic: string, atLeast: Offsets): Promise<{ low: Offsets; target: Offsets }> {
  const offsets = await admin.fetchTopicOffsets(topic);
  const low: Offsets = new Map(offsets.map((o) => [o.partition, BigInt(o.low)]));
  const target: Offsets = new Map(offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high) - 1n]));
  for (const [p, offset] of atLeast) if (offset > (target.get(p) ?? -1n)) target.set(p, offset);
  return { low, target };
}

/**
 * Compares live and rebuilt once both stand at the same positions. If the live projector moved on
 * while the comparison ran (new events arrived), the replay follows it and the comparison is repeated.
 */
async function compareWhenLevel(store: ReadStore, rebuildGroup: string, liveGroup: string, readModels: readonly ReadModel[], live: string, rebuilt: string): Promise<DocumentDifference[]> {
  for (let attempt = 1; ; attempt += 1) {
    let [a, b] = [await appliedOffsets(store, rebuildGroup), await appliedOffsets(store, liveGroup)];
    while (!sameOffsets(a, b)) {
      await sleep(250);
      [a, b] = [await appliedOffsets(store, rebuildGroup), await appliedOffsets(store, liveGroup)];
    }
    const differences = await diffGenerations(store.db, readModels, live, rebuilt);
    const after = await appliedOffsets(store, liveGroup);
    if (differences.length === 0 || sameOffsets(after, b) || attempt >= 5) return differences;
  }
}

/** Per partition of the topic, the first offset the rebuilt generation does not hold. */
async function resumePoints(admin: Admin, topic: string, rebuilt: Offsets): Promise<Record<string, string>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return Object.fromEntries(offsets.map((o) => [String(o.partition), String(rebuilt.has(o.partition) ? rebuilt.get(o.partition)! + 1n : BigInt(o.low))]));
}

/** The last applied offset per partition of a consumer group, from its watermark documents. */
export async function appliedOffsets(store: ReadStore, consumerGroup: string): Promise<Offsets> {
  const marks = await store.db.collection<ProjectionWatermarkDocument>(PROJECTION_WATERMARKS_COLLECTION).find({ consumerGroup }).toArray();
  return new Map(marks.filter((m) => BigInt(m.appliedOffset) >= 0n).map((m) => [m.partition, BigInt(m.appliedOffset)]));
}

export const covers = (applied: Offsets, goal: Offsets) => [...goal].every(([p, last]) => (applied.get(p) ?? -1n) >= last);
const sameOffsets = (a: Offsets, b: Offsets) => covers(a, b) && covers(b, a);
