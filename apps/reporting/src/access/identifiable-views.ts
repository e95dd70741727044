import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MAX_SUBJECTS_PER_RUN_PART } from '@ledger/events';
import type { ViewerRole } from '@ledger/access-policy';
import type { ReportingConfig } from '../config';
import { REPORTING_CONFIG } from '../tokens';
import { IngestClient } from './ingest-client';

export interface IdentifiableView {
  viewerId: string;
  /** Why they may see it: the policy's roles, or "auditor" for an auditor's view as of a moment. */
  roles: readonly (ViewerRole | 'auditor')[];
  reportName: string;
  parameters: Record<string, string>;
  /** The learners whose data is about to be shown. */
  subjectIds: string[];
  /** "Data complete through" of what is shown. */
  watermark: string | null;
}

/**
 * Whom a report run showed: the learners (null when the run streams more than can be listed before it
 * starts), what its parameters covered, and how many learners that is.
 */
export interface ReportSubjects {
  ids: readonly string[] | null;
  /**
   * What the parameters covered, in terms "who viewed my record" can match a learner against:
   * `all-learners`, `organisation:<ODS code>` (staff working there at the time), `project:<id>`
   * (learners enrolled then), `professional-body:<id>`, `tutor` (learners who had authorised the viewer), `learner:<id>`.
   */
  coverage: string;
  count: number;
}

/**
 * Every identifiable view is a ledger fact, recorded before the data leaves reporting: one
 * `IdentifiableReportRun` per 1000 learners, all parts in one all-or-nothing append, acknowledged by
 * ingest (202) before anything is shown. If the append fails, this throws and nothing is shown (503).
 */
@Injectable()
export class IdentifiableViews {
  constructor(
    private readonly ingest: IngestClient,
    @Inject(REPORTING_CONFIG) private readonly config: ReportingConfig,
  ) {}

  /**
   * Records a report run before its output is sent. Up to AUDIT_MAX_LISTED_SUBJECTS learners are
   * listed (parts of 1 000, as `record`). A larger run (an admin's CSV of every learner) cannot list
   * them first: a Kafka message holds about 1 MB and one append at most 1 000 events, and listing a
   * million learners would mean reading them all before the first byte. It is recorded instead as one
   * event naming what its parameters covered (`parameters.coverage`) and how many learners that was,
   * with no list; "who viewed my record" then shows each learner the covered runs that included people
   * like them at the time (see the record-views projection). Either way nothing is sent unless ingest accepted it.
   */
  async recordReport(view: Omit<IdentifiableView, 'subjectIds'> & { subjects: ReportSubjects }): Promise<void> {
    const { subjects, ...rest } = view;
    const parameters = { ...view.parameters, coverage: subjects.coverage };
    if (subjects.ids !== null && subjects.ids.length <= this.config.reports.auditMaxListedSubjects) {
      return this.record({ ...rest, parameters, subjectIds: [...subjects.ids] });
    }
    const event = this.runEvent({ ...rest, parameters: { ...parameters, listed: 'no' }, subjectIds: [] }, randomUUID(), new Date().toISOString(), [], 1, 1);
    await this.ingest.appendAsReporting([{ ...event, data: { ...event.data, subjectCount: subjects.count } }]);
  }

  async record(view: IdentifiableView): Promise<void> {
    const runId = randomUUID();
    const chunks = chunk(view.subjectIds, MAX_SUBJECTS_PER_RUN_PART);
    const occurredAt = new Date().toISOString();
    const events = chunks.map((subjectIds, i) => this.runEvent(view, runId, occurredAt, subjectIds, i + 1, chunks.length));
    await this.ingest.appendAsReporting(events);
  }

  private runEvent(view: IdentifiableView, runId: string, occurredAt: string, subjectIds: string[], part: number, parts: number) {
    return {
      eventId: randomUUID(),
      type: 'IdentifiableReportRun',
      version: 2,
      occurredAt,
      subject: view.viewerId,
      actor: view.viewerId,
      data: {
        runId,
        reportName: view.reportName,
        parameters: view.parameters,
        viewerRole: view.roles.join(','),
        watermark: view.watermark,
        subjectCount: view.subjectIds.length,
        part,
        parts,
        subjectIds,
      },
    };
  }
}

/** At least one chunk, so a run that showed nobody is still recorded. */
function chunk<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
