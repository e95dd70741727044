import { Injectable } from '@nestjs/common';
import { seesOthers } from '@ledger/access-policy';
import { PERIOD_KINDS, PeriodKind, periodsOfDay, periodOfMonth } from '@ledger/read-store';
import type { CsvCell } from '../report-outputs/csv-output';
import type { CsvResult, ParsedFilters, ReportContext, ReportDefinition, ReportRequester, ScreenResult } from '../shared/reports/report-definition';
import type { ReportQuery } from '../shared/reports/report-query';
import { usageCells, usageScopes } from './usage-cells';
import { publishUsage, UsageRow } from './usage-table';
import { usageCharts } from './usage-charts';

export interface UsageFilters {
  periodKind: PeriodKind;
  from: string;
  to: string;
  odsCode: string | null;
  programmeId: string | null;
  courseId: string | null;
  page: number;
  pageSize: number;
}

export const CSV_COLUMNS = ['Programme, course or session', 'Level', 'Organisation', 'Period', 'Learners who accessed', 'Learners who completed', 'Time spent (hours)', 'Learners assessed', 'Learners who passed', 'Learners with a score', 'Scores', 'Mean score', 'Lowest score', 'Highest score', 'Pass rate (%)'];

/**
 * "Anonymised usage and outcomes": by programme, course and session × organisation × month, quarter
 * or year: distinct learners who accessed, completed, were assessed and passed; time spent; the score
 * distribution; the pass rate. No programme restriction and no person: every count goes through the
 * suppression rule before it is shown, in every output, and the charts are drawn from the published
 * numbers only. Not an identifiable report, so runs are not recorded.
 */
@Injectable()
export class AnonymisedUsageReport implements ReportDefinition<UsageFilters> {
  readonly id = 'anonymised-usage';
  readonly title = 'Anonymised usage and outcomes';
  readonly intro = 'How many learners used and completed each programme, course and session, by organisation and period. Small numbers are hidden (*) and others rounded to the nearest 5.';
  readonly template = 'reports/anonymised-usage.njk';

  mayRun(requester: ReportRequester): boolean {
    const c = requester.capabilities;
    return seesOthers(c) || c.auditor || c.reportingLeadOf.length > 0;
  }

  async parse(query: ReportQuery, context: ReportContext): Promise<ParsedFilters<UsageFilters>> {
    const periodKind = query.oneOf('periodKind', PERIOD_KINDS, 'month', 'The period');
    const today = context.dates.dayOf(new Date().toISOString());
    const range = query.dayRange();
    const from = range.from ?? `${today.slice(0, 4)}-01-01`;
    const to = range.to ?? today;
    if (!range.to && range.from && range.from > today) query.problem('from', 'The start date must be on or before the end date');
    const odsCode = query.text('odsCode', 10)?.toUpperCase() ?? null;
    if (odsCode && !/^[A-Z0-9]{3,10}$/.test(odsCode) && odsCode !== 'ALL') query.problem('odsCode', 'An ODS code is 3 to 10 letters and digits, for example RJ1');
    const programmeId = query.text('programme');
    const courseId = query.text('course');
    if (programmeId && !(await context.catalogue.entry('programme', programmeId))) query.problem('programme', `There is no programme ${programmeId}`);
    if (courseId && !(await context.catalogue.entry('course', courseId)) && !(await context.catalogue.entry('learning-path', courseId))) query.problem('course', `There is no course or learning path ${courseId}`);
    const { page, pageSize } = query.page();
    const d = context.dates;
    const summary: Array<[string, string]> = [
      ['Period', periodKind],
      ['From', d.formatDay(from)],
      ['To', d.formatDay(to)],
      ['Organisation', odsCode ?? 'Every organisation'],
      ['Programme', programmeId ?? (courseId ? '–' : 'Every programme')],
      ['Course', courseId ?? '–'],
      ['Suppression', `counts 1–${context.config.suppressionThreshold} shown as *, others rounded to the nearest 5`],
    ];
    return { filters: { periodKind, from, to, odsCode, programmeId, courseId, page, pageSize }, summary, parameters: {} };
  }

  async screen(context: ReportContext, filters: UsageFilters): Promise<ScreenResult> {
    const rows = await this.rows(context, filters);
    const start = (filters.page - 1) * filters.pageSize;
    const page = rows.slice(start, start + filters.pageSize);
    const paging = { page: filters.page, pageSize: filters.pageSize, pages: Math.max(1, Math.ceil(rows.length / filters.pageSize)), rows: rows.length };
    const charts = usageCharts(rows, filters.odsCode);
    return { data: { rows: page, paging, charts }, api: { paging, rows: page }, audit: null };
  }

  async csv(context: ReportContext, filters: UsageFilters): Promise<CsvResult> {
    const rows = await this.rows(context, filters);
    async function* cells(): AsyncGenerator<CsvCell[]> {
      for (const r of rows) {
        const s = r.scores;
        const score = (pick: (x: Exclude<UsageRow['scores'], '*' | null>) => number) => (s === '*' ? '*' : s === null ? '' : pick(s));
        yield [r.scopeTitle, r.scope, r.organisation, r.period, r.learners.accessed, r.learners.completed, r.timeSpentHours, r.learners.assessed, r.learners.passed, r.learners.scored, score((x) => x.count), score((x) => x.mean), score((x) => x.min), score((x) => x.max), r.passRate ?? ''];
      }
    }
    return { columns: CSV_COLUMNS, rows: cells(), audit: null };
  }

  /** Every published row of the run, in scope order, then period, then organisation (all organisations last). */
  private async rows(context: ReportContext, filters: UsageFilters): Promise<UsageRow[]> {
    const scopes = await usageScopes(context, filters.programmeId, filters.courseId);
    const first = periodOfMonth(periodsOfDay(filters.from).month, filters.periodKind);
    const last = periodOfMonth(periodsOfDay(filters.to).month, filters.periodKind);
    const cells = await usageCells(context, scopes, filters.periodKind, null, (period) => period >= first && period <= last);
    const published = publishUsage(cells, context.config.suppressionThreshold);
    const order = new Map(scopes.map((s, i) => [`${s.scope}:${s.scopeId}`, i]));
    const shown = filters.odsCode ? published.filter((r) => r.odsCode === filters.odsCode || r.odsCode === 'ALL') : published;
    return shown.sort(
      (a, b) =>
        (order.get(`${a.scope}:${a.scopeId}`) ?? 0) - (order.get(`${b.scope}:${b.scopeId}`) ?? 0) ||
        a.period.localeCompare(b.period) ||
        Number(a.odsCode === 'ALL') - Number(b.odsCode === 'ALL') ||
        a.odsCode.localeCompare(b.odsCode),
    );
  }
}
