import { Inject } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import type { Collection } from 'mongodb';
import type { KnownLedgerEvent, PositionedEvent } from '@ledger/events';
import { ANONYMISED_CELLS_READ_MODEL, AnonymisedCellDocument, collectionInGeneration, ReadStore, readByIds } from '@ledger/read-store';
import type { ProjectorConfig } from '../config';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { groupByDocument, projectDocuments, retryOnConflict } from '../project-ledger/document-projection';
import { documentKeys, documentLocks } from '../project-ledger/document-locks';
import { PROJECTOR_CONFIG } from '../tokens';
import { AggregatedEvent, AGGREGATION_LEARNER_STATE_READ_MODEL, AggregationLearnerStateDocument } from './aggregation-learner-state';
import { ANONYMISED_CATALOGUE_READ_MODEL, AnonymisedCatalogueNode, catalogueNodeIdOf, evolveCatalogueNode, isPlacingEvent, PlacingEvent } from './anonymised-catalogue';
import { ANONYMISED_LEARNER_YEARS_READ_MODEL, AnonymisedLearnerYearDocument, CellContribution } from './anonymised-learner-year';
import { evolveAnonymisedCell, shardIdOf } from './evolve-anonymised-cell';
import { mergeAtPosition, mergeRunByCell } from './merge-contributions';
import { planCatalogueRecount } from './plan-catalogue-recount';
import { recountContainers } from './recount-containers';
import { learnerYearIdsOf, planLearnerBatch } from './plan-learner-batch';
import { writeLearnerStates, writeLearnerYears } from './write-learner-states';

const AGGREGATED_TYPES = new Set(['SessionAccessed', 'SessionCompleted', 'AssessmentScored', 'EmploymentLocationSet']);
/** Times the catalogue is read again after a write before the run is retried from the start. */
const SETTLE_ROUNDS = 5;

interface Collections {
  cells: Collection<AnonymisedCellDocument>;
  states: Collection<AggregationLearnerStateDocument>;
  years: Collection<AnonymisedLearnerYearDocument>;
  catalogue: Collection<AnonymisedCatalogueNode>;
}

/**
 * Owns `anonymised_cells` (distinct learners, time and scores by session, course, learning path and
 * programme × organisation × month, quarter and year; no person in them) and its internal,
 * identifiable memory: `aggregation_learner_state` (each learner's organisation now, how far their
 * events were counted), `anonymised_learner_years` (what each learner did where and when, and which
 * cells count them) and `anonymised_catalogue` (where each session sits).
 *
 * A batch is applied in runs of consecutive events of one kind, in ledger order, so shard positions
 * only ever grow. For activity: read the learners' states, then their year memories, then the
 * catalogue; plan (a pure fold); write the memories (guarded; each carries the shard changes it
 * decided in its outbox); write the shards from the outboxes; write the states last.
 * - A crash before the memories are written changes nothing; redelivery plans the same again.
 * - A crash after the memories and before the shards leaves the changes in the outboxes; redelivery
 *   finds the memories already hold the events and writes those changes (shards skip what they hold).
 * - The states are written last, so an event they hold was counted everywhere.
 * For catalogue definitions: write this projection's copy first, then recount every learner-year that
 * holds an affected session (found by `sessionIds`), in this partition's own shards. Activity reads its
 * memory before the catalogue, so a memory is never newer than the catalogue it is recounted with; a
 * learner's first activity in a session can still race a catalogue change that did not see it yet, so
 * after writing, the activity run reads the catalogue again and recounts what moved meanwhile.
 */
@EventsHandler(LedgerBatchReceived)
export class AnonymisedAggregatesProjection implements IEventHandler<LedgerBatchReceived> {
  readonly readModels = [ANONYMISED_CELLS_READ_MODEL, AGGREGATION_LEARNER_STATE_READ_MODEL, ANONYMISED_LEARNER_YEARS_READ_MODEL, ANONYMISED_CATALOGUE_READ_MODEL];

  constructor(
    @Inject(ReadStore) private readonly store: ReadStore,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
  ) {}

