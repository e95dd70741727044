import { Controller, Get, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReportingConfig } from '../config';
import { sendPdf } from '../report-outputs/pdf-templates';
import { ReportDates } from '../report-outputs/report-dates';
import { ReportSources } from '../report-outputs/report-source';
import { readCertificateOverview } from '../shared/certificates/read-certificate-overview';
import { REPORTING_CONFIG } from '../tokens';
import { Shell } from '../web/shell';
import { WebErrorFilter } from '../web/web-error.filter';
import { readCertificateTarget, readVerificationCode } from './certificate-request';
import { CertificateIssuer, serverTiming } from './issue-certificate';
import { LearnerCertificates } from './learner-certificates';

/**
 * "Certificates" in the web shell, for the signed-in learner only (the paths name no learner, so
 * nobody can ask for anyone else's): every programme with certificates they have activity in, each
 * course and learning path with its icon enabled or greyed (with what is missing), the download (a
 * form post, since it records an issue), and the certificates issued, each as an Open Badges credential.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('my/certificates')
export class MyCertificatesController {
  private readonly dates: ReportDates;

  constructor(
    private readonly shell: Shell,
    private readonly sources: ReportSources,
    private readonly certificates: LearnerCertificates,
    private readonly issuer: CertificateIssuer,
    @Inject(REPORTING_CONFIG) config: ReportingConfig,
  ) {
    this.dates = new ReportDates(config.reports.timeZone);
  }

  @Get()
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const viewer = await this.shell.viewer(request);
    const source = this.sources.current();
    const learnerId = viewer.person.userId;
    const [dataCompleteThrough, programmes, issued] = await Promise.all([source.dataCompleteThrough(), readCertificateOverview(source, learnerId), this.certificates.issued(source, learnerId)]);
    await this.shell.render(reply, viewer, 'certificates.njk', {
      programmes,
      issued: issued.map((i) => ({ ...i, issuedOn: this.dates.formatDateTime(i.issuedAt), completedOn: this.dates.formatDate(i.completedAt) })),
      dataCompleteTo: this.dates.formatDateTime(dataCompleteThrough),
    });
  }

  @Post(':kind/:containerId')
  async download(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('kind') kind: string, @Param('containerId') containerId: string): Promise<FastifyReply> {
    const viewer = await this.shell.viewer(request);
    const target = readCertificateTarget(kind, containerId);
    const issued = await this.issuer.issue(reply, this.sources.current(), viewer.person.userId, target.kind, target.containerId);
    return sendPdf(reply.header('x-verification-code', issued.verificationCode).header('server-timing', serverTiming(issued.timings)), issued.fileName, issued.pdf);
  }

  @Get('issued/:code/credential')
  async credential(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('code') code: string): Promise<FastifyReply> {
    const viewer = await this.shell.viewer(request);
    const verificationCode = readVerificationCode(code);
    const jwt = await this.certificates.credential(this.sources.current(), viewer.person.userId, verificationCode);
    return reply
      .type('application/jwt')
      .header('content-disposition', `attachment; filename="open-badge-${verificationCode}.jwt"`)
      .header('cache-control', 'no-store')
      .send(jwt);
  }
}
