import { Injectable } from '@nestjs/common';
import type { CertificateScopeType } from '@ledger/events';
import type { ReportSource } from '../report-outputs/report-source';
import { CertificateFacts, certificateFacts, factsHash } from './certificate-facts';
import { CertificateRecords } from './certificate-records';

/** A certificate the record supports: its facts and their hash, whether it leaves out the summary, and the watermark read. */
export interface ComposedCertificate {
  facts: CertificateFacts;
  factsHash: string;
  omitsSummary: boolean;
  /** "Data complete through" when the record was read; null before anything was projected. */
  watermark: string | null;
}

export type Composition = { available: true; certificate: ComposedCertificate } | { available: false; missing: string[] };

/**
 * What one learner's certificate in one container says, from one report source: the current read
 * models for a download or a verification, a past generation for an auditor's "as it stood then".
 * Nothing is rendered or recorded here.
 */
@Injectable()
export class CertificateComposer {
  constructor(private readonly records: CertificateRecords) {}

  async compose(source: ReportSource, learnerId: string, kind: CertificateScopeType, containerId: string): Promise<Composition> {
    // The watermark first: the record read after it is at least as complete as it says.
    const watermark = await source.dataCompleteThrough();
    const { record, omitsSummary } = await this.records.read(source, learnerId, kind, containerId);
    const outcome = certificateFacts(record);
    if (!outcome.available) return outcome;
    return { available: true, certificate: { facts: outcome.facts, factsHash: factsHash(outcome.facts), omitsSummary, watermark } };
  }
}
