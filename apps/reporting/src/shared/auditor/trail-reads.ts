import { Injectable } from '@nestjs/common';
import type { Collection, Filter } from 'mongodb';
import {
  ACCESS_CHANGE_TRAIL_COLLECTION,
  AccessChangeTrailEntry,
  CERTIFICATE_ISSUE_TRAIL_COLLECTION,
  CertificateIssueTrailEntry,
  readByIds,
  ReadStore,
  RECORD_VIEWS_COLLECTION,
  RecordViewDocument,
  REPORT_RUN_TRAIL_COLLECTION,
  ReportRunTrailEntry,
} from '@ledger/read-store';
import { periodBuckets, TrailFilter } from './trail-filter';

/** Most entries one page or CSV holds; the page says when there were more. */
export const MAX_TRAIL_ENTRIES = 2_000;

export interface TrailPage<T> {
  entries: T[];
  /** How many matched before the cap. */
  total: number;
  /** The period read (a missing one is the last 30 days). */
  from: string;
  to: string;
}

type Entry = { _id: string; occurredAt: string; day: string };

/**
 * The auditors' trail, read by the filters of the Auditor page. Each read is an equality on declared
 * top-level fields: the filters that are set, per bucket of the period (see periodBuckets). A learner
 * filter on runs starts from the learner's `record_views` (which name each run part's event id), since
 * one run part can name a thousand learners.
 */
@Injectable()
export class TrailReads {
  constructor(private readonly store: ReadStore) {}

  async runs(filter: TrailFilter, today: Date): Promise<TrailPage<ReportRunTrailEntry>> {
    const runs = await this.store.readModel<ReportRunTrailEntry>(REPORT_RUN_TRAIL_COLLECTION);
    const equal: Filter<ReportRunTrailEntry> = { ...(filter.viewer && { viewerId: filter.viewer }), ...(filter.report && { reportName: filter.report }), ...(filter.organisation && { odsCode: filter.organisation }) };
    if (filter.learner) {
      const views = await (await this.store.readModel<RecordViewDocument>(RECORD_VIEWS_COLLECTION)).find({ learnerId: filter.learner }).toArray();
      const found = [...(await readByIds(runs, views.map((v) => v.eventId))).values()];
      const matches = found.filter((run) => Object.entries(equal).every(([field, value]) => run[field as keyof ReportRunTrailEntry] === value));
      return this.page(matches, filter, today);
    }
    return this.page(await this.byPeriod(runs, equal, filter, today), filter, today);
  }

  async certificates(filter: TrailFilter, today: Date): Promise<TrailPage<CertificateIssueTrailEntry>> {
    const issues = await this.store.readModel<CertificateIssueTrailEntry>(CERTIFICATE_ISSUE_TRAIL_COLLECTION);
    return this.page(await this.byPeriod(issues, filter.learner ? { learnerId: filter.learner } : {}, filter, today), filter, today);
  }

  async accessChanges(filter: TrailFilter, today: Date): Promise<TrailPage<AccessChangeTrailEntry>> {
    const changes = await this.store.readModel<AccessChangeTrailEntry>(ACCESS_CHANGE_TRAIL_COLLECTION);
    const equal: Filter<AccessChangeTrailEntry> = { ...(filter.learner && { learnerId: filter.learner }), ...(filter.viewer && { viewerId: filter.viewer }), ...(filter.organisation && { odsCode: filter.organisation }) };
    return this.page(await this.byPeriod(changes, equal, filter, today), filter, today);
  }

  /** One equality read per bucket of the period, with the other filters in the same read. */
  private async byPeriod<T extends Entry>(collection: Collection<T>, equal: Filter<T>, filter: TrailFilter, today: Date): Promise<T[]> {
    const buckets = periodBuckets(filter, today);
    const found: T[] = [];
    for (const value of buckets.values) found.push(...((await collection.find({ ...equal, [buckets.field]: value } as Filter<T>, { batchSize: 1_000 }).toArray()) as T[]));
    return found;
  }

  private page<T extends Entry>(entries: T[], filter: TrailFilter, today: Date): TrailPage<T> {
    const { from, to } = periodBuckets(filter, today);
    const inPeriod = entries.filter((e) => e.day >= from && e.day <= to).sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || a._id.localeCompare(b._id));
    return { entries: inPeriod.slice(0, MAX_TRAIL_ENTRIES), total: inPeriod.length, from, to };
  }
}