  async handle({ events, generation }: LedgerBatchReceived): Promise<void> {
    const collections = this.collectionsOf(generation);
    for (const run of runsOf(events)) {
      if (run.kind === 'activity') await retryOnConflict(() => this.applyActivity(collections, run.events as PositionedEvent<AggregatedEvent>[]));
      else await retryOnConflict(() => this.applyCatalogue(collections, run.events as PositionedEvent<PlacingEvent>[]));
    }
  }

  /** Holds the learners' memories for the whole run: a catalogue partition may recount them meanwhile. */
  private applyActivity(c: Collections, events: PositionedEvent<AggregatedEvent>[]): Promise<void> {
    const yearIds = learnerYearIdsOf(events, this.config.reportTimeZone);
    return documentLocks.withLocks(documentKeys(c.years, yearIds), () => this.applyActivityLocked(c, events, yearIds));
  }

  private async applyActivityLocked(c: Collections, events: PositionedEvent<AggregatedEvent>[], yearIds: string[]): Promise<void> {
    const writer = events[0].position.partition;
    const states = await readByIds(c.states, new Set(events.map(({ event }) => event.subject)));
    const years = await readByIds(c.years, yearIds);
    const sessions = new Set([...[...years.values()].flatMap((y) => y.sessionIds), ...events.flatMap(({ event }) => ('sessionId' in event.data ? [event.data.sessionId] : []))]);
    const parents = await this.parentsOf(c.catalogue, sessions);
    const plan = planLearnerBatch({ states, years, parents, timeZone: this.config.reportTimeZone }, events);
    const written = await writeLearnerYears(c.years, plan.learnerYears.values());
    const settled = await this.settle(c, written, parents, writer);
    await this.writeShards(c.cells, [...flushed(years.values(), writer), ...outboxOf(settled, writer)]);
    await writeLearnerStates(c.states, plan.learnerStates.values());
  }

  private async applyCatalogue(c: Collections, placing: PositionedEvent<PlacingEvent>[]): Promise<void> {
    const writer = placing[0].position.partition;
    await projectDocuments(c.catalogue, groupByDocument(placing, catalogueNodeIdOf), evolveCatalogueNode);
    const sessions = new Set<string>();
    for (const positioned of placing) {
      if (positioned.event.type === 'SessionDefined') sessions.add(positioned.event.data.sessionId);
      else for (const node of await c.catalogue.find({ parent: catalogueNodeIdOf(positioned) }).toArray()) sessions.add(node._id.slice('session:'.length));
    }
    const found = new Set<string>();
    for (const sessionId of sessions) for (const doc of await c.years.find({ sessionIds: sessionId }, { batchSize: 1000, projection: { _id: 1 } }).toArray()) found.add(doc._id);
    if (found.size === 0) return;
    // Read again under their locks: a learner's own partition may have been writing them.
    await documentLocks.withLocks(documentKeys(c.years, found), () => this.recountLocked(c, placing, writer, found));
  }

  private async recountLocked(c: Collections, placing: PositionedEvent<PlacingEvent>[], writer: number, ids: Set<string>): Promise<void> {
    const affected = await readByIds(c.years, ids);
    const parents = await this.parentsOf(c.catalogue, new Set([...affected.values()].flatMap((y) => y.sessionIds)));
    const plan = planCatalogueRecount(placing, [...affected.values()], parents);
    const written = await writeLearnerYears(c.years, plan.learnerYears.values());
    const settled = await this.settle(c, written, parents, writer);
    await this.writeShards(c.cells, [...flushed(affected.values(), writer), ...outboxOf(settled, writer)]);
  }

