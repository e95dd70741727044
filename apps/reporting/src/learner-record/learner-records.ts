import { Injectable } from '@nestjs/common';
import { seesProgramme, Sight, ViewerFacts } from '@ledger/access-policy';
import { LEARNER_PROGRESS_COLLECTION, LEARNER_SESSIONS_COLLECTION, LearnerProgressDocument, LearnerSessionDocument } from '@ledger/read-store';
import { IdentifiableViews } from '../access/identifiable-views';
import { LearnerAccess } from '../access/learner-access';
import { ReportSource, ReportSources } from '../report-outputs/report-source';
import { learnerName } from '../shared/reports/learner-scope';
import { LearnerSessionView } from './learner-session.view';
import { ProgressView, progressView, programmeOf } from './progress.view';

export interface LearnerRecord {
  learnerId: string;
  dataCompleteThrough: string | null;
  sessions: LearnerSessionView[];
  progress: ProgressView[];
}

/** Which view of a record was shown, for the audit fact. */
export type RecordViewName = 'learner-sessions' | 'learner-progress' | 'learner-record';

/**
 * A learner's record as one viewer may see it: the access policy decides (a refusal is the same for a
 * learner who does not exist), rows of programmes the viewer may not see are left out, and before
 * anything of it is returned to anyone but the learner, the view is recorded in the ledger.
 */
@Injectable()
export class LearnerRecords {
  constructor(
    private readonly sources: ReportSources,
    private readonly access: LearnerAccess,
    private readonly views: IdentifiableViews,
  ) {}

  /** The learner's name as registered, or their id: for a page headed with whose record it is, once `show` allowed it. */
  nameOf(learnerId: string): Promise<string> {
    return learnerName(this.sources.current(), learnerId);
  }

  async show(viewer: ViewerFacts, learnerId: string, view: RecordViewName): Promise<LearnerRecord> {
    const sight = await this.access.requireSight(viewer, learnerId);
    const record = await this.readFor(this.sources.current(), learnerId, sight);
    if (!sight.roles.includes('self')) {
      await this.views.record({
        viewerId: viewer.userId,
        roles: sight.roles,
        reportName: view,
        parameters: { learnerId, programmes: sight.programmes === 'all' ? 'all' : sight.programmes.join(',') },
        subjectIds: [learnerId],
        watermark: record.dataCompleteThrough,
      });
    }
    return record;
  }

  /**
   * The record as `sight` allows, read from `source` (the live read models, or a past generation),
   * with no access decision and nothing recorded: for callers that decided who may see it and record
   * the view themselves (an auditor's view as of a moment).
   */
  async readFor(source: ReportSource, learnerId: string, sight: Sight): Promise<LearnerRecord> {
    const [sessionDocs, progressDocs, dataCompleteThrough] = await Promise.all([
      (await source.readModel<LearnerSessionDocument>(LEARNER_SESSIONS_COLLECTION)).find({ learnerId }).toArray(),
      (await source.readModel<LearnerProgressDocument>(LEARNER_PROGRESS_COLLECTION)).find({ learnerId }).toArray(),
      source.dataCompleteThrough(),
    ]);
    const programmeOfSession = new Map<string, string>();
    const titleOfSession = new Map<string, string>();
    for (const doc of progressDocs) {
      if (doc.kind === 'programme') continue;
      for (const s of doc.sessions) {
        programmeOfSession.set(s.sessionId, doc.programmeId);
        if (s.title) titleOfSession.set(s.sessionId, s.title);
      }
    }
    const sessions = sessionDocs
      .filter((doc) => seesProgramme(sight, programmeOfSession.get(doc.sessionId) ?? null))
      .map((doc) => LearnerSessionView.from(doc, titleOfSession.get(doc.sessionId) ?? null))
      .sort((a, b) => (b.lastAccessedAt ?? '').localeCompare(a.lastAccessedAt ?? ''));
    const progress = progressDocs
      .filter((doc) => seesProgramme(sight, programmeOf(doc)))
      .map(progressView)
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.containerId.localeCompare(b.containerId));
    return { learnerId, dataCompleteThrough, sessions, progress };
  }
}
