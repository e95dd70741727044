import { Inject, Injectable } from '@nestjs/common';
import { DeploymentKey, DEPLOYMENT_KEY } from '@ledger/deployment-key';
import { AUDIT_FACTS_COLLECTION, AuditFactDocument, CertificateIssuedFact } from '@ledger/read-store';
import { AppError } from '@ledger/runtime';
import { noSuchRecord } from '../access/learner-access';
import type { ReportingConfig } from '../config';
import type { ReportSource } from '../report-outputs/report-source';
import { REPORTING_CONFIG } from '../tokens';
import { verificationPageUrl } from './certificate-page';
import { signOpenBadgeCredential } from './open-badges/credential-jwt';
import { openBadgeCredential } from './open-badges/open-badge-credential';

/**
 * Certificates are reachable only through the learner's own account: anyone else asking about a
 * learner's certificates, hub admins included, gets the same answer as for a learner who does not
 * exist. (Auditors see the issue records on their own page.)
 */
export function requireOwnCertificates(viewerId: string, learnerId: string): void {
  if (viewerId !== learnerId) throw noSuchRecord();
}

/** A certificate issued to the learner, as their list shows it. */
export type IssuedCertificateView = Pick<CertificateIssuedFact, 'scopeType' | 'scopeId' | 'title' | 'verificationCode' | 'completedAt' | 'watermark' | 'factsHash'> & {
  issuedAt: string;
  /** Whether an Open Badges credential can be made of it (issues recorded with their facts). */
  hasCredential: boolean;
};

/** A learner's own certificates (where each stands: shared/certificates): those issued, and each issued one as an Open Badges credential. */
@Injectable()
export class LearnerCertificates {
  constructor(
    @Inject(DEPLOYMENT_KEY) private readonly key: DeploymentKey,
    @Inject(REPORTING_CONFIG) private readonly config: ReportingConfig,
  ) {}

  /** The certificates issued to the learner, newest first. */
  async issued(source: ReportSource, learnerId: string): Promise<IssuedCertificateView[]> {
    return (await this.issuedFacts(source, learnerId)).map((f) => ({ ...pick(f), issuedAt: f.issuedAt, hasCredential: hasFacts(f) }));
  }

  /** The Open Badges 3.0 credential (VC-JWT) of one certificate issued to the learner. */
  async credential(source: ReportSource, learnerId: string, verificationCode: string): Promise<string> {
    const fact = (await this.issuedFacts(source, learnerId)).find((f) => f.verificationCode === verificationCode);
    if (!fact) throw new AppError('RESOURCE.NOT_FOUND', 'No certificate with this code was issued to you (a new one is listed a moment after its download).');
    if (!hasFacts(fact)) throw new AppError('RESOURCE.NOT_FOUND', 'This certificate was issued before credentials were; download the certificate again for one.');
    const { publicUrl, hubName } = this.config;
    const credential = openBadgeCredential(
      { eventId: fact._id, kind: fact.scopeType, containerId: fact.scopeId, learnerName: fact.learnerName, title: fact.title, completedAt: fact.completedAt, issuedAt: fact.issuedAt, verificationCode, factsHash: fact.factsHash },
      { publicUrl, hubName, verifyUrl: verificationPageUrl(publicUrl, verificationCode) },
    );
    return signOpenBadgeCredential(credential, this.key, publicUrl);
  }

  private async issuedFacts(source: ReportSource, learnerId: string): Promise<CertificateIssuedFact[]> {
    const facts = await (await source.readModel<AuditFactDocument>(AUDIT_FACTS_COLLECTION)).find({ learnerId }).batchSize(1000).toArray();
    return facts.filter((f): f is CertificateIssuedFact => f.kind === 'certificate-issued').sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  }
}

type WithFacts = CertificateIssuedFact & { learnerName: string; title: string; completedAt: string };
const hasFacts = (f: CertificateIssuedFact): f is WithFacts => f.factsVersion > 0 && f.learnerName !== null && f.title !== null && f.completedAt !== null;
const pick = ({ scopeType, scopeId, title, verificationCode, completedAt, watermark, factsHash }: CertificateIssuedFact) => ({ scopeType, scopeId, title, verificationCode, completedAt, watermark, factsHash });
