import { Inject, Injectable } from '@nestjs/common';
import { capabilitiesOf, decideSight, seesAnything, Sight, ViewerFacts } from '@ledger/access-policy';
import {
  ACCESS_CHANGE_TRAIL_COLLECTION,
  AccessChangeTrailEntry,
  AS_OF_GENERATIONS_COLLECTION,
  AsOfGenerationDocument,
  describeCut,
  grantsIdOfLearner,
  grantsIdOfOrganisation,
  grantsIdOfProfessionalBody,
  grantsIdOfProject,
  LEARNER_PROFILES_COLLECTION,
  LearnerProfileDocument,
  LedgerCut,
  ReadStore,
} from '@ledger/read-store';
import { AppError } from '@ledger/runtime';
import { IdentifiableViews } from '../../access/identifiable-views';
import { LearnerRecord, LearnerRecords } from '../../learner-record/learner-records';
import type { ReportingConfig } from '../../config';
import { ReportSource, ReportSources } from '../../report-outputs/report-source';
import type { ProgrammeCertificates } from '../certificates/certificate-overview';
import { readCertificateOverview } from '../certificates/read-certificate-overview';
import type { ReportRequester } from '../reports/report-definition';
import type { ReportRun, RunToRecord } from '../reports/report-run';
import { REPORTING_CONFIG } from '../../tokens';

/** An auditor sees a learner's whole record as of a moment: every programme. */
const WHOLE_RECORD: Sight = { programmes: 'all', roles: [] };

/** A view as of a moment (see AsOfViews.view). */
export interface AsOfView<R> {
  /** Recorded as the identifiable view's report name. */
  reportName: string;
  parameters: Record<string, string>;
  /** Whether a view replayed for this learner alone holds what `read` needs. */
  onlyLearner: (learnerId: string) => boolean;
  /** Reads what is shown from the cut's source, and from nothing else (`cut`: to state it). */
  read: (source: ReportSource, cut: LedgerCut) => Promise<R>;
  /** The learners the result shows. */
  subjects: (result: R) => string[];
}

/** The auditor asking, as a report's header names them. */
export interface Auditor {
  userId: string;
  displayName: string;
}

/** Someone who could see the learner at the cut, and why. */
export interface PossibleViewer {
  viewerId: string;
  roles: readonly string[];
  programmes: 'all' | readonly string[];
}

/** A learner's record as of a moment, and their certificates as they stood then. */
export interface AsOfLearnerRecord {
  record: LearnerRecord;
  certificates: ProgrammeCertificates[];
  asOf: AsOfGenerationDocument;
}

/** An as-of generation that is ready, and the report source that reads it (its "data complete to" is the cut's instant). */
export interface AsOfReading {
  asOf: AsOfGenerationDocument;
  source: ReportSource;
}

/**
 * Views of the read models as of a moment, for auditors (the caller has checked the auditor role):
 * each reads an as-of generation the projector computed, through a report source of that generation
 * (the same seam every report reads through), with the same readers the live pages use, and is
 * recorded as an identifiable view (role "auditor", the cut as watermark) before anything is returned.
 */
@Injectable()
export class AsOfViews {
  constructor(
    private readonly store: ReadStore,
    private readonly sources: ReportSources,
    private readonly records: LearnerRecords,
    private readonly views: IdentifiableViews,
    @Inject(REPORTING_CONFIG) private readonly config: ReportingConfig,
  ) {}

  /** The as-of generation `key`, ready and not yet dropped; 404 otherwise. */
  async generation(key: string): Promise<AsOfGenerationDocument> {
    const document = await this.store.db.collection<AsOfGenerationDocument>(AS_OF_GENERATIONS_COLLECTION).findOne({ _id: key });
    if (document?.status !== 'ready' || (document.expiresAt !== null && document.expiresAt <= new Date().toISOString())) {
      throw new AppError('RESOURCE.NOT_FOUND', 'no such view as of a moment is kept (it may have expired): ask for it again');
    }
    return document;
  }

  /**
   * The as-of generation `key` and a source reading it, when it holds what the caller needs: a view kept
   * for one learner only serves that learner (`onlyLearner` says whether that is enough); 404 otherwise.
   */
  async reading(key: string, onlyLearner: (learnerId: string) => boolean): Promise<AsOfReading> {
    const asOf = await this.generation(key);
    if (asOf.scope.kind === 'learner' && !onlyLearner(asOf.scope.learnerId)) {
      throw new AppError('RESOURCE.NOT_FOUND', 'this view as of a moment holds one learner\'s record only; ask for the whole ledger');
    }
    return { asOf, source: this.sources.ofGeneration(asOf.generation, asOf.cut.asOf) };
  }

  /**
   * The seam for any view as of a moment: runs `view.read` on the report source of `key` (read models,
   * access facts and "data complete to" of the cut), records the view for the learners `view.subjects`
   * names, then returns it. A reader given the source must not decide access itself: the auditor's
   * right is checked by the caller.
   */
  async view<R>(auditorId: string, key: string, view: AsOfView<R>): Promise<{ result: R; asOf: AsOfGenerationDocument }> {
    const { asOf, source } = await this.reading(key, view.onlyLearner);
    const result = await view.read(source, asOf.cut);
    await this.views.record({
      viewerId: auditorId,
      roles: ['auditor'],
      reportName: view.reportName,
      parameters: asOfParameters(asOf, view.parameters),
      subjectIds: view.subjects(result),
      watermark: asOf.cut.asOf,
    });
    return { result, asOf };
  }

