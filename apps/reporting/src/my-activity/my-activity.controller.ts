import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ViewerId } from '../access/bearer-viewer.guard';
import { DATE_RANGE, PAGING, ReportApi, ReportParameter } from '../shared/reports/report-api';
import { ReportRunner } from '../shared/reports/report-runner';
import { DIRECTIONS, MyActivityReport, ORDERS } from './my-activity.report';

const PARAMETERS: ReportParameter[] = [
  { name: 'learner', description: 'Whose record (default: your own); anyone else only as the access policy allows' },
  { name: 'programme', description: 'Only these programmes (ids)', list: true },
  { name: 'course', description: 'Only these courses or learning paths (ids)', list: true },
  ...DATE_RANGE,
  { name: 'order', description: 'Order rows by last access, title or status', enum: ORDERS },
  { name: 'direction', description: 'Ascending or descending', enum: DIRECTIONS },
  ...PAGING,
];

/** My activity through the API: JSON, CSV and PDF. */
@Controller('v1/reports/my-activity')
export class MyActivityController {
  constructor(
    private readonly runner: ReportRunner,
    private readonly report: MyActivityReport,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My activity: one row per session (programme, course, first and last accessed, time, status, latest and best score)' })
  @ReportApi('my activity', 'json', PARAMETERS)
  async json(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'json', reply);
  }

  @Get('csv')
  @ApiOperation({ summary: 'My activity as CSV' })
  @ReportApi('my activity', 'csv', PARAMETERS)
  async csv(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'csv', reply);
  }

  @Get('pdf')
  @ApiOperation({ summary: 'My activity as PDF' })
  @ReportApi('my activity', 'pdf', PARAMETERS)
  async pdf(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'pdf', reply);
  }
}
