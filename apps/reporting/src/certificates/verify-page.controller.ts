import { Controller, Get, Inject, Param, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ReportingConfig } from '../config';
import { ReportDates } from '../report-outputs/report-dates';
import { ReportSources } from '../report-outputs/report-source';
import { REPORTING_CONFIG } from '../tokens';
import { Shell } from '../web/shell';
import { WebErrorFilter } from '../web/web-error.filter';
import { VERIFICATION_CODE_RULE } from './certificate-request';
import { normaliseVerificationCode } from './verification-code';
import { CertificateVerifier } from './verify-certificate';

/**
 * "Check a certificate": the public page a certificate's QR code opens, and a form to type a code.
 * It needs no sign-in and shows what GET /verify/{code} does, nothing more (rate-limited alike).
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('verify-certificate')
export class VerifyPageController {
  private readonly dates: ReportDates;

  constructor(
    private readonly shell: Shell,
    private readonly sources: ReportSources,
    private readonly verifier: CertificateVerifier,
    @Inject(REPORTING_CONFIG) config: ReportingConfig,
  ) {
    this.dates = new ReportDates(config.reports.timeZone);
  }

  @Get()
  async form(@Res() reply: FastifyReply, @Query('code') typed?: string): Promise<void> {
    if (typed === undefined) return this.shell.render(reply, null, 'certificates/verify-certificate.njk', { values: {} });
    const code = normaliseVerificationCode(typed);
    if (!code) return this.refuse(reply, typed);
    await reply.redirect(`/verify-certificate/${code}`, 303);
  }

  @Get(':code')
  async result(@Res() reply: FastifyReply, @Param('code') typed: string): Promise<void> {
    const code = normaliseVerificationCode(typed);
    if (!code) return this.refuse(reply, typed);
    const verification = await this.verifier.verify(this.sources.current(), code);
    const certificate = verification.certificate && {
      ...verification.certificate,
      completedOn: this.dates.formatDate(verification.certificate.completedAt),
      issuedOn: this.dates.formatDate(verification.certificate.issuedAt),
    };
    await this.shell.render(reply, null, 'certificates/verify-certificate.njk', { verification: { ...verification, certificate }, values: { code } });
  }

  private refuse(reply: FastifyReply, typed: string): Promise<void> {
    const errors = [{ field: 'code', text: `Enter the verification code ${VERIFICATION_CODE_RULE.replace(/^must be /, 'as ')}` }];
    return this.shell.render(reply, null, 'certificates/verify-certificate.njk', { errors, values: { code: typed } }, 400);
  }
}
