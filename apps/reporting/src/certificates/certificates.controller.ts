import { Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
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
import { sendPdf } from '../report-outputs/pdf-templates';
import { ReportSources } from '../report-outputs/report-source';
import { readCertificateOverview } from '../shared/certificates/read-certificate-overview';
import { readCertificateTarget, readVerificationCode } from './certificate-request';
import { CertificateIssuer, serverTiming } from './issue-certificate';
import { LearnerCertificates, requireOwnCertificates } from './learner-certificates';
import { VERIFICATION_CODE_PATTERN } from './verification-code';

/**
 * A learner's own certificates through the API: where each stands, downloading one (which issues it:
 * regenerated from the current record and recorded), those issued, and each issued one as an Open
 * Badges 3.0 credential. For anyone but the learner, hub admins included, the answer is the 404 of a
 * learner who does not exist.
 */
@ApiTags('certificates')
@ApiBearerAuth()
@UseGuards(BearerViewer)
@ApiUnauthorizedResponse({ description: 'No access token for reporting, or one that is expired, forged or for another API' })
@ApiNotFoundResponse({ description: "Not your own certificates (the same answer as for a learner who does not exist), or no certificate there yet" })
@ApiParam({ name: 'learnerId', description: 'Your own user id: certificates are reachable only through your own account' })
@Controller('v1/learners/:learnerId/certificates')
export class CertificatesController {
  constructor(
    private readonly sources: ReportSources,
    private readonly certificates: LearnerCertificates,
    private readonly issuer: CertificateIssuer,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your certificates by programme (available, or greyed with what is missing), and those issued to you' })
  async list(@ViewerId() viewerId: string, @Param('learnerId') learnerId: string) {
    requireOwnCertificates(viewerId, learnerId);
    const source = this.sources.current();
    const [dataCompleteThrough, programmes, issued] = await Promise.all([source.dataCompleteThrough(), readCertificateOverview(source, learnerId), this.certificates.issued(source, learnerId)]);
    return { learnerId, dataCompleteThrough, programmes, issued };
  }

  @Post(':kind/:containerId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Download a certificate: regenerated from the current record, recorded as CertificateIssued, then returned as a PDF' })
  @ApiParam({ name: 'kind', enum: CERTIFICATE_SCOPE_TYPES })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The certificate (page 1), then the programme/course summary unless the course omits it; its code is in X-Verification-Code' })
  @ApiBadRequestResponse({ description: 'The path names no certificate (every bad part named)' })
  @ApiServiceUnavailableResponse({ description: 'The issue could not be recorded in the ledger, so no certificate was given' })
  async download(@ViewerId() viewerId: string, @Param('learnerId') learnerId: string, @Param('kind') kind: string, @Param('containerId') containerId: string, @Res() reply: FastifyReply) {
    const target = readCertificateTarget(kind, containerId);
    requireOwnCertificates(viewerId, learnerId);
    const issued = await this.issuer.issue(reply, this.sources.current(), learnerId, target.kind, target.containerId);
    const headers = { 'x-verification-code': issued.verificationCode, 'x-facts-hash': issued.factsHash, 'server-timing': serverTiming(issued.timings) };
    return sendPdf(reply.headers(headers), issued.fileName, issued.pdf);
  }

  @Get('issued/:code/credential')
  @ApiOperation({ summary: 'An issued certificate as an Open Badges 3.0 credential: a VC-JWT signed with the deployment key (see /.well-known/jwks.json)' })
  @ApiParam({ name: 'code', description: 'The verification code of a certificate issued to you', schema: { type: 'string', pattern: VERIFICATION_CODE_PATTERN } })
  @ApiProduces('application/jwt')
  @ApiOkResponse({ description: 'The compact JWS; its payload is the OpenBadgeCredential', schema: { type: 'string' } })
  @ApiBadRequestResponse({ description: 'Not a verification code' })
  async credential(@ViewerId() viewerId: string, @Param('learnerId') learnerId: string, @Param('code') code: string, @Res() reply: FastifyReply) {
    const verificationCode = readVerificationCode(code);
    requireOwnCertificates(viewerId, learnerId);
    const jwt = await this.certificates.credential(this.sources.current(), learnerId, verificationCode);
    return reply.type('application/jwt').header('cache-control', 'no-store').send(jwt);
  }
}
