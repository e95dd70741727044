import { Controller, Get, Param, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CERTIFICATE_SCOPE_TYPES } from '@ledger/events';
import { describeCut } from '@ledger/read-store';
import { AppError } from '@ledger/runtime';
import { BearerViewer, ViewerId } from '../access/bearer-viewer.guard';
import { LearnerAccess } from '../access/learner-access';
import { sendPdf } from '../report-outputs/pdf-templates';
import { AsOfViews } from '../shared/auditor/as-of-views';
import { readCertificateTarget } from './certificate-request';
import { CertificateComposer } from './compose-certificate';
import { CertificateIssuer } from './issue-certificate';

/**
 * A learner's certificate as it would have been generated from the ledger cut at a past moment, for
 * auditors only: composed from the as-of generation by the same composer a download uses, printed as
 * the same PDF but marked as not issued (no verification code), and recorded as an identifiable view
 * (`as-of-certificate`) — never as `CertificateIssued`, since nobody was given a certificate.
 */
@ApiTags('auditor')
@ApiBearerAuth()
@UseGuards(BearerViewer)
@ApiUnauthorizedResponse({ description: 'No access token for reporting, or one that is expired, forged or for another API' })
@ApiForbiddenResponse({ description: 'Not an auditor (or a client token)' })
@Controller('v1/auditor/as-of/:asOfKey/learners/:learnerId/certificates')
export class AsOfCertificateController {
  constructor(
    private readonly access: LearnerAccess,
    private readonly asOf: AsOfViews,
    private readonly composer: CertificateComposer,
    private readonly issuer: CertificateIssuer,
  ) {}

  @Get(':kind/:containerId')
  @ApiOperation({ summary: "A learner's certificate as generated at the cut: a PDF marked not issued, recorded as an identifiable view, not as an issue" })
  @ApiParam({ name: 'kind', enum: CERTIFICATE_SCOPE_TYPES })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The certificate as of the cut; X-Certificate-Available: true, the cut in X-Ledger-Cut' })
  @ApiBadRequestResponse({ description: 'The path names no certificate (every bad part named)' })
  @ApiNotFoundResponse({ description: 'No such view kept (it expires, or holds another learner only), or no certificate at the cut (what was missing named)' })
  @ApiServiceUnavailableResponse({ description: 'The view could not be recorded in the ledger, so nothing is shown' })
  async certificate(
    @ViewerId() viewerId: string,
    @Param('asOfKey') key: string,
    @Param('learnerId') learnerId: string,
    @Param('kind') kind: string,
    @Param('containerId') containerId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.access.requireAuditor(viewerId);
    const target = readCertificateTarget(kind, containerId);
    // Whether it was available is itself identifiable: the view is recorded either way, before the answer.
    const { result, asOf } = await this.asOf.view(viewerId, key, {
      reportName: 'as-of-certificate',
      parameters: { learnerId, kind: target.kind, containerId: target.containerId },
      onlyLearner: (id) => id === learnerId,
      read: async (source, cut) => {
        const composition = await this.composer.compose(source, learnerId, target.kind, target.containerId);
        if (!composition.available) return composition;
        const viewedAsOf = `${cut.asOf ?? 'a ledger position'} (the ledger ${cut.topic} cut at ${describeCut(cut)})`;
        return { ...composition, pdf: await this.issuer.renderUnissued(reply, source, composition.certificate, viewedAsOf, viewerId) };
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
