import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { capabilitiesOf } from '@ledger/access-policy';
import { AppError } from '@ledger/runtime';
import { IdentifiableViews } from '../../access/identifiable-views';
import type { ReportingConfig } from '../../config';
import { CsvHeader, sendCsv } from '../../report-outputs/csv-output';
import { ReportDates } from '../../report-outputs/report-dates';
import { PdfRenderer } from '../../report-outputs/pdf-renderer';
import { sendPdf } from '../../report-outputs/pdf-templates';
import { ReportSource, ReportSources } from '../../report-outputs/report-source';
import { APP_LOGGER, REPORTING_CONFIG } from '../../tokens';
import { Shell, ShellViewer } from '../../web/shell';
import { CatalogueLookup } from './catalogue-lookup';
import { ParsedFilters, ReportAudit, ReportContext, ReportDefinition, ReportRequester } from './report-definition';
import { filterError, filterStatus, FilterProblem, ReportQuery } from './report-query';

export type ApiOutput = 'json' | 'csv' | 'pdf';
export type WebOutput = 'screen' | 'csv' | 'pdf';

/** Longest parameter value the audit event holds (IdentifiableReportRun limits each to 1 000 characters). */
const MAX_PARAMETER_LENGTH = 1000;

/**
 * Runs any report for the API or the web shell, the same way every time: read the filters (every bad
 * one named: 400, or 403 for what the viewer may not ask for), build the report from one report
 * source (the current generation unless one is passed), record an identifiable run in the ledger
 * (nothing is sent if that fails), then send one of the outputs. The screen and the PDF are the same
 * template; the CSV streams.
 */
@Injectable()
export class ReportRunner {
  readonly dates: ReportDates;

  constructor(
    private readonly sources: ReportSources,
    private readonly shell: Shell,
    private readonly pdf: PdfRenderer,
    private readonly views: IdentifiableViews,
    @Inject(REPORTING_CONFIG) private readonly config: ReportingConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    this.dates = new ReportDates(config.reports.timeZone);
  }

  /** The API: JSON, CSV or PDF for a bearer-token caller. */
  async api(report: ReportDefinition, viewerId: string, query: Record<string, unknown>, output: ApiOutput, reply: FastifyReply, source = this.sources.current()): Promise<void> {
    const facts = await source.access.viewer(viewerId);
    const requester: ReportRequester = { userId: viewerId, displayName: viewerId, facts, capabilities: capabilitiesOf(facts) };
    if (!report.mayRun(requester)) throw new AppError('AUTH.FORBIDDEN', `the ${report.title} report is not available to you`);
    const context = this.context(source, requester);
    const { parsed, problems } = await this.parse(report, query, context, true);
    if (problems.length > 0) throw filterError(problems);
    if (output === 'csv') return this.sendCsv(report, context, parsed, reply);
    const result = await report.screen(context, parsed.filters);
    const dataCompleteThrough = await source.dataCompleteThrough();
    await this.audit(report, context, parsed, result.audit, dataCompleteThrough);
    if (output === 'json') {
      await reply.header('cache-control', 'no-store').send({ report: report.id, dataCompleteThrough, filters: Object.fromEntries(parsed.summary), ...result.api });
      return;
    }
    const data = { ...result.data, report: await this.frame(report, context, parsed, query, dataCompleteThrough), errors: [], values: query };
    await this.sendPdf(report, context, reply, await this.shell.html(reply, null, report.template, data), dataCompleteThrough);
  }

  /** The web shell: the page, or its CSV or PDF, for the signed-in person. */
  async web(report: ReportDefinition, request: FastifyRequest, reply: FastifyReply, output: WebOutput, source: ReportSource = this.sources.current()): Promise<void> {
    const viewer = await this.shell.viewer(request);
    const requester = this.webRequester(viewer);
    this.shell.require(report.mayRun(requester));
    const query = (request.query ?? {}) as Record<string, unknown>;
    const context = this.context(source, requester);
    const { parsed, problems } = await this.parse(report, query, context);
    const dataCompleteThrough = await source.dataCompleteThrough();
    const frame = await this.frame(report, context, parsed, query, dataCompleteThrough);
    if (problems.length > 0) {
      const errors = problems.map((p) => ({ field: p.field, text: p.text }));
      return this.shell.render(reply, viewer, report.template, { report: frame, errors, values: query }, filterStatus(problems));
    }
    if (output === 'csv') return this.sendCsv(report, context, parsed, reply);
    const result = await report.screen(context, parsed.filters);
    await this.audit(report, context, parsed, result.audit, dataCompleteThrough);
    const data = { ...result.data, report: frame, errors: [], values: query };
    if (output === 'screen') return this.shell.render(reply, viewer, report.template, data);
    await this.sendPdf(report, context, reply, await this.shell.html(reply, null, report.template, data), dataCompleteThrough);
  }

