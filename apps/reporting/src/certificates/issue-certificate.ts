import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { CertificateIssuedV2, CertificateScopeType } from '@ledger/events';
import { AppError } from '@ledger/runtime';
import { IngestClient } from '../access/ingest-client';
import type { ReportingConfig } from '../config';
import { PdfRenderer } from '../report-outputs/pdf-renderer';
import { ReportDates } from '../report-outputs/report-dates';
import type { ReportSource } from '../report-outputs/report-source';
import { readProgrammeSummary } from '../shared/programme-summary/programme-summary';
import { REPORTING_CONFIG } from '../tokens';
import { Shell } from '../web/shell';
import { certificatePage } from './certificate-page';
import { CertificateComposer, ComposedCertificate } from './compose-certificate';
import { newVerificationCode } from './verification-code';

/** A certificate as downloaded: the PDF, and what identifies this issue. */
export interface DownloadedCertificate {
  pdf: Buffer;
  fileName: string;
  verificationCode: string;
  factsHash: string;
}

/**
 * Issues a learner's certificate: composes it from the current record (refusing, with what is
 * missing, when the record does not support one), renders it (page 1, then the summary pages unless
 * the course omits them) with the report PDF pool, and records the issue as `CertificateIssued`
 * through ingest, as reporting's own client. Only then is the PDF returned: a certificate whose issue
 * could not be recorded is never handed out (503), and nothing is recorded for one that failed to render.
 */
@Injectable()
export class CertificateIssuer {
  private readonly dates: ReportDates;

  constructor(
    private readonly composer: CertificateComposer,
    private readonly shell: Shell,
    private readonly renderer: PdfRenderer,
    private readonly ingest: IngestClient,
    @Inject(REPORTING_CONFIG) private readonly config: ReportingConfig,
  ) {
    this.dates = new ReportDates(config.reports.timeZone);
  }

  async issue(reply: FastifyReply, source: ReportSource, learnerId: string, kind: CertificateScopeType, containerId: string): Promise<DownloadedCertificate> {
    const composition = await this.composer.compose(source, learnerId, kind, containerId);
    if (!composition.available) throw new AppError('RESOURCE.NOT_FOUND', `There is no certificate for this yet: ${composition.missing.join('; ')}.`);
    const { certificate } = composition;
    const issue = { verificationCode: newVerificationCode(), issuedAt: new Date().toISOString() };
    const pdf = await this.render(reply, source, certificate, issue);
    await this.record(certificate, issue);
    return { pdf, fileName: `certificate-${containerId}-${issue.verificationCode}.pdf`, verificationCode: issue.verificationCode, factsHash: certificate.factsHash };
  }

  private async render(reply: FastifyReply, source: ReportSource, certificate: ComposedCertificate, issue: { verificationCode: string; issuedAt: string }): Promise<Buffer> {
    const { facts } = certificate;
    const page = await certificatePage(facts, issue, { hubName: this.config.hubName, publicUrl: this.config.publicUrl, dates: this.dates });
    // Pages 2+: the programme/course summary, from the same source, unless the course or programme leaves it out.
    const summaryOf = { learnerId: facts.learnerId, learnerName: facts.learnerName, kind: facts.kind, containerId: facts.containerId };
    const summary = certificate.omitsSummary ? null : await readProgrammeSummary(source, summaryOf, this.dates);
    const html = await this.shell.html(reply, null, 'certificates/certificate.njk', { certificate: page, summary });
    return this.renderer.render(html, {
      reportName: `Certificate: ${facts.title}`,
      ranBy: `${facts.learnerName} (${facts.learnerId})`,
      ranAt: this.dates.formatDateTime(issue.issuedAt),
      dataCompleteTo: this.dates.formatDateTime(certificate.watermark) || '–',
    });
  }

  private async record({ facts, factsHash, watermark }: ComposedCertificate, issue: { verificationCode: string; issuedAt: string }): Promise<void> {
    const data: CertificateIssuedV2 = {
      learnerId: facts.learnerId,
      scopeType: facts.kind,
      scopeId: facts.containerId,
      verificationCode: issue.verificationCode,
      watermark,
      learnerName: facts.learnerName,
      title: facts.title,
      completedAt: facts.completedAt,
      factsVersion: facts.factsVersion,
      factsHash,
    };
    const event = { eventId: randomUUID(), type: 'CertificateIssued', version: 2, occurredAt: issue.issuedAt, subject: facts.learnerId, actor: facts.learnerId, data };
    await this.ingest.appendAsReporting([event]).catch((error: unknown) => {
      if (error instanceof AppError) throw new AppError(error.code, 'The certificate could not be recorded, so it was not issued; try again.');
      throw error;
    });
  }
}
