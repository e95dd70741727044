import { Injectable } from '@nestjs/common';
import { seesProgramme, Sight } from '@ledger/access-policy';
import { LEARNER_PROGRESS_COLLECTION, LearnerProgressDocument } from '@ledger/read-store';
import { noSuchRecord } from '../access/learner-access';
import type { CsvCell } from '../report-outputs/csv-output';
import { ProgrammeSummary, readProgrammeSummary, SummaryKind } from '../shared/programme-summary/programme-summary';
import { learnerName, learnerOf, oneLearnerAudit, requireSight } from '../shared/reports/learner-scope';
import type { CsvResult, ParsedFilters, ReportContext, ReportDefinition, ScreenResult } from '../shared/reports/report-definition';
import type { ReportQuery } from '../shared/reports/report-query';

export const SUMMARY_KINDS: SummaryKind[] = ['course', 'learning-path', 'programme'];

export interface SummaryFilters {
  learnerId: string;
  kind: SummaryKind;
  /** Null: no container chosen yet; the page lists the learner's. */
  id: string | null;
}

/**
 * "Programme/course summary": the record of one course, learning path or programme for showing a
 * tutor: every session of it, attempted or not, with status, time and scores, and whether its
 * certificate is available. The same summary is pages 2+ of the certificate (shared/programme-summary).
 */
@Injectable()
export class ProgrammeSummaryReport implements ReportDefinition<SummaryFilters> {
  readonly id = 'programme-summary';
  readonly title = 'Programme/course summary';
  readonly intro = 'The record of one course, learning path or programme, for showing a tutor: every session, its status, time and scores.';
  readonly template = 'reports/programme-summary.njk';

  mayRun(): boolean {
    return true;
  }

  async parse(query: ReportQuery, context: ReportContext): Promise<ParsedFilters<SummaryFilters>> {
    const learnerId = learnerOf(query, context);
    const kind = query.oneOf('kind', SUMMARY_KINDS, 'course', 'The kind');
    const id = query.text('id');
    if (id && !(await context.catalogue.entry(kind, id))) query.problem('id', `There is no ${kind.replace('-', ' ')} ${id}`);
    return {
      filters: { learnerId, kind, id },
      summary: [['Learner', learnerId], ['Kind', kind], ['Id', id ?? 'None chosen']],
      parameters: { kind, id: id ?? '' },
    };
  }

  async screen(context: ReportContext, filters: SummaryFilters): Promise<ScreenResult> {
    const { sight, summary } = await this.read(context, filters);
    const choices = await this.choices(context, filters.learnerId, sight);
    return { data: { summary, choices }, api: { learnerId: filters.learnerId, summary, choices }, audit: summary ? oneLearnerAudit(sight, filters.learnerId, { kind: filters.kind, id: filters.id ?? '' }) : null };
  }

  async csv(context: ReportContext, filters: SummaryFilters): Promise<CsvResult> {
    const { sight, summary } = await this.read(context, filters);
    async function* rows(): AsyncGenerator<CsvCell[]> {
      for (const part of summary?.parts ?? []) {
        for (const s of part.sessions) yield [summary!.title, part.title, part.retired ? 'yes' : 'no', s.title, s.statusText, s.done ? 'yes' : 'no', s.minutes, s.firstAccessed, s.lastAccessed, s.latestScore, s.bestScore];
      }
    }
    const columns = ['Course or programme', 'Part', 'Part retired', 'Session', 'Status', 'Done', 'Time spent (minutes)', 'First accessed', 'Last accessed', 'Latest score', 'Best score'];
    return { columns, rows: rows(), audit: summary ? oneLearnerAudit(sight, filters.learnerId, { kind: filters.kind, id: filters.id ?? '' }) : null };
  }

  private async read(context: ReportContext, filters: SummaryFilters): Promise<{ sight: Sight; summary: ProgrammeSummary | null }> {
    const sight = await requireSight(context, filters.learnerId);
    if (!filters.id) return { sight, summary: null };
    const name = await learnerName(context.source, filters.learnerId);
    const summary = await readProgrammeSummary(context.source, { learnerId: filters.learnerId, learnerName: name, kind: filters.kind, containerId: filters.id }, context.dates);
    // A programme the viewer may not see gets the same answer as a learner they may not see.
    if (summary && !seesProgramme(sight, summary.programmeId)) throw noSuchRecord();
    return { sight, summary };
  }

  /** The learner's own courses, learning paths and programmes (of those the viewer may see), to choose from. */
  private async choices(context: ReportContext, learnerId: string, sight: Sight) {
    const docs = await (await context.source.readModel<LearnerProgressDocument>(LEARNER_PROGRESS_COLLECTION)).find({ learnerId }).toArray();
    return docs
      .filter((d) => seesProgramme(sight, d.kind === 'programme' ? d.containerId : d.programmeId))
      .map((d) => ({ kind: d.kind, containerId: d.containerId, title: d.title ?? d.containerId }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }
}
