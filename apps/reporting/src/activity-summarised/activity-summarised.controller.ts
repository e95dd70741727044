import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ViewerId } from '../access/bearer-viewer.guard';
import { ReportApi, ReportParameter } from '../shared/reports/report-api';
import { ReportRunner } from '../shared/reports/report-runner';
import { ActivitySummarisedReport } from './activity-summarised.report';

const PARAMETERS: ReportParameter[] = [{ name: 'learner', description: 'Whose record (default: your own); anyone else only as the access policy allows' }];

/** Activity records (summarised) through the API: JSON, CSV and PDF. */
@Controller('v1/reports/activity-summarised')
export class ActivitySummarisedController {
  constructor(
    private readonly runner: ReportRunner,
    private readonly report: ActivitySummarisedReport,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Activity records (summarised): every course and learning path the learner has activity in, retired ones included, grouped by programme' })
  @ReportApi('activity summarised', 'json', PARAMETERS)
  async json(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'json', reply);
  }

  @Get('csv')
  @ApiOperation({ summary: 'Activity records (summarised) as CSV' })
  @ReportApi('activity summarised', 'csv', PARAMETERS)
  async csv(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'csv', reply);
  }

  @Get('pdf')
  @ApiOperation({ summary: 'Activity records (summarised) as PDF' })
  @ReportApi('activity summarised', 'pdf', PARAMETERS)
  async pdf(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'pdf', reply);
  }
}