  private async sendCsv(report: ReportDefinition, context: ReportContext, parsed: ParsedFilters<unknown>, reply: FastifyReply): Promise<void> {
    const result = await report.csv(context, parsed.filters);
    const dataCompleteThrough = await context.source.dataCompleteThrough();
    await this.audit(report, context, parsed, result.audit, dataCompleteThrough);
    const header: CsvHeader = {
      reportName: report.title,
      filters: parsed.summary,
      dataCompleteTo: this.dates.formatDateTime(dataCompleteThrough) || '–',
      ranBy: context.requester.displayName,
      ranAt: this.dates.formatDateTime(new Date().toISOString()),
      columns: result.columns,
    };
    sendCsv(reply, `${report.id}.csv`, header, result.rows, (error) => this.logger.error({ err: error, report: report.id }, 'CSV report stopped part way'));
  }

  private async sendPdf(report: ReportDefinition, context: ReportContext, reply: FastifyReply, html: string, dataCompleteThrough: string | null): Promise<void> {
    const pdf = await this.pdf.render(html, {
      reportName: report.title,
      ranBy: context.requester.displayName,
      ranAt: this.dates.formatDateTime(new Date().toISOString()),
      dataCompleteTo: this.dates.formatDateTime(dataCompleteThrough) || '–',
    });
    sendPdf(reply, `${report.id}.pdf`, pdf);
  }

  /** Before any output: an identifiable run is appended to the ledger, or this throws and nothing is sent. */
  private async audit(report: ReportDefinition, context: ReportContext, parsed: ParsedFilters<unknown>, audit: ReportAudit | null, watermark: string | null): Promise<void> {
    if (!audit) return;
    const parameters = Object.fromEntries(
      Object.entries({ ...parsed.parameters, ...audit.parameters }).map(([name, value]) => [name, value.slice(0, MAX_PARAMETER_LENGTH)]),
    );
    await this.views.recordReport({ viewerId: context.requester.userId, roles: audit.roles, reportName: report.id, parameters, watermark, subjects: audit.subjects });
  }

  private async parse(report: ReportDefinition, query: Record<string, unknown>, context: ReportContext, strict = false): Promise<{ parsed: ParsedFilters<unknown>; problems: FilterProblem[] }> {
    const reader = new ReportQuery(query, strict);
    const parsed = await report.parse(reader, context);
    return { parsed, problems: reader.problems };
  }

  private context(source: ReportSource, requester: ReportRequester): ReportContext {
    return { source, requester, dates: this.dates, catalogue: new CatalogueLookup(source), config: this.config.reports };
  }

  private webRequester(viewer: ShellViewer): ReportRequester {
    const { person, facts, capabilities } = viewer;
    return { userId: person.userId, displayName: person.name && person.name !== person.userId ? `${person.name} (${person.userId})` : person.userId, facts, capabilities };
  }

  /** What the report frame (report-layout.njk) shows around every report. */
  private async frame(report: ReportDefinition, context: ReportContext, parsed: ParsedFilters<unknown>, query: Record<string, unknown>, dataCompleteThrough: string | null) {
    return {
      id: report.id,
      title: report.title,
      intro: report.intro,
      path: `/reports/${report.id}`,
      query: queryString(query),
      dataCompleteTo: this.dates.formatDateTime(dataCompleteThrough) || '–',
      timeZone: this.dates.timeZone,
      filterSummary: parsed.summary,
      ranBy: context.requester.displayName,
      ranAt: this.dates.formatDateTime(new Date().toISOString()),
    };
  }
}

/** The query string a page was asked with (for its download links), without paging. */
function queryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (name === 'page') continue;
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string' && item !== '') params.append(name, item);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