  /**
   * A run of any report as of the cut `key`, for an auditor (the caller checked the role): it reads the
   * cut's source with whole sight (see withWholeSight), states the cut with every output, and is
   * recorded before any output as the identifiable view `as-of:<report>` with the run's parameters and
   * the learners it shows (or what it covered), role "auditor", the cut as watermark. A report reads
   * many learners, their grants and the catalogue, so it needs a whole-ledger cut.
   */
  async reportRun(auditor: Auditor, key: string): Promise<{ run: ReportRun; asOf: AsOfGenerationDocument }> {
    const { asOf, source } = await this.reading(key, () => false);
    const record = (run: RunToRecord) =>
      this.views.recordReport({
        viewerId: auditor.userId,
        roles: ['auditor'],
        reportName: `as-of:${run.reportId}`,
        parameters: asOfParameters(asOf, run.parameters),
        watermark: asOf.cut.asOf,
        subjects: run.subjects,
      });
    const reportsPath = `/auditor/as-of/${encodeURIComponent(asOf._id)}/reports`;
    return { run: { requester: withWholeSight(auditor), source, cut: asOf.cut, reportsPath, record }, asOf };
  }

  /**
   * The learner's whole record at the cut, with where each of their certificates stood then (as their
   * Certificates page would have shown it): one view, recorded as `as-of-learner-record`.
   */
  async learnerRecord(auditorId: string, key: string, learnerId: string): Promise<AsOfLearnerRecord> {
    const read = async (source: ReportSource) => {
      const [record, certificates] = await Promise.all([
        this.records.readFor(source, learnerId, WHOLE_RECORD),
        readCertificateOverview(source, learnerId),
      ]);
      return { record, certificates };
    };
    const { result, asOf } = await this.view(auditorId, key, {
      reportName: 'as-of-learner-record',
      parameters: { learnerId },
      onlyLearner: (id) => id === learnerId,
      read,
      subjects: () => [learnerId],
    });
    return { ...result, asOf };
  }

  /**
   * Who could see the learner's identifiable activity at the cut, by the access policy applied to the
   * grants and profile as they stood then. Candidates come from the learner's own grants (tutors,
   * projects, professional bodies), their workplace's runners, and everyone ever granted hub admin by
   * then, plus the hub admins configured now (HUB_ADMINS has no history). Needs a whole-ledger cut.
   */
  async whoCouldSee(auditorId: string, key: string, learnerId: string): Promise<{ viewers: PossibleViewer[]; asOf: AsOfGenerationDocument }> {
    const read = async (source: ReportSource) => {
      const candidates = await this.candidates(source, learnerId);
      const found: PossibleViewer[] = [];
      for (const viewerId of [...candidates].sort()) {
        const viewer = await source.access.viewer(viewerId);
        const sight = decideSight(viewer, await source.access.subject(learnerId, viewer));
        if (seesAnything(sight)) found.push({ viewerId, roles: sight.roles, programmes: sight.programmes });
      }
      return found;
    };
    // Grants come from every partition: one learner's replay does not hold them.
    const { result, asOf } = await this.view(auditorId, key, { reportName: 'as-of-who-could-see', parameters: { learnerId }, onlyLearner: () => false, read, subjects: () => [learnerId] });
    return { viewers: result, asOf };
  }

  private async candidates(source: ReportSource, learnerId: string): Promise<Set<string>> {
    const { access } = source;
    const ids = new Set<string>([learnerId, ...this.config.hubAdmins]);
    const learner = await access.grant(grantsIdOfLearner(learnerId), 'learner');
    learner?.authorisedViewers.forEach((a) => ids.add(a.viewerId));
    for (const projectId of new Set(learner?.projectEnrolments.map((e) => e.projectId) ?? [])) {
      (await access.grant(grantsIdOfProject(projectId), 'project'))?.staff.forEach((s) => ids.add(s.staffId));
    }
    for (const bodyId of new Set(learner?.professionalBodies.map((m) => m.professionalBodyId) ?? [])) {
      (await access.grant(grantsIdOfProfessionalBody(bodyId), 'professional-body'))?.officers.forEach((o) => ids.add(o.officerId));
    }
    const profile = await (await source.readModel<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION)).findOne({ _id: learnerId });
    const odsCode = profile?.workplace?.odsCode;
    if (odsCode) (await access.grant(grantsIdOfOrganisation(odsCode), 'organisation'))?.reportRunners.forEach((r) => ids.add(r.runnerId));
    const admins = await (await source.readModel<AccessChangeTrailEntry>(ACCESS_CHANGE_TRAIL_COLLECTION)).find({ role: 'hub-admin' }).toArray();
    admins.forEach((change) => change.viewerId && ids.add(change.viewerId));
    return ids;
  }
}

/** The parameters an as-of view is recorded with: the view's own, the instant, the cut and its key. */
function asOfParameters(asOf: AsOfGenerationDocument, parameters: Record<string, string>): Record<string, string> {
  return { ...parameters, asOf: asOf.cut.asOf ?? 'ledger position', cut: describeCut(asOf.cut), asOfKey: asOf._id };
}

/**
 * An auditor reading the ledger as of a moment sees what a hub admin sees (every learner, every
 * programme: the policy's hub-admin row), so every report runs for them as it would for an admin then.
 * These facts are made here and nowhere else, after the caller checked the auditor role on the live
 * grants; they never come from a token or a session, so no live access check ever sees them.
 */
function withWholeSight(auditor: Auditor): ReportRequester {
  const facts: ViewerFacts = { userId: auditor.userId, bootstrappedAdmin: true, grants: null };
  return { ...auditor, facts, capabilities: capabilitiesOf(facts) };
}
