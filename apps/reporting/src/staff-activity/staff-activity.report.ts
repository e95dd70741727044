import type { SessionStatus } from '@ledger/read-store';
import { LEARNER_PROFILES_COLLECTION } from '@ledger/read-store';
import type { CsvCell } from '../report-outputs/csv-output';
import { displayName } from '../shared/reports/learner-scope';
import { checkCatalogueIds, learnerSessionRows } from '../shared/reports/learner-session-rows';
import { orderedMap } from '../shared/reports/ordered-map';
import type { CsvResult, ParsedFilters, ReportAudit, ReportContext, ReportDefinition, ReportRequester, ScreenResult } from '../shared/reports/report-definition';
import type { ReportQuery } from '../shared/reports/report-query';
import { minutes, RowFilter, SESSION_STATUSES, SessionRow, STATUS_TEXT } from '../shared/reports/session-rows';
import { CandidateLearner, candidatesOf, coverageOf, LearnerScope } from './learner-candidates';

export interface StaffActivityFilters {
  scope: LearnerScope;
  programmeIds: string[];
  courseIds: string[];
  jobRole: string | null;
  statuses: SessionStatus[];
  from: string | null;
  to: string | null;
  page: number;
  pageSize: number;
}

/** A learner of the report, as few fields as its rows need (kept between the audit and the rows). */
interface ReportLearner {
  learnerId: string;
  name: string;
  jobRole: string;
  candidate: CandidateLearner;
}

/** A row of a many-learner report: whose, and their record in one session. */
export interface StaffRow extends SessionRow {
  name: string;
  jobRole: string;
}

/** Learners whose sessions are read at the same time. */
const READ_CONCURRENCY = 8;

export const CSV_COLUMNS = ['Learner', 'Name', 'Job role', 'Programme', 'Course or learning path', 'Session', 'First accessed', 'Last accessed', 'Time spent (minutes)', 'Status', 'Latest score', 'Best score'];

/**
 * What the organisation report and the project, admin and tutor views share: many learners' records,
 * one row per learner and session, found by scope and each checked by the access policy, filtered by
 * programme, course, job role, status and a date range, with completion counts at the top. The screen
 * (and JSON, and PDF) shows one page of rows; the CSV streams every row, learner by learner.
 */
export abstract class StaffActivityReport implements ReportDefinition<StaffActivityFilters> {
  abstract readonly id: string;
  abstract readonly title: string;
  abstract readonly intro: string;
  readonly template = 'reports/staff-activity.njk';

  abstract mayRun(requester: ReportRequester): boolean;
  protected abstract readScope(query: ReportQuery, context: ReportContext): LearnerScope;
  protected abstract describeScope(scope: LearnerScope): Array<[string, string]>;

  async parse(query: ReportQuery, context: ReportContext): Promise<ParsedFilters<StaffActivityFilters>> {
    const scope = this.readScope(query, context);
    const programmeIds = query.list('programme');
    const courseIds = query.list('course');
    const jobRole = query.text('jobRole');
    const statuses = query.list('status') as SessionStatus[];
    const unknown = statuses.filter((s) => !SESSION_STATUSES.includes(s));
    if (unknown.length > 0) query.problem('status', `The status must be one of: ${SESSION_STATUSES.join(', ')}`);
    const { from, to } = query.dayRange();
    const { page, pageSize } = query.page();
    await checkCatalogueIds(context, query, programmeIds, courseIds);
    const d = context.dates;
    const summary: Array<[string, string]> = [
      ...this.describeScope(scope),
      ['Programmes', programmeIds.join(', ') || 'All'],
      ['Courses', courseIds.join(', ') || 'All'],
      ['Job role', jobRole ?? 'All'],
      ['Status', statuses.map((s) => STATUS_TEXT[s] ?? s).join(', ') || 'All'],
      ['From', from ? d.formatDay(from) : 'The beginning'],
      ['To', to ? d.formatDay(to) : 'Today'],
    ];
    const parameters = { programmes: programmeIds.join(','), courses: courseIds.join(','), jobRole: jobRole ?? '', statuses: statuses.join(','), from: from ?? '', to: to ?? '' };
    return { filters: { scope, programmeIds, courseIds, jobRole, statuses, from, to, page, pageSize }, summary, parameters };
  }

  async screen(context: ReportContext, filters: StaffActivityFilters): Promise<ScreenResult> {
    const learners = await this.learners(context, filters);
    const rowFilter = this.rowFilter(context, filters);
    const perLearner = orderedMap(toAsync(learners), (l) => this.rowsOf(context, l, rowFilter), READ_CONCURRENCY);
    const rows: StaffRow[] = [];
    for await (const learnerRows of perLearner) rows.push(...learnerRows);
    rows.sort((a, b) => a.name.localeCompare(b.name) || a.learnerId.localeCompare(b.learnerId) || (a.programmeTitle ?? '').localeCompare(b.programmeTitle ?? '') || a.sessionTitle.localeCompare(b.sessionTitle));
    const start = (filters.page - 1) * filters.pageSize;
    const page = rows.slice(start, start + filters.pageSize).map((r) => this.view(context, r));
    const shownLearners = [...new Set(page.map((r) => r.learnerId))];
    const counts = completionCounts(rows);
    const paging = { page: filters.page, pageSize: filters.pageSize, pages: Math.max(1, Math.ceil(rows.length / filters.pageSize)), rows: rows.length };
    const audit = this.audit(context, filters, learners, { ids: shownLearners, count: shownLearners.length });
    return { data: { rows: page, counts, paging }, api: { paging, counts, rows: page }, audit };
  }

