import { Inject } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import type { AuditEvent, PositionedEvent } from '@ledger/events';
import { AUDIT_FACTS_COLLECTION, AUDIT_FACTS_READ_MODEL, AuditFactDocument, collectionInGeneration, ReadStore } from '@ledger/read-store';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { groupByDocument, projectDocuments } from '../project-ledger/document-projection';
import { evolveAuditFact, routeAuditEvent } from './evolve-audit-fact';

const AUDIT_TYPES = new Set(['IdentifiableReportRun', 'CertificateIssued']);

/** Owns `audit_facts`: one unchanging document per identifiable report run and certificate issued, and certificate verification by code. */
@EventsHandler(LedgerBatchReceived)
export class AuditFactsProjection implements IEventHandler<LedgerBatchReceived> {
  readonly readModels = [AUDIT_FACTS_READ_MODEL];

  constructor(@Inject(ReadStore) private readonly store: ReadStore) {}

  async handle({ events, generation }: LedgerBatchReceived): Promise<void> {
    const audit = events.filter((e): e is PositionedEvent<AuditEvent> => AUDIT_TYPES.has(e.event.type));
    await projectDocuments(
      this.store.db.collection<AuditFactDocument>(collectionInGeneration(AUDIT_FACTS_COLLECTION, generation)),
      groupByDocument(audit.flatMap(routeAuditEvent), (routed) => routed.documentId),
      evolveAuditFact,
    );
  }
}
