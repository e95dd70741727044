import type { Logger } from 'pino';
import type { Kafka } from 'kafkajs';
import { AuditJobDocument, AuditJobResult, GRANTS_COLLECTION, GrantsDocument, grantsIdOfViewer, ReadStore, standingGrants } from '@ledger/read-store';
import type { ProjectorConfig } from '../config';
import { rebuildReadModels, RebuildProgress } from '../rebuild/rebuild-read-models';
import { asOfGeneration } from '../rebuild/as-of-generations';
import { findLedgerCut } from '../rebuild/find-ledger-cut';

/** Differences a verify job keeps in its record (the count is always whole). */
const DIFFERENCES_KEPT = 50;

/** Thrown when the requester may not have the job run: recorded as refused, not failed. */
export class JobRefused extends Error {}

/**
 * Runs one auditor's job and returns its result: a rebuild that switches readers, a verification
 * against the live read models, or the read models as of an instant. Only someone whose auditor
 * appointment stands now may have any of them run (reporting checks the same before it asks).
 */
export async function runAuditJob(
  job: AuditJobDocument,
  context: { config: ProjectorConfig; logger: Logger; store: ReadStore; kafka: Kafka },
  onProgress: (progress: RebuildProgress) => void,
): Promise<AuditJobResult> {
  const { config, logger, store, kafka } = context;
  const grants = await (await store.readModel<GrantsDocument>(GRANTS_COLLECTION)).findOne({ _id: grantsIdOfViewer(job.requestedBy) });
  if (grants?.kind !== 'viewer' || standingGrants(grants.auditor).length === 0) throw new JobRefused(`${job.requestedBy} is not an auditor`);
  switch (job.kind) {
    case 'rebuild': {
      const result = await rebuildReadModels(config, logger, 'switch', onProgress);
      return { kind: 'rebuild', generation: result.generation, previousGeneration: result.previousGeneration, events: result.events, setAside: result.setAside };
    }
    case 'verify': {
      const result = await rebuildReadModels(config, logger, 'verify', onProgress);
      const differences = result.differences.slice(0, DIFFERENCES_KEPT).map((d) => ({ collection: d.collection, id: d.id, kind: d.kind }));
      return { kind: 'verify', events: result.events, setAside: result.setAside, differenceCount: result.differences.length, differences };
    }
    case 'as-of': {
      if (job.asOf === null) throw new Error('an as-of job names no instant');
      const cut = await findLedgerCut(kafka, config.ledgerTopic, new Date(job.asOf), config.asOf.clockMarginMs);
      const scope = job.learnerId === null ? ({ kind: 'ledger' } as const) : ({ kind: 'learner', learnerId: job.learnerId } as const);
      const { document, reused } = await asOfGeneration(config, logger, store, cut, scope, onProgress);
      return { kind: 'as-of', asOfKey: document._id, generation: document.generation, reused, eventsRead: document.eventsRead, eventsApplied: document.eventsApplied };
    }
  }
}
