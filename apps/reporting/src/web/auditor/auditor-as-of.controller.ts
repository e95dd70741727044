import { Body, Controller, Get, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describeCut } from '@ledger/read-store';
import { AppError } from '@ledger/runtime';
import { AsOfViews } from '../../shared/auditor/as-of-views';
import { AuditorJobs, readJobRequest } from '../../shared/auditor/auditor-jobs';
import { REPORT_DEFINITIONS, ReportDefinition } from '../../shared/reports/report-definition';
import { ReportRunner, requesterName, WebOutput } from '../../shared/reports/report-runner';
import { Shell, ShellViewer } from '../shell';
import { WebErrorFilter } from '../web-error.filter';
import { formErrors } from './auditor-trail.controller';

/**
 * "Auditor": ask for the read models as of a moment, for one learner or the whole ledger; rebuild and
 * verify the read models; follow each job (the page refreshes itself while it runs); read a learner's
 * record (with their certificates then), who could see them, and any report (its page, CSV and PDF),
 * as of the moment. Auditors only; each as-of view is recorded.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('auditor')
export class AuditorAsOfController {
  constructor(
    private readonly shell: Shell,
    private readonly jobs: AuditorJobs,
    private readonly asOf: AsOfViews,
    private readonly runner: ReportRunner,
    @Inject(REPORT_DEFINITIONS) private readonly reports: ReportDefinition[],
  ) {}

  @Get('jobs')
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const viewer = await this.auditor(request);
    await this.shell.render(reply, viewer, 'auditor-jobs.njk', { jobs: await this.jobs.recent(new Date()), values: {}, errors: [] });
  }

  @Post('jobs')
  async start(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: Record<string, unknown>): Promise<void> {
    const viewer = await this.auditor(request);
    const form = { kind: body.kind, asOf: body.asOf ? localInstant(String(body.asOf)) : null, learnerId: body.learnerId ?? null };
    const { request: job, errors } = readJobRequest(form, new Date());
    if (errors.length > 0) return this.shell.render(reply, viewer, 'auditor-jobs.njk', { jobs: await this.jobs.recent(new Date()), values: body, errors: formErrors(errors) }, 400);
    const jobId = await this.jobs.request(viewer.person.userId, job);
    await reply.redirect(`/auditor/jobs/${encodeURIComponent(jobId)}`, 303);
  }

  @Get('jobs/:jobId')
  async job(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('jobId') jobId: string): Promise<void> {
    const viewer = await this.auditor(request);
    const job = await this.jobs.find(jobId);
    // The projector queues the job once it has applied the request: until then, it is as good as queued.
    const reports = this.reports.map((r) => ({ id: r.id, title: r.title }));
    const refresh = !job || job.status === 'queued' || job.status === 'running';
    await this.shell.render(reply, viewer, 'auditor-job.njk', { jobId, job, reports, refresh });
  }

  /** The form on a whole-ledger job's page: a learner's record, or who could see them, as of its moment. */
  @Get('as-of/:key/open')
  async open(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('key') key: string): Promise<void> {
    await this.auditor(request);
    const { learnerId, what } = request.query as { learnerId?: string; what?: string };
    if (!learnerId?.trim()) throw new AppError('REQUEST.INVALID', 'Enter a learner');
    const path = `/auditor/as-of/${encodeURIComponent(key)}/learners/${encodeURIComponent(learnerId.trim())}`;
    await reply.redirect(what === 'viewers' ? `${path}/viewers` : path, 303);
  }

  @Get('as-of/:key/learners/:learnerId')
  async record(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('key') key: string,
    @Param('learnerId') learnerId: string,
  ): Promise<void> {
    const viewer = await this.auditor(request);
    const { record, certificates, asOf } = await this.asOf.learnerRecord(viewer.person.userId, key, learnerId);
    const certificatesPath = `/auditor/as-of/${encodeURIComponent(key)}/learners/${encodeURIComponent(learnerId)}/certificates`;
    const cut = describeCut(asOf.cut);
    await this.shell.render(reply, viewer, 'auditor-as-of-record.njk', { record, certificates, certificatesPath, asOf, cut });
  }

  @Get('as-of/:key/learners/:learnerId/viewers')
  async viewers(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('key') key: string,
    @Param('learnerId') learnerId: string,
  ): Promise<void> {
    const viewer = await this.auditor(request);
    const { viewers, asOf } = await this.asOf.whoCouldSee(viewer.person.userId, key, learnerId);
    await this.shell.render(reply, viewer, 'auditor-who-could-see.njk', { learnerId, viewers, asOf, cut: describeCut(asOf.cut) });
  }

  /** A report as of the moment of a whole-ledger job: its usual page and form, stating the cut. */
  @Get('as-of/:key/reports/:reportId')
  async report(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('key') key: string,
    @Param('reportId') reportId: string,
  ): Promise<void> {
    await this.runReport(request, reply, key, reportId, 'screen');
  }

  @Get('as-of/:key/reports/:reportId/:output')
  async reportDownload(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('key') key: string,
    @Param('reportId') reportId: string,
    @Param('output') output: string,
  ): Promise<void> {
    if (output !== 'csv' && output !== 'pdf') throw new AppError('RESOURCE.NOT_FOUND', 'There is no such page.');
    await this.runReport(request, reply, key, reportId, output);
  }

  private async runReport(request: FastifyRequest, reply: FastifyReply, key: string, reportId: string, output: WebOutput): Promise<void> {
    const viewer = await this.auditor(request);
    const report = this.reports.find((r) => r.id === reportId);
    if (!report) throw new AppError('RESOURCE.NOT_FOUND', 'There is no such report.');
    const { run } = await this.asOf.reportRun({ userId: viewer.person.userId, displayName: requesterName(viewer.person) }, key);
    await this.runner.webRun(report, viewer, run, request, reply, output);
  }

  private async auditor(request: FastifyRequest): Promise<ShellViewer> {
    const viewer = await this.shell.viewer(request);
    this.shell.require(viewer.capabilities.auditor);
    return viewer;
  }
}

/** A `datetime-local` field has no time zone: the page states it is UTC, so one is added. */
function localInstant(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value}Z` : value;
}
