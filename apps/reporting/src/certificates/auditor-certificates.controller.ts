import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUDIT_FACTS_COLLECTION, AuditFactDocument, CertificateIssuedFact } from '@ledger/read-store';
import { ReportSources } from '../report-outputs/report-source';
import { Shell } from '../web/shell';
import { WebErrorFilter } from '../web/web-error.filter';

/** Most issues the page lists, newest first. */
const MAX_ISSUES = 200;

/**
 * "Auditor → Certificates issued": every certificate issue recorded (who, what, when, the code, the
 * watermark it was computed at and its facts hash), for auditors only. Certificates themselves stay
 * reachable only by their learner; the issue records are what auditors check.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('auditor/certificates')
export class AuditorCertificatesController {
  constructor(
    private readonly shell: Shell,
    private readonly sources: ReportSources,
  ) {}

  @Get()
  async issues(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const viewer = await this.shell.viewer(request);
    this.shell.require(viewer.capabilities.auditor);
    const facts = await this.sources.current().readModel<AuditFactDocument>(AUDIT_FACTS_COLLECTION);
    const issues = (await facts.find({ kind: 'certificate-issued' }).batchSize(1000).toArray()) as CertificateIssuedFact[];
    issues.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
    await this.shell.render(reply, viewer, 'certificates/auditor-certificates.njk', { issues: issues.slice(0, MAX_ISSUES), total: issues.length });
  }
}
