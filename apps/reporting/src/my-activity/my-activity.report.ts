import { Injectable } from '@nestjs/common';
import type { Sight } from '@ledger/access-policy';
import type { CsvCell } from '../report-outputs/csv-output';
import { learnerOf, learnerName, oneLearnerAudit, requireSight } from '../shared/reports/learner-scope';
import { checkCatalogueIds, learnerSessionRows } from '../shared/reports/learner-session-rows';
import type { CsvResult, ParsedFilters, ReportContext, ReportDefinition, ScreenResult } from '../shared/reports/report-definition';
import type { ReportQuery } from '../shared/reports/report-query';
import { Direction, minutes, orderRows, RowOrder, SessionRow, STATUS_TEXT } from '../shared/reports/session-rows';

export interface MyActivityFilters {
  learnerId: string;
  programmeIds: string[];
  courseIds: string[];
  from: string | null;
  to: string | null;
  order: RowOrder;
  direction: Direction;
  page: number;
  pageSize: number;
}

export const ORDERS: RowOrder[] = ['date', 'title', 'status'];
export const DIRECTIONS: Direction[] = ['desc', 'asc'];

/**
 * "My activity": one row per session a learner has touched, with its programme and course, first and
 * last access, time spent, status (under the course's policy) and latest and best score. Filters:
 * programmes, courses, a date range (UK days) and the order. For anyone else the policy allows
 * (tutor, project staff, admin, runner), the same record limited to the programmes they may see.
 */
@Injectable()
export class MyActivityReport implements ReportDefinition<MyActivityFilters> {
  readonly id = 'my-activity';
  readonly title = 'My activity';
  readonly intro = 'Every session you have opened: when, for how long, its status and your scores.';
  readonly template = 'reports/my-activity.njk';

  mayRun(): boolean {
    return true;
  }

  async parse(query: ReportQuery, context: ReportContext): Promise<ParsedFilters<MyActivityFilters>> {
    const learnerId = learnerOf(query, context);
    const programmeIds = query.list('programme');
    const courseIds = query.list('course');
    const { from, to } = query.dayRange();
    const order = query.oneOf('order', ORDERS, 'date', 'The order');
    const direction = query.oneOf('direction', DIRECTIONS, 'desc', 'The direction');
    const { page, pageSize } = query.page();
    await checkCatalogueIds(context, query, programmeIds, courseIds);
    const d = context.dates;
    const summary: Array<[string, string]> = [
      ['Learner', learnerId],
      ['Programmes', programmeIds.join(', ') || 'All'],
      ['Courses', courseIds.join(', ') || 'All'],
      ['From', from ? d.formatDay(from) : 'The beginning'],
      ['To', to ? d.formatDay(to) : 'Today'],
      ['Order', `${order}, ${direction === 'asc' ? 'ascending' : 'descending'}`],
    ];
    const parameters = { programmes: programmeIds.join(','), courses: courseIds.join(','), from: from ?? '', to: to ?? '', order, direction };
    return { filters: { learnerId, programmeIds, courseIds, from, to, order, direction, page, pageSize }, summary, parameters };
  }

  async screen(context: ReportContext, filters: MyActivityFilters): Promise<ScreenResult> {
    const { sight, rows } = await this.rows(context, filters);
    const start = (filters.page - 1) * filters.pageSize;
    const shown = rows.slice(start, start + filters.pageSize).map((row) => this.view(context, row));
    const totals = { sessions: rows.length, minutes: minutes(rows.reduce((sum, r) => sum + r.timeSpentSeconds, 0)) };
    const paging = { page: filters.page, pageSize: filters.pageSize, pages: Math.max(1, Math.ceil(rows.length / filters.pageSize)), rows: rows.length };
    const name = await learnerName(context.source, filters.learnerId);
    return {
      data: { rows: shown, totals, paging, learner: { id: filters.learnerId, name, self: sight.roles.includes('self') } },
      api: { learnerId: filters.learnerId, paging, totals, rows: shown },
      audit: oneLearnerAudit(sight, filters.learnerId),
    };
  }

  async csv(context: ReportContext, filters: MyActivityFilters): Promise<CsvResult> {
    const { sight, rows } = await this.rows(context, filters);
    const d = context.dates;
    async function* cells(): AsyncGenerator<CsvCell[]> {
      for (const r of rows) {
        yield [r.programmeTitle, r.containerTitle, r.sessionTitle, d.formatDateTime(r.firstAccessedAt), d.formatDateTime(r.lastAccessedAt), minutes(r.timeSpentSeconds), STATUS_TEXT[r.status], r.latestScore, r.bestScore];
      }
    }
    return { columns: CSV_COLUMNS, rows: cells(), audit: oneLearnerAudit(sight, filters.learnerId) };
  }

  private async rows(context: ReportContext, filters: MyActivityFilters): Promise<{ sight: Sight; rows: SessionRow[] }> {
    const sight = await requireSight(context, filters.learnerId);
    const range = context.dates.dayRange(filters.from, filters.to);
    const filter = { programmeIds: filters.programmeIds, courseIds: filters.courseIds, statuses: [], start: range.start, end: range.end };
    const rows = await learnerSessionRows(context, filters.learnerId, sight, filter);
    return { sight, rows: orderRows(rows, filters.order, filters.direction) };
  }

  private view(context: ReportContext, row: SessionRow) {
    return {
      ...row,
      statusText: STATUS_TEXT[row.status],
      firstAccessed: context.dates.formatDateTime(row.firstAccessedAt),
      lastAccessed: context.dates.formatDateTime(row.lastAccessedAt),
      minutes: minutes(row.timeSpentSeconds),
    };
  }
}

export const CSV_COLUMNS = ['Programme', 'Course or learning path', 'Session', 'First accessed', 'Last accessed', 'Time spent (minutes)', 'Status', 'Latest score', 'Best score'];
