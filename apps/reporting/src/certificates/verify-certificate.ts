import { Injectable } from '@nestjs/common';
import { AUDIT_FACTS_COLLECTION, AuditFactDocument, CertificateIssuedFact, certificateVerificationId } from '@ledger/read-store';
import type { ReportSource } from '../report-outputs/report-source';
import { CERTIFICATE_FACTS_VERSION } from './certificate-facts';
import { CertificateComposer } from './compose-certificate';

export type VerificationStatus = 'valid' | 'superseded' | 'not-recognised';

export const VERIFICATION_STATUS_TEXT: Record<VerificationStatus, string> = {
  valid: 'Valid: the current record still supports this certificate.',
  superseded: 'Superseded: the record has changed since this was issued (for example a later failed attempt).',
  'not-recognised': 'Not recognised: no certificate was issued with this code.',
};

/**
 * What anyone holding a code may learn, and nothing more about the learner: the name, title and
 * completion date the certificate printed, when it was issued, and whether the current record still
 * supports it.
 */
export interface CertificateVerification {
  verificationCode: string;
  status: VerificationStatus;
  statusText: string;
  /** Null when the code is not recognised. */
  certificate: { learnerName: string; title: string; completedAt: string; issuedAt: string } | null;
}

/**
 * Checks a certificate by its code: finds the issue (the verification document names it, the issue's
 * own fact says what page 1 printed and whose record it was), composes the certificate again from the
 * current record and compares the facts hash. Valid when equal; superseded when the record no longer
 * supports a certificate or supports a different one; not recognised for an unknown code, a code
 * issued twice (it proves nothing), or an issue recorded before its facts were (version 1 of the event).
 */
@Injectable()
export class CertificateVerifier {
  constructor(private readonly composer: CertificateComposer) {}

  async verify(source: ReportSource, verificationCode: string): Promise<CertificateVerification> {
    const issue = await this.issueOf(source, verificationCode);
    if (!issue || issue.factsVersion !== CERTIFICATE_FACTS_VERSION || !issue.learnerName || !issue.title || !issue.completedAt) {
      return { verificationCode, status: 'not-recognised', statusText: VERIFICATION_STATUS_TEXT['not-recognised'], certificate: null };
    }
    const now = await this.composer.compose(source, issue.learnerId, issue.scopeType, issue.scopeId);
    const status: VerificationStatus = now.available && now.certificate.factsHash === issue.factsHash ? 'valid' : 'superseded';
    const { learnerName, title, completedAt, issuedAt } = issue;
    return { verificationCode, status, statusText: VERIFICATION_STATUS_TEXT[status], certificate: { learnerName, title, completedAt, issuedAt } };
  }

  private async issueOf(source: ReportSource, verificationCode: string): Promise<CertificateIssuedFact | null> {
    const facts = await source.readModel<AuditFactDocument>(AUDIT_FACTS_COLLECTION);
    const verification = await facts.findOne({ _id: certificateVerificationId(verificationCode) });
    if (verification?.kind !== 'certificate-verification' || verification.issues.length !== 1) return null;
    const issue = await facts.findOne({ _id: verification.issues[0].eventId });
    return issue?.kind === 'certificate-issued' ? issue : null;
  }
}
