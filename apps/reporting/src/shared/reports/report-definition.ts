import type { Capabilities, ViewerFacts, ViewerRole } from '@ledger/access-policy';
import type { ReportSubjects } from '../../access/identifiable-views';
import type { ReportsConfig } from '../../config';
import type { CsvCell } from '../../report-outputs/csv-output';
import type { ReportDates } from '../../report-outputs/report-dates';
import type { ReportSource } from '../../report-outputs/report-source';
import type { CatalogueLookup } from './catalogue-lookup';
import type { ReportQuery } from './report-query';

/** Who runs a report: what the token or the session says, and what the policy says about them. */
export interface ReportRequester {
  userId: string;
  /** As shown in headers: "Asha Patel (learner-asha)", or the user id alone when no name is known. */
  displayName: string;
  facts: ViewerFacts;
  capabilities: Capabilities;
}

/** What one run of a report reads and knows: everything comes through `source` (one generation of read models). */
export interface ReportContext {
  source: ReportSource;
  requester: ReportRequester;
  dates: ReportDates;
  catalogue: CatalogueLookup;
  config: ReportsConfig;
}

/**
 * The record of an identifiable run, made before any byte of output is sent: the learners shown, and
 * what the run's parameters covered (e.g. `organisation:RJ1`), which is recorded instead of the list
 * when there are too many to list (see IdentifiableViews.recordReport).
 */
export interface ReportAudit {
  roles: readonly ViewerRole[];
  parameters: Record<string, string>;
  subjects: ReportSubjects;
}

/** A report for the screen, its PDF and the API: bounded (paged) data. */
export interface ScreenResult {
  /** What the report's template shows (besides the frame). */
  data: Record<string, unknown>;
  /** The API's JSON answer. */
  api: Record<string, unknown>;
  /** Null when nothing identifiable of anyone but the viewer is shown (their own record, or anonymised counts). */
  audit: ReportAudit | null;
}

/** A report as CSV: every row, streamed. */
export interface CsvResult {
  columns: string[];
  rows: AsyncIterable<CsvCell[]>;
  audit: ReportAudit | null;
}

/** The filters a report was run with, and how the header block, PDF and page name them. */
export interface ParsedFilters<F> {
  filters: F;
  summary: Array<[string, string]>;
  /** Parameters recorded with an identifiable run (text only). */
  parameters: Record<string, string>;
}

/**
 * One report of the hub. Each is a slice (its folder holds this, its API controller and its tests);
 * the web shell's pages, the PDF and the CSV all go through ReportRunner, so every report gets the same
 * frame, errors, audit and outputs.
 */
export interface ReportDefinition<F = unknown> {
  /** The URL segment: `/reports/<id>` and `/v1/reports/<id>`. */
  readonly id: string;
  readonly title: string;
  readonly intro: string;
  /** The nunjucks template (extends report-outputs/report-layout.njk). */
  readonly template: string;
  /** Whether the requester may open the report at all; who and what it shows is decided inside. */
  mayRun(requester: ReportRequester): boolean;
  parse(query: ReportQuery, context: ReportContext): Promise<ParsedFilters<F>>;
  screen(context: ReportContext, filters: F): Promise<ScreenResult>;
  csv(context: ReportContext, filters: F): Promise<CsvResult>;
}

/** DI token: every report definition, for the web shell's report pages. */
export const REPORT_DEFINITIONS = Symbol('REPORT_DEFINITIONS');
