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
import { BearerViewer, ViewerId } from '../access/bearer-viewer.guard';
import { LearnerAccess } from '../access/learner-access';
import { AsOfCertificates } from './as-of-certificates';

/** A learner's certificate as of a moment through the API, for auditors only (see AsOfCertificates). */
@ApiTags('auditor')
@ApiBearerAuth()
@UseGuards(BearerViewer)
@ApiUnauthorizedResponse({ description: 'No access token for reporting, or one that is expired, forged or for another API' })
@ApiForbiddenResponse({ description: 'Not an auditor (or a client token)' })
@Controller('v1/auditor/as-of/:asOfKey/learners/:learnerId/certificates')
export class AsOfCertificateController {
  constructor(
    private readonly access: LearnerAccess,
    private readonly certificates: AsOfCertificates,
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
    await this.certificates.send(viewerId, key, learnerId, kind, containerId, reply);
  }
}
