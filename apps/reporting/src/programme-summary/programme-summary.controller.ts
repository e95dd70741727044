import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ViewerId } from '../access/bearer-viewer.guard';
import { ReportApi, ReportParameter } from '../shared/reports/report-api';
import { ReportRunner } from '../shared/reports/report-runner';
import { ProgrammeSummaryReport, SUMMARY_KINDS } from './programme-summary.report';

const PARAMETERS: ReportParameter[] = [
  { name: 'learner', description: 'Whose record (default: your own); anyone else only as the access policy allows' },
  { name: 'kind', description: 'What `id` names', enum: SUMMARY_KINDS },
  { name: 'id', description: 'The course, learning path or programme; without it, the learner\'s are listed to choose from' },
];

/** The programme/course summary through the API: JSON, CSV and PDF. */
@Controller('v1/reports/programme-summary')
export class ProgrammeSummaryController {
  constructor(
    private readonly runner: ReportRunner,
    private readonly report: ProgrammeSummaryReport,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Programme/course summary: every session of one course, learning path or programme, with status, time, scores and the certificate' })
  @ReportApi('programme summary', 'json', PARAMETERS)
  async json(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'json', reply);
  }

  @Get('csv')
  @ApiOperation({ summary: 'Programme/course summary as CSV' })
  @ReportApi('programme summary', 'csv', PARAMETERS)
  async csv(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'csv', reply);
  }

  @Get('pdf')
  @ApiOperation({ summary: 'Programme/course summary as PDF' })
  @ReportApi('programme summary', 'pdf', PARAMETERS)
  async pdf(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'pdf', reply);
  }
}
