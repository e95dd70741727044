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
import { CertificateOccasion, certificatePage } from './certificate-page';
import { CertificateComposer, ComposedCertificate } from './compose-certificate';
import { newVerificationCode } from './verification-code';

/** A certificate as downloaded: the PDF, and what identifies this issue. */
export interface DownloadedCertificate {
  pdf: Buffer;
  fileName: string;
  verificationCode: string;
  factsHash: string;
  /** Milliseconds per step, for a Server-Timing header: where a download's time goes, measured not guessed. */
  timings: { compose: number; page: number; pdf: number; record: number };
}

/** The Server-Timing header (W3C Server Timing) of a download's steps. */
export function serverTiming(timings: DownloadedCertificate['timings']): string {
  return Object.entries(timings)
    .map(([step, ms]) => `${step};dur=${ms.toFixed(1)}`)
    .join(', ');
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
    const clock = stopwatch();
    const composition = await this.composer.compose(source, learnerId, kind, containerId);
    if (!composition.available) throw new AppError('RESOURCE.NOT_FOUND', `There is no certificate for this yet: ${composition.missing.join('; ')}.`);
    const { certificate } = composition;
    const compose = clock.lap();
    const issue = { verificationCode: newVerificationCode(), issuedAt: new Date().toISOString() };
    const html = await this.page(reply, source, certificate, issue);
    const page = clock.lap();
    const { learnerName, learnerId: holder } = certificate.facts;
    const pdf = await this.pdf(html, certificate, { ranBy: `${learnerName} (${holder})`, ranAt: issue.issuedAt });
    const rendered = clock.lap();
    await this.record(certificate, issue);
    const timings = { compose, page, pdf: rendered, record: clock.lap() };
    return { pdf, fileName: `certificate-${containerId}-${issue.verificationCode}.pdf`, verificationCode: issue.verificationCode, factsHash: certificate.factsHash, timings };
  }

  /**
   * The PDF a download would have given from `source` (e.g. an as-of generation), stated as not issued:
   * no verification code, and nothing recorded here (an auditor's view as of a moment; the caller
   * records the view). Its header names who viewed it, and its footer the data it was computed from.
   */
  async renderUnissued(
    reply: FastifyReply,
    source: ReportSource,
    certificate: ComposedCertificate,
    viewedAsOf: string,
    viewedBy: string,
  ): Promise<Buffer> {
    const html = await this.page(reply, source, certificate, { viewedAsOf });
    return this.pdf(html, certificate, { ranBy: viewedBy, ranAt: new Date().toISOString() });
  }

  /** The certificate's HTML: page 1, then the programme/course summary (read from the same source) unless the course or programme leaves it out. */
  private async page(
    reply: FastifyReply,
    source: ReportSource,
    certificate: ComposedCertificate,
    occasion: CertificateOccasion,
  ): Promise<string> {
    const { facts } = certificate;
    const page = await certificatePage(facts, occasion, { hubName: this.config.hubName, publicUrl: this.config.publicUrl, dates: this.dates });
    const summaryOf = { learnerId: facts.learnerId, learnerName: facts.learnerName, kind: facts.kind, containerId: facts.containerId };
    const summary = certificate.omitsSummary ? null : await readProgrammeSummary(source, summaryOf, this.dates);
    return this.shell.html(reply, null, 'certificates/certificate.njk', { certificate: page, summary });
  }

  private pdf(html: string, { facts, watermark }: ComposedCertificate, header: { ranBy: string; ranAt: string }): Promise<Buffer> {
    return this.renderer.render(html, {
      reportName: `Certificate: ${facts.title}`,
      ranBy: header.ranBy,
      ranAt: this.dates.formatDateTime(header.ranAt),
      dataCompleteTo: this.dates.formatDateTime(watermark) || '–',
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

/** Milliseconds since the previous lap (or the start). */
function stopwatch(): { lap(): number } {
  let last = performance.now();
  return {
    lap() {
      const now = performance.now();
      const elapsed = now - last;
      last = now;
      return elapsed;
    },
  };
}
