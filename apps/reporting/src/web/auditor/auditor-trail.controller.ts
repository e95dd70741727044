import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { runsCsv } from '../../shared/auditor/trail-csv';
import { readTrailFilter } from '../../shared/auditor/trail-filter';
import { TrailReads } from '../../shared/auditor/trail-reads';
import { Shell, ShellViewer } from '../shell';
import { WebErrorFilter } from '../web-error.filter';

/**
 * "Auditor": the trail. Who was shown identifiable data (filterable by viewer, learner, organisation,
 * report and period, with CSV), which certificates were issued, and how access changed. Auditors only.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('auditor')
export class AuditorTrailController {
  constructor(
    private readonly shell: Shell,
    private readonly trail: TrailReads,
  ) {}

  @Get()
  async runs(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const viewer = await this.auditor(request);
    const { filter, errors } = readTrailFilter(request.query as Record<string, unknown>);
    if (errors.length > 0) return this.shell.render(reply, viewer, 'auditor-runs.njk', { filter, errors: formErrors(errors), page: null }, 400);
    const page = await this.trail.runs(filter, new Date());
    await this.shell.render(reply, viewer, 'auditor-runs.njk', { filter, page, csvQuery: new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== null)).toString() });
  }

  @Get('runs.csv')
  async runsCsv(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.auditor(request);
    const { filter, errors } = readTrailFilter(request.query as Record<string, unknown>);
    if (errors.length > 0) {
      await reply.code(400).type('text/plain; charset=utf-8').send(errors.map((e) => e.reason).join('\n'));
      return;
    }
    const page = await this.trail.runs(filter, new Date());
    await reply
      .header('content-disposition', `attachment; filename="identifiable-views-${page.from}-to-${page.to}.csv"`)
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send(runsCsv(page.entries));
  }

  @Get('certificates')
  async certificates(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const viewer = await this.auditor(request);
    const { filter, errors } = readTrailFilter(request.query as Record<string, unknown>);
    const page = errors.length > 0 ? null : await this.trail.certificates(filter, new Date());
    await this.shell.render(reply, viewer, 'auditor-certificates.njk', { filter, page, errors: formErrors(errors) }, errors.length > 0 ? 400 : 200);
  }

  @Get('access')
  async access(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const viewer = await this.auditor(request);
    const { filter, errors } = readTrailFilter(request.query as Record<string, unknown>);
    const page = errors.length > 0 ? null : await this.trail.accessChanges(filter, new Date());
    await this.shell.render(reply, viewer, 'auditor-access.njk', { filter, page, errors: formErrors(errors) }, errors.length > 0 ? 400 : 200);
  }

  private async auditor(request: FastifyRequest): Promise<ShellViewer> {
    const viewer = await this.shell.viewer(request);
    this.shell.require(viewer.capabilities.auditor);
    return viewer;
  }
}

export const formErrors = (errors: Array<{ field: string; reason: string }>) => errors.map((e) => ({ field: e.field, text: e.reason }));
