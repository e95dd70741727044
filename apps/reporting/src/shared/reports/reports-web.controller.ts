import { Controller, Get, Inject, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@ledger/runtime';
import { Shell } from '../../web/shell';
import { WebErrorFilter } from '../../web/web-error.filter';
import { REPORT_DEFINITIONS, ReportDefinition } from './report-definition';
import { ReportRunner } from './report-runner';

/** The web shell's reports: the list of those the person may run, and each report's page, CSV and PDF. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('reports')
export class ReportsWebController {
  constructor(
    @Inject(REPORT_DEFINITIONS) private readonly reports: ReportDefinition[],
    private readonly runner: ReportRunner,
    private readonly shell: Shell,
  ) {}

  @Get()
  async index(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const viewer = await this.shell.viewer(request);
    const requester = { userId: viewer.person.userId, displayName: viewer.person.name, facts: viewer.facts, capabilities: viewer.capabilities };
    const reports = this.reports.filter((r) => r.mayRun(requester)).map((r) => ({ id: r.id, title: r.title, intro: r.intro }));
    await this.shell.render(reply, viewer, 'reports/index.njk', { reports });
  }

  @Get(':reportId')
  async screen(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('reportId') reportId: string): Promise<void> {
    await this.runner.web(this.report(reportId), request, reply, 'screen');
  }

  @Get(':reportId/:output')
  async download(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('reportId') reportId: string, @Param('output') output: string): Promise<void> {
    if (output !== 'csv' && output !== 'pdf') throw new AppError('RESOURCE.NOT_FOUND', 'There is no such page.');
    await this.runner.web(this.report(reportId), request, reply, output);
  }

  private report(id: string): ReportDefinition {
    const report = this.reports.find((r) => r.id === id);
    if (!report) throw new AppError('RESOURCE.NOT_FOUND', 'There is no such report.');
    return report;
  }
}
