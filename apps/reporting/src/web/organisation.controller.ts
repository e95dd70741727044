import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessFactsReader } from '@ledger/access-policy';
import { grantsIdOfOrganisation, standingGrants } from '@ledger/read-store';
import { IngestClient } from '../access/ingest-client';
import { actErrors, readRunnerForm } from './forms';
import { FormError, Shell, ShellViewer } from './shell';
import { WebErrorFilter } from './web-error.filter';

/** "Organisation", for reporting leads: the runners of their organisation(s), approve and remove. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('organisation')
export class OrganisationController {
  constructor(
    private readonly shell: Shell,
    private readonly facts: AccessFactsReader,
    private readonly ingest: IngestClient,
  ) {}

  @Get()
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const viewer = await this.shell.viewer(request);
    this.shell.require(viewer.capabilities.reportingLeadOf.length > 0);
    await this.show(reply, viewer, { done: (request.query as { done?: string }).done ?? null });
  }

  @Post('runners')
  async approve(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: Record<string, unknown>): Promise<void> {
    await this.change(request, reply, body, 'ReportRunnerApproved', 'approved');
  }

  @Post('runners/remove')
  async remove(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: Record<string, unknown>): Promise<void> {
    await this.change(request, reply, body, 'ReportRunnerRemoved', 'removed');
  }

  private async change(request: FastifyRequest, reply: FastifyReply, body: Record<string, unknown>, type: string, done: string): Promise<void> {
    const viewer = await this.shell.viewer(request);
    const leadOf = viewer.capabilities.reportingLeadOf;
    this.shell.require(leadOf.length > 0);
    const form = readRunnerForm(body, viewer.person.userId);
    const odsCode = typeof body.odsCode === 'string' && body.odsCode ? body.odsCode : leadOf[0];
    if (!leadOf.includes(odsCode)) form.errors.push({ field: 'odsCode', text: `You are not the reporting lead of ${odsCode}` });
    if (form.errors.length > 0) return this.show(reply, viewer, { errors: form.errors, values: body }, 400);
    const data = { odsCode, runnerId: form.runnerId, leadId: viewer.person.userId };
    const answer = await this.ingest.recordAct(viewer.person.accessToken, { type, version: 1, subject: odsCode, data });
    if (answer.status !== 202) return this.show(reply, viewer, { errors: actErrors(answer, 'runnerId'), values: body }, answer.status >= 500 ? 503 : 400);
    await reply.redirect(`/organisation?done=${done}`, 303);
  }

  private async show(reply: FastifyReply, viewer: ShellViewer, extra: { errors?: FormError[]; values?: object; done?: string | null }, status = 200): Promise<void> {
    const organisations = await Promise.all(
      viewer.capabilities.reportingLeadOf.map(async (odsCode) => {
        const grants = await this.facts.grant(grantsIdOfOrganisation(odsCode), 'organisation');
        const leads = standingGrants(grants?.reportingLeads ?? []);
        const runners = standingGrants(grants?.reportRunners ?? []).map((runner) => ({ ...runner, leadStands: leads.some((l) => l.leadId === runner.approvedByLeadId) }));
        return { odsCode, runners, programmes: standingGrants(grants?.programmeAccess ?? []).map((p) => p.programmeId) };
      }),
    );
    await this.shell.render(reply, viewer, 'organisation.njk', { organisations, errors: extra.errors ?? [], values: extra.values ?? {}, done: extra.done ?? null }, status);
  }
}
