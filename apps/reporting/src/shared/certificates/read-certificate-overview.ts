import {
  CATALOGUE_COLLECTION,
  CatalogueEntryDocument,
  catalogueEntryId,
  CourseEntry,
  LEARNER_PROGRESS_COLLECTION,
  LearnerProgressDocument,
  LearningPathEntry,
  readByIds,
} from '@ledger/read-store';
import type { ReportSource } from '../../report-outputs/report-source';
import { certificateOverview, partKey, ProgrammeCertificates, untouchedPartIds } from './certificate-overview';

/**
 * Every programme with certificates the learner has activity in, and each of its courses and learning
 * paths, as read from `source`: the live read models for the learner's Certificates page, the cut's for
 * an auditor's record as of a moment. Nothing is decided about access here.
 */
export async function readCertificateOverview(source: ReportSource, learnerId: string): Promise<ProgrammeCertificates[]> {
  const progress = await (await source.readModel<LearnerProgressDocument>(LEARNER_PROGRESS_COLLECTION)).find({ learnerId }).toArray();
  const catalogue = await source.readModel<CatalogueEntryDocument>(CATALOGUE_COLLECTION);
  const entries = await readByIds(catalogue, untouchedPartIds(progress).map(({ kind, containerId }) => catalogueEntryId(kind, containerId)));
  const parts = [...entries.values()].filter((e): e is CourseEntry | LearningPathEntry => e.kind === 'course' || e.kind === 'learning-path');
  return certificateOverview(progress, new Map(parts.map((e) => [partKey(e.kind, e.catalogueId), e])));
}
