import { applyDecorators, Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AsOfGenerationDocument, AuditJobDocument } from '@ledger/read-store';
import { AppError } from '@ledger/runtime';
import { BearerViewer, ViewerId } from '../access/bearer-viewer.guard';
import { LearnerAccess } from '../access/learner-access';
import { AsOfViews } from '../shared/auditor/as-of-views';
import { AuditorJobs, readJobRequest } from '../shared/auditor/auditor-jobs';
import { ReportApi } from '../shared/reports/report-api';
import { REPORT_DEFINITIONS, ReportDefinition } from '../shared/reports/report-definition';
import { ApiOutput, ReportRunner } from '../shared/reports/report-runner';
import { AsOfLearnerRecordView, AsOfViewersView, AuditJobAccepted, AuditJobRequestBody, AuditJobView, LedgerCutView } from './auditor-api.dto';

/**
 * The auditor's API: ask for a rebuild, a verification or the read models as of a moment, follow the
 * job, and read a learner's record (and who could see them), or run any report, as of that moment.
 * Auditors only (403 for anyone else, hub admins included); every view as of a moment is recorded first.
 */
@ApiTags('auditor')
@ApiBearerAuth()
@UseGuards(BearerViewer)
@ApiUnauthorizedResponse({ description: 'No access token for reporting, or one that is expired, forged or for another API' })
@ApiForbiddenResponse({ description: 'Not an auditor (or a client token)' })
@Controller('v1/auditor')
export class AuditorApiController {
  constructor(
    private readonly access: LearnerAccess,
    private readonly jobs: AuditorJobs,
    private readonly asOf: AsOfViews,
    private readonly runner: ReportRunner,
    @Inject(REPORT_DEFINITIONS) private readonly reports: ReportDefinition[],
  ) {}

  @Post('jobs')
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask the projector for a rebuild, a verification, or the read models as of an instant (recorded in the ledger)' })
  @ApiBody({ type: AuditJobRequestBody })
  @ApiAcceptedResponse({ type: AuditJobAccepted })
  @ApiBadRequestResponse({ description: 'Every bad field named; nothing appended' })
  @ApiServiceUnavailableResponse({ description: 'The request could not be recorded in the ledger' })
  async request(@ViewerId() viewerId: string, @Body() body: unknown): Promise<AuditJobAccepted> {
    await this.requireAuditor(viewerId);
    const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    const { request, errors } = readJobRequest(fields, new Date());
    const unknown = Object.keys(fields).filter((k) => !['kind', 'asOf', 'learnerId'].includes(k)).map((field) => ({ field, reason: `${field} is not a field of a job request` }));
    if (errors.length + unknown.length > 0) throw new AppError('REQUEST.INVALID', 'the job request is not valid; nothing was appended', [{ index: 0, errors: [...errors, ...unknown] }]);
    const jobId = await this.jobs.request(viewerId, request);
    return { jobId, href: `/v1/auditor/jobs/${jobId}` };
  }

  @Get('jobs/:jobId')
  @ApiOperation({ summary: 'A job: queued, running (with progress), done (with its result), failed, refused or expired' })
  @ApiOkResponse({ type: AuditJobView })
  @ApiNotFoundResponse({ description: 'No such job (yet: the projector queues it as soon as it applies the request)' })
  async job(@ViewerId() viewerId: string, @Param('jobId') jobId: string): Promise<AuditJobView> {
    await this.requireAuditor(viewerId);
    const job = await this.jobs.find(jobId);
    if (!job) throw new AppError('RESOURCE.NOT_FOUND', 'no such job (yet)');
    return jobView(job);
  }

  @Get('as-of/:asOfKey/learners/:learnerId')
  @ApiOperation({ summary: "A learner's whole record as it stood at the cut (recorded as an identifiable view)" })
  @ApiOkResponse({ type: AsOfLearnerRecordView })
  @ApiNotFoundResponse({ description: 'No such view kept (it expires), or it holds another learner only' })
  @ApiServiceUnavailableResponse({ description: 'The view could not be recorded in the ledger, so nothing is shown' })
  async record(
    @ViewerId() viewerId: string,
    @Param('asOfKey') key: string,
    @Param('learnerId') learnerId: string,
  ): Promise<AsOfLearnerRecordView> {
    await this.requireAuditor(viewerId);
    const { record, certificates, asOf } = await this.asOf.learnerRecord(viewerId, key, learnerId);
    return { cut: cutView(asOf), learnerId, sessions: record.sessions, progress: record.progress, certificates };
  }

