import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MAX_SUBJECTS_PER_RUN_PART } from '@ledger/events';
import type { ViewerRole } from '@ledger/access-policy';
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
 * Every identifiable view is a ledger fact, recorded before the data leaves reporting: one
 * `IdentifiableReportRun` per 1000 learners, all parts in one all-or-nothing append, acknowledged by
 * ingest (202) before anything is shown. If the append fails, this throws and nothing is shown (503).
 */
@Injectable()
export class IdentifiableViews {
  constructor(private readonly ingest: IngestClient) {}

  async record(view: IdentifiableView): Promise<void> {
    const runId = randomUUID();
    const chunks = chunk(view.subjectIds, MAX_SUBJECTS_PER_RUN_PART);
    const occurredAt = new Date().toISOString();
    const events = chunks.map((subjectIds, i) => ({
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
        part: i + 1,
        parts: chunks.length,
        subjectIds,
      },
    }));
    await this.ingest.appendAsReporting(events);
  }
}

/** At least one chunk, so a run that showed nobody is still recorded. */
function chunk<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
