import { Injectable } from '@nestjs/common';
import type { CertificateScopeType } from '@ledger/events';
import {
  CATALOGUE_COLLECTION,
  CatalogueEntryDocument,
  catalogueEntryId,
  LEARNER_PROFILES_COLLECTION,
  LEARNER_PROGRESS_COLLECTION,
  LearnerProfileDocument,
  LearnerProgressDocument,
  learnerProgressId,
  readByIds,
  ReadModels,
  SessionContainerProgressDocument,
} from '@ledger/read-store';
import { registeredName } from '../learner-record/registered-name';
import { partKey } from '../shared/certificates/certificate-overview';
import { CertificateRecord } from './certificate-facts';

/** The record behind one certificate, and whether its course or programme leaves the summary pages out. */
export interface CertificateSources {
  record: CertificateRecord;
  omitsSummary: boolean;
}

/**
 * Reads what one learner's certificate in one container rests on, each read an `_id` equality: the
 * progress document, the learner's profile (the name as registered), for a programme its required
 * parts' progress, and the catalogue entry (whether the summary pages are left out). Everything is
 * read from the generation `source` reads (a report source: the current one, or a past one), so a
 * certificate can be computed from the read models as they stood at a past moment.
 */
@Injectable()
export class CertificateRecords {
  async read(source: ReadModels, learnerId: string, kind: CertificateScopeType, containerId: string): Promise<CertificateSources> {
    const [progressModel, profiles, catalogue] = await Promise.all([
      source.readModel<LearnerProgressDocument>(LEARNER_PROGRESS_COLLECTION),
      source.readModel<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION),
      source.readModel<CatalogueEntryDocument>(CATALOGUE_COLLECTION),
    ]);
    const [progress, profile, entry] = await Promise.all([
      progressModel.findOne({ _id: learnerProgressId(learnerId, kind, containerId) }),
      profiles.findOne({ _id: learnerId }),
      catalogue.findOne({ _id: catalogueEntryId(kind, containerId) }),
    ]);
    const partIds = progress?.kind === 'programme' ? progress.parts.filter((p) => p.required).map((p) => learnerProgressId(learnerId, p.kind, p.containerId)) : [];
    const partDocs = [...(await readByIds(progressModel, partIds)).values()].filter((doc): doc is SessionContainerProgressDocument => doc.kind !== 'programme');
    return {
      record: { learnerId, learnerName: registeredName(profile?.name ?? null), progress, parts: new Map(partDocs.map((doc) => [partKey(doc.kind, doc.containerId), doc])) },
      omitsSummary: entry !== null && entry.kind !== 'session' && entry.definition !== null && entry.definition.omitsSummaryFromCertificate,
    };
  }
}
