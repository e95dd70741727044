import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUDIT_FACTS_COLLECTION, AuditFactDocument, IdentifiableReportRunFact, ReadStore } from '@ledger/read-store';
import { Shell } from './shell';
import { WebErrorFilter } from './web-error.filter';

/** Most runs the page lists; the auditors' issue adds filters, paging and CSV. */
const MAX_RUNS = 200;

/** "Auditor": who was shown identifiable data, when, in which role, over how many people. For auditors only. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('auditor')
export class AuditorController {
  constructor(
    private readonly shell: Shell,
    private readonly store: ReadStore,
  ) {}

  @Get()
  async runs(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const viewer = await this.shell.viewer(request);
    this.shell.require(viewer.capabilities.auditor);
    const facts = await this.store.readModel<AuditFactDocument>(AUDIT_FACTS_COLLECTION);
    // A scan: the run facts are small and auditors ask rarely (see IdentifiableReportRunFact).
    const runs = (await facts.find({ kind: 'identifiable-report-run' }).toArray()) as IdentifiableReportRunFact[];
    runs.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
    await this.shell.render(reply, viewer, 'auditor.njk', { runs: runs.slice(0, MAX_RUNS), total: runs.length });
  }
}