  async csv(context: ReportContext, filters: StaffActivityFilters): Promise<CsvResult> {
    const rowFilter = this.rowFilter(context, filters);
    const d = context.dates;
    // An admin's export of every learner is streamed from the cursor and recorded by coverage; any other
    // scope is gathered first (ids and names only), so the learners it covers are recorded before the first row.
    const everyone = filters.scope.kind === 'all';
    const learners = everyone ? null : await this.learners(context, filters);
    const count = learners?.length ?? (await (await context.source.readModel(LEARNER_PROFILES_COLLECTION)).estimatedDocumentCount());
    const audit = this.audit(context, filters, learners ?? [], { ids: learners?.map((l) => l.learnerId) ?? null, count });
    const source = learners ? toAsync(learners) : this.streamLearners(context, filters);
    const perLearner = orderedMap(source, (l) => this.rowsOf(context, l, rowFilter), READ_CONCURRENCY);
    async function* cells(): AsyncGenerator<CsvCell[]> {
      for await (const learnerRows of perLearner) {
        for (const r of learnerRows) {
          yield [r.learnerId, r.name, r.jobRole, r.programmeTitle, r.containerTitle, r.sessionTitle, d.formatDateTime(r.firstAccessedAt), d.formatDateTime(r.lastAccessedAt), minutes(r.timeSpentSeconds), STATUS_TEXT[r.status], r.latestScore, r.bestScore];
        }
      }
    }
    return { columns: CSV_COLUMNS, rows: cells(), audit };
  }

  private audit(context: ReportContext, filters: StaffActivityFilters, learners: ReportLearner[], subjects: { ids: string[] | null; count: number }): ReportAudit {
    const roles = [...new Set(learners.flatMap((l) => l.candidate.sight.roles))];
    const fallbackRole = context.requester.capabilities.hubAdmin ? 'hub-admin' : 'report-runner';
    return {
      roles: roles.length > 0 ? roles : [fallbackRole],
      parameters: { scope: coverageOf(filters.scope, context.requester.userId) },
      subjects: { ids: subjects.ids, coverage: coverageOf(filters.scope, context.requester.userId), count: subjects.count },
    };
  }

  /** The scope's learners the policy lets the requester see, narrowed by job role, sorted by name. */
  private async learners(context: ReportContext, filters: StaffActivityFilters): Promise<ReportLearner[]> {
    const learners: ReportLearner[] = [];
    for await (const learner of this.streamLearners(context, filters)) learners.push(learner);
    return learners.sort((a, b) => a.name.localeCompare(b.name) || a.learnerId.localeCompare(b.learnerId));
  }

  private async *streamLearners(context: ReportContext, filters: StaffActivityFilters): AsyncGenerator<ReportLearner> {
    const wanted = filters.jobRole?.toLowerCase() ?? null;
    for await (const candidate of candidatesOf(context, filters.scope)) {
      const jobRole = candidate.profile.workplace?.jobRole ?? '';
      if (wanted !== null && jobRole.toLowerCase() !== wanted) continue;
      yield { learnerId: candidate.profile._id, name: displayName(candidate.profile, candidate.profile._id), jobRole, candidate };
    }
  }

  private async rowsOf(context: ReportContext, learner: ReportLearner, filter: RowFilter): Promise<StaffRow[]> {
    const rows = await learnerSessionRows(context, learner.learnerId, learner.candidate.sight, filter);
    return rows.map((row) => ({ ...row, name: learner.name, jobRole: learner.jobRole }));
  }

  private rowFilter(context: ReportContext, filters: StaffActivityFilters): RowFilter {
    const range = context.dates.dayRange(filters.from, filters.to);
    return { programmeIds: filters.programmeIds, courseIds: filters.courseIds, statuses: filters.statuses, start: range.start, end: range.end };
  }

  private view(context: ReportContext, row: StaffRow) {
    return { ...row, statusText: STATUS_TEXT[row.status], firstAccessed: context.dates.formatDateTime(row.firstAccessedAt), lastAccessed: context.dates.formatDateTime(row.lastAccessedAt), minutes: minutes(row.timeSpentSeconds) };
  }
}

/** The counts at the top of the report: learners, and sessions by status. */
export function completionCounts(rows: readonly StaffRow[]) {
  const byStatus = Object.fromEntries(SESSION_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])) as Record<SessionStatus, number>;
  return {
    learners: new Set(rows.map((r) => r.learnerId)).size,
    sessions: rows.length,
    completedOrPassed: byStatus.completed + byStatus.passed,
    inProgress: byStatus['in-progress'],
    failed: byStatus.failed,
  };
}

async function* toAsync<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}
