import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PERIOD_KINDS } from '@ledger/read-store';
import { ViewerId } from '../access/bearer-viewer.guard';
import { DATE_RANGE, PAGING, ReportApi, ReportParameter } from '../shared/reports/report-api';
import { ReportRunner } from '../shared/reports/report-runner';
import { AnonymisedUsageReport } from './anonymised-usage.report';

const PARAMETERS: ReportParameter[] = [
  { name: 'periodKind', description: 'Group by month, quarter or year (UK calendar)', enum: PERIOD_KINDS },
  ...DATE_RANGE,
  { name: 'odsCode', description: 'One organisation (ODS code) beside all organisations; default every organisation' },
  { name: 'programme', description: 'A programme, with its courses and sessions; default every programme' },
  { name: 'course', description: 'A course or learning path, with its sessions' },
  ...PAGING,
];

/** Anonymised usage and outcomes through the API: JSON, CSV and PDF, every count suppressed. */
@Controller('v1/reports/anonymised-usage')
export class AnonymisedUsageController {
  constructor(
    private readonly runner: ReportRunner,
    private readonly report: AnonymisedUsageReport,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Anonymised usage and outcomes by programme, course and session × organisation × period; small counts suppressed' })
  @ReportApi('anonymised usage', 'json', PARAMETERS)
  async json(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'json', reply);
  }

  @Get('csv')
  @ApiOperation({ summary: 'Anonymised usage and outcomes as CSV' })
  @ReportApi('anonymised usage', 'csv', PARAMETERS)
  async csv(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'csv', reply);
  }

  @Get('pdf')
  @ApiOperation({ summary: 'Anonymised usage and outcomes as PDF, with its charts' })
  @ReportApi('anonymised usage', 'pdf', PARAMETERS)
  async pdf(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'pdf', reply);
  }
}