  @Get('as-of/:asOfKey/learners/:learnerId/viewers')
  @ApiOperation({ summary: "Who could see the learner's identifiable activity at the cut, by the access policy on the grants as they stood (whole-ledger views only)" })
  @ApiOkResponse({ type: AsOfViewersView })
  @ApiNotFoundResponse({ description: "No such whole-ledger view kept" })
  @ApiServiceUnavailableResponse({ description: 'The view could not be recorded in the ledger, so nothing is shown' })
  async viewers(
    @ViewerId() viewerId: string,
    @Param('asOfKey') key: string,
    @Param('learnerId') learnerId: string,
  ): Promise<AsOfViewersView> {
    await this.requireAuditor(viewerId);
    const { viewers, asOf } = await this.asOf.whoCouldSee(viewerId, key, learnerId);
    return { cut: cutView(asOf), learnerId, viewers: viewers.map((v) => ({ viewerId: v.viewerId, roles: [...v.roles], programmes: v.programmes === 'all' ? 'all' : [...v.programmes] })) };
  }

  @Get('as-of/:asOfKey/reports/:report')
  @ApiOperation({
    summary: "Any report as of the cut (JSON), with the report's own filters (see /v1/reports/{report}); seen with whole sight, recorded as a view",
  })
  @AsOfReportApi('json')
  async report(
    @ViewerId() viewerId: string,
    @Param('asOfKey') key: string,
    @Param('report') name: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.runAsOf(viewerId, key, name, query, 'json', reply);
  }

  @Get('as-of/:asOfKey/reports/:report/csv')
  @ApiOperation({ summary: 'Any report as of the cut, as CSV (its header states the cut)' })
  @AsOfReportApi('csv')
  async reportCsv(
    @ViewerId() viewerId: string,
    @Param('asOfKey') key: string,
    @Param('report') name: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.runAsOf(viewerId, key, name, query, 'csv', reply);
  }

  @Get('as-of/:asOfKey/reports/:report/pdf')
  @ApiOperation({ summary: 'Any report as of the cut, as PDF (it states the cut)' })
  @AsOfReportApi('pdf')
  async reportPdf(
    @ViewerId() viewerId: string,
    @Param('asOfKey') key: string,
    @Param('report') name: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.runAsOf(viewerId, key, name, query, 'pdf', reply);
  }

  /** The role first, then the report's name (400), then the cut (404), then the report's filters (400 naming each). */
  private async runAsOf(
    viewerId: string,
    key: string,
    name: string,
    query: Record<string, unknown>,
    output: ApiOutput,
    reply: FastifyReply,
  ): Promise<void> {
    await this.requireAuditor(viewerId);
    const report = this.reports.find((r) => r.id === name);
    if (!report) {
      const reason = `must be one of ${this.reports.map((r) => r.id).join(', ')}`;
      throw new AppError('REQUEST.INVALID', 'no such report', [{ field: 'report', reason }]);
    }
    const { run } = await this.asOf.reportRun({ userId: viewerId, displayName: viewerId }, key);
    await this.runner.apiRun(report, run, query, output, reply);
  }

  private requireAuditor(viewerId: string): Promise<void> {
    return this.access.requireAuditor(viewerId);
  }
}

/** An as-of report output's description: the report's own (bearer token, errors), plus the cut and the report named in the path. */
function AsOfReportApi(output: ApiOutput): MethodDecorator {
  return applyDecorators(
    ReportApi('report as of a moment', output, []),
    ApiParam({ name: 'asOfKey', description: 'The as-of job\'s result: a whole-ledger cut' }),
    // Its enum (the registered reports) is added once they are known: see documentAsOfReportNames.
    ApiParam({ name: 'report', description: "A report id, as in /v1/reports/{report}; its query parameters are that report's, documented there" }),
  );
}

function jobView(job: AuditJobDocument): AuditJobView {
  const { _id, kind, status, asOf, learnerId, requestedBy, requestedAt, progress, result, error } = job;
  return { jobId: _id, kind, status, asOf, learnerId, requestedBy, requestedAt, progress, result, error };
}

export function cutView(asOf: AsOfGenerationDocument): LedgerCutView {
  return { asOfKey: asOf._id, asOf: asOf.cut.asOf, topic: asOf.cut.topic, through: asOf.cut.through, scope: asOf.scope.kind };
}
