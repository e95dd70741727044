import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Shell } from '../web/shell';
import { WebErrorFilter } from '../web/web-error.filter';
import { AsOfCertificates } from './as-of-certificates';

/**
 * "Certificate as of T (PDF)" on an auditor's record as of a moment: the same PDF as the API's, marked
 * not issued, recorded as the view `as-of-certificate`. A link (GET), since nothing is issued or
 * changed by it. Auditors only (403 page); when the record at the cut supported none, a 404 page names
 * what was missing.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('auditor/as-of/:key/learners/:learnerId/certificates')
export class AsOfCertificatePageController {
  constructor(
    private readonly shell: Shell,
    private readonly certificates: AsOfCertificates,
  ) {}

  @Get(':kind/:containerId')
  async download(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('key') key: string,
    @Param('learnerId') learnerId: string,
    @Param('kind') kind: string,
    @Param('containerId') containerId: string,
  ): Promise<FastifyReply> {
    const viewer = await this.shell.viewer(request);
    this.shell.require(viewer.capabilities.auditor);
    return this.certificates.send(viewer.person.userId, key, learnerId, kind, containerId, reply);
  }
}