  /**
   * After writing memories recounted against `used`, reads the catalogue again: another partition may
   * have moved one of their sessions meanwhile without seeing these memories (it looked for them
   * before they were written). Recounts what moved, at this writer's position (merged into its
   * outbox), until the catalogue stands still. A memory another writer changed meanwhile makes the
   * guarded write throw, and the whole run is retried from what is stored.
   */
  private async settle(c: Collections, written: AnonymisedLearnerYearDocument[], used: ReadonlyMap<string, string>, writer: number): Promise<AnonymisedLearnerYearDocument[]> {
    let docs = written;
    let seen = used;
    for (let round = 0; round < SETTLE_ROUNDS && docs.length > 0; round += 1) {
      const now = await this.parentsOf(c.catalogue, new Set(docs.flatMap((y) => y.sessionIds)));
      if (![...now].some(([node, parent]) => seen.get(node) !== parent)) return docs;
      const changes = docs.map((doc) => {
        const own = doc.outbox.find((o) => o.writer === writer)!;
        const last = own.contributions.length > 0 ? own.contributions.reduce((max, x) => (BigInt(x.position.offset) > BigInt(max.position.offset) ? x : max)) : null;
        if (!last) return { stored: doc, next: doc };
        const recount = recountContainers(doc, now, last.position, last.recordedAt);
        const merged = mergeRunByCell([...own.contributions, ...recount.contributions]);
        return { stored: doc, next: { ...recount.next, outbox: [...doc.outbox.filter((o) => o.writer !== writer), { writer, contributions: merged }] } };
      });
      docs = await writeLearnerYears(c.years, changes);
      seen = now;
    }
    return docs;
  }

  /** Each shard's changes in position order, folded and written once (guarded by its offsets). */
  private async writeShards(cells: Collection<AnonymisedCellDocument>, contributions: CellContribution[]): Promise<void> {
    const ordered = mergeAtPosition(contributions).sort((a, b) => (BigInt(a.position.offset) < BigInt(b.position.offset) ? -1 : BigInt(a.position.offset) > BigInt(b.position.offset) ? 1 : 0));
    await projectDocuments(cells, groupByDocument(ordered, shardIdOf), evolveAnonymisedCell);
  }

  /** Where the catalogue places these sessions, and their containers: node id → parent node id. */
  private async parentsOf(catalogue: Collection<AnonymisedCatalogueNode>, sessionIds: Set<string>): Promise<Map<string, string>> {
    const sessionNodes = await readByIds(catalogue, [...sessionIds].map((s) => `session:${s}`));
    const containerNodes = await readByIds(catalogue, [...new Set([...sessionNodes.values()].map((n) => n.parent))]);
    return new Map([...sessionNodes.values(), ...containerNodes.values()].map((n) => [n._id, n.parent]));
  }

  private collectionsOf(generation: string): Collections {
    const collection = <D extends object>(name: string) => this.store.db.collection<D>(collectionInGeneration(name, generation));
    return {
      cells: collection<AnonymisedCellDocument>(ANONYMISED_CELLS_READ_MODEL.name),
      states: collection<AggregationLearnerStateDocument>(AGGREGATION_LEARNER_STATE_READ_MODEL.name),
      years: collection<AnonymisedLearnerYearDocument>(ANONYMISED_LEARNER_YEARS_READ_MODEL.name),
      catalogue: collection<AnonymisedCatalogueNode>(ANONYMISED_CATALOGUE_READ_MODEL.name),
    };
  }
}

/** The batch's events this projection reads, cut into runs of one kind, in ledger order. */
function runsOf(events: readonly PositionedEvent<KnownLedgerEvent>[]): Array<{ kind: 'activity' | 'catalogue'; events: PositionedEvent<KnownLedgerEvent>[] }> {
  const runs: Array<{ kind: 'activity' | 'catalogue'; events: PositionedEvent<KnownLedgerEvent>[] }> = [];
  for (const positioned of events) {
    const kind = AGGREGATED_TYPES.has(positioned.event.type) ? 'activity' : isPlacingEvent(positioned) ? 'catalogue' : null;
    if (!kind) continue;
    const last = runs[runs.length - 1];
    if (last?.kind === kind) last.events.push(positioned);
    else runs.push({ kind, events: [positioned] });
  }
  return runs;
}

/**
 * The shard changes this writer left in the outboxes of the memories as they were read: written again
 * (each shard skips what it holds), so a run that crashed after its memories and before its shards loses nothing.
 */
function flushed(stored: Iterable<AnonymisedLearnerYearDocument>, writer: number): CellContribution[] {
  return [...stored].flatMap((doc) => doc.outbox.find((o) => o.writer === writer)?.contributions ?? []);
}

/** This writer's shard changes in the memories it wrote. */
function outboxOf(docs: readonly AnonymisedLearnerYearDocument[], writer: number): CellContribution[] {
  return docs.flatMap((doc) => doc.outbox.find((o) => o.writer === writer)?.contributions ?? []);
}
