import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ViewerId } from '../access/bearer-viewer.guard';
import { DATE_RANGE, PAGING, ReportApi, ReportParameter } from '../shared/reports/report-api';
import { ReportRunner } from '../shared/reports/report-runner';
import { SESSION_STATUSES } from '../shared/reports/session-rows';
import { LEARNER_SCOPES, LearnersActivityReport, OrganisationStaffActivityReport } from './staff-activity.reports';

const FILTERS: ReportParameter[] = [
  { name: 'programme', description: 'Only these programmes (ids)', list: true },
  { name: 'course', description: 'Only these courses or learning paths (ids)', list: true },
  { name: 'jobRole', description: 'Only staff with this job role (as they gave it; any case)' },
  { name: 'status', description: `Only sessions with these statuses (${SESSION_STATUSES.join(', ')})`, list: true },
  ...DATE_RANGE,
  ...PAGING,
];
const ORGANISATION: ReportParameter[] = [{ name: 'odsCode', description: 'The organisation (ODS code) you are an approved runner for; default: your first' }, ...FILTERS];
const LEARNERS: ReportParameter[] = [
  { name: 'scope', description: 'Whose records: a project you staff, learners who authorised you (tutor), a professional body you act for, or every learner (hub admins)', enum: LEARNER_SCOPES },
  { name: 'id', description: 'The project or professional body id (default: your first)' },
  ...FILTERS,
];

/** Organisation staff activity through the API: JSON, CSV and PDF. */
@Controller('v1/reports/organisation-staff-activity')
export class OrganisationStaffActivityController {
  constructor(
    private readonly runner: ReportRunner,
    private readonly report: OrganisationStaffActivityReport,
  ) {}

  @Get()
  @ApiOperation({ summary: "Organisation staff activity: staff of your organisation who accepted the terms, in the organisation's programmes, with completion counts" })
  @ReportApi('organisation staff activity', 'json', ORGANISATION)
  async json(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'json', reply);
  }

  @Get('csv')
  @ApiOperation({ summary: 'Organisation staff activity as CSV (every row, streamed)' })
  @ReportApi('organisation staff activity', 'csv', ORGANISATION)
  async csv(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'csv', reply);
  }

  @Get('pdf')
  @ApiOperation({ summary: 'Organisation staff activity as PDF (one page of rows)' })
  @ReportApi('organisation staff activity', 'pdf', ORGANISATION)
  async pdf(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'pdf', reply);
  }
}

/** Project, admin and tutor views through the API: JSON, CSV and PDF. */
@Controller('v1/reports/learners-activity')
export class LearnersActivityController {
  constructor(
    private readonly runner: ReportRunner,
    private readonly report: LearnersActivityReport,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Learners activity: the learners you may see as project staff, tutor, professional body officer or hub admin' })
  @ReportApi('learners activity', 'json', LEARNERS)
  async json(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'json', reply);
  }

  @Get('csv')
  @ApiOperation({ summary: 'Learners activity as CSV (every row, streamed)' })
  @ReportApi('learners activity', 'csv', LEARNERS)
  async csv(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'csv', reply);
  }

  @Get('pdf')
  @ApiOperation({ summary: 'Learners activity as PDF (one page of rows)' })
  @ReportApi('learners activity', 'pdf', LEARNERS)
  async pdf(@ViewerId() viewerId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.runner.api(this.report, viewerId, query, 'pdf', reply);
  }
}
