import { Injectable } from '@nestjs/common';
import { seesProgramme, Sight } from '@ledger/access-policy';
import { LEARNER_PROGRESS_COLLECTION, LEARNER_SESSIONS_COLLECTION, LearnerProgressDocument, LearnerSessionDocument, SessionContainerProgressDocument } from '@ledger/read-store';
import type { CsvCell } from '../report-outputs/csv-output';
import { learnerName, learnerOf, oneLearnerAudit, requireSight } from '../shared/reports/learner-scope';
import type { CsvResult, ParsedFilters, ReportContext, ReportDefinition, ScreenResult } from '../shared/reports/report-definition';
import type { ReportQuery } from '../shared/reports/report-query';
import { minutes } from '../shared/reports/session-rows';

export interface SummarisedFilters {
  learnerId: string;
}

/** One course or learning path in the summarised record. */
export interface SummarisedCourse {
  kind: 'course' | 'learning-path';
  containerId: string;
  title: string;
  retired: boolean;
  sessionsDone: number;
  sessionsTotal: number;
  complete: boolean;
  statusText: string;
  started: string;
  lastActivity: string;
  completed: string;
  minutes: number;
}

/** One programme of the summarised record, with its courses and learning paths. */
export interface SummarisedProgramme {
  programmeId: string;
  title: string;
  retired: boolean;
  complete: boolean;
  courses: SummarisedCourse[];
}

/**
 * "Activity records (summarised)": everything the learner ever did, course by course, grouped by
 * programme, retired courses and programmes included (they stay on the record). Reads the learner's
 * progress and sessions, each one equality read on `learnerId`.
 */
@Injectable()
export class ActivitySummarisedReport implements ReportDefinition<SummarisedFilters> {
  readonly id = 'activity-summarised';
  readonly title = 'Activity records (summarised)';
  readonly intro = 'Everything you have ever done, course by course and grouped by programme, including retired courses.';
  readonly template = 'reports/activity-summarised.njk';

  mayRun(): boolean {
    return true;
  }

  async parse(query: ReportQuery, context: ReportContext): Promise<ParsedFilters<SummarisedFilters>> {
    const learnerId = learnerOf(query, context);
    return { filters: { learnerId }, summary: [['Learner', learnerId]], parameters: {} };
  }

  async screen(context: ReportContext, filters: SummarisedFilters): Promise<ScreenResult> {
    const { sight, programmes } = await this.read(context, filters.learnerId);
    const learner = { id: filters.learnerId, name: await learnerName(context.source, filters.learnerId), self: sight.roles.includes('self') };
    return { data: { programmes, learner }, api: { learnerId: filters.learnerId, programmes }, audit: oneLearnerAudit(sight, filters.learnerId) };
  }

  async csv(context: ReportContext, filters: SummarisedFilters): Promise<CsvResult> {
    const { sight, programmes } = await this.read(context, filters.learnerId);
    async function* rows(): AsyncGenerator<CsvCell[]> {
      for (const p of programmes) {
        for (const c of p.courses) yield [p.title, c.title, c.retired ? 'yes' : 'no', c.statusText, c.sessionsDone, c.sessionsTotal, c.started, c.lastActivity, c.completed, c.minutes];
      }
    }
    const columns = ['Programme', 'Course or learning path', 'Retired', 'Status', 'Sessions done', 'Sessions', 'Started', 'Last activity', 'Completed', 'Time spent (minutes)'];
    return { columns, rows: rows(), audit: oneLearnerAudit(sight, filters.learnerId) };
  }

  private async read(context: ReportContext, learnerId: string): Promise<{ sight: Sight; programmes: SummarisedProgramme[] }> {
    const sight = await requireSight(context, learnerId);
    const [progress, sessions] = await Promise.all([
      (await context.source.readModel<LearnerProgressDocument>(LEARNER_PROGRESS_COLLECTION)).find({ learnerId }).toArray(),
      (await context.source.readModel<LearnerSessionDocument>(LEARNER_SESSIONS_COLLECTION)).find({ learnerId }).toArray(),
    ]);
    const seconds = new Map(sessions.map((s) => [s.sessionId, s.timeSpentSeconds]));
    const d = context.dates;
    const programmeDocs = new Map(progress.filter((p) => p.kind === 'programme').map((p) => [p.containerId, p]));
    const courses = progress.filter((p): p is SessionContainerProgressDocument => p.kind !== 'programme' && seesProgramme(sight, p.programmeId));
    const byProgramme = new Map<string, SummarisedCourse[]>();
    for (const c of courses) {
      const course: SummarisedCourse = {
        kind: c.kind,
        containerId: c.containerId,
        title: c.title ?? c.containerId,
        retired: c.retired,
        sessionsDone: c.sessionsDone,
        sessionsTotal: c.sessionsTotal,
        complete: c.complete,
        statusText: c.complete ? 'Complete' : c.sessionsDone > 0 || c.startedAt ? 'In progress' : 'Not started',
        started: d.formatDate(c.startedAt),
        lastActivity: d.formatDate(c.lastActivityAt),
        completed: d.formatDate(c.completedAt),
        minutes: minutes(c.sessions.reduce((sum, s) => sum + (seconds.get(s.sessionId) ?? 0), 0)),
      };
      byProgramme.set(c.programmeId, [...(byProgramme.get(c.programmeId) ?? []), course]);
    }
    const programmes = [...byProgramme].map(([programmeId, list]): SummarisedProgramme => {
      const doc = programmeDocs.get(programmeId);
      return { programmeId, title: doc?.title ?? programmeId, retired: doc?.retired ?? false, complete: doc?.complete ?? false, courses: list.sort((a, b) => a.title.localeCompare(b.title)) };
    });
    return { sight, programmes: programmes.sort((a, b) => a.title.localeCompare(b.title)) };
  }
}
