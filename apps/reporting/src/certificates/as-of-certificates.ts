import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { describeCut } from '@ledger/read-store';
import { AppError } from '@ledger/runtime';
import { sendPdf } from '../report-outputs/pdf-templates';
import { AsOfViews } from '../shared/auditor/as-of-views';
import { readCertificateTarget } from './certificate-request';
import { CertificateComposer } from './compose-certificate';
import { CertificateIssuer } from './issue-certificate';

/**
 * A learner's certificate as it would have been generated from the ledger cut at a past moment, for an
 * auditor (the caller checked the role): composed from the as-of generation by the same composer a
 * download uses, printed as the same PDF but marked as not issued (no verification code), and recorded
 * as an identifiable view (`as-of-certificate`) — never as `CertificateIssued`, since nobody was given
 * a certificate. The API and the auditor's page both send it from here.
 */
@Injectable()
export class AsOfCertificates {
  constructor(
    private readonly asOf: AsOfViews,
    private readonly composer: CertificateComposer,
    private readonly issuer: CertificateIssuer,
  ) {}

  /** Sends the PDF; 400 naming every bad part of the path, 404 naming what was missing when the record at the cut supported none. */
  async send(
    auditorId: string,
    key: string,
    learnerId: string,
    kind: string,
    containerId: string,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const target = readCertificateTarget(kind, containerId);
    // Whether it was available is itself identifiable: the view is recorded either way, before the answer.
    const { result, asOf } = await this.asOf.view(auditorId, key, {
      reportName: 'as-of-certificate',
      parameters: { learnerId, kind: target.kind, containerId: target.containerId },
      onlyLearner: (id) => id === learnerId,
      read: async (source, cut) => {
        const composition = await this.composer.compose(source, learnerId, target.kind, target.containerId);
        if (!composition.available) return composition;
        const viewedAsOf = `${cut.asOf ?? 'a ledger position'} (the ledger ${cut.topic} cut at ${describeCut(cut)})`;
        return { ...composition, pdf: await this.issuer.renderUnissued(reply, source, composition.certificate, viewedAsOf, auditorId) };
      },
      subjects: () => [learnerId],
    });
    if (!result.available) {
      throw new AppError('RESOURCE.NOT_FOUND', `There was no certificate for this at the cut: ${result.missing.join('; ')}.`);
    }
    // Header values are ASCII: the positions as the audit command takes them (`--position 0:41,1:17`).
    const positions = Object.entries(asOf.cut.through).map(([partition, offset]) => `${partition}:${offset}`).join(',');
    const headers = {
      'x-certificate-available': 'true',
      'x-ledger-cut': `${asOf.cut.asOf ?? 'position'} ${positions}`,
      'x-facts-hash': result.certificate.factsHash,
    };
    return sendPdf(reply.headers(headers), `certificate-${target.containerId}-as-of.pdf`, result.pdf);
  }
}
