import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { capabilitiesOf } from '@ledger/access-policy';
import { describeCut, LedgerCut } from '@ledger/read-store';
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
import type { ReportRun, RunToRecord } from './report-run';

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

  /** The API: JSON, CSV or PDF for a bearer-token caller, on the live read models. */
  async api(
    report: ReportDefinition,
    viewerId: string,
    query: Record<string, unknown>,
    output: ApiOutput,
    reply: FastifyReply,
  ): Promise<void> {
    const source = this.sources.current();
    const facts = await source.access.viewer(viewerId);
    const requester: ReportRequester = { userId: viewerId, displayName: viewerId, facts, capabilities: capabilitiesOf(facts) };
    await this.apiRun(report, this.liveRun(requester, source), query, output, reply);
  }

  /** The API for a run the caller made (an auditor's as of a moment): its requester, source and record. */
  async apiRun(
    report: ReportDefinition,
    run: ReportRun,
    query: Record<string, unknown>,
    output: ApiOutput,
    reply: FastifyReply,
  ): Promise<void> {
    if (!report.mayRun(run.requester)) throw new AppError('AUTH.FORBIDDEN', `the ${report.title} report is not available to you`);
    const context = this.context(run);
    const { parsed, problems } = await this.parse(report, query, context, true);
    if (problems.length > 0) throw filterError(problems);
    if (output === 'csv') return this.sendCsv(report, run, context, parsed, reply);
    const result = await report.screen(context, parsed.filters);
    const dataCompleteThrough = await run.source.dataCompleteThrough();
    await this.audit(report, run, parsed, result.audit, dataCompleteThrough);
    if (output === 'json') {
      const cut = run.cut ? { cut: { asOf: run.cut.asOf, topic: run.cut.topic, through: run.cut.through } } : {};
      const filters = Object.fromEntries(parsed.summary);
      await reply.header('cache-control', 'no-store').send({ report: report.id, dataCompleteThrough, ...cut, filters, ...result.api });
      return;
    }
    const data = { ...result.data, report: await this.frame(report, run, parsed, query, dataCompleteThrough), errors: [], values: query };
    await this.sendPdf(report, context, reply, await this.shell.html(reply, null, report.template, data), dataCompleteThrough);
  }

  /** The web shell: the page, or its CSV or PDF, for the signed-in person, on the live read models. */
  async web(report: ReportDefinition, request: FastifyRequest, reply: FastifyReply, output: WebOutput): Promise<void> {
    const viewer = await this.shell.viewer(request);
    await this.webRun(report, viewer, this.liveRun(this.webRequester(viewer), this.sources.current()), request, reply, output);
  }

  /** The web shell for a run the caller made (an auditor's as of a moment); `viewer` is who is signed in. */
  async webRun(
    report: ReportDefinition,
    viewer: ShellViewer,
    run: ReportRun,
    request: FastifyRequest,
    reply: FastifyReply,
    output: WebOutput,
  ): Promise<void> {
    this.shell.require(report.mayRun(run.requester));
    const query = (request.query ?? {}) as Record<string, unknown>;
    const context = this.context(run);
    const { parsed, problems } = await this.parse(report, query, context);
    const dataCompleteThrough = await run.source.dataCompleteThrough();
    const frame = await this.frame(report, run, parsed, query, dataCompleteThrough);
    if (problems.length > 0) {
      const errors = problems.map((p) => ({ field: p.field, text: p.text }));
      return this.shell.render(reply, viewer, report.template, { report: frame, errors, values: query }, filterStatus(problems));
    }
    if (output === 'csv') return this.sendCsv(report, run, context, parsed, reply);
    const result = await report.screen(context, parsed.filters);
    await this.audit(report, run, parsed, result.audit, dataCompleteThrough);
    const data = { ...result.data, report: frame, errors: [], values: query };
    if (output === 'screen') return this.shell.render(reply, viewer, report.template, data);
    await this.sendPdf(report, context, reply, await this.shell.html(reply, null, report.template, data), dataCompleteThrough);
  }

  /** A live run: the requester's own, on `source`, recorded with the policy's roles as an identifiable report run. */
  private liveRun(requester: ReportRequester, source: ReportSource): ReportRun {
    const record = ({ reportId, roles, parameters, watermark, subjects }: RunToRecord) =>
      this.views.recordReport({ viewerId: requester.userId, roles, reportName: reportId, parameters, watermark, subjects });
    return { requester, source, cut: null, reportsPath: '/reports', record };
  }

  private async sendCsv(
    report: ReportDefinition,
    run: ReportRun,
    context: ReportContext,
    parsed: ParsedFilters<unknown>,
    reply: FastifyReply,
  ): Promise<void> {
    const result = await report.csv(context, parsed.filters);
    const dataCompleteThrough = await run.source.dataCompleteThrough();
    await this.audit(report, run, parsed, result.audit, dataCompleteThrough);
    const header: CsvHeader = {
      reportName: report.title,
      filters: parsed.summary,
      dataCompleteTo: this.dates.formatDateTime(dataCompleteThrough) || '–',
      ledgerCut: run.cut ? statedCut(run.cut) : null,
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
  private async audit(
    report: ReportDefinition,
    run: ReportRun,
    parsed: ParsedFilters<unknown>,
    audit: ReportAudit | null,
    watermark: string | null,
  ): Promise<void> {
    if (!audit) return;
    const parameters = Object.fromEntries(
      Object.entries({ ...parsed.parameters, ...audit.parameters }).map(([name, value]) => [name, value.slice(0, MAX_PARAMETER_LENGTH)]),
    );
    await run.record({ reportId: report.id, roles: audit.roles, parameters, watermark, subjects: audit.subjects });
  }

  private async parse(report: ReportDefinition, query: Record<string, unknown>, context: ReportContext, strict = false): Promise<{ parsed: ParsedFilters<unknown>; problems: FilterProblem[] }> {
    const reader = new ReportQuery(query, strict);
    const parsed = await report.parse(reader, context);
    return { parsed, problems: reader.problems };
  }

  private context({ source, requester }: ReportRun): ReportContext {
    return { source, requester, dates: this.dates, catalogue: new CatalogueLookup(source), config: this.config.reports };
  }

  private webRequester(viewer: ShellViewer): ReportRequester {
    const { person, facts, capabilities } = viewer;
    return { userId: person.userId, displayName: requesterName(person), facts, capabilities };
  }

  /** What the report frame (report-layout.njk) shows around every report. */
  private async frame(
    report: ReportDefinition,
    run: ReportRun,
    parsed: ParsedFilters<unknown>,
    query: Record<string, unknown>,
    dataCompleteThrough: string | null,
  ) {
    return {
      id: report.id,
      title: report.title,
      intro: report.intro,
      path: `${run.reportsPath}/${report.id}`,
      query: queryString(query),
      dataCompleteTo: this.dates.formatDateTime(dataCompleteThrough) || '–',
      ledgerCut: run.cut ? statedCut(run.cut) : null,
      timeZone: this.dates.timeZone,
      filterSummary: parsed.summary,
      ranBy: run.requester.displayName,
      ranAt: this.dates.formatDateTime(new Date().toISOString()),
    };
  }
}

/** How a signed-in person is named in a report's header: "Asha Patel (learner-asha)", or the id alone. */
export function requesterName(person: { userId: string; name: string }): string {
  return person.name && person.name !== person.userId ? `${person.name} (${person.userId})` : person.userId;
}

/** How an output states the cut it was computed at: the instant and every partition's last offset. */
function statedCut(cut: LedgerCut): string {
  return `${cut.asOf ?? 'ledger position'}; ${cut.topic} ${describeCut(cut)}`;
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
