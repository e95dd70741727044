import { setTimeout as sleep } from 'node:timers/promises';
import type { Collection } from 'mongodb';
import type { Logger } from 'pino';
import {
  AS_OF_GENERATIONS_COLLECTION,
  AsOfGenerationDocument,
  asOfGenerationName,
  asOfKey,
  AsOfScope,
  collectionInGeneration,
  LedgerCut,
  ReadStore,
} from '@ledger/read-store';
import type { ProjectorConfig } from '../config';
import type { RebuildProgress } from './rebuild-read-models';
import { replayCut } from './replay-cut';

/** What the learner's record needs besides the learner's own events: the catalogue (titles, courses, which sessions need a pass). */
const LEARNER_RECORD_ALSO_NEEDS = new Set(['catalogue']);

/** Progress is written to the generation's document at most this often. */
const PROGRESS_EVERY_MS = 1_000;

/**
 * The read models as of `cut` for `scope`: the generation computed before, while it is kept, or a new
 * one replayed now (see replayCut). A learner's scope replays only the learner's events and the catalogue
 * (a targeted replay; see the README for what it costs against the whole ledger). Its record says how
 * far the replay is, for the Auditor page, and when it is dropped.
 */
export async function asOfGeneration(
  config: ProjectorConfig,
  logger: Logger,
  store: ReadStore,
  cut: LedgerCut,
  scope: AsOfScope,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
  now: () => Date = () => new Date(),
): Promise<{ document: AsOfGenerationDocument; reused: boolean }> {
  const key = asOfKey(cut, scope);
  const records = store.db.collection<AsOfGenerationDocument>(AS_OF_GENERATIONS_COLLECTION);
  const existing = await untilNotBuilding(records, key, now);
  if (existing?.status === 'ready' && (existing.expiresAt === null || existing.expiresAt > now().toISOString())) return { document: existing, reused: true };
  const generation = asOfGenerationName(key);
  // A generation left half-built (a failed or interrupted replay) is started again from nothing.
  if (existing) await dropCollections(store, generation, existing.readModels);
  const building: AsOfGenerationDocument = {
    _id: key,
    cut,
    scope,
    generation,
    status: 'building',
    progress: { done: 0, total: 0 },
    eventsRead: 0,
    eventsApplied: 0,
    seconds: 0,
    startedAt: now().toISOString(),
    updatedAt: now().toISOString(),
    readyAt: null,
    expiresAt: null,
    readModels: [],
    error: null,
  };
  await records.replaceOne({ _id: key }, building, { upsert: true });
  let written = 0;
  const progress = (p: RebuildProgress) => {
    onProgress(p);
    if (Date.now() - written < PROGRESS_EVERY_MS) return;
    written = Date.now();
    void records.updateOne({ _id: key }, { $set: { progress: { done: p.done, total: p.total }, updatedAt: now().toISOString() } }).catch(() => undefined);
  };
  try {
    const stopAfter = new Map(Object.entries(cut.through).map(([p, o]) => [Number(p), BigInt(o)]));
    const targeted = scope.kind === 'learner' ? { subjects: new Set([scope.learnerId]), alsoFamilies: LEARNER_RECORD_ALSO_NEEDS } : {};
    const replayed = await replayCut(config, logger, generation, { stopAfter, ...targeted }, progress);
    const readyAt = now();
    const ready: AsOfGenerationDocument = {
      ...building,
      status: 'ready',
      progress: { done: replayed.eventsRead, total: replayed.eventsRead },
      eventsRead: replayed.eventsRead,
      eventsApplied: replayed.eventsApplied,
      seconds: replayed.seconds,
      readyAt: readyAt.toISOString(),
      updatedAt: readyAt.toISOString(),
      expiresAt: new Date(readyAt.getTime() + config.asOf.keepMinutes * 60_000).toISOString(),
      readModels: replayed.readModels,
    };
    await records.replaceOne({ _id: key }, ready);
    return { document: ready, reused: false };
  } catch (error) {
    await records.updateOne({ _id: key }, { $set: { status: 'failed', error: (error as Error).message } }).catch(() => undefined);
    throw error;
  }
}

/** A replay that reported no progress for this long is taken as abandoned (its process ended) and started again. */
const ABANDONED_AFTER_MS = 120_000;

/**
 * The generation's record once no other process is building it: another replay of the same cut (the
 * command and a job at once) is waited for rather than dropped under its feet.
 */
async function untilNotBuilding(records: Collection<AsOfGenerationDocument>, key: string, now: () => Date): Promise<AsOfGenerationDocument | null> {
  for (;;) {
    const existing = await records.findOne({ _id: key });
    if (existing?.status !== 'building' || now().getTime() - Date.parse(existing.updatedAt ?? existing.startedAt) > ABANDONED_AFTER_MS) return existing;
    await sleep(1_000);
  }
}

/** Drops every as-of generation whose time is up, and its record; returns how many. */
export async function dropExpiredAsOfGenerations(store: ReadStore, now: Date): Promise<number> {
  const records = store.db.collection<AsOfGenerationDocument>(AS_OF_GENERATIONS_COLLECTION);
  const expired = (await records.find({ status: 'ready' }).toArray()).filter((d) => d.expiresAt !== null && d.expiresAt <= now.toISOString());
  for (const document of expired) {
    await records.deleteOne({ _id: document._id });
    await dropCollections(store, document.generation, document.readModels);
  }
  return expired.length;
}

async function dropCollections(store: ReadStore, generation: string, readModels: readonly string[]): Promise<void> {
  for (const name of readModels) await store.db.collection(collectionInGeneration(name, generation)).drop().catch(() => undefined);
}
